// What a hook decides, and the JSON Claude Code reads from its stdout. A deny
// always carries its reason; the type makes that impossible to forget.

export type Decision =
  | { readonly kind: "deny"; readonly reason: string }
  | { readonly kind: "context"; readonly text: string };

/** Claude Code cuts hook strings at 10,000 characters; stay well under. */
export const MAX_DECISION_CHARS = 4000;

function cut(text: string): string {
  return text.length > MAX_DECISION_CHARS ? `${text.slice(0, MAX_DECISION_CHARS - 3)}...` : text;
}

export function hookOutput(decision: Decision): object {
  if (decision.kind === "deny") {
    return {
      hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: cut(decision.reason) },
    };
  }
  return { hookSpecificOutput: { hookEventName: "PostToolUse", additionalContext: cut(decision.text) } };
}

/** What every decide() gets besides the input and the state. */
export interface DecideContext {
  /** Epoch milliseconds. */
  readonly now: number;
  /** True when the watcher can reach OctoPerf itself (OCTOPERF_API_KEY is set). */
  readonly watcher: boolean;
}

/** A decide() answer: the new state (the same object when nothing changed). */
export interface Decided {
  readonly state: import("./state.js").SessionState;
  readonly decision?: Decision;
  /** One line for stderr (why nothing was decided). */
  readonly note?: string;
}
