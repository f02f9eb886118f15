// Hook wait-in-background (PostToolUse on a start tool, asyncRewake): with
// credentials, arm the watcher on every handle of the start; it runs in the
// background and wakes the model once, with the outcome (settled in
// wait/one-wake.ts). Without, it arms nothing: the model polls, paced by
// wake-after-poll.
import type { DecideContext } from "../claude/decision.js";
import { watcherBackend } from "../session/reach.js";
import { isLive, waitersOf, type SessionState } from "../session/state.js";
import { armWatch, type Arm, type WatchSpec } from "../wait/one-wake.js";
import { readStart, remember } from "../wait/start.js";

/** Another live waiter (or claim) already holds one of these works: arming would give a second wake. */
function heldElsewhere(state: SessionState, keys: readonly string[], ctx: DecideContext, call: string | undefined): boolean {
  return waitersOf(state).some((w) => w.works.some((k) => keys.includes(k)) && (call === undefined || w.call !== call) && isLive(w, ctx));
}

/** After a start: run the watcher in the background when it can reach OctoPerf. */
export const armAfterStart: Arm = (input, state, ctx) => {
  if (!ctx.hooks) return { state, note: "the background hooks are turned off" };
  const read = readStart(input, state, ctx);
  if (read.kind === "not-ours") return { state, note: read.note };
  if (read.kind === "nothing") return { state, note: "nothing was started" };
  const started = read.started;
  const backend = watcherBackend(started.op.id, ctx.reach);
  if (started.plan.chosen.id !== "background-watcher" || backend === undefined) {
    return { state, note: "the watcher cannot reach OctoPerf here; the model polls, paced by the hooks" };
  }
  const keys = started.works.map((w) => w.keys[0]!);
  if (heldElsewhere(state, keys, ctx, input.toolUseId)) return { state, note: "another waiter of the hooks already holds this work" };
  const spec: WatchSpec = {
    op: started.op,
    plan: started.plan,
    keys,
    handles: started.handles,
    targets: started.targets,
    alternatives: started.alternatives,
    startedAt: ctx.now,
    deadlineAt: ctx.now + started.plan.deadlineSeconds * 1000,
  };
  return armWatch(remember(state, started.works, true), ctx, spec, backend, input.toolUseId);
};
