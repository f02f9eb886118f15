// The user's config folder for this plugin, and the folder its logins live
// in. Apart from paths.ts so that a hook can tell "nobody ever signed in"
// from the folder alone, without loading node:crypto (which names each
// login's files) on every tool call.
import { join } from "node:path";

export type Env = Readonly<Record<string, string | undefined>>;

/** $XDG_CONFIG_HOME (or $HOME/.config, or %APPDATA% on Windows) / octoperf-plugin. */
export function configDirFor(env: Env, platform: NodeJS.Platform = process.platform): string {
  const base = env.XDG_CONFIG_HOME || (platform === "win32" ? env.APPDATA : undefined) || (env.HOME ? join(env.HOME, ".config") : undefined);
  if (!base) throw new Error("no config folder: set XDG_CONFIG_HOME or HOME");
  return join(base, "octoperf-plugin");
}

/** The private folder every login's files live in. */
export function loginsFolder(configDir: string): string {
  return join(configDir, "oauth");
}
