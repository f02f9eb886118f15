// Turn a wait plan into the exact text or arguments for each realisation.
// Every handle here has already been validated by pollTargets().
import { formatDuration } from "../policy/duration.js";
import { CRON_FLOOR_S, MONITOR_MAX_TIMEOUT_MS } from "../policy/harness.js";
import type { Operation } from "../policy/operations.js";
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
  const values = op.terminal.map((a) => a.value);
  return values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : (values[0] ?? "");
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

/** The watcher's argument words for a target (validated handles only). */
export function watcherArgs(plan: WaitPlan, targets: readonly PollTarget[]): string[] {
  const op = plan.operation;
  const words: string[] = [];
  if (op.handle.kind === "taskId") words.push("task", ...targets.map((t) => t.args.taskId ?? ""));
  else if (op.status.tool === "get_virtual_user_validation") {
    const first = targets[0];
    words.push("validation", first?.args.projectId ?? "", first?.args.virtualUserId ?? "");
  } else words.push("bench", ...targets.map((t) => t.args.benchResultId ?? ""));
  words.push("--expected", formatDuration(plan.expectedSeconds), "--deadline", formatDuration(plan.deadlineSeconds));
  return words;
}

export function monitorArgs(plan: WaitPlan, targets: readonly PollTarget[]): MonitorArgs {
  const handles = targets.map((t) => Object.values(t.args).join("/")).join(", ");
  return {
    description: `OctoPerf ${plan.operation.id} ${handles}`,
    timeout_ms: Math.min(MONITOR_MAX_TIMEOUT_MS, plan.deadlineSeconds * 1000),
    command: `${WATCHER_COMMAND} ${watcherArgs(plan, targets).join(" ")}`,
  };
}

export function sleepCommand(plan: WaitPlan): string {
  return `sleep ${plan.cadenceSeconds}`;
}
