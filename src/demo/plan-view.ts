// `npm start -- --duration 10m`: the wait plan for a sample scenario run of
// that length, with the exact Claude Code instructions, no simulator needed.
import { CADENCE_RULE, formatDuration, planWait, pollTargets, PROVISIONING_HEADROOM_S, expectedRunSeconds, operation, realisation } from "../policy/index.js";
import { cronCreateArgs, loopLine, monitorArgs, scheduleWakeupArgs } from "../calls/wait-calls.js";
import { scenarioOfLength } from "../simulator/fixtures.js";

/** Handles shown in the sample plan (valid ids, plainly examples). */
export const SAMPLE_BENCH_RESULT_IDS = ["bench-result-1", "bench-result-2"] as const;

export function planView(runSeconds: number): string {
  const sample = scenarioOfLength("scn-sample", Math.max(1, runSeconds - PROVISIONING_HEADROOM_S), 2);
  const expectedSeconds = expectedRunSeconds(sample.scenario) ?? runSeconds;
  const op = operation("scenario-run");
  const targets = pollTargets(op, [...SAMPLE_BENCH_RESULT_IDS]);
  const withKey = planWait({ operation: op.id, expectedSeconds, watcher: true });
  const withoutKey = planWait({ operation: op.id, expectedSeconds, watcher: false });
  // What this plugin's hooks do on their own, before what the model arranges with them off.
  const hooked = [true, false].map((watcher) => planWait({ operation: op.id, expectedSeconds, watcher, hooks: true }).chosen);
  const json = (value: unknown): string => JSON.stringify(value, null, 2).replace(/\n/g, "\n    ");
  const load = sample.scenario.userProfiles[0]!.load;
  const lines = [
    `Wait plan for a scenario run of about ${formatDuration(expectedSeconds)}`,
    `  sample scenario: ramp-up ${load.rampUpMs / 1000} s + plateau ${load.plateauMs / 1000} s (${load["@type"]}) + ${PROVISIONING_HEADROOM_S} s provisioning;`,
    `  run_scenario returned benchResultIds ${SAMPLE_BENCH_RESULT_IDS.join(", ")}`,
    "",
    `  cadence:  poll every ${withKey.cadenceSeconds} s (${CADENCE_RULE})`,
    `  deadline: ${formatDuration(withKey.deadlineSeconds)}`,
    "  with this plugin's hooks:",
    ...hooked.map((o, i) => `    ${(i === 0 ? "an API key or a sign-in" : "neither").padEnd(24)} ${o.id.padEnd(18)} ~${String(o.estimatedTurns).padStart(4)} model turns  ${realisation(o.id).title}`),
    "  with the hooks off, ways to wait in Claude Code, cheapest first:",
    ...withKey.options.map(
      (o) =>
        `    ${o.id.padEnd(15)} every ${formatDuration(o.intervalSeconds).padEnd(6)} ~${String(o.estimatedTurns).padStart(4)} model turns${o.exact ? "" : " (slower than the cadence)"}  ${realisation(o.id).title}`,
    ),
    `  chosen with the hooks off: ${withKey.chosen.id} with OCTOPERF_API_KEY set, ${withoutKey.chosen.id} without`,
    "",
    "With the hooks off and an API key: Monitor with",
    `    ${json(monitorArgs(withKey, targets))}`,
    "",
    `With the hooks off and no key: ${withoutKey.chosen.id === "loop" ? "type" : "use"}`,
    `    ${withoutKey.chosen.id === "loop" ? loopLine(withoutKey, targets) : JSON.stringify(withoutKey.chosen)}`,
    "  which is CronCreate with",
    `    ${json(cronCreateArgs(withoutKey, targets))}`,
    "  or, self-paced, ScheduleWakeup with",
    `    ${json(scheduleWakeupArgs(withoutKey, targets))}`,
  ];
  return lines.join("\n");
}
