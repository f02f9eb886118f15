// Hook condition-outcome (PostToolUse on the arming call and on a re-read).
// After the arming call: record the wait and say how to wait for it. After a
// re-read: ready or failed ends the wait and says what is next; past the
// deadline it ends with the policy's advice; values the policy does not know
// are said to be unknown. Every value from an answer reaches the text through
// the policy's evaluation (printable, capped ids) or not at all.
import {
  bareToolName,
  conditionCadence,
  conditionDeadline,
  conditionKey,
  conditionTarget,
  evaluateCondition,
  formatDuration,
  type NextStep,
} from "../../policy/index.js";
import { readyText } from "../../calls/condition-calls.js";
import { describeCall } from "../../calls/wait-calls.js";
import type { Decide } from "../claude/decision.js";
import { readToolResult } from "../claude/tool-response.js";
import type { ConditionRecord } from "../session/state.js";
import { nextStepText } from "../text/work-advice.js";
import { howToWait, withCondition } from "../wait/conditions.js";

/** After the arming call (the install command was handed out): the clock starts. */
export const decideConditionArm: Decide<"PostToolUse"> = (input, state, ctx) => {
  const tool = bareToolName(input.toolName);
  const found = tool === undefined ? undefined : conditionKey(tool, input.toolInput);
  if (!found || found.condition.armedBy?.tool !== tool) return { state, note: "not the call that starts a condition wait" };
  const cond = found.condition;
  const record: ConditionRecord = {
    id: cond.id,
    startedAt: ctx.now,
    cadenceSeconds: conditionCadence(cond),
    deadlineAt: ctx.now + conditionDeadline(cond) * 1000,
  };
  const text = [
    `OctoPerf ${cond.id}: the clock starts now. Once the user has run the command on each machine, re-read ${describeCall(conditionTarget(cond, input.toolInput))} every ${record.cadenceSeconds} s; faster re-reads are refused.`,
    `Ready when ${readyText(cond, false)}; give up after ${formatDuration(conditionDeadline(cond))}.`,
    howToWait(cond, input.toolInput),
  ].join("\n");
  return { state: withCondition(state, found.key, record), decision: { kind: "context", text } };
};

/** After a re-read: judge it with the policy; ready, failed or past the deadline ends the wait. */
export const decideConditionRead: Decide<"PostToolUse"> = (input, state, ctx) => {
  const tool = bareToolName(input.toolName);
  const found = tool === undefined ? undefined : conditionKey(tool, input.toolInput);
  if (!found) return { state, note: "not a condition wait" };
  if (found.condition.armedBy?.tool === tool) return decideConditionArm(input, state, ctx);
  const cond = found.condition;
  const record = state.conditions?.[found.key];
  if (!record || record.ended) return { state };
  const result = readToolResult(input.toolResponse);
  const verdict = evaluateCondition(cond, result.kind === "object" && !result.isError ? result.value : undefined);
  const end = (kind: NonNullable<ConditionRecord["ended"]>["kind"], said: string, next: NextStep) => {
    const ended = { kind, at: ctx.now, text: said };
    const text = `OctoPerf ${cond.id}: ${said} ${nextStepText(next)} Stop the loop that re-reads it (CronDelete its id).`;
    return { state: withCondition(state, found.key, { ...record, ended }), decision: { kind: "context" as const, text } };
  };
  if (verdict.kind === "ready") return end("ready", `is ready: ${verdict.meaning} (${verdict.items} listed).`, verdict.next);
  if (verdict.kind === "failed") return end("failed", `failed: ${verdict.meaning} (${verdict.offending.join(", ")}).`, verdict.next);
  if (ctx.now > record.deadlineAt) {
    return end("deadline", `passed its deadline (${formatDuration((record.deadlineAt - record.startedAt) / 1000)} after the command was handed out) and is not ready: ${verdict.note}.`, cond.onDeadline);
  }
  if (verdict.unknown.length > 0) {
    const text = `OctoPerf ${cond.id}: ${verdict.note}; ${cond.ready.every.field} ${verdict.unknown.join(", ")} is not a value the policy knows, so it counts as not yet, and the deadline still applies.`;
    return { state, decision: { kind: "context", text } };
  }
  return { state };
};
