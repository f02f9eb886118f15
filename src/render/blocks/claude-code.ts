// How a wait is carried out in Claude Code, rendered from a sample plan, and
// the realisation table with costs.
import { CLAUDE_MAX_SLEEP_S, CLAUDE_SLEEP_REFUSAL_THRESHOLD_S, OBSERVED_CLAUDE_CODE_VERSION } from "../../policy/harness.js";
import { formatDuration, parseDuration } from "../../policy/duration.js";
import { operation, type OperationId } from "../../policy/operations.js";
import { planWait } from "../../policy/plan.js";
import { REALISATIONS } from "../../policy/realisations.js";
import { pollTargets } from "../../policy/targets.js";
import { cronCreateArgs, loopLine, monitorArgs, scheduleWakeupArgs } from "../wait-instructions.js";
import { code, table } from "../markdown.js";
import { operationParam } from "./operation-param.js";

/** Placeholder handles used in examples: valid handles, obviously not real ids. */
export const SAMPLE_HANDLES: Readonly<Record<string, string>> = {
  benchResultId: "BENCH_RESULT_ID",
  taskId: "TASK_ID",
  projectId: "PROJECT_ID",
  virtualUserId: "VIRTUAL_USER_ID",
};

export function sampleTargets(id: OperationId) {
  const op = operation(id);
  return pollTargets(op, [SAMPLE_HANDLES[op.handle.kind]], SAMPLE_HANDLES);
}

export function realisationsTable(): string {
  const rows = REALISATIONS.filter((r) => r.harness === "claude-code").map((r) => [
    r.title,
    r.turnsPerCycle === 0 ? "0 per poll; 1 per printed line" : `${r.turnsPerCycle} per poll`,
    r.resolution,
    r.needsWatcher ? "an OctoPerf API key" : "-",
  ]);
  return [
    table(["realisation", "model turns", "timing", "needs"], rows),
    "",
    `Claude Code ${OBSERVED_CLAUDE_CODE_VERSION} refuses a Bash command that starts with \`sleep N\` when N >= ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S}; ` +
      `a standalone \`sleep ${CLAUDE_MAX_SLEEP_S}\` or shorter runs. Never chain sleeps to fake a longer one.`,
  ].join("\n");
}

export function claudeCodeExample(params: Readonly<Record<string, string>>): string {
  const id = operationParam("claude-code-example", params, "scenario-run");
  const expectedSeconds = params.expected ? parseDuration(params.expected, "expected") : operation(id).expectedSeconds;
  const targets = sampleTargets(id);
  const plan = planWait({ operation: id, expectedSeconds, watcher: true });
  const json = (value: unknown) => ["```json", JSON.stringify(value, null, 2), "```"].join("\n");
  return [
    `For ${operation(id).title.toLowerCase()} expected to take ${formatDuration(expectedSeconds)} (N = ${plan.cadenceSeconds} s):`,
    "",
    "With the watcher (API key set), `Monitor`:",
    json(monitorArgs(plan, targets)),
    "",
    "Without it, `/loop` (it calls `CronCreate` for you and polls once at once):",
    "```text",
    loopLine(plan, targets),
    "```",
    "",
    "or `CronCreate` yourself, keeping the returned `id` for `CronDelete`:",
    json(cronCreateArgs(plan, targets)),
    "",
    "or `ScheduleWakeup`, re-armed after each poll:",
    json(scheduleWakeupArgs(plan, targets)),
  ].join("\n");
}
