// Stage the plugin's own files as a directory marketplace. Claude Code copies
// a plugin's whole tree and runs `npm install` when it finds a package.json
// (seen on 2.1.330), so the stage holds only what the plugin needs at run
// time: no package.json, no sources, no node_modules.
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Top-level entries of a plugin that are copied when present. */
export const PLUGIN_ENTRIES = [".claude-plugin", ".mcp.json", "commands", "skills", "agents", "hooks", "monitors", "scripts", "bin", "assets", "README.md", "LICENSE", "PRIVACY.md"] as const;

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface StagedPlugin {
  readonly dir: string;
  readonly plugin: string;
  readonly marketplace: string;
}

function nameIn(file: string, read: (json: Record<string, unknown>) => unknown): string {
  const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const name = read(json);
  if (typeof name !== "string" || !NAME.test(name)) throw new Error(`${file}: expected a kebab-case name, got ${JSON.stringify(name)}`);
  return name;
}

/** Read the plugin and marketplace names of a source tree. */
export function pluginNames(source: string): { plugin: string; marketplace: string } {
  const meta = join(source, ".claude-plugin");
  const plugin = nameIn(join(meta, "plugin.json"), (json) => json.name);
  const marketplace = nameIn(join(meta, "marketplace.json"), (json) => json.name);
  const listed = nameIn(join(meta, "marketplace.json"), (json) => (Array.isArray(json.plugins) ? (json.plugins as Record<string, unknown>[]).find((p) => p.name === plugin)?.name : undefined));
  return { plugin: listed, marketplace };
}

/** Replace `target` with a copy of the plugin entries of `source`. */
export function stagePlugin(source: string, target: string): StagedPlugin {
  const names = pluginNames(source);
  rmSync(target, { recursive: true, force: true });
  for (const entry of PLUGIN_ENTRIES) {
    const from = join(source, entry);
    if (existsSync(from)) cpSync(from, join(target, entry), { recursive: true });
  }
  return { dir: target, ...names };
}
