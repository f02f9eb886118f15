// Waits with no handle (src/policy/conditions.ts): on-premise agents coming
// UP. Handing out the install command (`armedBy`) starts the clock; the
// re-read (`read`) is paced like a poll (hook condition-pace) and judged with
// the policy's ready and failed predicates (hook condition-outcome). What
// both hooks share: the record, and how to wait for it.
import { conditionTarget, type ConditionWait } from "../../policy/index.js";
import { conditionLoopLine } from "../../calls/condition-calls.js";
import type { ConditionRecord, SessionState } from "../session/state.js";

export function withCondition(state: SessionState, key: string, record: ConditionRecord): SessionState {
  return { ...state, conditions: { ...(state.conditions ?? {}), [key]: record } };
}

export function howToWait(cond: ConditionWait, input: Readonly<Record<string, unknown>>): string {
  return `Wait with \`${conditionLoopLine(cond, conditionTarget(cond, input))}\` (end it with CronDelete once it says ready or failed).`;
}
