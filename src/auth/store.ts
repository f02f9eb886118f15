// Where OAuth state for a server lives: the user's config directory, never
// the repository. One JSON file per server URL, readable by the user only.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import type { OAuthClientInformationMixed, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";

export interface StoredAuth {
  client?: OAuthClientInformationMixed;
  tokens?: OAuthTokens;
  codeVerifier?: string;
}

/** $XDG_CONFIG_HOME (or ~/.config, or %APPDATA%) / octoperf-plugin. */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || (process.platform === "win32" && env.APPDATA) || join(homedir(), ".config");
  return join(base, "octoperf-plugin");
}

export class TokenStore {
  readonly path: string;

  constructor(configDir: string, serverUrl: string) {
    const key = createHash("sha256").update(serverUrl).digest("hex").slice(0, 16);
    this.path = join(configDir, "oauth", `${key}.json`);
  }

  read(): StoredAuth {
    if (!existsSync(this.path)) return {};
    try {
      return JSON.parse(readFileSync(this.path, "utf8")) as StoredAuth;
    } catch {
      return {};
    }
  }

  update(change: (stored: StoredAuth) => void): void {
    const stored = this.read();
    change(stored);
    mkdirSync(join(this.path, ".."), { recursive: true, mode: 0o700 });
    writeFileSync(this.path, JSON.stringify(stored, null, 2), { mode: 0o600 });
    chmodSync(this.path, 0o600);
  }
}
