// settings.json around an install: `claude plugin marketplace add` and
// `claude plugin install` write two entries into it and rewrite the file.
// Uninstall takes those entries out again; when what is left means the same
// as the file the user had, the user's exact bytes go back.
import { isDeepStrictEqual } from "node:util";

export const PLUGIN_KEYS = { enabled: "enabledPlugins", marketplaces: "extraKnownMarketplaces" } as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** `settings` without this plugin's entries, and without the containers the install created empty. */
export function withoutPlugin(settings: Json, before: Json | undefined, pluginId: string, marketplace: string): Json {
  const out: Json = { ...settings };
  for (const [key, entry] of [
    [PLUGIN_KEYS.enabled, pluginId],
    [PLUGIN_KEYS.marketplaces, marketplace],
  ] as const) {
    const container = out[key];
    if (!isObject(container)) continue;
    const rest = { ...container };
    if (!(isObject(before?.[key]) && entry in (before[key] as Json))) delete rest[entry];
    if (Object.keys(rest).length === 0 && !(before !== undefined && key in before)) delete out[key];
    else out[key] = rest;
  }
  return out;
}

export type SettingsAction =
  | { readonly kind: "restore" }
  | { readonly kind: "delete" }
  | { readonly kind: "keep" }
  | { readonly kind: "rewrite"; readonly text: string; readonly note: string };

/**
 * What to do with settings.json after Claude Code's uninstall. `current` and
 * `original` are file texts (undefined when absent).
 */
export function settingsAction(current: string | undefined, original: string | undefined, pluginId: string, marketplace: string): SettingsAction {
  if (current === undefined) return original === undefined ? { kind: "keep" } : { kind: "restore" };
  let now: unknown;
  try {
    now = JSON.parse(current);
  } catch {
    return { kind: "keep" };
  }
  if (!isObject(now)) return { kind: "keep" };
  let before: Json | undefined;
  if (original !== undefined) {
    try {
      const parsed: unknown = JSON.parse(original);
      before = isObject(parsed) ? parsed : undefined;
    } catch {
      // An empty file (0 bytes, or only white space) holds no settings: it means {}, and its bytes come back as they were.
      before = original.trim() === "" ? {} : undefined;
    }
  }
  const cleaned = withoutPlugin(now, before, pluginId, marketplace);
  if (original === undefined) return Object.keys(cleaned).length === 0 ? { kind: "delete" } : { kind: "rewrite", text: `${JSON.stringify(cleaned, null, 2)}\n`, note: "settings.json was created by Claude Code during the install and holds other settings now; kept them" };
  if (before !== undefined && isDeepStrictEqual(cleaned, before)) return { kind: "restore" };
  if (isDeepStrictEqual(cleaned, now)) return { kind: "keep" };
  return { kind: "rewrite", text: `${JSON.stringify(cleaned, null, 2)}\n`, note: "settings.json changed since the install; removed only the plugin's entries" };
}
