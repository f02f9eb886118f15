// Typed failures of a watch and the one table that turns them into exit
// codes. Messages never hold the API key or any request header.

export const EXIT_CODES = [
  { code: 0, name: "succeeded", meaning: "every handle reached a successful terminal state" },
  { code: 1, name: "failed", meaning: "a handle reached a failed (or partial) terminal state" },
  { code: 2, name: "deadline", meaning: "the deadline passed before every handle was terminal" },
  { code: 3, name: "configuration", meaning: "bad arguments, missing or refused API key, unusable backend" },
  { code: 4, name: "unknown-handle", meaning: "a handle is malformed or the service does not know it" },
  { code: 5, name: "unreachable", meaning: "the service could not be reached after retries" },
] as const;
export type ExitCode = (typeof EXIT_CODES)[number]["code"];

export abstract class WatchError extends Error {
  abstract readonly exitCode: ExitCode;
}

export class ConfigError extends WatchError {
  override name = "ConfigError";
  readonly exitCode = 3;
}

export class AuthError extends WatchError {
  override name = "AuthError";
  readonly exitCode = 3;
}

export class UnknownHandleError extends WatchError {
  override name = "UnknownHandleError";
  readonly exitCode = 4;
}

export class UnreachableError extends WatchError {
  override name = "UnreachableError";
  readonly exitCode = 5;
}

/** A failure worth retrying: network error, timeout, 5xx, 429. */
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

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof WatchError) return error.exitCode;
  if (error instanceof TransientError) return 5;
  return 3;
}
