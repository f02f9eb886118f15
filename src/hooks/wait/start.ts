// A start tool's answer read once for every hook of the start: the handle(s),
// the works to remember and the plan. The plan hook (plan-after-start) and the
// background hook that runs the watcher on the same start (wait-in-background)
// run at once on the same input and come to the same works and plan from it,
// whichever runs first.
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
  type WaitPlan,
} from "../../policy/index.js";
import type { DecideContext } from "../claude/decision.js";
import type { PostToolUseInput } from "../claude/input.js";
import { workKeys } from "../session/keys.js";
import { nothingToPoll, unsafeHandle } from "../text/plan-text.js";
import { watcherCanWait } from "../session/reach.js";
import type { SessionState, WorkRecord } from "../session/state.js";
import { readToolResult, resultField } from "../claude/tool-response.js";

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

/**
 * The plan for work of `op` in this session: the watcher where it can reach
 * OctoPerf (and has not failed on this work), the background hooks where they run.
 */
export function sessionPlan(op: Operation, expectedSeconds: number | undefined, ctx: DecideContext, watcherFailed = false): WaitPlan {
  const watcher = !watcherFailed && watcherCanWait(op.id, ctx.reach);
  return planWait({ operation: op.id, expectedSeconds, harness: "claude-code", watcher, hooks: ctx.hooks });
}

export interface Started {
  readonly op: Operation;
  readonly plan: WaitPlan;
  readonly targets: readonly PollTarget[];
  readonly alternatives: readonly PollTarget[];
  readonly handles: readonly string[];
  /** One record per handle, with every key a poll of it can carry (primary first). */
  readonly works: readonly { readonly keys: readonly string[]; readonly work: WorkRecord }[];
  readonly also: Readonly<Record<string, string>>;
  readonly expectedKnown: boolean;
}

export type StartRead =
  | { readonly kind: "started"; readonly started: Started }
  | { readonly kind: "nothing"; readonly text: string }
  | { readonly kind: "not-ours"; readonly note: string };

/** What a start tool's answer started, with its plan, or why there is nothing to wait for. */
export function readStart(input: PostToolUseInput, state: SessionState, ctx: DecideContext): StartRead {
  const tool = bareToolName(input.toolName);
  const op = tool === undefined ? undefined : operationForStartTool(tool);
  if (!op || op.handle.source !== "result") return { kind: "not-ours", note: "not a start tool of the policy" };
  const result = readToolResult(input.toolResponse);
  const handles = handlesOf(op, result.kind === "unknown" || result.isError ? undefined : resultField(result, op.handle.field));
  if (!handles) return { kind: "nothing", text: nothingToPoll(op, result) };

  let targets: PollTarget[];
  const alternatives: PollTarget[][] = [];
  try {
    targets = pollTargets(op, handles, input.toolInput);
    for (const handle of handles) alternatives.push(alternativeTargets(op, [handle], input.toolInput));
  } catch (error) {
    if (error instanceof HandleError) return { kind: "nothing", text: unsafeHandle(op, error.field) };
    throw error;
  }
  const expected = expectedFor(op, input, state);
  const plan = sessionPlan(op, expected.seconds, ctx);
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
  return {
    kind: "started",
    started: { op, plan, targets, alternatives: alternatives.flat(), handles: handles as string[], works, also, expectedKnown: expected.known },
  };
}

/**
 * The state with these works recorded. A restarted validation replaces the
 * old one; with `keepExisting`, a work already recorded stays as it is (the
 * other start hook may have recorded it, and a poll may have followed).
 */
export function remember(state: SessionState, works: Started["works"], keepExisting = false): SessionState {
  const fresh = keepExisting ? works.filter((w) => state.works[w.keys[0]!] === undefined) : works;
  if (fresh.length === 0) return state;
  const replaced = new Set(fresh.map((w) => w.keys[0]!));
  const aliases: Record<string, string> = {};
  for (const [alias, primary] of Object.entries(state.aliases)) if (!replaced.has(primary)) aliases[alias] = primary;
  const all: Record<string, WorkRecord> = { ...state.works };
  for (const { keys, work } of fresh) {
    all[keys[0]!] = work;
    for (const key of keys) aliases[key] = keys[0]!;
  }
  const schedules = state.schedules.map((s) => ({ ...s, works: s.works.filter((key) => !replaced.has(key)) }));
  return { ...state, works: all, aliases, schedules };
}
