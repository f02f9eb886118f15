// Hook rewatch-on-resume (SessionStart, asyncRewake): a session resumed in
// the interactive client, with credentials, gets its background watcher back.
// The watcher of the session that ended died with it (the client SIGTERMs
// its hooks at exit; a killed client's hooks end themselves, orphan-watch.ts),
// so nothing would wake the model. This hook arms the watcher again on the
// works still pending, before their deadline, and wakes the model once, with
// the outcome, which may already be there: no prompt and no poll are needed.
//
// Measured on 2.1.330 (a probe plugin, tmux and `-p`, 2026-12-07):
// - an asyncRewake SessionStart hook that exits 2 wakes an idle resumed
//   interactive session ("Stop hook blocking error from command
//   "SessionStart:resume": <stderr>");
// - in `-p` the client holds the session until the hook ends and then drops
//   its stderr: a wait there would hold the prompt for the whole run and wake
//   nobody. The hook tells the two apart by CLAUDE_CODE_SESSION_ATTENDED
//   (1 interactive, 0 in `-p`; CLAUDE_CODE_ENTRYPOINT is cli / sdk-cli) and
//   arms nothing unattended: tell-pending then has the model poll once, and
//   that poll's answer arms the watcher (wake-after-poll).
//
// One waker per work: works a live waiter holds are left alone, and one hook
// runs one watcher, so only the works of one operation are taken (the one
// whose deadline comes first); the others are polled once at the next prompt.
import { operation, type OperationId } from "../../policy/index.js";
import type { DecideContext } from "../claude/decision.js";
import type { SessionStartInput } from "../claude/input.js";
import { pendingWorks } from "../session/resume.js";
import { watcherBackend } from "../session/reach.js";
import { isLive, waitersOf, withWaiters, type SessionState, type WorkEntry } from "../session/state.js";
import { armWatch, watchSpecOf, type Armed } from "../wait/one-wake.js";

/** The works a resumed session's watcher may take: pending, before their deadline, held by no live waiter, not given up on. */
export function rewatchable(state: SessionState, ctx: DecideContext): WorkEntry[] {
  const live = waitersOf(state).filter((w) => isLive(w, ctx));
  return pendingWorks(state).filter(
    ({ key, work }) =>
      ctx.now < work.deadlineAt &&
      work.watcherFailedAt === undefined &&
      work.backgroundFailedAt === undefined &&
      !live.some((w) => w.works.includes(key)),
  );
}

/** SessionStart: on an attended resume with credentials, the watcher again on the pending works of one operation. */
export function armOnResume(input: SessionStartInput, state: SessionState, ctx: DecideContext): Armed {
  if (input.source !== "resume") return { state, note: `not a resumed session (${input.source})` };
  if (!ctx.hooks) return { state, note: "the background hooks are turned off" };
  if (!ctx.attended) return { state, note: "not an interactive session: the client would hold it for the wait and drop the wake; the first prompt polls once" };
  const free = rewatchable(state, ctx).filter(({ work }) => watcherBackend(work.op, ctx.reach) !== undefined);
  if (free.length === 0) return { state, note: "nothing pending that the watcher can reach" };
  const first = free.reduce((a, b) => (b.work.deadlineAt < a.work.deadlineAt ? b : a));
  const opId: OperationId = first.work.op;
  const works = free.filter(({ work }) => work.op === opId);
  const backend = watcherBackend(opId, ctx.reach) ?? [];
  const spec = watchSpecOf(operation(opId), works, first.work, ctx);
  // The last session's waiters are dead (pick-up-waits drops them too): they must not look like holders.
  const kept = withWaiters(state, waitersOf(state).filter((w) => isLive(w, ctx)));
  return armWatch(kept, ctx, spec, backend, undefined);
}
