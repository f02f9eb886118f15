// The one-wake wait: the two background hooks (asyncRewake in hooks.json),
// as pure decisions. Each run has two of them around its long wait, both
// under the session lock:
//
// - arm: after a start (hook wait-in-background) or a status poll (hook
//   wake-after-poll, both in by-name/), decide what to wait for and record the waiter (this
//   hook's pid and token, its tool call, its works, when it is due). With
//   credentials the job is the watcher, run outside the model; without, a
//   timer that wakes the model when the next poll is due, one cadence after
//   the poll and never after the deadline. The quick hook of the same call
//   runs the same arm first and records its waiter as a claim (claims.ts),
//   so the wait is held before the model reads the plan; this hook then
//   adopts that claim instead of adding a second waiter.
// - settle: after the wait (run outside the lock by runtime/system-jobs.ts), drop
//   the record and decide whether to wake the model (exit 2) with one line,
//   or stay silent: the work ended, a newer poll or timer took over, a live
//   watcher holds it, or /octoperf:stop-wait ended this one. A timer due at
//   the deadline wakes the model with the deadline, never silently.
//
// Everything shown comes from the policy, validated ids, or the watcher's
// line made safe again here.
import {
  alternativeTargets,
  BACKGROUND_HOOK_MARGIN_S,
  formatDuration,
  MAX_BACKGROUND_WAIT_S,
  operation,
  type Operation,
  type OperationId,
  type PollTarget,
  type WaitPlan,
} from "../../policy/index.js";
import { oneLine } from "../../policy/untrusted-text.js";
// The watcher's lines start with this; only such a line is taken from its output.
import { PREFIX as WATCHER_LINE_PREFIX } from "../../watcher/lines.js";
import { describeCall, watcherArgs, watcherTargets } from "../../calls/wait-calls.js";
import type { DecideContext } from "../claude/decision.js";
import type { PostToolUseInput } from "../claude/input.js";
import { notifySuggestion } from "../text/notify.js";
import { waitLine } from "../text/plan-text.js";
import { invocationFor } from "../session/reach.js";
import { andList } from "../../calls/words.js";
import { sessionPlan } from "./start.js";
import { waitersOf, watcherHolding, withWaiters, withWork, type SessionState, type WaiterRecord, type WorkEntry, type WorkRecord } from "../session/state.js";
import { deadlineText, targetOf } from "../text/work-advice.js";

/** The longest line a background hook wakes the model with. */
export const MAX_WAKE_LINE_CHARS = 3000;

export interface WatchJob {
  readonly kind: "watch";
  readonly token: string;
  readonly op: OperationId;
  readonly works: readonly string[];
  readonly handles: readonly string[];
  /** The status calls of the works, for the lines. */
  readonly targets: readonly PollTarget[];
  /** What the watcher follows (a bench result for a validation). */
  readonly watched: readonly PollTarget[];
  /** The watcher's arguments: validated ids and policy values only, never a shell. */
  readonly argv: readonly string[];
  /** The watcher's --deadline, in seconds: the run's, at most MAX_BACKGROUND_WAIT_S. */
  readonly waitSeconds: number;
  /** The run's own deadline (decision clock), later than this wait's end when the wait was capped. */
  readonly deadlineAt: number;
  /** When the works started: a wait's length counts from there. */
  readonly startedAt: number;
  readonly expectedSeconds: number;
  readonly cadenceSeconds: number;
}

export interface TimerJob {
  readonly kind: "timer";
  readonly token: string;
  readonly op: OperationId;
  readonly works: readonly string[];
  /** When the next poll is due (decision clock). */
  readonly dueAt: number;
  /** The poll this timer follows. */
  readonly pollAt: number;
  readonly cadenceSeconds: number;
}

export type BackgroundJob = WatchJob | TimerJob;

