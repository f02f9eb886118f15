// Hook pick-up-waits (SessionStart). On resume: drop the records of waiters
// that no longer live and mark the session resumed (tell-pending says the rest
// at the next prompt). After a compaction: one line says what is pending and
// who holds it. See session/resume.ts for why.
import type { Decide } from "../claude/decision.js";
import { lastSeen, pendingWorks } from "../session/resume.js";
import { isLive, waitersOf, withWaiters } from "../session/state.js";
import { andList } from "../../calls/words.js";
import { callOf } from "../text/work-advice.js";

/** SessionStart: on resume, drop the waiters the last session left and mark the session resumed; after a compaction, one line. */
export const decideSessionStart: Decide<"SessionStart"> = (input, state, ctx) => {
  if (input.source === "resume") {
    const kept = waitersOf(state).filter((w) => isLive(w, ctx));
    const { guard: _gone, ...rest } = state;
    const next = { ...withWaiters(rest, kept), resumedAt: ctx.now };
    if (pendingWorks(next).length === 0) return { state: next };
    return { state: next, note: "pending waits: the next prompt is told of them" };
  }
  if (input.source === "compact") {
    const pending = pendingWorks(state).filter(({ work }) => ctx.now < work.deadlineAt);
    if (pending.length === 0) return { state };
    const held = pending.filter((e) => waitersOf(state).some((w) => w.works.includes(e.key) && isLive(w, ctx)));
    const text =
      `OctoPerf waits still pending: ${andList(pending.map((e) => `${callOf(e.key, e.work)} (${lastSeen(e, ctx.now)})`))}. ` +
      (held.length === pending.length
        ? "This plugin's hooks hold them and wake you: do not poll before you are woken."
        : "Poll them once when you next act; after a poll that is not final, end your turn: this plugin's hooks wake you.");
    return { state, decision: { kind: "context", text } };
  }
  return { state };
};
