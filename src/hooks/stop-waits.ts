// UserPromptExpansion on /octoperf:stop-wait: end this session's background
// waits (the hooks' watchers and poll timers) before the model reads the
// command. Claude Code 2.1.330 gives this hook the session id and the typed
// arguments as their own field (input.ts); the argument is checked here with
// the command's own parser, and nothing of it reaches a shell. The records go
// under the lock; the runner then signals each waiter's process, which ends
// its watcher and exits without waking anyone. The one line printed is shown
// to the model, which reports it with what the command's steps end.
import { PLUGIN_NAME } from "../policy/index.js";
import { parseStopArgument, STOP_LINE_PREFIX } from "../render/blocks/stop-wait-arguments.js";
import type { Decide } from "./decision.js";
import { andList } from "./safe-text.js";
import { waitersOf, withWaiters, type SessionState, type WaiterRecord } from "./state.js";
import { callOf } from "./work-advice.js";

/** The names the command has: the plugin's, and the alias `npm run install:claude` writes (~/.claude/commands). */
export const STOP_WAIT_COMMANDS: readonly string[] = [`${PLUGIN_NAME}:stop-wait`, `${PLUGIN_NAME}-stop-wait`];

export { STOP_LINE_PREFIX } from "../render/blocks/stop-wait-arguments.js";

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
  return `${what} on ${calls.length > 0 ? andList(calls) : "work no longer recorded"} (process ${waiter.pid})`;
}

export const decideStopWaits: Decide<"UserPromptExpansion"> = (input, state, ctx) => {
  if (!STOP_WAIT_COMMANDS.includes(input.commandName)) return { state, note: "not /octoperf:stop-wait" };
  const parsed = parseStopArgument(input.commandArgs);
  // A refused argument: the command's body answers with the usage; nothing is ended.
  if (!parsed.ok) return { state, note: "its argument is not a handle" };
  const all = waitersOf(state);
  const chosen = all.filter((w) => names(w, state, parsed.ids));
  const live = chosen.filter((w) => ctx.alive(w.pid));
  const next = chosen.length > 0 ? withWaiters(state, all.filter((w) => !chosen.includes(w))) : state;
  const scope = parsed.ids.length > 0 ? ` for ${parsed.ids.join("/")}` : "";
  const text =
    live.length > 0
      ? `${STOP_LINE_PREFIX} ended ${andList(live.map((w) => describe(w, state)))}. They wake nobody now; the OctoPerf work itself goes on.`
      : `${STOP_LINE_PREFIX} no background wait of this plugin's hooks was running in this session${scope}.`;
  return { state: next, decision: { kind: "say", text }, ...(live.length > 0 ? { stop: live } : {}) };
};
