// The turn-end guard (guard-turn-end, on Claude Code's Stop event), as pure
// decisions. When the model ends its turn, every work still owed a wait must
// be held by something that will wake the model: a live waiter of the hooks
// (a claim, a timer, a watcher) or a loop or monitor the model set up. A work
// that nothing holds is lost: the guard wakes the model at once with what to
// do. While a waiter holds the wait, the guard stays beside it and looks again
// every GUARD_POLL_MS: a waiter that died (SIGKILL, OOM), fell late (a
// suspended machine, SIGSTOP) or was never adopted (the background bundle did
// not start) is found lost, its record dropped, and the model woken in its
// place. So the promise "end your turn; you will be woken" holds whatever
// happens to the process that made it.
//
// One guard per session: a newer turn's guard retires the older one. The
// guard's job for a work ends when its turn has been followed by another (a
// wake was given, or the model polled again), when the work ends, when
// /octoperf:stop-wait released it, or once it has been told of the work's
// deadline.
import { CLAIM_TTL_S, operation } from "../../policy/index.js";
import type { DecideContext } from "../claude/decision.js";
import { isReleased, lastTouched, schedulesOf, waiterHealth, waitersOf, withWaiters, withWork, type GuardRecord, type SessionState, type WaiterHealth, type WaiterRecord, type WorkEntry, type WorkRecord } from "../session/state.js";
import { callOf, deadlineText, waitAgainLine } from "../text/work-advice.js";

export interface GuardStep {
  readonly state: SessionState;
  /** The one line that wakes the model (the hook then exits 2). */
  readonly wake?: string;
  /** Nothing more to guard: the hook exits. */
  readonly done: boolean;
  readonly note?: string;
}

/** Whether the model is still owed a wake for this work by the turn that began before `since`. */
function owed(work: WorkRecord, since: number, now: number): boolean {
  if (work.terminal) return false;
  if (isReleased(work)) return false;
  if (work.guardedAt !== undefined && work.guardedAt >= lastTouched(work)) return false;
  if (work.deadlineNoted && now >= work.deadlineAt) return false;
  // A newer turn followed (a wake was given, or the model polled): its own end brings its own guard.
  return !((work.wokenAt ?? -1) > since || (work.lastPollAt ?? -1) > since);
}

type Loss = { readonly entry: WorkEntry; readonly holders: readonly WaiterRecord[]; readonly health: WaiterHealth | "none" };

function holdersOf(state: SessionState, key: string): WaiterRecord[] {
  return waitersOf(state).filter((w) => w.works.includes(key));
}

const WHAT: Readonly<Record<WaiterRecord["kind"], string>> = { timer: "the hooks' poll timer", watcher: "the hooks' background watcher" };

function reasonOf(loss: Loss): string {
  const holder = loss.holders.find((w) => w.claimed) ?? loss.holders[0];
  if (loss.health === "none" || !holder) return "nothing was waiting on it when your turn ended";
  const what = WHAT[holder.kind];
  if (loss.health === "unadopted") return `${what} was promised but its background hook did not start within ${CLAIM_TTL_S} s`;
  if (loss.health === "late") return `${what} (process ${holder.pid}) is well past its time (a suspended machine or a stopped process)`;
  return `${what} (process ${holder.pid}) ended without waking you`;
}

function lostLine(state: SessionState, losses: readonly Loss[], ctx: DecideContext): string {
  const first = losses[0]!;
  const op = operation(first.entry.work.op);
  const many = losses.length > 1;
  const head = `OctoPerf ${op.id}: the wait on ${losses.map((l) => callOf(l.entry.key, l.entry.work)).join(" and ")} could not go on: ${reasonOf(first)}.`;
  if (losses.some((l) => l.health === "unadopted")) {
    // The background part of the hooks does not run here: wait the way that needs none of it.
    return `${head} Poll ${many ? "them" : "it"} now; then wait without this plugin's background hooks: ${waitAgainLine(state, first.entry.work, { ...ctx, hooks: false })}`;
  }
  return `${head} Poll ${many ? "them" : "it"} now; if ${many ? "they are" : "it is"} not final, end your turn: this plugin's hooks wake you at the next poll.`;
}

/**
 * One look of the guard: on the first (`first`, at the turn's end) it takes
 * over as the session's guard; every look wakes the model for owed works that
 * nothing holds, and says whether anything is left to watch.
 */
export function guardStep(state: SessionState, ctx: DecideContext, me: GuardRecord, first: boolean): GuardStep {
  if (!ctx.hooks) return { state, done: true, note: "the background hooks are turned off" };
  if (!first && state.guard?.token !== me.token) return { state, done: true, note: "a newer turn's guard took over" };
  let next = first ? { ...state, guard: me } : state;
  const owedWorks = Object.entries(next.works)
    .map(([key, work]) => ({ key, work }))
    .filter((e) => owed(e.work, me.at, ctx.now));
  const losses: Loss[] = [];
  let held = 0;
  for (const entry of owedWorks) {
    const holders = holdersOf(next, entry.key);
    const health = holders.map((w) => waiterHealth(w, ctx));
    if (health.includes("live")) held++;
    else if (schedulesOf(next, entry.key).length > 0) continue; // a loop or monitor of the model's: it wakes the model, and the guard cannot watch it
    else losses.push({ entry, holders, health: holders.length === 0 ? "none" : health.includes("unadopted") ? "unadopted" : health.includes("late") ? "late" : "gone" });
  }
  if (losses.length === 0) return { state: next, done: held === 0, ...(held === 0 ? { note: "nothing is owed a wake" } : {}) };
  // The lost waiters' records go (a late one that resumes finds itself replaced and wakes nobody); the works are marked.
  const lostKeys = new Set(losses.map((l) => l.entry.key));
  next = withWaiters(next, waitersOf(next).filter((w) => !(w.works.some((k) => lostKeys.has(k)) && waiterHealth(w, ctx) !== "live")));
  const lines: string[] = [];
  const byGroup = new Map<string, Loss[]>();
  for (const loss of losses) byGroup.set(loss.entry.work.group, [...(byGroup.get(loss.entry.work.group) ?? []), loss]);
  for (const group of byGroup.values()) {
    const pastDeadline = group.filter((l) => ctx.now >= l.entry.work.deadlineAt);
    const going = group.filter((l) => ctx.now < l.entry.work.deadlineAt);
    if (pastDeadline.length > 0) lines.push(deadlineText(operation(pastDeadline[0]!.entry.work.op), pastDeadline.map((l) => l.entry), ctx.now));
    if (going.length > 0) lines.push(lostLine(next, going, ctx));
    for (const loss of group) {
      const work = next.works[loss.entry.key]!;
      const past = ctx.now >= work.deadlineAt;
      const watcherGone = loss.holders.some((w) => w.kind === "watcher") && loss.health !== "unadopted";
      next = withWork(next, loss.entry.key, {
        ...work,
        guardedAt: ctx.now,
        ...(past ? { deadlineNoted: true } : {}),
        ...(loss.health === "unadopted" ? { backgroundFailedAt: ctx.now } : {}),
        ...(watcherGone ? { watcherFailedAt: ctx.now } : {}),
      });
    }
  }
  return { state: next, wake: lines.join(" "), done: true };
}

/** When the guard has nothing more to do, the record of it goes too (if it is still its own). */
export function retireGuard(state: SessionState, me: GuardRecord): SessionState {
  if (state.guard?.token !== me.token) return state;
  const { guard: _gone, ...rest } = state;
  return rest;
}
