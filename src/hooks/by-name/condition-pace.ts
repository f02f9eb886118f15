// Hook condition-pace (PreToolUse on a condition's re-read): refuse a re-read
// after the wait ended (with the verdict) or sooner than its cadence allows
// (with how to wait); a re-read of a wait that was never armed is a plain
// listing and passes untouched.
import { bareToolName, conditionKey, type ConditionWait } from "../../policy/index.js";
import type { Decide } from "../claude/decision.js";
import type { ConditionRecord } from "../session/state.js";
import { howToWait, withCondition } from "../wait/conditions.js";
import { onTimeAfter } from "./pace-guard.js";

function endedReason(cond: ConditionWait, record: ConditionRecord): string {
  return `Already ended: the ${cond.id} wait ${record.ended!.text} Re-reading changes nothing; stop the loop that re-reads it (CronDelete its id).`;
}

/** Before a re-read: the pace guard of a condition wait. */
export const decideConditionPace: Decide<"PreToolUse"> = (input, state, ctx) => {
  const tool = bareToolName(input.toolName);
  const found = tool === undefined ? undefined : conditionKey(tool, input.toolInput);
  if (!found || found.condition.read.tool !== tool) return { state, note: "not a condition re-read" };
  const record = state.conditions?.[found.key];
  if (!record) return { state };
  if (record.ended) return { state, decision: { kind: "deny", reason: endedReason(found.condition, record) } };
  const last = record.lastReadAt;
  if (last !== undefined && !onTimeAfter(last, ctx.now, record.cadenceSeconds)) {
    const left = Math.max(1, Math.ceil(record.cadenceSeconds - (ctx.now - last) / 1000));
    const reason = `Too soon: the ${found.condition.id} wait was re-read ${Math.floor((ctx.now - last) / 1000)} s ago and its cadence is ${record.cadenceSeconds} s; re-read in ${left} s. ${howToWait(found.condition, input.toolInput)}`;
    return { state, decision: { kind: "deny", reason } };
  }
  return { state: withCondition(state, found.key, { ...record, lastReadAt: ctx.now }) };
};
