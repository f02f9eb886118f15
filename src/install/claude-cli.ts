// The real `claude` CLI, for what only it may do: declare the marketplace,
// install and uninstall the plugin, and say where it put it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Env } from "./paths.js";

export interface ClaudeCli {
  readonly bin: string;
  run(args: readonly string[]): string;
}

export class ClaudeCliError extends Error {
  override name = "ClaudeCliError";
}

/** CLAUDE_BIN, else `claude` on PATH, else the client pinned in this repository. */
export function findClaude(env: Env, repoRoot: string): string {
  if (env.CLAUDE_BIN) return env.CLAUDE_BIN;
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join(dir, "claude");
    if (existsSync(candidate)) return candidate;
  }
  const pinned = join(repoRoot, "node_modules", ".bin", "claude");
  if (existsSync(pinned)) return pinned;
  throw new ClaudeCliError("no claude CLI found: install Claude Code, or set CLAUDE_BIN");
}

export function claudeCli(bin: string, env: Env): ClaudeCli {
  return {
    bin,
    run(args) {
      const result = spawnSync(bin, args, { env: env as NodeJS.ProcessEnv, encoding: "utf8", input: "", timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
      if (result.error) throw new ClaudeCliError(`claude ${args.slice(0, 3).join(" ")}: ${result.error.message}`);
      if (result.status !== 0) {
        const said = `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(-3).join(" / ").slice(0, 400);
        throw new ClaudeCliError(`claude ${args.slice(0, 3).join(" ")} exited ${String(result.status)}: ${said}`);
      }
      return result.stdout;
    },
  };
}

export interface InstalledPlugin {
  readonly id: string;
  readonly version?: string;
  readonly scope?: string;
  readonly installPath?: string;
}

export interface KnownMarketplace {
  readonly name: string;
  readonly path?: string;
}

/** The JSON array a `--json` listing prints (the last line that parses, to skip notices). */
function jsonArray(text: string): unknown[] {
  const start = text.indexOf("[");
  if (start < 0) throw new ClaudeCliError(`expected a JSON list from claude, got: ${text.slice(0, 200)}`);
  const parsed: unknown = JSON.parse(text.slice(start));
  if (!Array.isArray(parsed)) throw new ClaudeCliError("expected a JSON list from claude");
  return parsed;
}

const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function listPlugins(cli: ClaudeCli): InstalledPlugin[] {
  return jsonArray(cli.run(["plugin", "list", "--json"])).map((entry) => {
    const r = record(entry);
    return { id: text(r.id) ?? "", version: text(r.version), scope: text(r.scope), installPath: text(r.installPath) };
  });
}

export function listMarketplaces(cli: ClaudeCli): KnownMarketplace[] {
  return jsonArray(cli.run(["plugin", "marketplace", "list", "--json"])).map((entry) => {
    const r = record(entry);
    return { name: text(r.name) ?? "", path: text(r.path) };
  });
}

export function claudeVersion(cli: ClaudeCli): string {
  return cli.run(["--version"]).trim().split(" ")[0] ?? "";
}
