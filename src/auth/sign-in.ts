// A browser sign-in to an MCP server, and connections that use the stored
// login. The sign-in is the one the MCP spec describes: the server answers
// 401 with where its authorization server is; the SDK discovers it,
// registers this client (dynamic registration), and builds the PKCE
// authorization URL; the user signs in; the loopback gets the code; the SDK
// exchanges it; the tokens go to the store; a second connection proves them.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import { SignInError } from "./errors.js";
import { startLoopback } from "./loopback.js";
import { readLoginState } from "./login-state.js";
import { privateFolder } from "./private-files.js";
import { SignInProvider, StoredLoginProvider } from "./provider.js";
import { CredentialStore } from "./store.js";
import { LoginRequiredError } from "./errors.js";
import type { OpenUrl } from "./browser.js";

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface ClientInfo {
  readonly name: string;
  readonly version: string;
}

export interface StoreOptions {
  readonly configDir: string;
  /** ms since the epoch (token expiry). */
  readonly now?: () => number;
}

export interface SignInOptions extends StoreOptions {
  readonly openUrl: OpenUrl;
  readonly log: (line: string) => void;
  readonly fetch?: FetchLike;
  /** How long to wait for the user to finish signing in. */
  readonly signInTimeoutMs?: number;
  readonly clientInfo: ClientInfo;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SignInError(`the sign-in did not complete within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The SDK provider that uses the stored login for `serverUrl` and never
 * opens a browser. Throws LoginRequiredError (and, for a folder others can
 * write, UnsafeStoreError) at once when the store holds no usable login.
 */
export function storedLoginProvider(serverUrl: string, options: StoreOptions): StoredLoginProvider {
  const state = readLoginState(serverUrl, { configDir: options.configDir, ...(options.now ? { now: options.now } : {}) });
  if (!state.signedIn) throw new LoginRequiredError(state.serverUrl, state.reason);
  return new StoredLoginProvider(new CredentialStore(options.configDir, serverUrl, options.now));
}

/** An MCP client connected with the stored login (refreshed as needed). */
export async function connectWithStoredLogin(serverUrl: string, options: StoreOptions & { readonly fetch?: FetchLike; readonly clientInfo: ClientInfo }): Promise<Client> {
  const provider = storedLoginProvider(serverUrl, options);
  const client = new Client({ ...options.clientInfo });
  await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider, ...(options.fetch ? { fetch: options.fetch } : {}) }));
  return client;
}

export type SignInResult = "signed-in" | "no-auth-needed";

/** Sign in through the browser and store the login; a failed sign-in leaves any earlier login as it was. */
export async function signIn(serverUrl: string, options: SignInOptions): Promise<SignInResult> {
  const store = new CredentialStore(options.configDir, serverUrl, options.now);
  // Refuse an unsafe folder before anyone types a password.
  privateFolder(store.files.folder, true);
  const loopback = await startLoopback();
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  try {
    const provider = new SignInProvider(store, loopback.redirectUrl, loopback.state, options.openUrl);
    const transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider, ...fetchOption });
    const first = new Client({ ...options.clientInfo });
    try {
      await first.connect(transport);
      await first.close();
      return "no-auth-needed";
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
    }
    options.log("waiting for the sign-in to complete in the browser...");
    const code = await withTimeout(loopback.code, options.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS);
    await transport.finishAuth(code);
    await transport.close().catch(() => undefined);
    const check = await connectWithStoredLogin(serverUrl, { ...options, ...fetchOption });
    await check.close();
    return "signed-in";
  } finally {
    await loopback.close();
  }
}