/** How a job's wait ended, as runtime/system-jobs.ts saw it. */
export type JobResult =
  | {
      readonly kind: "watch";
      /** Ended from outside (/octoperf:stop-wait, the session going away): nobody is woken. */
      readonly stopped: boolean;
      readonly exitCode: number | null;
      /** The watcher's last `octoperf-wait:` line, if it printed one. */
      readonly lastLine: string | undefined;
      /** Why the watcher could not run at all (no script, spawn failed), safe. */
      readonly problem?: string;
    }
  | { readonly kind: "timer"; readonly stopped: boolean };

export interface Armed {
  readonly state: SessionState;
  readonly job?: BackgroundJob;
  readonly note?: string;
}

export interface Settled {
  readonly state: SessionState;
  /** The one line that wakes the model (the hook then exits 2). */
  readonly wake?: string;
  readonly note?: string;
}

export type Arm = (input: PostToolUseInput, state: SessionState, ctx: DecideContext) => Armed;

export interface WatchSpec {
  readonly op: Operation;
  readonly plan: WaitPlan;
  readonly keys: readonly string[];
  readonly handles: readonly string[];
  readonly targets: readonly PollTarget[];
  readonly alternatives: readonly PollTarget[];
  readonly startedAt: number;
  readonly deadlineAt: number;
}

/**
 * What a watcher waits on for these works of one operation (a start's group, or a resumed session's
 * pending works): their status calls and alternatives, from the earliest start to the latest deadline,
 * with a plan for what is left of `lead`'s expected time (its cadence at least).
 */
export function watchSpecOf(op: Operation, works: readonly WorkEntry[], lead: WorkRecord, ctx: DecideContext): WatchSpec {
  const startedAt = Math.min(...works.map((m) => m.work.startedAt));
  const elapsed = (ctx.now - startedAt) / 1000;
  return {
    op,
    plan: sessionPlan(op, Math.max(lead.cadenceSeconds, Math.round(lead.expectedSeconds - elapsed)), ctx),
    keys: works.map((m) => m.key),
    handles: works.map((m) => m.work.handle),
    targets: works.map((m) => targetOf(m.key, m.work)),
    alternatives: works.flatMap((m) => alternativeTargets(op, [m.work.handle], m.work.args)),
    startedAt,
    deadlineAt: Math.max(...works.map((m) => m.work.deadlineAt)),
  };
}

/** The state with `waiter` added: it replaces any record of the same tool call (its claim) and those `replaced` names. */
export function addWaiter(state: SessionState, waiter: WaiterRecord, replaced: (w: WaiterRecord) => boolean = () => false): SessionState {
  const same = (w: WaiterRecord): boolean => waiter.call !== undefined && w.call === waiter.call;
  return withWaiters(state, [...waitersOf(state).filter((w) => !same(w) && !replaced(w)), waiter]);
}

export function waiterFor(kind: WaiterRecord["kind"], ctx: DecideContext, call: string | undefined, works: readonly string[], until: number, pollAt?: number): WaiterRecord {
  return { kind, pid: ctx.pid, token: ctx.token, ...(call ? { call } : {}), works, at: ctx.now, until, ...(pollAt !== undefined ? { pollAt } : {}) };
}

export function armWatch(state: SessionState, ctx: DecideContext, spec: WatchSpec, backend: readonly string[], call: string | undefined): Armed {
  const leftSeconds = Math.max(1, Math.ceil((spec.deadlineAt - ctx.now) / 1000));
  const waitSeconds = Math.min(leftSeconds, MAX_BACKGROUND_WAIT_S);
  const watched = watcherTargets(spec.targets, spec.alternatives);
  const argv = watcherArgs({ ...spec.plan, deadlineSeconds: waitSeconds }, watched, backend);
  // Due to settle by the end of its backstop (runtime/system-jobs.ts): the watcher's deadline plus the hook's margin.
  const waiter = waiterFor("watcher", ctx, call, spec.keys, ctx.now + (waitSeconds + BACKGROUND_HOOK_MARGIN_S) * 1000);
  const job: WatchJob = {
    kind: "watch",
    token: ctx.token,
    op: spec.op.id,
    works: spec.keys,
    handles: spec.handles,
    targets: spec.targets,
    watched,
    argv,
    waitSeconds,
    deadlineAt: spec.deadlineAt,
    startedAt: spec.startedAt,
    expectedSeconds: spec.plan.expectedSeconds,
    cadenceSeconds: spec.plan.cadenceSeconds,
  };
  return { state: addWaiter(state, waiter), job };
}

