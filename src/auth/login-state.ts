// Signed in or not, read from the login's metadata file alone: no token is
// read, no network is used, so a hook can ask on every call. Imports nothing
// from the MCP SDK at run time (hook bundles stay small).
import type { OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { configDirFor, loginFiles, normalServerUrl, type Env } from "./paths.js";
import { privateFolder, readPrivateJson } from "./private-files.js";

/** The metadata file: what is stored for a server, never the secrets themselves. */
export interface LoginMeta {
  readonly version: 1;
  readonly serverUrl: string;
  /** A client registration is stored. */
  readonly registered: boolean;
  readonly hasAccessToken: boolean;
  /** A refresh token is stored: the access token can be renewed without the browser. */
  readonly refreshable: boolean;
  /** When the access token expires (ms since the epoch), when the server said how long it lasts. */
  readonly accessExpiresAt?: number;
  /** When the tokens were last saved (ms since the epoch). */
  readonly updatedAt: number;
}

/** The metadata of a login, from what the SDK handed over. */
export function metaOf(serverUrl: string, registered: boolean, tokens: OAuthTokens | undefined, savedAt: number): LoginMeta {
  const expiresIn = tokens?.expires_in;
  return {
    version: 1,
    serverUrl,
    registered,
    hasAccessToken: typeof tokens?.access_token === "string" && tokens.access_token.length > 0,
    refreshable: typeof tokens?.refresh_token === "string" && tokens.refresh_token.length > 0,
    ...(typeof expiresIn === "number" && Number.isFinite(expiresIn) && expiresIn > 0 ? { accessExpiresAt: savedAt + expiresIn * 1000 } : {}),
    updatedAt: savedAt,
  };
}

function isMeta(value: unknown): value is LoginMeta {
  if (typeof value !== "object" || value === null) return false;
  const meta = value as Partial<LoginMeta>;
  return (
    meta.version === 1 &&
    typeof meta.serverUrl === "string" &&
    typeof meta.registered === "boolean" &&
    typeof meta.hasAccessToken === "boolean" &&
    typeof meta.refreshable === "boolean" &&
    typeof meta.updatedAt === "number" &&
    (meta.accessExpiresAt === undefined || typeof meta.accessExpiresAt === "number")
  );
}

export type LoginState =
  | { readonly signedIn: true; readonly serverUrl: string; readonly refreshable: boolean; readonly accessExpiresAt?: number }
  | { readonly signedIn: false; readonly serverUrl: string; readonly reason: string };

export interface StateOptions {
  /** The config folder; defaults to the one `env` names. */
  readonly configDir?: string;
  readonly env?: Env;
  /** ms since the epoch. */
  readonly now?: () => number;
}

/**
 * What the store says about a login. An access token past its expiry with
 * no refresh token is signed out; one that can be refreshed is signed in
 * (whether the server still honours it is known only by asking it).
 * Throws UnsafeStoreError when the folder is not private.
 */
export function readLoginState(serverUrl: string, options: StateOptions = {}): LoginState {
  const url = normalServerUrl(serverUrl);
  const configDir = options.configDir ?? configDirFor(options.env ?? process.env);
  const files = loginFiles(configDir, url);
  const out = (reason: string): LoginState => ({ signedIn: false, serverUrl: url, reason });
  if (!privateFolder(files.folder, false)) return out("not signed in");
  const meta = readPrivateJson(files.meta);
  if (!isMeta(meta) || meta.serverUrl !== url || !meta.registered || !meta.hasAccessToken) return out("not signed in");
  const now = (options.now ?? Date.now)();
  if (!meta.refreshable && meta.accessExpiresAt !== undefined && meta.accessExpiresAt <= now) return out("the sign-in expired");
  return {
    signedIn: true,
    serverUrl: url,
    refreshable: meta.refreshable,
    ...(meta.accessExpiresAt !== undefined ? { accessExpiresAt: meta.accessExpiresAt } : {}),
  };
}

/**
 * The cheap check for hooks and plans: true when a login for `serverUrl` is
 * stored and usable as far as the files tell. False on any problem (an
 * unsafe folder, an unreadable file, a bad URL): a hook treats "cannot tell"
 * like "no credentials".
 */
export function isLoggedIn(serverUrl: string, env: Env = process.env, now: () => number = Date.now): boolean {
  try {
    return readLoginState(serverUrl, { env, now }).signedIn;
  } catch {
    return false;
  }
}
