// UserPromptExpansion on /octoperf:stop-wait: end this session's background
// waits (the hooks' watchers and poll timers) before the model reads the
// command. Claude Code 2.1.330 gives this hook the session id and the typed
// arguments as their own field (input.ts); the argument is checked here with
// the command's own parser, and nothing of it reaches a shell. The records go
// under the lock (a claim's call is cancelled, so a background hook not yet
// started never starts); the runner then signals each waiter's process, only
// when proved ours, which ends its watcher and exits without waking anyone. A
// process it cannot prove is left alone, and wakes nobody: its record is gone. The one line printed is shown
// to the model, which reports it with what the command's steps end.
import { parseStopArgument, STOP_LINE_PREFIX } from "../../calls/stop-wait-arguments.js";
import { STOP_WAIT_COMMANDS } from "../claude/claude-tools.js";
import type { Decide } from "../claude/decision.js";
import { andList } from "../../calls/words.js";
import { isLive, waitersOf, withWaiters, withWork, type SessionState, type WaiterRecord } from "../session/state.js";
import { callOf } from "../text/work-advice.js";

function names(waiter: WaiterRecord, state: SessionState, ids: readonly string[]): boolean {
  if (ids.length === 0) return true;
  return waiter.works.some((key) => {
    const work = state.works[key];
    if (!work) return false;
    const values = [work.handle, ...Object.values(work.args)];
    return ids.every((id) => values.includes(id));
  });
}

function describe(waiter: WaiterRecord, state: SessionState): string {
  const calls = waiter.works.flatMap((key) => {
    const work = state.works[key];
    return work ? [callOf(key, work)] : [];
  });
  const what = waiter.kind === "watcher" ? "the background watcher" : "the poll timer";
  const who = waiter.claimed ? "about to start" : `process ${waiter.pid}`;
  return `${what} on ${calls.length > 0 ? andList(calls) : "work no longer recorded"} (${who})`;
}

export const decideStopWaits: Decide<"UserPromptExpansion"> = (input, state, ctx) => {
  if (!STOP_WAIT_COMMANDS.includes(input.commandName)) return { state, note: "not /octoperf:stop-wait" };
  const parsed = parseStopArgument(input.commandArgs);
  // A refused argument: the command's body answers with the usage; nothing is ended.
  if (!parsed.ok) return { state, note: "its argument is not a handle" };
  const all = waitersOf(state);
  const chosen = all.filter((w) => names(w, state, parsed.ids));
  const live = chosen.filter((w) => isLive(w, ctx));
  let next = chosen.length > 0 ? withWaiters(state, all.filter((w) => !chosen.includes(w))) : state;
  // A claim's background hook may not have started yet: its call is cancelled, so it never starts.
  const calls = chosen.flatMap((w) => (w.claimed && w.call ? [w.call] : []));
  if (calls.length > 0) next = { ...next, cancelled: [...(next.cancelled ?? []), ...calls] };
  // Nothing is owed these works any more (the turn-end guard leaves them), until the model polls them again.
  for (const key of new Set(chosen.flatMap((w) => w.works))) {
    const work = next.works[key];
    if (work && !work.terminal) next = withWork(next, key, { ...work, releasedAt: ctx.now });
  }
  const scope = parsed.ids.length > 0 ? ` for ${parsed.ids.join("/")}` : "";
  const text =
    live.length > 0
      ? `${STOP_LINE_PREFIX} ended ${andList(live.map((w) => describe(w, state)))}. They wake nobody now; the OctoPerf work itself goes on.`
      : `${STOP_LINE_PREFIX} no background wait of this plugin's hooks was running in this session${scope}.`;
  // Only adopted waiters have a process to end; it is signalled only when proved ours (processes.ts).
  const running = live.filter((w) => !w.claimed);
  return { state: next, decision: { kind: "say", text }, ...(running.length > 0 ? { stop: running } : {}) };
};
