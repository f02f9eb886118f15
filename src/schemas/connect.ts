// Open an MCP client to a server: a stdio command, or Streamable HTTP with
// the sign-in of src/auth (PKCE, dynamic registration, loopback redirect).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { browserOpener, type OpenUrl } from "../auth/browser.js";
import { loginFailureOf } from "../auth/failures.js";
import { connectWithStoredLogin, signIn } from "../auth/sign-in.js";

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
  readonly openUrl?: OpenUrl;
  readonly log?: (line: string) => void;
  /** How long to wait for the user to finish signing in. */
  readonly signInTimeoutMs?: number;
}

/** Connect with the stored login; sign in through the browser first when there is none (or it cannot be renewed). */
export async function connectHttp(url: string, options: HttpOptions): Promise<Client> {
  const log = options.log ?? (() => undefined);
  try {
    return await connectWithStoredLogin(url, { configDir: options.configDir, clientInfo: CLIENT_INFO });
  } catch (error) {
    if (!loginFailureOf(error, url)) throw error;
  }
  await signIn(url, {
    configDir: options.configDir,
    clientInfo: CLIENT_INFO,
    log,
    openUrl: options.openUrl ?? browserOpener({ log, env: process.env, launch: true }),
    ...(options.signInTimeoutMs !== undefined ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
  });
  log("signed in");
  return connectWithStoredLogin(url, { configDir: options.configDir, clientInfo: CLIENT_INFO });
}
