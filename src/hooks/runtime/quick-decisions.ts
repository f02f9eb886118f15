// The logic of each quick hook, by its name in the registry. Only the quick
// shell (runner.ts) reads this, so the background bundle, which reads the
// registry for its specs, holds none of these decisions.
import type { Decide } from "../claude/decision.js";
import type { HookEvent, InputOf } from "../claude/input.js";
import { decideConditionRead } from "../by-name/condition-outcome.js";
import { decideConditionPace } from "../by-name/condition-pace.js";
import { decidePace } from "../by-name/pace-guard.js";
import { decideSessionStart } from "../by-name/pick-up-waits.js";
import { decideStart } from "../by-name/plan-after-start.js";
import { decideOutcome } from "../by-name/poll-outcome.js";
import { decideScenario } from "../by-name/record-scenario.js";
import { decideSchedule } from "../by-name/record-schedule.js";
import { decideStopWaits } from "../by-name/stop-waits.js";
import { decidePromptSubmit } from "../by-name/tell-pending.js";
import { decideTakeOver, wantedByWait } from "../by-name/take-over-waits.js";
import { claimAfterPoll, claimAfterStart } from "../wait/claims.js";

/**
 * A decide() with the event it is for, so the shell can match it against the
 * input's event. `readsEarlier`: the shell reads the other sessions' files
 * first (DecideContext.earlier); `takes`: the works of other sessions that the
 * input names, which the shell takes over first (DecideContext.taken).
 */
export type QuickDecision = {
  readonly [E in HookEvent]: {
    readonly event: E;
    readonly decide: Decide<E>;
    readonly readsEarlier?: true;
    readonly takes?: (input: InputOf<E>) => readonly (readonly string[])[];
  };
}[HookEvent];

export const QUICK_DECISIONS: Readonly<Record<string, QuickDecision | undefined>> = {
  "pace-guard": { event: "PreToolUse", decide: decidePace },
  // The quick hook of a start or a poll runs the same arm as its background twin first, and records the claim.
  "plan-after-start": { event: "PostToolUse", decide: claimAfterStart(decideStart) },
  "poll-outcome": { event: "PostToolUse", decide: claimAfterPoll(decideOutcome) },
  "condition-pace": { event: "PreToolUse", decide: decideConditionPace },
  "condition-outcome": { event: "PostToolUse", decide: decideConditionRead },
  "record-schedule": { event: "PostToolUse", decide: decideSchedule },
  "record-scenario": { event: "PostToolUse", decide: decideScenario },
  "pick-up-waits": { event: "SessionStart", decide: decideSessionStart, readsEarlier: true },
  "tell-pending": { event: "UserPromptSubmit", decide: decidePromptSubmit },
  "stop-waits": { event: "UserPromptExpansion", decide: decideStopWaits },
  "take-over-waits": { event: "UserPromptExpansion", decide: decideTakeOver, takes: wantedByWait },
};
