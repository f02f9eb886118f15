// PostToolUse on a start tool: read the handle(s) from the result, remember
// them, and tell the model how to wait (plan text in plan-text.ts). No handle
// means the start failed: say there is nothing to poll, and why.
import {
  alternativeTargets,
  bareToolName,
  HandleError,
  isHandle,
  operationForStartTool,
  planWait,
  pollTargets,
  type Operation,
  type PollTarget,
} from "../policy/index.js";
import type { Decide } from "./decision.js";
import type { PostToolUseInput } from "./input.js";
import { workKeys } from "./keys.js";
import { nothingToPoll, planText, unsafeHandle } from "./plan-text.js";
import type { SessionState, WorkRecord } from "./state.js";
import { readToolResult, resultField } from "./tool-response.js";

export const MAX_HANDLES_PER_START = 20;

function handlesOf(op: Operation, raw: unknown): unknown[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (op.handle.many) return Array.isArray(raw) && raw.length > 0 ? raw.slice(0, MAX_HANDLES_PER_START) : undefined;
  return [raw];
}

function expectedFor(op: Operation, input: PostToolUseInput, state: SessionState): { seconds?: number; known: boolean } {
  const scenarioId = input.toolInput.scenarioId;
  if (op.id !== "scenario-run" || !isHandle(scenarioId)) return { known: false };
  const recorded = state.scenarios[scenarioId];
  return recorded ? { seconds: recorded.seconds, known: true } : { known: false };
}

/** The state with these works recorded; a restarted validation replaces the old one. */
function remember(state: SessionState, works: readonly { keys: string[]; work: WorkRecord }[]): SessionState {
  const replaced = new Set(works.map((w) => w.keys[0]!));
  const aliases: Record<string, string> = {};
  for (const [alias, primary] of Object.entries(state.aliases)) if (!replaced.has(primary)) aliases[alias] = primary;
  const all: Record<string, WorkRecord> = { ...state.works };
  for (const { keys, work } of works) {
    all[keys[0]!] = work;
    for (const key of keys) aliases[key] = keys[0]!;
  }
  const schedules = state.schedules.map((s) => ({ ...s, works: s.works.filter((key) => !replaced.has(key)) }));
  return { ...state, works: all, aliases, schedules };
}

export const decideStart: Decide<"PostToolUse"> = (input, state, ctx) => {
  const tool = bareToolName(input.toolName);
  const op = tool === undefined ? undefined : operationForStartTool(tool);
  if (!op || op.handle.source !== "result") return { state, note: "not a start tool of the policy" };
  const result = readToolResult(input.toolResponse);
  const handles = handlesOf(op, result.kind === "unknown" || result.isError ? undefined : resultField(result, op.handle.field));
  if (!handles) return { state, decision: { kind: "context", text: nothingToPoll(op, result) } };

  let targets: PollTarget[];
  const alternatives: PollTarget[][] = [];
  try {
    targets = pollTargets(op, handles, input.toolInput);
    for (const handle of handles) alternatives.push(alternativeTargets(op, [handle], input.toolInput));
  } catch (error) {
    if (error instanceof HandleError) return { state, decision: { kind: "context", text: unsafeHandle(op, error.field) } };
    throw error;
  }
  const expected = expectedFor(op, input, state);
  const plan = planWait({ operation: op.id, expectedSeconds: expected.seconds, harness: "claude-code", watcher: ctx.watcher });
  const group = targets[0]!.key;
  const works = handles.map((handle, index) => {
    const primary = targets[Math.min(index, targets.length - 1)]!;
    const work: WorkRecord = {
      op: op.id,
      handle: handle as string,
      tool: primary.tool,
      args: primary.args,
      group,
      startedAt: ctx.now,
      expectedSeconds: plan.expectedSeconds,
      cadenceSeconds: plan.cadenceSeconds,
      deadlineAt: ctx.now + plan.deadlineSeconds * 1000,
    };
    return { keys: workKeys(op, primary, alternatives[index] ?? [], handle as string), work };
  });
  const also: Record<string, string> = {};
  if (result.kind === "object") {
    for (const name of op.alsoReturns) if (isHandle(result.value[name])) also[name] = result.value[name] as string;
  }
  const text = planText({ plan, targets, alternatives: alternatives.flat(), handles: handles as string[], also, expectedKnown: expected.known });
  return { state: remember(state, works), decision: { kind: "context", text } };
};
