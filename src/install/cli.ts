// npm run install:claude | npm run uninstall:claude
// Installs this plugin into Claude Code's user config (CLAUDE_CONFIG_DIR, else
// $HOME/.claude) with the real `claude` CLI, plus /octoperf-<command> aliases;
// uninstall removes every trace and puts back every file it backed up.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { claudeCli, findClaude } from "./claude-cli.js";
import { install } from "./install.js";
import { installPaths } from "./paths.js";
import { uninstall } from "./uninstall.js";

const USAGE = "usage: tsx src/install/cli.ts install|uninstall [--source <plugin dir>]";
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function main(argv: readonly string[]): number {
  const [action, ...rest] = argv;
  const sourceAt = rest.indexOf("--source");
  const source = resolve(sourceAt >= 0 ? (rest[sourceAt + 1] ?? "") : repoRoot);
  if ((action !== "install" && action !== "uninstall") || (sourceAt >= 0 && !rest[sourceAt + 1])) {
    console.error(USAGE);
    return 2;
  }
  const paths = installPaths(process.env);
  const cli = claudeCli(findClaude(process.env, repoRoot), process.env);
  if (action === "install") {
    const report = install({ source, paths, cli });
    console.log(`installed ${report.pluginId} (${cli.bin}) into ${report.installPath}`);
    for (const alias of report.aliases) console.log(`alias ${alias}`);
    for (const backup of report.backups) console.log(`backed up ${backup}`);
    for (const note of report.notes) console.log(`note: ${note}`);
    console.log(`manifest ${report.manifest}; undo with npm run uninstall:claude`);
  } else {
    const report = uninstall({ paths, cli });
    for (const path of report.removed) console.log(`removed ${path}`);
    for (const path of report.restored) console.log(`restored ${path}`);
    for (const note of report.notes) console.log(`note: ${note}`);
    if (report.failures.length > 0) return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`octoperf ${process.argv[2] ?? ""}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
