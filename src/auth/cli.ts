// octoperf-wait login | logout | status: the command line of the sign-in.
// The watcher's own command line (src/watcher/cli.ts) delegates here
// (runAuthCommand) when its first word is one of these. This module has no
// entry point of its own: bundled into scripts/octoperf-wait.mjs, one would
// run a second time beside the watcher's and print every line twice.
// Exit codes come from the watcher's table: 0 done, 3 not signed in /
// refused / bad arguments, 5 the server could not be reached.
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import { AuthError, ConfigError, UnreachableError, UsageError, errorEnding } from "../watcher/errors.js";
import { PREFIX } from "../watcher/lines.js";
import { printable } from "../policy/duration.js";
import type { OpenUrl } from "./browser.js";
import { loginCommand, logoutCommand, statusCommand, type AuthOptions } from "./commands.js";
import { AuthFailure } from "./errors.js";
import { HOSTED_MCP_URL, MCP_URL_ENV } from "./hosted.js";
import type { Env } from "./paths.js";

export const AUTH_COMMANDS = ["login", "logout", "status"] as const;
export type AuthCommand = (typeof AUTH_COMMANDS)[number];

export const AUTH_USAGE = `usage: octoperf-wait login | logout | status [--mcp-url <url>] [--config-dir <dir>] [--no-browser]

  login         sign in to OctoPerf's MCP server in the browser (OAuth 2.1, PKCE); the watcher then polls over MCP
  logout        forget the stored sign-in (tokens and client registration) for that server
  status        signed in or not, for which server, and until when; never the token
  --mcp-url     the MCP server (default $${MCP_URL_ENV}, else ${HOSTED_MCP_URL})
  --config-dir  where sign-ins are kept (default $XDG_CONFIG_HOME/octoperf-plugin, else ~/.config/octoperf-plugin)
  --no-browser  print the sign-in URL without opening a browser ($BROWSER names the browser to open)`;

export function isAuthCommand(word: string | undefined): word is AuthCommand {
  return (AUTH_COMMANDS as readonly string[]).includes(word ?? "");
}

interface ParsedAuthArgs {
  readonly command: AuthCommand;
  readonly serverUrl?: string;
  readonly configDir?: string;
  readonly launchBrowser: boolean;
}

export function parseAuthArgs(argv: readonly string[]): ParsedAuthArgs | "help" {
  if (argv.includes("--help") || argv.includes("-h")) return "help";
  const [command, ...rest] = argv;
  if (!isAuthCommand(command)) throw new UsageError(`unknown command "${printable(command ?? "", 20)}"\n${AUTH_USAGE}`);
  const out: { serverUrl?: string; configDir?: string; launchBrowser: boolean } = { launchBrowser: true };
  for (let i = 0; i < rest.length; i += 1) {
    const flag = rest[i]!;
    if (flag === "--no-browser") {
      out.launchBrowser = false;
      continue;
    }
    const value = rest[i + 1];
    if ((flag !== "--mcp-url" && flag !== "--config-dir") || value === undefined || value.startsWith("--")) {
      throw new UsageError(`${printable(flag, 30)}: ${flag === "--mcp-url" || flag === "--config-dir" ? "needs a value" : "unknown option"}\n${AUTH_USAGE}`);
    }
    i += 1;
    if (flag === "--mcp-url") {
      if (!/^https?:\/\/[^\s]+$/.test(value)) throw new UsageError(`--mcp-url must be an http(s) URL, got "${printable(value, 60)}"`);
      out.serverUrl = value;
    } else out.configDir = value;
  }
  return { command, ...out };
}

export interface AuthIo {
  readonly env: Env;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly now?: () => number;
  readonly fetch?: FetchLike;
  readonly openUrl?: OpenUrl;
  readonly signInTimeoutMs?: number;
}

/** A failure of the network itself (fetch's TypeError), as opposed to an answer. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|network/i.test(error.message);
}

function asWatchError(error: unknown): Error {
  if (error instanceof AuthFailure) return new AuthError(error.message);
  if (error instanceof ConfigError || error instanceof UsageError) return error;
  if (isNetworkFailure(error)) return new UnreachableError("the server could not be reached");
  // An answer the SDK could not use (bad metadata, a refused registration). Its message may quote a
  // response body, which could hold a token: only the error's kind and OAuth code are shown.
  const code = (error as { errorCode?: unknown } | undefined)?.errorCode;
  const kind = error instanceof Error ? error.name : typeof error;
  return new AuthError(`the sign-in failed (${printable(kind, 40)}${typeof code === "string" ? `: ${printable(code, 40)}` : ""})`);
}

/** Run login, logout or status; returns the exit code. */
export async function runAuthCommand(argv: readonly string[], io: AuthIo): Promise<number> {
  const out = (line: string) => void io.stdout.write(`${PREFIX} ${line}\n`);
  const err = (line: string) => void io.stderr.write(`${PREFIX} ${line}\n`);
  try {
    const parsed = parseAuthArgs(argv);
    if (parsed === "help") {
      io.stdout.write(`${AUTH_USAGE}\n`);
      return 0;
    }
    const options: AuthOptions = {
      env: io.env,
      ...(parsed.serverUrl ? { serverUrl: parsed.serverUrl } : {}),
      ...(parsed.configDir ? { configDir: parsed.configDir } : {}),
      ...(io.now ? { now: io.now } : {}),
    };
    if (parsed.command === "status") out(statusCommand(options));
    else if (parsed.command === "logout") out(logoutCommand(options));
    else {
      out(
        await loginCommand({
          ...options,
          log: err,
          launchBrowser: parsed.launchBrowser,
          ...(io.openUrl ? { openUrl: io.openUrl } : {}),
          ...(io.fetch ? { fetch: io.fetch } : {}),
          ...(io.signInTimeoutMs !== undefined ? { signInTimeoutMs: io.signInTimeoutMs } : {}),
        }),
      );
    }
    return 0;
  } catch (error) {
    const failure = asWatchError(error);
    err(failure.message);
    return errorEnding(failure).code;
  }
}
