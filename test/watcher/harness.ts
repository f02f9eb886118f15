// A simulator on 127.0.0.1 with a manual clock, and run() of the watcher
// wired to it: every sleep of the watcher moves the shared clock at once, so
// hours of waiting take milliseconds. Timeouts (the watcher's per-request
// limit, the simulator's slow fault) run on real timers compressed
// TIME_COMPRESSION times and move the clock by their full length when they
// fire, so a hanging request costs a test milliseconds, not the deadline.
import { after } from "node:test";
import { ManualClock } from "../../src/simulator/clock.js";
import { parseFaults } from "../../src/simulator/faults.js";
import { startHttp, type RunningSimulator } from "../../src/simulator/http.js";
import { Platform } from "../../src/simulator/platform.js";
import { steppedClock } from "../../src/watcher/clock.js";
import { run, type RunOptions } from "../../src/watcher/run.js";

export const API_KEY = "sk-octoperf-test-4f9a2c71e0";
/**
 * Virtual milliseconds per real millisecond for timers (a 30 s request timeout
 * fires after 3 s). Not more: a request cut to a few virtual seconds must still
 * outlast a loopback answer on a busy two-core machine (at 100x, a 5 s deadline
 * gave a 503 only 50 ms, and a loaded CI run timed it out).
 */
export const TIME_COMPRESSION = 10;

const servers: Array<{ close(): Promise<void> }> = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Close this server when the test file ends. */
export function closeLater<T extends { close(): Promise<void> }>(server: T): T {
  servers.push(server);
  return server;
}

export interface WatchOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: string[];
  readonly sleeps: number[];
  /** Virtual milliseconds the watch took. */
  readonly elapsedMs: number;
}

/** A real delay compressed like the timeouts (the simulator's slow fault). */
export const compressedDelay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(1, ms / TIME_COMPRESSION)));

export type WatchFn = (argv: readonly string[], env?: RunOptions["env"], extra?: Partial<RunOptions> & { afterSleep?: () => void }) => Promise<WatchOutcome>;

/** run() of the watcher on a manual clock, capturing everything it writes. */
export function watcherOn(clock: ManualClock, defaultEnv: RunOptions["env"]): WatchFn {
  return async (argv, env = defaultEnv, extra = {}) => {
    let stdout = "";
    let stderr = "";
    const sleeps: number[] = [];
    const started = clock.now();
    const { afterSleep, ...rest } = extra;
    const code = await run({
      argv,
      env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      clock: steppedClock(clock, TIME_COMPRESSION, (ms) => {
        sleeps.push(ms);
        afterSleep?.();
      }),
      random: () => 0.5,
      ...rest,
    });
    return { code, stdout, stderr, lines: stdout.split("\n").filter((l) => l.length > 0), sleeps, elapsedMs: clock.now() - started };
  };
}

export async function simulator(faults = "") {
  const clock = new ManualClock();
  const platform = new Platform({ clock, faults: parseFaults(faults) });
  const server: RunningSimulator = closeLater(await startHttp({ platform, apiKey: API_KEY, delay: compressedDelay }));
  const restEnv = { OCTOPERF_API_KEY: API_KEY, OCTOPERF_API_URL: server.url };
  return { clock, platform, server, watch: watcherOn(clock, restEnv), restEnv };
}
