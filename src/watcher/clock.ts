// The watch's time: now, a sleep and a timeout, all on one injectable clock,
// so a deadline holds even while a request hangs, tests never wait in real
// time, and a simulator running N times faster is followed at its speed.

export interface Timeout {
  /** Aborts (with a TimeoutError reason) once the time has passed. */
  readonly signal: AbortSignal;
  /** Stop the timer; call it once the guarded work is done. */
  cancel(): void;
}

export interface WatchClock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A signal that aborts after `ms` of this clock. */
  timeout(ms: number): Timeout;
}

/** setTimeout's longest delay; longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

export function timeoutReason(ms: number): Error {
  const error = new Error(`timed out after ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`}`);
  error.name = "TimeoutError";
  return error;
}

const timerMs = (ms: number): number => Math.min(MAX_TIMER_MS, Math.max(0, ms));

/** The machine's clock. */
export const realClock: WatchClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, timerMs(ms))),
  timeout(ms) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutReason(ms)), timerMs(ms));
    return { signal: controller.signal, cancel: () => clearTimeout(timer) };
  },
};

/**
 * A clock that runs `scale` times faster than `base` (the simulator's speed):
 * its now moves `scale` ms per ms of base, and its waits take 1/scale as long.
 */
export function scaledClock(base: WatchClock, scale: number): WatchClock {
  if (scale === 1) return base;
  const origin = base.now();
  return {
    now: () => origin + (base.now() - origin) * scale,
    sleep: (ms) => base.sleep(ms / scale),
    timeout(ms) {
      const inner = base.timeout(ms / scale);
      // The reason names the watch's own time, not the base clock's.
      const controller = new AbortController();
      const forward = (): void => controller.abort(timeoutReason(ms));
      if (inner.signal.aborted) forward();
      else inner.signal.addEventListener("abort", forward, { once: true });
      return { signal: controller.signal, cancel: () => inner.cancel() };
    },
  };
}

/** A clock moved by hand (a simulator's manual clock). */
export interface MovableTime {
  now(): number;
  advance(ms: number): void;
}

/**
 * A watch clock over time that is moved by hand, for tests and benchmarks:
 * a sleep moves it at once; a timeout fires after a real delay `compression`
 * times shorter than its length and then moves it by that length, so a
 * hanging call costs milliseconds and still ends at the right time.
 */
export function steppedClock(time: MovableTime, compression: number, onSleep?: (ms: number) => void): WatchClock {
  return {
    now: () => time.now(),
    sleep: async (ms) => {
      time.advance(Math.max(0, ms));
      onSleep?.(ms);
    },
    timeout(ms) {
      const controller = new AbortController();
      const timer = setTimeout(
        () => {
          time.advance(Math.max(0, ms));
          controller.abort(timeoutReason(ms));
        },
        Math.min(MAX_TIMER_MS, Math.max(1, ms / compression)),
      );
      return { signal: controller.signal, cancel: () => clearTimeout(timer) };
    },
  };
}
