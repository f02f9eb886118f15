// Turn a wait plan into the exact text or arguments for each realisation.
// Every handle here has already been validated by pollTargets().
import { formatDuration } from "../policy/duration.js";
import { CRON_FLOOR_S, MONITOR_MAX_TIMEOUT_MS } from "../policy/harness.js";
import type { Operation } from "../policy/operations.js";
import { orList } from "./markdown.js";
import type { WaitPlan } from "../policy/plan.js";
import type { PollTarget } from "../policy/targets.js";

export interface CronCreateArgs {
  readonly cron: string;
  readonly prompt: string;
  readonly recurring: true;
}
export interface ScheduleWakeupArgs {
  readonly delaySeconds: number;
  readonly reason: string;
  readonly prompt: string;
  readonly noop: boolean;
}
export interface MonitorArgs {
  readonly description: string;
  readonly timeout_ms: number;
  readonly command: string;
}

/** The plugin's watcher, as an installed plugin runs it. */
export const WATCHER_COMMAND = 'node "${CLAUDE_PLUGIN_ROOT}/scripts/octoperf-wait.mjs"';

/** A cron expression firing every `seconds`, rounded up to a clean whole-minute step. */
export function cronForInterval(seconds: number): { cron: string; intervalSeconds: number } {
  const minutes = Math.max(1, Math.ceil(seconds / CRON_FLOOR_S));
  if (minutes === 1) return { cron: "* * * * *", intervalSeconds: 60 };
  if (minutes < 60) {
    const step = [2, 3, 4, 5, 6, 10, 12, 15, 20, 30].find((d) => d >= minutes) ?? 60;
    if (step < 60) return { cron: `*/${step} * * * *`, intervalSeconds: step * 60 };
  }
  const hours = Math.ceil(minutes / 60);
  const hourStep = [1, 2, 3, 4, 6, 8, 12].find((d) => d >= hours) ?? 24;
  if (hourStep === 1) return { cron: "0 * * * *", intervalSeconds: 3600 };
  if (hourStep < 24) return { cron: `0 */${hourStep} * * *`, intervalSeconds: hourStep * 3600 };
  return { cron: "0 0 * * *", intervalSeconds: 86400 };
}

/** "/loop" interval token for a number of seconds (whole minutes). */
export function loopInterval(seconds: number): string {
  const { intervalSeconds } = cronForInterval(seconds);
  return intervalSeconds % 3600 === 0 ? `${intervalSeconds / 3600}h` : `${intervalSeconds / 60}m`;
}

export function describeCall(target: PollTarget): string {
  const args = Object.entries(target.args)
    .map(([name, value]) => `${name}=${value}`)
    .join(", ");
  return `${target.tool}(${args})`;
}

export function terminalList(op: Operation): string {
  return orList(op.terminal.map((a) => a.value));
}

/** How a realisation's loop is ended once every handle is terminal. */
export const LOOP_STOP = "CronDelete this job";
export const WAKEUP_STOP = "do not schedule another wake-up";

/** The prompt each loop firing runs. It names every handle, so a hook can tie the job to them. */
export function pollPrompt(op: Operation, targets: readonly PollTarget[], stop: string = LOOP_STOP): string {
  const calls = targets.map(describeCall).join("; ");
  return (
    `octoperf ${op.id}: call ${calls}. ` +
    `When ${op.status.field} is ${terminalList(op)} for every handle, ${stop} and report the outcome; otherwise say nothing more.`
  );
}

export function loopLine(plan: WaitPlan, targets: readonly PollTarget[]): string {
  return `/loop ${loopInterval(plan.cadenceSeconds)} ${pollPrompt(plan.operation, targets)}`;
}

export function cronCreateArgs(plan: WaitPlan, targets: readonly PollTarget[]): CronCreateArgs {
  return { cron: cronForInterval(plan.cadenceSeconds).cron, prompt: pollPrompt(plan.operation, targets), recurring: true };
}

export function scheduleWakeupArgs(plan: WaitPlan, targets: readonly PollTarget[]): ScheduleWakeupArgs {
  const choice = plan.options.find((o) => o.id === "wakeup");
  const delaySeconds = choice?.intervalSeconds ?? Math.max(60, plan.cadenceSeconds);
  return {
    delaySeconds,
    reason: `OctoPerf ${plan.operation.id} polled every ${formatDuration(delaySeconds)} until ${terminalList(plan.operation)}`,
    prompt: pollPrompt(plan.operation, targets, WAKEUP_STOP),
    noop: true,
  };
}

/**
 * The watcher's argument words for targets (validated handles only). Targets
 * that carry a benchResultId (a validation's alternativeTargets, too) give the
 * `bench` form, which the watcher's REST backend can follow; a validation
 * given as project + virtual user needs an MCP backend.
 */
export function watcherArgs(plan: WaitPlan, targets: readonly PollTarget[]): string[] {
  const op = plan.operation;
  const words: string[] = [];
  const first = targets[0];
  if (op.handle.kind === "taskId") words.push("task", ...targets.map((t) => t.args.taskId ?? ""), "--operation", op.id);
  else if (first?.args.benchResultId === undefined && op.status.tool === "get_virtual_user_validation") {
    words.push("validation", first?.args.projectId ?? "", first?.args.virtualUserId ?? "");
  } else {
    words.push("bench", ...targets.map((t) => t.args.benchResultId ?? ""));
    if (op.id !== "scenario-run") words.push("--operation", op.id);
  }
  words.push("--expected", formatDuration(plan.expectedSeconds), "--deadline", formatDuration(plan.deadlineSeconds));
  return words;
}

/**
 * The targets the watcher should follow: the form its REST backend can poll
 * (a bench result or task id) when the primary status call has none, as for a
 * validation polled by project and virtual user.
 */
export function watcherTargets(targets: readonly PollTarget[], alternatives: readonly PollTarget[]): readonly PollTarget[] {
  const reachable = (t: PollTarget) => t.args.benchResultId !== undefined || t.args.taskId !== undefined;
  if (targets.every(reachable)) return targets;
  const usable = alternatives.filter(reachable);
  return usable.length > 0 ? usable : targets;
}

/**
 * Monitor arguments. When the deadline outlasts Monitor's cap, `--window`
 * tells the watcher that limit: just before it, the watcher prints the exact
 * command to re-arm with (what is left of the expected time and deadline).
 */
export function monitorArgs(plan: WaitPlan, targets: readonly PollTarget[]): MonitorArgs {
  const handles = targets.map((t) => Object.values(t.args).join("/")).join(", ");
  const timeoutMs = Math.min(MONITOR_MAX_TIMEOUT_MS, plan.deadlineSeconds * 1000);
  const window = plan.deadlineSeconds * 1000 > MONITOR_MAX_TIMEOUT_MS ? ["--window", formatDuration(timeoutMs / 1000)] : [];
  return {
    description: `OctoPerf ${plan.operation.id} ${handles}`,
    timeout_ms: timeoutMs,
    command: `${WATCHER_COMMAND} ${[...watcherArgs(plan, targets), ...window].join(" ")}`,
  };
}

export function sleepCommand(plan: WaitPlan): string {
  return `sleep ${plan.cadenceSeconds}`;
}
