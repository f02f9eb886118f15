// Claude Code's own estimate of what a plugin costs every session
// (`claude --plugin-dir <dir> plugin details <name>`, "Always-on: ~N tok").
import { claudeEnv, runClaudeRaw, withTempDir } from "./run-claude.js";

export interface PluginCost {
  readonly alwaysOnTokens: number | undefined;
  readonly text: string;
}

export function parseAlwaysOn(text: string): number | undefined {
  const match = /Always-on:\s*~?([\d.]+)(k?)\s*tok/i.exec(text);
  if (!match?.[1]) return undefined;
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
}

export async function pluginCost(pluginDir: string, plugin: string): Promise<PluginCost> {
  return withTempDir("octoperf-e2e-details-", async (home) => {
    const result = await runClaudeRaw(["--plugin-dir", pluginDir, "plugin", "details", plugin], {
      home,
      cwd: home,
      env: claudeEnv(home, { modelUrl: "http://127.0.0.1:9" }),
      timeoutMs: 30_000,
    });
    return { alwaysOnTokens: parseAlwaysOn(result.stdout), text: result.stdout };
  });
}
