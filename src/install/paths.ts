// Where things go: Claude Code's config directory (CLAUDE_CONFIG_DIR, else
// $HOME/.claude), the user-level command aliases, and this installer's own
// directory (manifest, backups, the staged plugin), removed by uninstall.
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

export type Env = Readonly<Record<string, string | undefined>>;

export interface InstallPaths {
  readonly configDir: string;
  readonly commandsDir: string;
  readonly settingsFile: string;
  /** Claude Code's plugin cache (it keeps an orphaned copy after uninstall). */
  readonly pluginCacheDir: string;
  /** Everything this installer keeps for itself. */
  readonly stateDir: string;
  readonly manifestFile: string;
  readonly backupsDir: string;
  /** The plugin files, staged as a directory marketplace. */
  readonly stagedDir: string;
}

export const STATE_DIR_NAME = "octoperf-install";

export function configDir(env: Env): string {
  const explicit = env.CLAUDE_CONFIG_DIR;
  if (explicit) return resolve(explicit);
  const home = env.HOME || homedir();
  if (!isAbsolute(home)) throw new Error(`HOME must be an absolute path, got "${home.slice(0, 80)}"`);
  return join(home, ".claude");
}

export function installPaths(env: Env): InstallPaths {
  const config = configDir(env);
  const state = join(config, STATE_DIR_NAME);
  return {
    configDir: config,
    commandsDir: join(config, "commands"),
    settingsFile: join(config, "settings.json"),
    pluginCacheDir: join(config, "plugins", "cache"),
    stateDir: state,
    manifestFile: join(state, "manifest.json"),
    backupsDir: join(state, "backups"),
    stagedDir: join(state, "plugin"),
  };
}
