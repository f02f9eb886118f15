// The one table of a watch's endings: every outcome and every kind of error,
// with its exit code; typed errors name their kind, and nothing else decides
// an exit code. Messages never hold the API key or any request header.

export const ENDINGS = [
  { kind: "succeeded", code: 0, meaning: "every handle reached a successful terminal state" },
  { kind: "failed", code: 1, meaning: "a handle reached a failed (or partial) terminal state" },
  { kind: "deadline", code: 2, meaning: "the deadline, or the Monitor window, passed before every handle was terminal" },
  { kind: "usage", code: 3, meaning: "the command line is wrong: an unknown option, a missing id, an --operation that does not fit the ids" },
  { kind: "configuration", code: 3, meaning: "a setting is missing or unusable: the API key, the URL, the backend, or a scenario whose length needs --expected" },
  { kind: "auth", code: 3, meaning: "the service refused the API key, or the MCP server refused access" },
  { kind: "unknown-handle", code: 4, meaning: "a handle is malformed, or the service does not know it" },
  { kind: "unreachable", code: 5, meaning: "the service could not be reached after retries" },
  { kind: "internal", code: 6, meaning: "a bug in octoperf-wait (the line names the error); please report it" },
] as const;

export type EndingKind = (typeof ENDINGS)[number]["kind"];
export type ExitCode = (typeof ENDINGS)[number]["code"];
export type ErrorKind = Exclude<EndingKind, "succeeded" | "failed" | "deadline">;

export function ending(kind: EndingKind): (typeof ENDINGS)[number] {
  return ENDINGS.find((row) => row.kind === kind)!;
}

export function exitCodeOf(kind: EndingKind): ExitCode {
  return ending(kind).code;
}

/** The kinds that end with this exit code ("usage, configuration or auth" for 3). */
export function kindsOf(code: number): string[] {
  return ENDINGS.filter((row) => row.code === code).map((row) => row.kind);
}

/** The exit-code lines of --help, from the table. */
export function exitCodeHelp(): string {
  const codes = [...new Set(ENDINGS.map((row) => row.code))];
  return `exit codes: ${codes.map((code) => `${code} ${kindsOf(code).join("/")}`).join(", ")}`;
}

/** The README's exit-code table, from the table. */
export function exitCodeMarkdown(): string {
  return ["| exit | kind | meaning |", "| --- | --- | --- |", ...ENDINGS.map((row) => `| ${row.code} | ${row.kind} | ${row.meaning} |`)].join("\n");
}

export abstract class WatchError extends Error {
  abstract readonly kind: ErrorKind;
  get exitCode(): ExitCode {
    return exitCodeOf(this.kind);
  }
}

/** The command line is wrong; --help tells how it should be. */
export class UsageError extends WatchError {
  override name = "UsageError";
  readonly kind = "usage";
}

export class ConfigError extends WatchError {
  override name = "ConfigError";
  readonly kind = "configuration";
}

export class AuthError extends WatchError {
  override name = "AuthError";
  readonly kind = "auth";
}

export class UnknownHandleError extends WatchError {
  override name = "UnknownHandleError";
  readonly kind = "unknown-handle";
}

export class UnreachableError extends WatchError {
  override name = "UnreachableError";
  readonly kind = "unreachable";
}

/** A failure worth retrying: network error, timeout, 5xx, 429. Never leaves the watch as it is. */
export class TransientError extends Error {
  override name = "TransientError";
  constructor(
    message: string,
    /** Delay the service asked for (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The time for this watch (its deadline or its Monitor window) ran out during a call. */
export class OutOfTimeError extends Error {
  override name = "OutOfTimeError";
}

export interface ErrorEnding {
  readonly kind: ErrorKind;
  readonly code: ExitCode;
  readonly message: string;
}

/** Any error as an ending: its own kind when typed, else a bug ("internal"), never "configuration". */
export function errorEnding(error: unknown): ErrorEnding {
  if (error instanceof WatchError) return { kind: error.kind, code: error.exitCode, message: error.message };
  if (error instanceof TransientError) return { kind: "unreachable", code: exitCodeOf("unreachable"), message: error.message };
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "internal", code: exitCodeOf("internal"), message: `${name}: ${message} (a bug in octoperf-wait; please report it with this line)` };
}
