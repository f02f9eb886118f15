// Turn a wait plan into the exact text or arguments for each realisation.
// Every handle here has already been validated by pollTargets().
import { formatDuration } from "../policy/duration.js";
import { BASH_BACKGROUND_MAX_TIMEOUT_MS, CRON_FLOOR_S, MONITOR_MAX_TIMEOUT_MS, SCHEDULE_WAKEUP_MAX_S, SCHEDULE_WAKEUP_MIN_S } from "../policy/harness.js";
import type { Operation } from "../policy/operations.js";
import { orList } from "./words.js";
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
export interface BackgroundBashArgs {
  readonly command: string;
  readonly description: string;
  readonly run_in_background: true;
  readonly timeout: number;
}

/** The watcher bundle, relative to the plugin's folder. */
export const WATCHER_SCRIPT = "scripts/octoperf-wait.mjs";

/**
 * The plugin's watcher, as documentation shows it. Claude Code puts the
 * plugin's path in place of ${CLAUDE_PLUGIN_ROOT} in hook commands and in a
 * command's body, but a Bash or Monitor shell does not have the variable
 * (measured on 2.1.330, --plugin-dir): a command handed to the model by a
 * hook or by the watcher carries the absolute path instead
 * (watcherCommandAt, watcherCommandFor).
 */
export const WATCHER_COMMAND = `node "\${CLAUDE_PLUGIN_ROOT}/${WATCHER_SCRIPT}"`;

/** A word a POSIX shell reads as it is: plain, or single-quoted so that nothing inside expands. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** The watcher run from its script's absolute path. */
export function watcherCommandFor(script: string): string {
  return `node ${shellWord(script)}`;
}

/** The watcher of the plugin at `root` (absolute), or as documentation shows it when the root is not known. */
export function watcherCommandAt(root: string | undefined): string {
  return root ? watcherCommandFor(`${root.replace(/\/+$/, "")}/${WATCHER_SCRIPT}`) : WATCHER_COMMAND;
}

/** How to run the watcher: the command, and backend words the plan adds (e.g. `--backend mcp`). */
export interface WatcherInvocation {
  readonly command: string;
  readonly extra?: readonly string[];
}

const DOCUMENTED: WatcherInvocation = { command: WATCHER_COMMAND };

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
  const delaySeconds = choice?.intervalSeconds ?? Math.min(SCHEDULE_WAKEUP_MAX_S, Math.max(SCHEDULE_WAKEUP_MIN_S, plan.cadenceSeconds));
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
export function watcherArgs(plan: WaitPlan, targets: readonly PollTarget[], extra: readonly string[] = []): string[] {
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
  words.push("--expected", formatDuration(plan.expectedSeconds), "--deadline", formatDuration(plan.deadlineSeconds), ...extra);
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
export function monitorArgs(plan: WaitPlan, targets: readonly PollTarget[], how: WatcherInvocation = DOCUMENTED): MonitorArgs {
  const timeoutMs = Math.min(MONITOR_MAX_TIMEOUT_MS, plan.deadlineSeconds * 1000);
  const window = plan.deadlineSeconds * 1000 > MONITOR_MAX_TIMEOUT_MS ? ["--window", formatDuration(timeoutMs / 1000)] : [];
  return {
    description: waitDescription(plan, targets),
    timeout_ms: timeoutMs,
    command: `${how.command} ${[...watcherArgs(plan, targets, how.extra), ...window].join(" ")}`,
  };
}

/** "OctoPerf scenario-run b1, b2": how a Monitor task or background command of this plugin is described. */
export function waitDescription(plan: WaitPlan, targets: readonly PollTarget[]): string {
  return `OctoPerf ${plan.operation.id} ${targets.map((t) => Object.values(t.args).join("/")).join(", ")}`;
}

/**
 * Bash with run_in_background: the watcher runs outside the model and its
 * exit wakes the model once (with its exit code; its last line is in the
 * output file). A call lasts at most 2 hours: a longer deadline gets
 * `--window`, so the watcher prints the command to go on before that.
 */
export function backgroundBashArgs(plan: WaitPlan, targets: readonly PollTarget[], how: WatcherInvocation = DOCUMENTED): BackgroundBashArgs {
  const timeoutMs = Math.min(BASH_BACKGROUND_MAX_TIMEOUT_MS, plan.deadlineSeconds * 1000);
  const window = plan.deadlineSeconds * 1000 > BASH_BACKGROUND_MAX_TIMEOUT_MS ? ["--window", formatDuration(timeoutMs / 1000)] : [];
  return {
    command: `${how.command} ${[...watcherArgs(plan, targets, how.extra), ...window].join(" ")}`,
    description: waitDescription(plan, targets),
    run_in_background: true,
    timeout: timeoutMs,
  };
}

export function sleepCommand(plan: WaitPlan): string {
  return `sleep ${plan.cadenceSeconds}`;
}
