// Retry a call on transient failures with capped exponential backoff and
// jitter; a Retry-After from the service wins. Sleep and randomness are
// injected, so tests never wait. The caller's time bounds the whole: once it
// has run out, no retry starts and the wait before one is cut short.
import { OutOfTimeError, TransientError, UnreachableError } from "./errors.js";

export interface RetryPolicy {
  /** Total attempts, the first one included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 1000, capMs: 30_000 };
/** Never wait longer than this for a Retry-After. */
export const MAX_RETRY_AFTER_MS = 120_000;

export interface RetryDeps {
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Milliseconds left for this call (its deadline or window); Infinity when unbounded. */
  readonly timeLeft?: () => number;
  readonly onRetry?: (error: TransientError, attempt: number, delayMs: number) => void;
}

/** Delay before retry number `attempt` (1-based): half fixed, half random. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  const left = deps.timeLeft ?? (() => Infinity);
  for (let attempt = 1; ; attempt += 1) {
    if (left() <= 0) throw new OutOfTimeError("no time left for the call");
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (left() <= 0) throw new OutOfTimeError(error.message);
      if (attempt >= policy.attempts) {
        throw new UnreachableError(`${error.message} (gave up after ${policy.attempts} attempts)`);
      }
      const wanted = error.retryAfterMs !== undefined ? Math.min(MAX_RETRY_AFTER_MS, error.retryAfterMs) : backoffMs(policy, attempt, deps.random);
      const delay = Math.min(wanted, left());
      deps.onRetry?.(error, attempt, delay);
      await deps.sleep(delay);
    }
  }
}
