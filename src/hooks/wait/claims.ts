// The quick half of the one-wake wait. The quick hook of a start or a poll
// (plan-after-start, poll-outcome) runs at the same time as its background
// twin (wait-in-background, wake-after-poll), and the model reads the quick
// hook's words first ("end your turn; you will be woken"). So before it
// returns, the quick hook runs the same arm as the background hook and
// records its waiter as a claim of this tool call (pid 0, `claimed`): from
// then on the wait is held (polls are refused with the same words as later,
// the turn-end guard counts it, /octoperf:stop-wait can cancel it) while the
// background hook starts. That hook adopts the claim (runtime/background-shell.ts);
// a claim nobody adopts within CLAIM_TTL_S is taken for lost by the guard.
// Whichever of the two hooks runs first, one record of the call results.
import { armAfterStart } from "../by-name/wait-in-background.js";
import { armAfterPoll } from "../by-name/wake-after-poll.js";
import type { Arm } from "./one-wake.js";
import type { Decide } from "../claude/decision.js";
import { waitersOf, withWaiters } from "../session/state.js";

/** `decide`, then the wait its background twin will start recorded as a claim of this call. */
export function claiming(decide: Decide<"PostToolUse">, arm: Arm): Decide<"PostToolUse"> {
  return (input, state, ctx) => {
    const decided = decide(input, state, ctx);
    const call = input.toolUseId;
    if (!ctx.hooks || call === undefined) return decided;
    // Adopted already (the background hook ran first), or cancelled by /octoperf:stop-wait.
    if (waitersOf(decided.state).some((w) => w.call === call) || decided.state.cancelled?.includes(call)) return decided;
    const armed = arm(input, decided.state, ctx);
    if (!armed.job) return decided;
    const waiters = waitersOf(armed.state).map((w) => (w.call === call && w.token === ctx.token ? { ...w, pid: 0, claimed: true as const } : w));
    return { ...decided, state: withWaiters(armed.state, waiters) };
  };
}

export const claimAfterStart = (decide: Decide<"PostToolUse">): Decide<"PostToolUse"> => claiming(decide, armAfterStart);
export const claimAfterPoll = (decide: Decide<"PostToolUse">): Decide<"PostToolUse"> => claiming(decide, armAfterPoll);
