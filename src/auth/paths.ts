// Where a login is kept: the user's config folder, never the plugin's copy
// (Claude Code replaces ${CLAUDE_PLUGIN_ROOT} on update) and never the
// repository. One pair of files per server URL, inside <config>/oauth.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { loginsFolder } from "./config-dir.js";

export { configDirFor, loginsFolder, type Env } from "./config-dir.js";

/** The URL as one spelling (scheme and host lower-cased, default port dropped); throws on a non-http(s) URL. */
export function normalServerUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`not an http(s) URL: ${url.protocol}`);
  return url.href;
}

export interface LoginFiles {
  /** The private folder both files live in. */
  readonly folder: string;
  /** Client registration, tokens, PKCE verifier, discovery: secret. */
  readonly secrets: string;
  /** What a hook may read: signed in or not, expiry. No secret. */
  readonly meta: string;
}

export function loginFiles(configDir: string, serverUrl: string): LoginFiles {
  const key = createHash("sha256").update(normalServerUrl(serverUrl)).digest("hex").slice(0, 16);
  const folder = loginsFolder(configDir);
  return { folder, secrets: join(folder, `${key}.json`), meta: join(folder, `${key}.meta.json`) };
}
