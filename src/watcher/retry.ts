// Retry a call on transient failures with capped exponential backoff and
// jitter; a Retry-After from the service wins. Sleep and randomness are
// injected, so tests never wait.
import { TransientError, UnreachableError } from "./errors.js";

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
  readonly onRetry?: (error: TransientError, attempt: number, delayMs: number) => void;
}

/** Delay before retry number `attempt` (1-based): half fixed, half random. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (attempt >= policy.attempts) {
        throw new UnreachableError(`${error.message} (gave up after ${policy.attempts} attempts)`);
      }
      const delay = error.retryAfterMs !== undefined ? Math.min(MAX_RETRY_AFTER_MS, error.retryAfterMs) : backoffMs(policy, attempt, deps.random);
      deps.onRetry?.(error, attempt, delay);
      await deps.sleep(delay);
    }
  }
}
