// A wait outlives its session. The hooks' state is kept in the plugin's data
// folder, but the waiters are not: the client ends them with SIGTERM when it
// quits, and a killed client's waiters end themselves (orphan-watch.ts). So
// the works stay recorded as pending, and a later start of the session picks
// them up (hooks pick-up-waits and tell-pending, in by-name/; measured on
// 2.1.330):
//
// - resume (`--resume`, `--continue`: the same session id): records of
//   waiters that no longer live are dropped, and the session is marked
//   resumed. The client does not show a resumed session's SessionStart output
//   to the model, so what it must hear is said at the next prompt
//   (tell-pending, on UserPromptSubmit): each pending handle, its last known
//   value, the time since, and to poll it once now (its answer re-arms the
//   wait, with the watcher where credentials exist); work past its deadline
//   is reported as past it, not resumed. In an interactive session with
//   credentials the watcher is already back (rewatch-on-resume): the prompt
//   hears that it waits and will wake the model once, and not to poll.
// - compact: one short line, so the summary cannot lose what is pending.
//
// Everything said comes from the policy, validated ids and recorded values.
import { formatDuration, operation } from "../../policy/index.js";
import type { DecideContext } from "../claude/decision.js";
import { isReleased, watcherHolding, withWork, type SessionState, type WorkEntry } from "./state.js";
import { callOf, deadlineText } from "../text/work-advice.js";
import { andList } from "../../calls/words.js";
import { WAIT_COMMAND } from "../../calls/wait-arguments.js";

/** Works still owed a wait: not ended, not released by /octoperf:stop-wait since their last poll. */
export function pendingWorks(state: SessionState): WorkEntry[] {
  return Object.entries(state.works)
    .map(([key, work]) => ({ key, work }))
    .filter(({ work }) => !work.terminal && !isReleased(work));
}

export function lastSeen(entry: WorkEntry, now: number): string {
  const { work } = entry;
  const when = work.lastPollAt ?? work.startedAt;
  const ago = formatDuration(Math.max(0, Math.round((now - when) / 1000)));
  return work.lastValue ? `last seen ${work.lastValue} ${ago} ago` : `started ${formatDuration(Math.max(0, Math.round((now - work.startedAt) / 1000)))} ago, not seen running yet`;
}

/** A pending work as the sessions' lines name it: its call, operation, last value and deadline (and `extra`, inside the brackets). */
export function describePending(entry: WorkEntry, now: number, extra = ""): string {
  const left = Math.round((entry.work.deadlineAt - now) / 1000);
  const deadline = left > 0 ? `deadline in ${formatDuration(left)}` : "past its deadline";
  return `${callOf(entry.key, entry.work)} (${operation(entry.work.op).id}, ${lastSeen(entry, now)}, ${deadline}${extra})`;
}

/** What a resumed session is told of its pending works, and the works past their deadline marked as said. */
export function resumeNotice(state: SessionState, ctx: DecideContext): { text?: string; state: SessionState } {
  const pending = pendingWorks(state).filter(({ work }) => !(work.deadlineNoted && ctx.now >= work.deadlineAt));
  const gone = (state.movedOut ?? []).filter((m) => !m.told);
  if (pending.length === 0 && gone.length === 0) return { state };
  let next = state;
  const lines: string[] = [];
  if (gone.length > 0) {
    const many = gone.length > 1;
    lines.push(
      `OctoPerf: while this session was closed, another session took over ${andList(gone.map((m) => callOf(m.key, m.work)))} (${WAIT_COMMAND} typed there): ` +
        `that session follows ${many ? "them" : "it"} and is woken with the outcome. Do not poll or wait on ${many ? "them" : "it"} here unless the user asks.`,
    );
    next = { ...next, movedOut: (next.movedOut ?? []).map((m) => (m.told ? m : { ...m, told: true as const })) };
  }
  const late = pending.filter(({ work }) => ctx.now >= work.deadlineAt);
  const going = pending.filter(({ work }) => ctx.now < work.deadlineAt);
  for (const entry of late) {
    lines.push(`${deadlineText(operation(entry.work.op), [entry], ctx.now)} (${lastSeen(entry, ctx.now)})`);
    next = withWork(next, entry.key, { ...entry.work, deadlineNoted: true });
  }
  const describe = (e: WorkEntry) => describePending(e, ctx.now);
  // Held again by the watcher rewatch-on-resume started when the session resumed.
  const held = going.filter((e) => watcherHolding(state, e.key, ctx));
  const unheld = going.filter((e) => !held.includes(e));
  if (held.length > 0) {
    const many = held.length > 1;
    lines.push(
      `OctoPerf: this session was resumed, and this plugin's background watcher waits again on ${andList(held.map(describe))}: ` +
        `it wakes you once, with the outcome. Do not poll ${many ? "them" : "it"}; answer the user, then end your turn.`,
    );
  }
  if (unheld.length > 0) {
    const many = unheld.length > 1;
    lines.push(
      `OctoPerf: this session was resumed with ${many ? "waits" : "a wait"} still pending, and nothing waits on ${many ? "them" : "it"} since the last session ended: ${andList(unheld.map(describe))}. ` +
        `Poll ${many ? "each" : "it"} once now; if ${many ? "one is" : "it is"} not final, end your turn: this plugin's hooks wait again and wake you.`,
    );
  }
  return { text: lines.join("\n"), state: next };
}
