// PostToolUse on a status tool: read the deciding field with the policy's
// predicate. A terminal value is recorded and the outcome, the next step and
// how to stop the loop or watcher are injected; for a run with several
// handles, which ones still run. A value the policy does not know, or a
// result that cannot be read, counts as still in flight. A full progress
// reading is never completion.
import {
  bareToolName,
  classify,
  isHandle,
  operation,
  operationsForStatusTool,
  statusTools,
  type Operation,
  type Verdict,
} from "../../policy/index.js";
import { said, serverText, VALUE_MAX_CHARS } from "../../policy/untrusted-text.js";
import { terminalList } from "../../calls/wait-calls.js";
import type { Decide } from "../claude/decision.js";
import { fieldFor, pollKeys } from "../session/keys.js";
import { notifySuggestion, type Ending } from "../text/notify.js";
import { pollScreenLine } from "../text/screen-line.js";
import { groupOf, withWork, workFor, type SessionState, type WorkRecord } from "../session/state.js";
import { andList } from "../../calls/words.js";
import { readToolResult, resultField, type ToolResult } from "../claude/tool-response.js";
import { callOf, deadlineText, nextStepText, stopLines } from "../text/work-advice.js";

/** Progress is reported as a fraction (0-1) or a percentage (0-100); either way, full is not done. */
export function isFullProgress(value: unknown): boolean {
  const number = typeof value === "string" && /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) return false;
  return number >= 99.5 || (number >= 0.995 && number <= 1);
}

function progressNote(op: Operation, handle: string): string {
  return (
    `${op.progress?.tool ?? "progress"} shows full progress for ${handle}, but progress is not completion: ${op.progress?.note ?? "it never says the run ended"}. ` +
    `Only ${op.status.tool} ${op.status.field} ${terminalList(op)} says it ended.`
  );
}

type Terminal = Extract<Verdict, { kind: "terminal" }>;

const RANK: Readonly<Record<Ending, number>> = { failed: 0, partial: 1, succeeded: 2 };

function outcomeText(state: SessionState, key: string, work: WorkRecord, verdict: Terminal, op: Operation, now: number): string {
  const lines = [
    `OctoPerf ${op.id}: ${callOf(key, work)} ended ${verdict.value} (${verdict.outcome}: ${verdict.meaning}).`,
    nextStepText(verdict.next),
  ];
  const group = groupOf(state, work.group);
  const running = group.filter((member) => !member.work.terminal);
  if (running.length > 0 && running.every((m) => now >= m.work.deadlineAt)) {
    lines.push(deadlineText(op, running, now));
  } else if (running.length > 0) {
    lines.push(`Still running: ${op.handle.kind} ${andList(running.map((m) => m.work.handle))}; keep polling ${running.length === 1 ? "it" : "them"} at the same pace.`);
  } else if (group.length > 1) {
    lines.push(`All ${group.length} handles have ended: ${group.map((m) => `${m.work.handle} ${m.work.terminal!.value}`).join(", ")}.`);
  }
  lines.push(...stopLines(state, group.map((m) => m.key)));
  if (running.length === 0) {
    const ending = group.map((m) => m.work.terminal?.outcome ?? "succeeded").reduce((a, b) => (RANK[b] < RANK[a] ? b : a), "succeeded" as Ending);
    const started = Math.min(...group.map((m) => m.work.startedAt));
    const notify = notifySuggestion(op.id, ending, (now - started) / 1000, group.map((m) => m.work.handle));
    if (notify) lines.push(notify);
  }
  return lines.join("\n");
}

function inFlightText(op: Operation, key: string, work: WorkRecord, field: string, value: unknown, result: ToolResult, now: number, failure: string | undefined): string[] {
  const lines: string[] = [];
  const verdict = classify(op, value);
  if (failure !== undefined) {
    lines.push(
      `The call failed (${failure.trim() ? said("Claude Code", failure, 160) : "no reason given"}): it counts as a poll whose answer could not be read; ${work.handle} counts as still in flight, and its deadline still applies.`,
    );
  } else if (verdict.kind === "in-flight" && !verdict.known) {
    lines.push(
      result.kind === "unknown" || value === undefined
        ? `No ${field} could be read from this result; ${work.handle} counts as still in flight, and its deadline still applies.`
        : `${field} ${serverText(value, VALUE_MAX_CHARS)} is not one the policy knows; ${work.handle} counts as still in flight, and its deadline still applies.`,
    );
  }
  if (now >= work.deadlineAt && !work.deadlineNoted) lines.push(deadlineText(op, [{ key, work }], now));
  return lines;
}

export const decideOutcome: Decide<"PostToolUse"> = (input, state, ctx) => {
  const tool = bareToolName(input.toolName);
  if (tool === undefined || !statusTools().includes(tool)) return { state, note: "not a status tool of the policy" };
  const result = readToolResult(input.toolResponse);
  const found = workFor(state, pollKeys(tool, input.toolInput));
  if (!found) {
    // Never seen: only the progress warning, which holds for any handle.
    const progressOp = operationsForStatusTool(tool).find((o) => o.progress?.tool === tool);
    const raw = progressOp ? input.toolInput[progressOp.handle.kind] : undefined;
    const handle = isHandle(raw) ? raw : undefined;
    if (progressOp?.progress && handle && isFullProgress(resultField(result, progressOp.progress.field))) {
      return { state, decision: { kind: "context", text: progressNote(progressOp, handle) } };
    }
    return { state };
  }
  const { key, work } = found;
  const op = operation(work.op);
  const field = fieldFor(op, tool);
  if (!field || work.terminal) return { state };
  const value = result.kind === "unknown" || result.isError ? undefined : resultField(result, field.field);
  if (field.progress) {
    return isFullProgress(value) ? { state, decision: { kind: "context", text: progressNote(op, work.handle) } } : { state };
  }
  const verdict = classify(op, value);
  if (verdict.kind === "terminal") {
    const next = withWork(state, key, { ...work, terminal: { value: verdict.value, outcome: verdict.outcome, at: ctx.now } });
    const stillRunning = groupOf(next, work.group).filter((m) => !m.work.terminal).length;
    const screen = pollScreenLine(op, work.handle, verdict.value, (ctx.now - work.startedAt) / 1000, { outcome: verdict.outcome, stillRunning });
    return { state: next, decision: { kind: "context", text: outcomeText(next, key, work, verdict, op, ctx.now), screen } };
  }
  const lines = inFlightText(op, key, work, field.field, value, result, ctx.now, input.failure);
  // The last value seen, kept for a session that resumes later (session/resume.ts): only a value the policy knows.
  const seen = verdict.kind === "in-flight" && verdict.known && typeof value === "string" && work.lastValue !== value ? { lastValue: value } : {};
  const marked = ctx.now >= work.deadlineAt ? { deadlineNoted: true } : {};
  const next = Object.keys(seen).length + Object.keys(marked).length > 0 ? withWork(state, key, { ...work, ...seen, ...marked }) : state;
  const screen = pollScreenLine(op, work.handle, input.failure === undefined ? value : undefined, (ctx.now - work.startedAt) / 1000);
  return { state: next, decision: { kind: "context", text: lines.join("\n"), screen } };
};
