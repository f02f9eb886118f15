// A real-time pause that a signal cuts short: the background hooks and the
// turn-end guard wait this way, and end at once when told to stop.

/** Sleep `ms` real milliseconds; false when aborted first. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((done) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      done(true);
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(timer);
      done(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
