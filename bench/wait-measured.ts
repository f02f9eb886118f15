// The measured half of npm run bench:wait: whole waits in interactive
// sessions of the real client (tmux, scripted model, the real plugin and the
// simulator), counted in model requests per strategy and run length, with
// how long after the run's terminal state the model was shown it. The model
// half (bench/wait.ts) computes turns on a manual clock; this runs the client
// for real, so it takes minutes: /loop fires on whole minutes of real time,
// and the real-time runs (speed 1) last a minute and a half. Pass
// --model-only to bench:wait to skip it.
//
// Where the plugin's background hooks run: their background watcher (with a
// test key, over the simulator's REST API) and their cadence timer (no
// credentials). With the hooks off: Monitor running the watcher, and /loop.
// At a speed above 1, the hooks' and the watcher's clocks run as fast as the
// simulator's, and so, in effect, does every real delay of the client and
// the scripted model: a timer's cycle stretches by that latency times the
// speed, so fewer polls are made than the model half counts.
import { waitTable } from "../test/e2e/harness/interactive-count.js";
import { BACKGROUND, LOOP, MONITOR, TIMER, measureInteractiveWait, type InteractiveWaitRecord, type WaitRun } from "../test/e2e/harness/interactive-waits.js";

/** Scenario lengths come from the simulator's fixtures: scn-smoke 60 s of load, scn-checkout 9 min, scn-soak 2 h (each plus provisioning). */
export const MEASURED_RUNS: readonly WaitRun[] = [
  // In real time: the end noticed as a user would see it, and the timer at its real 9 s.
  { strategy: BACKGROUND, scenarioId: "scn-smoke", speed: 1, timeoutMs: 240_000 },
  { strategy: TIMER, scenarioId: "scn-smoke", speed: 1, timeoutMs: 240_000 },
  { strategy: LOOP, scenarioId: "scn-smoke", speed: 1, timeoutMs: 300_000 },
  { strategy: BACKGROUND, scenarioId: "scn-checkout", speed: 60, timeoutMs: 120_000 },
  { strategy: BACKGROUND, scenarioId: "scn-soak", speed: 600, timeoutMs: 150_000 },
  { strategy: TIMER, scenarioId: "scn-checkout", speed: 10, timeoutMs: 240_000 },
  { strategy: MONITOR, scenarioId: "scn-smoke", speed: 10, timeoutMs: 120_000 },
  { strategy: MONITOR, scenarioId: "scn-checkout", speed: 60, timeoutMs: 120_000 },
  { strategy: MONITOR, scenarioId: "scn-soak", speed: 600, timeoutMs: 150_000 },
  { strategy: LOOP, scenarioId: "scn-smoke", speed: 6, timeoutMs: 200_000 },
];

/** Sessions at once: more would slow each client down on a 2-core machine, and sped-up runs with it. */
export const MEASURED_CONCURRENCY = 4;

async function pooled<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** Run the measured waits and print their table; false when one went wrong. */
export async function printMeasuredWaits(write: (text: string) => void = (text) => void process.stdout.write(text)): Promise<boolean> {
  write(`\nMeasured in the real client (interactive, ${MEASURED_RUNS.length} sessions, ${MEASURED_CONCURRENCY} at a time; wakes = turns a background event started; noticed after = real seconds from the run's terminal state to the request that showed it):\n`);
  const records: InteractiveWaitRecord[] = await pooled(MEASURED_RUNS, MEASURED_CONCURRENCY, measureInteractiveWait);
  write(`${waitTable(records)}\n`);
  const failed = records.filter((r) => r.problems.length > 0);
  for (const record of failed) write(`${record.strategy} ${record.runSeconds} s: ${record.problems.join("; ")}\n`);
  return failed.length === 0;
}
