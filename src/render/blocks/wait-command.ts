// Generated regions of commands/wait.md: the usage, the argument rules and
// the procedure, each computed from the policy and the wait instructions.
import { CADENCE_DIVISOR, CADENCE_MAX_S, CADENCE_MIN_S, cadenceFor } from "../../policy/cadence.js";
import { formatDuration, MAX_DURATION_S } from "../../policy/duration.js";
import { HANDLE_MAX_LENGTH } from "../../policy/handles.js";
import { MONITOR_MAX_TIMEOUT_MS } from "../../policy/harness.js";
import { deadlineFor, operation, OPERATIONS } from "../../policy/operations.js";
import { planWait } from "../../policy/plan.js";
import { PROVISIONING_HEADROOM_S } from "../../policy/profiles.js";
import { WATCHER_MAX_INTERVAL_S } from "../../policy/realisations.js";
import { TOOL_PREFIXES } from "../../policy/tool-names.js";
import { cronCreateArgs, cronForInterval, monitorArgs, terminalList } from "../../calls/wait-calls.js";
import { table } from "../markdown.js";
import { code, orList } from "../../calls/words.js";
import { callShape } from "./operations.js";
import { sampleTargets } from "./claude-code.js";
import { KEY_CHECK_COMMAND, SCENARIO_TOOL, WATCHER_KEY_ENV } from "./command-tools.js";
import {
  DEADLINE_FLAG,
  DEFAULT_KIND,
  DURATION_TOKEN,
  HANDLE_PATTERN,
  KIND_RULES,
  MAX_WAIT_ARGUMENTS_LENGTH,
  MAX_WAIT_HANDLES,
  SCENARIO_PREFIX,
  WAIT_EXAMPLES,
  WAIT_USAGE,
  parseWaitArguments,
  type KindRule,
} from "../../calls/wait-arguments.js";

const json = (value: unknown): string => ["```json", JSON.stringify(value, null, 2), "```"].join("\n");

function describeExample(args: string): string {
  const parsed = parseWaitArguments(args);
  if (!parsed.ok) throw new Error(`usage example "${args}" does not parse: ${parsed.problem}`);
  const { request } = parsed;
  const seconds = request.expected.from === "scenario" ? undefined : request.expected.seconds;
  const expected =
    request.expected.from === "scenario"
      ? `expected time read from scenario ${request.expected.scenarioId}`
      : `expected ${formatDuration(seconds!)}${request.expected.from === "policy" ? " (policy default)" : ""}`;
  const deadline = request.deadlineSeconds ?? (seconds === undefined ? undefined : deadlineFor(request.operation, seconds));
  const what = request.kind === "validation" ? "validation" : `${request.handles.length} ${request.kind === "task" ? "task" : "bench result"}${request.handles.length > 1 ? "s" : ""}`;
  return `${code(`/octoperf:wait ${args}`)}: ${what}, ${expected}${deadline === undefined ? "" : `, deadline ${formatDuration(deadline)}`}.`;
}

export function waitUsage(): string {
  return [`Usage: ${code(WAIT_USAGE)}`, "", "Examples:", ...WAIT_EXAMPLES.map((args) => `- ${describeExample(args)}`)].join("\n");
}

/** The operations whose handle is a task id. */
function taskOperationIds(): string[] {
  return OPERATIONS.filter((op) => op.handle.kind === "taskId").map((op) => op.id);
}

function kindRow(rule: KindRule): string[] {
  const op = operation(rule.operation);
  const work = rule.kind === "task" ? `Task of ${orList(taskOperationIds().map(code))}` : op.title;
  const expected = op.expectedSeconds;
  const prefix = rule.kind === DEFAULT_KIND ? `${code(rule.prefix + rule.shape)} or just ${code(rule.shape)}` : code(rule.prefix + rule.shape);
  return [prefix, work, code(callShape(op.status)), `${code(op.status.field)} is ${terminalList(op)}`, `${formatDuration(expected)} / ${formatDuration(deadlineFor(op, expected))}`];
}

export function waitArgumentRules(): string {
  return [
    "Check the arguments before anything else. On the first problem, answer with the usage line, one example and what is wrong, then stop: call no tool.",
    "",
    `1. The text is at most ${MAX_WAIT_ARGUMENTS_LENGTH} characters of letters, digits, ${code("_")}, ${code("-")}, ${code(":")}, ${code("/")} and spaces. Anything else (quotes, ${code("$")}, backticks, ${code(";")}, ${code("|")}, ${code("&")}, brackets, line breaks) means refuse. Never pass the text, or any part of it, to a shell.`,
    "2. Split it on spaces. Each word is one of:",
    `   - ${code(`${DEADLINE_FLAG} <duration>`)}: the deadline, at most once.`,
    `   - a duration with a unit, matching ${code(DURATION_TOKEN.source)} (for example ${code("90s")}, ${code("10m")}, ${code("1h30m")}; at most ${formatDuration(MAX_DURATION_S)}): the expected time, at most once.`,
    `   - ${code(`${SCENARIO_PREFIX}<scenarioId>`)}: read the expected time from that scenario (bench results only), instead of a duration.`,
    "   - a handle, in one of these forms:",
    "",
    table(["handle", "work", "status call", "done when", "default expected / deadline"], KIND_RULES.map(kindRow)),
    "",
    `3. Every id (handle ids and the scenario id) matches ${code(HANDLE_PATTERN.source)}: letters, digits, ${code("_")} and ${code("-")}, at most ${HANDLE_MAX_LENGTH} characters, starting with a letter or digit.`,
    `4. At least one handle and at most ${MAX_WAIT_HANDLES}, all of one kind; one validation at a time. A word that is both a valid id and a duration (such as ${code("10m")}) is the duration: write ${code("bench:10m")} for the id.`,
  ].join("\n");
}

