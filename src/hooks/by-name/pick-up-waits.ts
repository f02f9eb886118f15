// Hook pick-up-waits (SessionStart). On resume: drop the records of waiters
// that no longer live and mark the session resumed (tell-pending says the rest
// at the next prompt). After a compaction: one line says what is pending and
// who holds it. See session/resume.ts for why. A new session (startup, or
// /clear) in a project where earlier sessions left work pending hears of it
// once, briefly, and takes none of it over: /octoperf:wait does that when the
// user asks (take-over-waits; session/earlier.ts).
import type { Decide } from "../claude/decision.js";
import { describePending, lastSeen, pendingWorks } from "../session/resume.js";
import { isLive, waitersOf, withWaiters } from "../session/state.js";
import { andList } from "../../calls/words.js";
import { waitCommands } from "../../calls/wait-arguments.js";
import type { DecideContext } from "../claude/decision.js";
import { earlierPending, type EarlierWork } from "../session/earlier.js";
import { callOf } from "../text/work-advice.js";

/** How many works the new session's line names; the rest are counted. */
export const MAX_TOLD_EARLIER = 5;

const describeEarlier = (e: EarlierWork, now: number): string => describePending(e, now, e.held ? ", followed by its own session's waiter" : "");

/** A new session's one line on what earlier sessions of its project left pending, or undefined. */
export function earlierNotice(ctx: DecideContext): string | undefined {
  if (ctx.project === undefined || ctx.earlier === undefined) return undefined;
  const pending = earlierPending(ctx.earlier, ctx.project, ctx);
  if (pending.length === 0) return undefined;
  const named = pending.slice(0, MAX_TOLD_EARLIER);
  const more = pending.length - named.length;
  const free = named.filter((e) => !e.held);
  const many = pending.length > 1;
  const commands = waitCommands(free.map((e) => e.work)).map((c) => `\`${c}\``);
  const take = commands.length > 0 ? ` If they ask, ${commands.join(" or ")} takes ${free.length > 1 ? "them" : "it"} over here.` : "";
  return (
    `OctoPerf: an earlier session in this project left ${many ? "work" : "a wait"} pending: ${andList(named.map((e) => describeEarlier(e, ctx.now)))}${more > 0 ? `, and ${more} more` : ""}. ` +
    `Mention it if it bears on what the user asks; do not poll or wait on it unless they ask.${take}`
  );
}

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
  if (input.source === "startup" || input.source === "clear") {
    const text = earlierNotice(ctx);
    return text ? { state, decision: { kind: "context", text } } : { state };
  }
  return { state };
};
