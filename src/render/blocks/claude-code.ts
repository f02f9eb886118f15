// How a wait is carried out in Claude Code, rendered from a sample plan, and
// the realisation table with costs.
import { CLAUDE_MAX_SLEEP_S, CLAUDE_SLEEP_REFUSAL_THRESHOLD_S, OBSERVED_CLAUDE_CODE_VERSION } from "../../policy/harness.js";
import { formatDuration, parseDuration } from "../../policy/duration.js";
import { operation, type OperationId } from "../../policy/operations.js";
import { planWait } from "../../policy/plan.js";
import { REALISATIONS } from "../../policy/realisations.js";
import { pollTargets } from "../../policy/targets.js";
import { backgroundBashArgs, cronCreateArgs, loopLine, monitorArgs, scheduleWakeupArgs } from "../../calls/wait-calls.js";
import { table } from "../markdown.js";
import { code } from "../../calls/words.js";
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

/** What a realisation costs, in words: per poll, or per wait when polls happen outside the model. */
function turnsCell(r: (typeof REALISATIONS)[number]): string {
  if (r.turnsPerCycle > 0) return `${r.turnsPerCycle} per poll`;
  if (r.id === "monitor") return "0 per poll; 1 per printed line";
  if (r.id === "background-bash") return `0 per poll; ${r.turns(1, 10)} per call`;
  return `0 per poll; ${r.turns(1, 10)} per wait`;
}

function needsCell(r: (typeof REALISATIONS)[number]): string {
  const needs = [...(r.needsWatcher ? ["an API key or `octoperf-wait login`"] : []), ...(r.needsHooks ? ["this plugin's hooks"] : [])];
  return needs.length > 0 ? needs.join(", ") : "-";
}

export function realisationsTable(): string {
  const rows = REALISATIONS.filter((r) => r.harness === "claude-code").map((r) => [r.title, turnsCell(r), r.resolution, needsCell(r)]);
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
    "With this plugin's hooks and an API key or a sign-in, nothing: the hooks run the watcher in the background and wake you once. With the hooks off, `Monitor`:",
    json(monitorArgs(plan, targets)),
    "",
    "or a background `Bash`, which wakes you once when the watcher exits (read its last line then):",
    json(backgroundBashArgs(plan, targets)),
    "",
    "Without credentials, with the hooks: poll, end your turn, the hooks wake you when the next poll is due. With the hooks off, `/loop` (it calls `CronCreate` for you and polls once at once):",
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
