// login, logout and status: the library the watcher's command line calls.
// Each returns the one line to print on stdout and throws a typed error
// (AuthFailure, or the network's own) for the caller's exit-code table.
// Nothing here prints or returns a token.
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import { printable } from "../policy/duration.js";
import { browserOpener, type OpenUrl } from "./browser.js";
import { LoginRequiredError, shownUrl } from "./errors.js";
import { MCP_URL_ENV, signInServerUrl } from "./hosted.js";
import { ConfigError } from "../watcher/errors.js";
import { readLoginState, type LoginState } from "./login-state.js";
import { configDirFor, normalServerUrl, type Env } from "./paths.js";
import { signIn, storedLoginProvider, type ClientInfo, type StoreOptions } from "./sign-in.js";
import { CredentialStore } from "./store.js";
import type { StoredLoginProvider } from "./provider.js";

export const AUTH_CLIENT_INFO: ClientInfo = { name: "octoperf-wait", version: "0.1.0" };

export interface AuthOptions {
  /** The MCP server; by default $OCTOPERF_MCP_URL, else OctoPerf's hosted one. */
  readonly serverUrl?: string;
  /** The config folder; the one `env` names by default ($XDG_CONFIG_HOME/octoperf-plugin). */
  readonly configDir?: string;
  readonly env: Env;
  /** ms since the epoch. */
  readonly now?: () => number;
}

export interface LoginOptions extends AuthOptions {
  /** Progress for the user (stderr): the sign-in URL, "waiting...". */
  readonly log: (line: string) => void;
  /** Opens the sign-in page; by default the browser ($BROWSER or the system's), after printing the URL. */
  readonly openUrl?: OpenUrl;
  /** False: only print the URL (--no-browser). */
  readonly launchBrowser?: boolean;
  readonly fetch?: FetchLike;
  readonly signInTimeoutMs?: number;
  readonly clientInfo?: ClientInfo;
}

/** One spelling of the URL; a value that is not an http(s) URL is a configuration error that names where it came from. */
function checkedServerUrl(url: string, fromEnv: boolean): string {
  try {
    return normalServerUrl(url);
  } catch {
    throw new ConfigError(`${fromEnv ? MCP_URL_ENV : "--mcp-url"} must be an http(s) URL, got "${printable(url, 60)}"`);
  }
}

function target(options: AuthOptions): { serverUrl: string; store: StoreOptions } {
  const serverUrl = checkedServerUrl(options.serverUrl ?? signInServerUrl(options.env), options.serverUrl === undefined);
  const configDir = options.configDir ?? configDirFor(options.env);
  return { serverUrl, store: { configDir, ...(options.now ? { now: options.now } : {}) } };
}

/** "signed in to URL (access token valid until ..., renewed automatically)". */
export function describeLogin(state: LoginState & { signedIn: true }): string {
  const until = state.accessExpiresAt === undefined ? "no expiry given" : `access token valid until ${new Date(state.accessExpiresAt).toISOString()}`;
  const renewal = state.refreshable ? "renewed automatically" : "sign in again when it ends";
  return `signed in to ${shownUrl(state.serverUrl)} (${until}, ${renewal})`;
}

export async function loginCommand(options: LoginOptions): Promise<string> {
  const { serverUrl, store } = target(options);
  const openUrl = options.openUrl ?? browserOpener({ log: options.log, env: options.env, launch: options.launchBrowser !== false });
  const result = await signIn(serverUrl, {
    ...store,
    openUrl,
    log: options.log,
    clientInfo: options.clientInfo ?? AUTH_CLIENT_INFO,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signInTimeoutMs !== undefined ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
  });
  if (result === "no-auth-needed") return `${shownUrl(serverUrl)} accepted the connection without signing in: nothing to store`;
  return describeLogin(statusOf(options, serverUrl, store));
}

function statusOf(options: AuthOptions, serverUrl: string, store: StoreOptions): LoginState & { signedIn: true } {
  const state = readLoginState(serverUrl, { configDir: store.configDir, ...(options.now ? { now: options.now } : {}) });
  if (!state.signedIn) throw new LoginRequiredError(state.serverUrl, state.reason);
  return state;
}

/** Signed in: the line to print. Not signed in: LoginRequiredError, whose message names the login command. */
export function statusCommand(options: AuthOptions): string {
  const { serverUrl, store } = target(options);
  return describeLogin(statusOf(options, serverUrl, store));
}

/** Forget the stored login (client registration and tokens) for the server. */
export function logoutCommand(options: AuthOptions): string {
  const { serverUrl, store } = target(options);
  const removed = new CredentialStore(store.configDir, serverUrl).remove();
  return removed ? `signed out of ${shownUrl(serverUrl)}` : `was not signed in to ${shownUrl(serverUrl)}`;
}

/**
 * The OAuthClientProvider the watcher's MCP backend gives its Streamable
 * HTTP transport: the stored login, refreshed with the stored refresh
 * token; never a browser. Throws LoginRequiredError now when there is no
 * usable login, and later (from the transport) when the server refuses it
 * and it cannot be renewed.
 */
export function authProviderFor(serverUrl: string, options: Omit<AuthOptions, "serverUrl">): StoredLoginProvider {
  const { store } = target({ ...options, serverUrl });
  return storedLoginProvider(serverUrl, store);
}
