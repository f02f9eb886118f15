// What a hook decides, and what Claude Code reads from the hook process. The
// decision a hook may give depends on its event: a PreToolUse hook can only
// deny (with its reason; the type makes that impossible to forget), a
// PostToolUse hook can only add context. A new kind of decision (say, waking
// the model with exit code 2 from a background hook) is one more member of
// Decision and one more case in emit().
import type { InputOf, ToolEvent } from "./input.js";
import type { SessionState } from "./state.js";

export interface Deny {
  readonly kind: "deny";
  readonly reason: string;
}

export interface Context {
  readonly kind: "context";
  readonly text: string;
}

export type Decision = Deny | Context;
export type DecisionOf<E extends ToolEvent> = E extends "PreToolUse" ? Deny : Context;

/** Claude Code cuts hook strings at 10,000 characters; stay well under. */
export const MAX_DECISION_CHARS = 4000;

function cut(text: string): string {
  return text.length > MAX_DECISION_CHARS ? `${text.slice(0, MAX_DECISION_CHARS - 3)}...` : text;
}

/** The hook process's answer: its stdout and exit code. */
export interface Emission {
  readonly stdout: string;
  readonly exitCode: number;
}

export const SILENT: Emission = { stdout: "", exitCode: 0 };

export function emit(decision: Decision): Emission {
  const output =
    decision.kind === "deny"
      ? { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: cut(decision.reason) } }
      : { hookSpecificOutput: { hookEventName: "PostToolUse", additionalContext: cut(decision.text) } };
  return { stdout: JSON.stringify(output), exitCode: 0 };
}

/** What every decide() gets besides the input and the state. */
export interface DecideContext {
  /** Epoch milliseconds. */
  readonly now: number;
  /** True when the watcher can reach OctoPerf itself (OCTOPERF_API_KEY is set). */
  readonly watcher: boolean;
}

/** A decide() answer: the new state (the same object when nothing changed). */
export interface Decided<E extends ToolEvent> {
  readonly state: SessionState;
  readonly decision?: DecisionOf<E>;
  /** One line for stderr (why nothing was decided). */
  readonly note?: string;
}

/** A hook's logic: pure, no I/O, no clock but ctx.now. */
export type Decide<E extends ToolEvent> = (input: InputOf<E>, state: SessionState, ctx: DecideContext) => Decided<E>;
