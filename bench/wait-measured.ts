// The measured half of npm run bench:wait: whole waits in interactive
// sessions of the real client (tmux, scripted model, the real plugin and the
// simulator), counted in model requests per strategy and run length. The
// model half (bench/wait.ts) computes turns on a manual clock; this runs the
// client for real, so it takes minutes: /loop fires on whole minutes of real
// time. Pass --model-only to bench:wait to skip it.
import { waitTable } from "../test/e2e/harness/interactive-count.js";
import { LOOP, MONITOR, measureInteractiveWait, type WaitRun } from "../test/e2e/harness/interactive-waits.js";

/** Scenario lengths come from the simulator's fixtures: scn-smoke 60 s of load, scn-checkout 9 min, scn-soak 2 h. */
export const MEASURED_RUNS: readonly WaitRun[] = [
  { strategy: MONITOR, scenarioId: "scn-smoke", speed: 10, timeoutMs: 120_000 },
  { strategy: MONITOR, scenarioId: "scn-checkout", speed: 60, timeoutMs: 120_000 },
  { strategy: MONITOR, scenarioId: "scn-soak", speed: 600, timeoutMs: 150_000 },
  { strategy: LOOP, scenarioId: "scn-smoke", speed: 6, timeoutMs: 200_000 },
  // In real time: a 90-second run spans two or three cron firings.
  { strategy: LOOP, scenarioId: "scn-smoke", speed: 1, timeoutMs: 300_000 },
];

/** Run the measured waits (all at once) and print their table; false when one went wrong. */
export async function printMeasuredWaits(write: (text: string) => void = (text) => void process.stdout.write(text)): Promise<boolean> {
  write(`\nMeasured in the real client (interactive, ${MEASURED_RUNS.length} sessions at once; wakes = turns a background event started):\n`);
  const records = await Promise.all(MEASURED_RUNS.map(measureInteractiveWait));
  write(`${waitTable(records)}\n`);
  const failed = records.filter((r) => r.problems.length > 0);
  for (const record of failed) write(`${record.strategy} ${record.runSeconds} s: ${record.problems.join("; ")}\n`);
  return failed.length === 0;
}
