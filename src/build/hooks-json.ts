// hooks/hooks.json, generated from the hook registry (src/hooks/runtime/registry.ts):
// one entry per hook, each running the one bundle with the hook's name, with
// the hook's own command options (timeout, async, asyncRewake). `npm run build`
// writes it; `--check` fails when the committed file differs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { HOOK_BUNDLE } from "../hooks/runtime/environment.js";
import { FAILURE_EVENT } from "../hooks/claude/input.js";
import { HOOKS, type HookSpec } from "../hooks/runtime/registry.js";

export { HOOK_BUNDLE } from "../hooks/runtime/environment.js";

export function hookCommand(name: string): string {
  return `node "\${CLAUDE_PLUGIN_ROOT}/${HOOK_BUNDLE}" ${name}`;
}

interface CommandHook {
  readonly type: "command";
  readonly command: string;
  readonly timeout: number;
  readonly async?: boolean;
  readonly asyncRewake?: boolean;
}

export function renderHooksJson(specs: readonly HookSpec[] = HOOKS): string {
  const hooks: Record<string, { matcher?: string; hooks: CommandHook[] }[]> = {};
  for (const spec of specs) {
    if (!/^[a-z][a-z0-9-]*$/.test(spec.name)) throw new Error(`hook name ${JSON.stringify(spec.name)} is not a plain word: it goes on a command line`);
    // Stop has no matcher (none is written, as the client's own examples do).
    const entry = { ...(spec.matcher ? { matcher: spec.matcher } : {}), hooks: [{ type: "command" as const, command: hookCommand(spec.name), ...spec.options }] };
    (hooks[spec.event] ??= []).push(entry);
    // A failed call of the same tools comes as PostToolUseFailure (measured on 2.1.330): the same hook runs on it.
    if ("onFailureToo" in spec && spec.onFailureToo) (hooks[FAILURE_EVENT] ??= []).push(entry);
  }
  const description =
    "OctoPerf polling policy: wait plan after a start, pace guard, outcome, the one-wake wait in the background, and the turn-end guard. Generated from src/hooks/runtime/registry.ts by npm run build; do not edit.";
  return `${JSON.stringify({ description, hooks }, null, 2)}\n`;
}

export const HOOKS_JSON = join("hooks", "hooks.json");

/** Write hooks/hooks.json, or with `check` only report whether it is fresh. */
export function syncHooksJson(root: string, check: boolean): { path: string; fresh: boolean } {
  const path = join(root, HOOKS_JSON);
  const text = renderHooksJson();
  const fresh = existsSync(path) && readFileSync(path, "utf8") === text;
  if (!fresh && !check) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { path, fresh };
}
