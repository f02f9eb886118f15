// A real install, as a user does it: `claude plugin marketplace add <dir>`
// then `claude plugin install octoperf@<marketplace>` into a temp HOME. The
// installed copy has no node_modules (npm is kept offline), so whatever runs
// from it must work from the committed files alone.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PLUGIN_NAME } from "../../../src/policy/tool-names.js";
import { claudeEnv, runClaudeRaw } from "./run-claude.js";

export interface InstalledPlugin {
  readonly id: string;
  readonly installPath: string;
  /** Whether the installed copy has a node_modules (the client tries `npm ci` there). */
  readonly hasNodeModules: boolean;
}

function marketplaceName(dir: string): string {
  const manifest: unknown = JSON.parse(readFileSync(join(dir, ".claude-plugin", "marketplace.json"), "utf8"));
  const name = (manifest as { name?: unknown }).name;
  if (typeof name !== "string") throw new Error("marketplace.json has no name");
  return name;
}

export async function installPlugin(home: string, pluginDir: string): Promise<InstalledPlugin> {
  const env = claudeEnv(home, { modelUrl: "http://127.0.0.1:9" });
  const options = { home, cwd: home, env, timeoutMs: 60_000 };
  const id = `${PLUGIN_NAME}@${marketplaceName(pluginDir)}`;
  const added = await runClaudeRaw(["plugin", "marketplace", "add", pluginDir], options);
  if (added.code !== 0) throw new Error(`marketplace add failed (${String(added.code)}): ${added.stdout}${added.stderr}`);
  const installed = await runClaudeRaw(["plugin", "install", id], options);
  if (installed.code !== 0) throw new Error(`plugin install failed (${String(installed.code)}): ${installed.stdout}${installed.stderr}`);
  const listed = await runClaudeRaw(["plugin", "list", "--json"], options);
  const plugins: unknown = JSON.parse(listed.stdout);
  const entry = Array.isArray(plugins) ? (plugins as { id?: unknown; installPath?: unknown }[]).find((p) => p.id === id) : undefined;
  if (typeof entry?.installPath !== "string") throw new Error(`${id} is not listed after install: ${listed.stdout}`);
  return { id, installPath: entry.installPath, hasNodeModules: existsSync(join(entry.installPath, "node_modules")) };
}
