// Open an MCP client to a server: a stdio command, or Streamable HTTP with
// the SDK's OAuth flow (PKCE, dynamic registration, loopback redirect).
import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startLoopback } from "../auth/loopback.js";
import { LoopbackOAuthProvider } from "../auth/provider.js";
import { TokenStore } from "../auth/store.js";

const CLIENT_INFO = { name: "octoperf-schemas-pull", version: "0.1.0" };

/** Split a command line into words ("..." and '...' group; no other shell syntax). */
export function commandWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    words.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : (match[2] ?? match[3]!));
  }
  return words;
}

export async function connectStdio(command: string): Promise<Client> {
  const [program, ...args] = commandWords(command);
  if (!program) throw new Error("--command is empty");
  const client = new Client(CLIENT_INFO);
  await client.connect(new StdioClientTransport({ command: program, args, stderr: "inherit" }));
  return client;
}

export interface HttpOptions {
  readonly configDir: string;
  /** Opens the authorization page; defaults to the system browser. */
  readonly openUrl?: (url: URL) => void | Promise<void>;
  readonly log?: (line: string) => void;
  /** How long to wait for the user to finish signing in. */
  readonly signInTimeoutMs?: number;
}

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not complete within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Hand the URL to the system browser, and print it (no secret is in it) in case none opens. */
export function openInBrowser(log: (line: string) => void) {
  return (url: URL): void => {
    log(`Open this page to sign in: ${url.toString()}`);
    const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
    const child = spawn(opener, [url.toString()], { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  };
}

export async function connectHttp(url: string, options: HttpOptions): Promise<Client> {
  const log = options.log ?? (() => undefined);
  const loopback = await startLoopback();
  try {
    const provider = new LoopbackOAuthProvider(new TokenStore(options.configDir, url), loopback.redirectUrl, options.openUrl ?? openInBrowser(log));
    const first = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
    const client = new Client(CLIENT_INFO);
    try {
      await client.connect(first);
      return client;
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
    }
    log("waiting for the sign-in to complete...");
    const code = await withTimeout(loopback.code, options.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS, "the sign-in");
    await first.finishAuth(code);
    await first.close().catch(() => undefined);
    const second = new Client(CLIENT_INFO);
    await second.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }));
    log("signed in");
    return second;
  } finally {
    await loopback.close();
  }
}