function entries(state: SessionState, keys: readonly string[]): WorkEntry[] {
  return keys.flatMap((key) => {
    const work = state.works[key];
    return work ? [{ key, work }] : [];
  });
}

function calls(list: readonly WorkEntry[] | readonly PollTarget[]): string {
  return andList(list.map((e) => ("work" in e ? describeCall(targetOf(e.key, e.work)) : describeCall(e))));
}

function timerLine(job: TimerJob, running: readonly WorkEntry[]): string {
  const many = running.length > 1;
  return (
    `OctoPerf ${job.op}: the next poll is due: call ${calls(running)} now. ` +
    `While ${many ? "they run" : "it runs"}, this plugin's hooks wake you again at the next one; set up nothing else.`
  );
}

/** Where to go when no watcher waits any more: the model polls, paced by the timer. */
function pollYourself(job: WatchJob): string {
  return (
    `Nothing waits on ${andList(job.handles)} now. Next: poll ${calls(job.targets)} yourself, at most every ${job.cadenceSeconds} s; ` +
    `after each poll that is not final, end your turn: this plugin's hooks wake you when the next is due.`
  );
}

/** A run that outlasts one background wait: how to go on, with the hooks or without them. */
function continueLine(job: WatchJob, ctx: DecideContext): string {
  const elapsed = (ctx.now - job.startedAt) / 1000;
  const deadlineLeft = Math.max(1, Math.round((job.deadlineAt - ctx.now) / 1000));
  const op = operation(job.op);
  const plan = sessionPlan(op, Math.max(job.cadenceSeconds, Math.round(job.expectedSeconds - elapsed)), { ...ctx, hooks: false });
  const without = waitLine({ ...plan, deadlineSeconds: deadlineLeft }, job.targets, invocationFor(job.op, ctx), true, job.watched);
  return (
    `OctoPerf ${job.op}: ${andList(job.handles)} still in flight after ${formatDuration(elapsed)}; one background wait lasts at most ${formatDuration(MAX_BACKGROUND_WAIT_S)} ` +
    `and the run's deadline is in ${formatDuration(deadlineLeft)}. Next: poll ${calls(job.targets)} once; if it is not final, this plugin's hooks start a new background wait. ` +
    `With the hooks off: ${without}`
  );
}

const OUTCOME_EXIT: Readonly<Record<number, "succeeded" | "failed">> = { 0: "succeeded", 1: "failed" };
const DEADLINE_EXIT = 2;

function mark(state: SessionState, keys: readonly string[], change: Partial<WorkRecord>): SessionState {
  let next = state;
  for (const { key, work } of entries(state, keys)) next = withWork(next, key, { ...work, ...change });
  return next;
}

/**
 * The watcher saw the end: its works are recorded as ended, as a poll's
 * answer would record them (a later poll is refused with the outcome, and the
 * turn-end guard owes them nothing). Each handle's value is read from the
 * watcher's line ("<handle> <STATE>"); where it cannot be, the operation's
 * first value of that ending stands for it.
 */
function endedByWatcher(state: SessionState, job: WatchJob, ending: "succeeded" | "failed", line: string, now: number): SessionState {
  const op = operation(job.op);
  const fallback = op.terminal.find((a) => a.outcome === ending) ?? op.terminal[0]!;
  const words = line.split(/[\s,:;()]+/);
  let next = state;
  for (const { key, work } of entries(state, job.works)) {
    if (work.terminal) continue;
    const said = words[words.indexOf(work.handle) + 1];
    const acceptor = words.includes(work.handle) ? op.terminal.find((a) => a.value === said) : undefined;
    const chosen = acceptor ?? fallback;
    next = withWork(next, key, { ...work, terminal: { value: chosen.value, outcome: chosen.outcome, at: now } });
  }
  return next;
}

