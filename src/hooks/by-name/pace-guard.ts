// PreToolUse on a status tool: the pace guard. A poll of a handle that has
// ended is refused with its outcome and next step; a poll that comes sooner
// than the cadence allows is refused with the seconds left and how to wait.
// The first poll after a start passes (it catches a failed start), and so does
// the first poll after a loop or watcher is set up (a /loop runs its prompt at
// once). A handle the plugin never saw passes: it may have been started
// elsewhere.
//
// One budget per handle: get_bench_result, get_bench_status and, for a
// validation, get_virtual_user_validation all name the same work and each
// costs a model turn, so any of them counts as the handle's poll.
//
// With the hooks' cadence timer, an early poll is refused only while a live
// timer will wake the model; with none (its wake was just spent, or it never
// started), the poll passes, and its answer arms the next timer.
//
// While a background watcher of this plugin's hooks waits on a handle, every
// poll of it is refused: the watcher wakes the model with the outcome. Only a
// live watcher counts: once its process is gone, polls pass again.
import { bareToolName, CLAUDE_MAX_SLEEP_S, minimumGapSeconds, operation, statusTools } from "../../policy/index.js";
import type { Decide, DecideContext } from "../claude/decision.js";
import { pollKeys } from "../session/keys.js";
import { STOP_WAIT_COMMAND } from "../text/plan-text.js";
import { schedulesOf, timerFor, watcherHolding, withWork, workFor, type SessionState, type WaiterRecord, type WorkRecord } from "../session/state.js";
import { argsJson } from "../../calls/words.js";
import { callOf, nextStepText, stopLines, waitAgainLine } from "../text/work-advice.js";

/** A poll (or re-read) on time: the first one, one after the clock went back, or one at least the minimum gap after the last. */
export function onTimeAfter(lastAt: number | undefined, now: number, cadenceSeconds: number): boolean {
  return lastAt === undefined || now < lastAt || (now - lastAt) / 1000 >= minimumGapSeconds(cadenceSeconds);
}

function endedReason(state: SessionState, key: string, work: WorkRecord): string {
  const ended = work.terminal!;
  const acceptor = operation(work.op).terminal.find((a) => a.value === ended.value);
  const next = acceptor ? ` ${nextStepText(acceptor.next)}` : "";
  const meaning = acceptor ? `: ${acceptor.meaning}` : "";
  return [`Already ended: ${callOf(key, work)} is ${ended.value} (${ended.outcome}${meaning}); polling it again changes nothing.${next}`, ...stopLines(state, [key])].join(" ");
}

function heldReason(key: string, work: WorkRecord, watcher: WaiterRecord): string {
  return (
    `Not now: a background watcher of this plugin's hooks (${watcher.claimed ? "starting" : `process ${watcher.pid}`}) is waiting on ${callOf(key, work)} outside the model ` +
    `and will wake you once, with the outcome. End your turn; do not poll and set up nothing else. ${STOP_WAIT_COMMAND} ${work.handle} ends it.`
  );
}

function tooSoonReason(state: SessionState, key: string, work: WorkRecord, ctx: DecideContext): string {
  const now = ctx.now;
  const elapsedMs = now - (work.lastPollAt ?? now);
  const left = Math.max(1, Math.ceil(work.cadenceSeconds - elapsedMs / 1000));
  const head = `Too soon: ${callOf(key, work)} was polled ${Math.floor(elapsedMs / 1000)} s ago and its cadence is ${work.cadenceSeconds} s; poll again in ${left} s.`;
  const schedule = schedulesOf(state, key)[0];
  let how: string;
  if (timerFor(state, key, ctx)) how = "This plugin's hooks will wake you when it is due: end your turn.";
  else if (schedule?.kind === "monitor") how = `Monitor task ${schedule.id} is watching it: end your turn and wait for its next event.`;
  else if (schedule?.kind === "cron") how = `Loop job ${schedule.id} polls it (CronDelete ${argsJson({ id: schedule.id })} ends it): end your turn and let the next firing poll.`;
  else if (ctx.hooks) how = waitAgainLine(state, work, ctx);
  else if (left <= CLAUDE_MAX_SLEEP_S) how = `Wait with a standalone Bash \`sleep ${left}\`, then poll.`;
  else how = waitAgainLine(state, work, ctx);
  return `${head} ${how}`;
}

export const decidePace: Decide<"PreToolUse"> = (input, state, ctx) => {
  const tool = bareToolName(input.toolName);
  if (tool === undefined || !statusTools().includes(tool)) return { state, note: "not a status tool of the policy" };
  const found = workFor(state, pollKeys(tool, input.toolInput));
  if (!found) return { state };
  const { key, work } = found;
  if (work.terminal) return { state, decision: { kind: "deny", reason: endedReason(state, key, work) } };
  const watcher = watcherHolding(state, key, ctx);
  if (watcher) return { state, decision: { kind: "deny", reason: heldReason(key, work, watcher) } };
  const onTime = work.freePoll === true || onTimeAfter(work.lastPollAt, ctx.now, work.cadenceSeconds);
  // A work whose promised background wait never started is waited for the hooks-off way (guard-turn-end.ts).
  const hooks = ctx.hooks && work.backgroundFailedAt === undefined;
  // With the hooks' timer as the way to wait, a refusal is only safe while a live timer will wake the model: a refused
  // poll has no answer, so it arms no timer, and "end your turn" would end the wait. With none, the poll passes and re-arms it.
  const unattended = hooks && !timerFor(state, key, ctx) && schedulesOf(state, key).length === 0;
  if (!onTime && !unattended) return { state, decision: { kind: "deny", reason: tooSoonReason(state, key, work, { ...ctx, hooks }) } };
  const { freePoll: _used, ...rest } = work;
  const early = onTime ? {} : { note: "early, but no timer of the hooks waits on it: the poll passes and its answer re-arms one" };
  return { state: withWork(state, key, { ...rest, lastPollAt: ctx.now }), ...early };
};
