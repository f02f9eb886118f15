// User-level aliases of the plugin's commands: ~/.claude/commands/octoperf-wait.md
// runs as /octoperf-wait. A user command has no ${CLAUDE_PLUGIN_ROOT}, so the
// alias carries the installed plugin's path in its place.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const ALIAS_PREFIX = "octoperf-";
export const ALIAS_MARKER = "<!-- octoperf alias: written by `npm run install:claude`, removed by `npm run uninstall:claude` -->";
/** A path that is safe inside the double quotes of the watcher command. */
const SAFE_PATH = /^\/[A-Za-z0-9._+@%,=\/ -]*$/;

export interface Alias {
  /** File name under the commands directory, e.g. octoperf-wait.md. */
  readonly file: string;
  readonly text: string;
}

/** The alias text of one command file. */
export function aliasText(command: string, installPath: string): string {
  if (!SAFE_PATH.test(installPath)) throw new Error(`the plugin's install path has characters a command line cannot carry safely: ${JSON.stringify(installPath.slice(0, 120))}`);
  const withRoot = command.replaceAll("${CLAUDE_PLUGIN_ROOT}", installPath);
  const end = withRoot.startsWith("---\n") ? withRoot.indexOf("\n---\n", 4) : -1;
  if (end < 0) return `${ALIAS_MARKER}\n${withRoot}`;
  const cut = end + "\n---\n".length;
  return `${withRoot.slice(0, cut)}${ALIAS_MARKER}\n${withRoot.slice(cut)}`;
}

/** One alias per command file of the staged plugin. */
export function aliasesFor(commandsDir: string, installPath: string): Alias[] {
  return readdirSync(commandsDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => ({ file: ALIAS_PREFIX + name, text: aliasText(readFileSync(join(commandsDir, name), "utf8"), installPath) }));
}