/** A wake is given: its works' new turn has begun (the turn-end guard of the old one retires). */
function woken(settled: Settled, keys: readonly string[], now: number): Settled {
  return settled.wake === undefined ? settled : { ...settled, state: mark(settled.state, keys, { wokenAt: now }) };
}

function settleWatch(job: WatchJob, result: Extract<JobResult, { kind: "watch" }>, state: SessionState, ctx: DecideContext): Settled {
  const line = result.lastLine?.startsWith(WATCHER_LINE_PREFIX) ? oneLine(result.lastLine, MAX_WAKE_LINE_CHARS) : undefined;
  const markFailed = (s: SessionState, keys: readonly string[], now: number): SessionState => mark(s, keys, { watcherFailedAt: now });
  if (result.problem !== undefined) {
    return {
      state: markFailed(state, job.works, ctx.now),
      wake: `OctoPerf ${job.op}: the background watcher could not run (${oneLine(result.problem, 200)}). ${pollYourself(job)}`,
    };
  }
  const ending = result.exitCode === null ? undefined : OUTCOME_EXIT[result.exitCode];
  if (ending && line) {
    const notify = notifySuggestion(job.op, ending, (ctx.now - job.startedAt) / 1000, job.handles);
    return { state: endedByWatcher(state, job, ending, line, ctx.now), wake: notify ? `${line} ${notify}` : line };
  }
  if (result.exitCode === DEADLINE_EXIT && ctx.now < job.deadlineAt) return { state, wake: continueLine(job, ctx) };
  if (result.exitCode === DEADLINE_EXIT) {
    const running = entries(state, job.works).filter((e) => !e.work.terminal);
    const advice = deadlineText(operation(job.op), running.length > 0 ? running : entries(state, job.works), ctx.now);
    return { state: mark(state, job.works, { deadlineNoted: true }), wake: line ? `${line} ${advice}` : advice };
  }
  const said = line ?? `${WATCHER_LINE_PREFIX} ${job.op}: the watcher ended with ${result.exitCode === null ? "a signal" : `exit code ${result.exitCode}`} and no line`;
  return { state: markFailed(state, job.works, ctx.now), wake: `${said} ${pollYourself(job)}` };
}

/** A timer wakes the model with the next poll, or, due at the deadline, with the deadline: never silent while a work it held runs. */
function settleTimer(job: TimerJob, state: SessionState, ctx: DecideContext): Settled {
  const running = entries(state, job.works).filter((e) => !e.work.terminal);
  if (running.length === 0) return { state, note: "the work has ended" };
  if (running.some((e) => (e.work.lastPollAt ?? 0) > job.pollAt)) return { state, note: "a newer poll took over" };
  if (running.some((e) => watcherHolding(state, e.key, ctx))) return { state, note: "a background watcher waits on it" };
  // The timer slept until it was due: whatever the clock says, it is at least that late.
  const now = Math.max(ctx.now, job.dueAt);
  if (running.every((e) => now >= e.work.deadlineAt)) {
    if (running.every((e) => e.work.deadlineNoted)) return { state, note: "past its deadline, and the model was told" };
    return { state: mark(state, job.works, { deadlineNoted: true }), wake: deadlineText(operation(job.op), running, now) };
  }
  return { state, wake: timerLine(job, running) };
}

/** After the wait: drop this hook's record, then wake the model with one line or stay silent. */
export function settle(job: BackgroundJob, result: JobResult, state: SessionState, ctx: DecideContext): Settled {
  const mine = waitersOf(state).some((w) => w.token === job.token);
  const next = mine ? withWaiters(state, waitersOf(state).filter((w) => w.token !== job.token)) : state;
  if (result.stopped) return { state: next, note: "stopped before the end" };
  if (!mine) return { state: next, note: job.kind === "timer" ? "a newer poll took over, or /octoperf:stop-wait ended it" : "/octoperf:stop-wait ended it" };
  const settled = job.kind === "watch" && result.kind === "watch" ? settleWatch(job, result, next, ctx) : settleTimer(job as TimerJob, next, ctx);
  return woken(settled, job.works, ctx.now);
}