/** The cron expression of the loop: the cadence is at most CADENCE_MAX_S, so one cron covers every case. */
export function loopCron(): string {
  const crons = new Set<string>();
  for (let n = CADENCE_MIN_S; n <= CADENCE_MAX_S; n += 1) crons.add(cronForInterval(n).cron);
  if (crons.size !== 1) throw new Error(`the loop cron depends on the cadence (${[...crons].join(", ")}); render a table instead`);
  return [...crons][0]!;
}

function monitorExample(rule: KindRule, expectedSeconds?: number): string {
  const op = operation(rule.operation);
  const plan = planWait({ operation: op.id, expectedSeconds, watcher: true });
  return json(monitorArgs(plan, sampleTargets(op.id)));
}

function cronExample(rule: KindRule): string {
  const op = operation(rule.operation);
  return json(cronCreateArgs(planWait({ operation: op.id }), sampleTargets(op.id)));
}

export function waitSteps(): string {
  const bench = KIND_RULES[0]!;
  const scenarioRun = operation(bench.operation);
  const longRun = 25 * 60;
  const names = TOOL_PREFIXES.map((prefix) => code(`${prefix}<tool>`)).join(" or ");
  const task = KIND_RULES.find((r) => r.kind === "task")!;
  return [
    `OctoPerf tools appear as ${names}; use whichever this session has (load them with ToolSearch first if they are deferred).`,
    "",
    `1. **Expected time and deadline.** A given duration wins. With ${code(`${SCENARIO_PREFIX}<scenarioId>`)}, call ${code(`${SCENARIO_TOOL}(scenarioId)`)} and take the longest user profile's delay + ramp-up + hold + ramp-down plus ${PROVISIONING_HEADROOM_S} s (fields in seconds such as ${code("rampUpSec")}, or in milliseconds such as ${code("rampUpMs")}); if no profile has timings, use the default. Otherwise use the default of the handle's kind (table above). The deadline is ${code(DEADLINE_FLAG)} when given, else the default deadline for that expected time: ${formatDuration(scenarioRun.expectedSeconds)} expected gives ${formatDuration(deadlineFor(scenarioRun, scenarioRun.expectedSeconds))} for bench results, ${formatDuration(longRun)} gives ${formatDuration(deadlineFor(scenarioRun, longRun))}.`,
    `2. **Poll once now**: one status call per handle (table above). An id given without a prefix is a bench result; if ${code(callShape(scenarioRun.status))} answers that it does not exist, try it once as a task with ${code(callShape(operation(task.operation).status))} before giving up. If every handle is already done, report each outcome and the next step, and stop here: nothing to wait for. If this plugin's hooks follow the work (they planned the wait when it started in this conversation, or a line of theirs above says this session took it over from an earlier one), they carry it out (a background watcher, or wakes at the cadence): say so, and stop here.`,
    `3. **Can the watcher reach OctoPerf?** Claude Code ran a check when this command loaded (it prints whether ${code(WATCHER_KEY_ENV)} is set, never the key): !\`${KEY_CHECK_COMMAND}\``,
    `4. **If that printed true, start the watcher under Monitor.** This example waits for one bench result with the policy defaults; only the ids change, ${code("--expected")} and ${code("--deadline")} are the values from step 1, and ${code("timeout_ms")} is the deadline in milliseconds, at most ${MONITOR_MAX_TIMEOUT_MS}:`,
    monitorExample(bench),
    `   For a deadline longer than ${formatDuration(MONITOR_MAX_TIMEOUT_MS / 1000)} add ${code("--window")} as here (expected ${formatDuration(longRun)}); just before the window ends the watcher prints the command to start again with:`,
    monitorExample(bench, longRun),
    `   A validation uses ${code("validation <projectId> <virtualUserId>")}, a task ${code("task <taskId...>")} with ${code("--operation")} set to the operation that started it when this conversation shows it (${orList(taskOperationIds().map(code))}), else ${code(task.operation)} as here (its terminal values cover the others'):`,
    monitorExample(task),
    "   The watcher prints a line only when something changes and exits at the end; each line wakes you. Report its verdict and the next step. If it exits at once with a configuration error, fall back to step 5.",
    `5. **Otherwise, loop with CronCreate**, keeping the returned ${code("id")}. The cadence is at most ${CADENCE_MAX_S} s and cron's finest step is one minute, so the schedule is always ${code(loopCron())}. Only the ids change from this example (bench result):`,
    cronExample(bench),
    `   For a validation or a task, name the status call of the table in the same words. When a firing finds every handle done, or the deadline passed, CronDelete the job and report.`,
    `6. **Tell the user** what is waited on, the expected time and deadline, the Monitor task id or cron job id, and that ${code("/octoperf:stop-wait <handle>")} ends the wait (the OctoPerf work goes on).`,
    "",
    `Cadence for the record: N = expected / ${CADENCE_DIVISOR} within [${CADENCE_MIN_S} s, ${CADENCE_MAX_S} s] (${formatDuration(scenarioRun.expectedSeconds)} gives ${cadenceFor(scenarioRun.expectedSeconds)} s); the watcher polls at N but never less often than every ${WATCHER_MAX_INTERVAL_S} s.`,
  ].join("\n");
}
