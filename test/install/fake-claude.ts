// A `claude` CLI for the installer's unit tests, on a temp HOME: it keeps the
// marketplace and plugin lists and writes settings.json the way the pinned
// client does (seen on 2.1.330: `marketplace add` adds extraKnownMarketplaces,
// `install` adds enabledPlugins, uninstall and remove leave the containers
// empty), and fails on a chosen command. The real client runs the same flows
// in test/e2e/installer.test.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ClaudeCliError, type ClaudeCli } from "../../src/install/claude-cli.js";
import type { InstallPaths } from "../../src/install/paths.js";

type Json = Record<string, Record<string, unknown>>;

export interface FakeClaude extends ClaudeCli {
  readonly calls: string[];
}

export function fakeClaude(paths: InstallPaths, options: { failOn?: string; marketplaces?: Record<string, string> } = {}): FakeClaude {
  const markets = new Map<string, string>(Object.entries(options.marketplaces ?? {}));
  const plugins: { id: string; scope: string; version: string; installPath: string }[] = [];
  const calls: string[] = [];
  const readSettings = (): Json => {
    const text = existsSync(paths.settingsFile) ? readFileSync(paths.settingsFile, "utf8") : "";
    return text.trim() === "" ? {} : (JSON.parse(text) as Json);
  };
  const writeSettings = (change: (settings: Json) => void): void => {
    const settings = readSettings();
    change(settings);
    mkdirSync(paths.configDir, { recursive: true });
    writeFileSync(paths.settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  };
  return {
    bin: "fake-claude",
    calls,
    run(args) {
      const command = args.join(" ");
      calls.push(command);
      if (options.failOn && command.startsWith(options.failOn)) throw new ClaudeCliError(`claude ${args.slice(0, 3).join(" ")} exited 1: Failed (as told)`);
      const [a, b, c, d] = args;
      if (a === "--version") return "2.1.330 (Claude Code)\n";
      if (a === "plugin" && b === "list") return JSON.stringify(plugins);
      if (a === "plugin" && b === "marketplace" && c === "list") return JSON.stringify([...markets].map(([name, path]) => ({ name, source: "directory", path })));
      if (a === "plugin" && b === "marketplace" && c === "add" && d) {
        const name = (JSON.parse(readFileSync(join(d, ".claude-plugin", "marketplace.json"), "utf8")) as { name: string }).name;
        markets.set(name, d);
        writeSettings((s) => void ((s.extraKnownMarketplaces ??= {})[name] = { source: { source: "directory", path: d } }));
        return "";
      }
      if (a === "plugin" && b === "marketplace" && c === "update") return "";
      if (a === "plugin" && b === "marketplace" && c === "remove" && d) {
        markets.delete(d);
        writeSettings((s) => void delete (s.extraKnownMarketplaces ??= {})[d]);
        return "";
      }
      if (a === "plugin" && b === "install" && c) {
        const [plugin, market] = c.split("@") as [string, string];
        const installPath = join(paths.pluginCacheDir, market, plugin, "0.1.0");
        mkdirSync(installPath, { recursive: true });
        plugins.push({ id: c, scope: "user", version: "0.1.0", installPath });
        writeSettings((s) => void ((s.enabledPlugins ??= {})[c] = true));
        return "";
      }
      if (a === "plugin" && b === "uninstall" && c) {
        plugins.splice(plugins.findIndex((p) => p.id === c), 1);
        writeSettings((s) => void delete (s.enabledPlugins ??= {})[c]);
        return "";
      }
      throw new ClaudeCliError(`fake claude does not know: ${command}`);
    },
  };
}
