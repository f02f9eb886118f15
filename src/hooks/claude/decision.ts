// What a hook decides, and what Claude Code reads from the hook process. The
// decision a hook may give depends on its event: a PreToolUse hook can only
// deny (with its reason; the type makes that impossible to forget), a
// PostToolUse hook can only add context, a UserPromptExpansion hook can only
// say one line (its stdout is shown to the model). Waking the model from the
// background (exit code 2 with one line on stderr) is the background hooks'
// answer: see wait/one-wake.ts.
import type { HookEvent, InputOf } from "./input.js";
import { screenLine } from "../text/screen-line.js";
import type { ProcessCheck, SessionState, WaiterRecord } from "../session/state.js";
import type { EarlierSession, TakeResult } from "../session/earlier.js";

export interface Deny {
  readonly kind: "deny";
  readonly reason: string;
}

export interface Context {
  readonly kind: "context";
  /** For the model (additionalContext); empty: nothing for the model. */
  readonly text: string;
  /** One short line for the user's screen (systemMessage), never sent to the model: see screen-line.ts. */
  readonly screen?: string;
}

/** Plain stdout, which Claude Code shows the model (UserPromptExpansion, measured on 2.1.330). */
export interface Say {
  readonly kind: "say";
  readonly text: string;
}

export type Decision = Deny | Context | Say;
export type DecisionOf<E extends HookEvent> = E extends "PreToolUse" ? Deny : E extends "UserPromptExpansion" ? Say : Context;

/** Claude Code cuts hook strings at 10,000 characters; stay well under. */
export const MAX_DECISION_CHARS = 4000;

export function cut(text: string, max = MAX_DECISION_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** The hook process's answer: its stdout and exit code. */
export interface Emission {
  readonly stdout: string;
  readonly exitCode: number;
}

export const SILENT: Emission = { stdout: "", exitCode: 0 };

/** Context goes out as additionalContext of the hook's own event (PostToolUse, SessionStart, UserPromptSubmit). */
export function emit(decision: Decision, event: HookEvent = "PostToolUse"): Emission {
  if (decision.kind === "say") return { stdout: cut(decision.text), exitCode: 0 };
  if (decision.kind === "deny") {
    return { stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: cut(decision.reason) } }), exitCode: 0 };
  }
  const screen = decision.screen === undefined ? "" : screenLine(decision.screen);
  if (decision.text === "" && screen === "") return SILENT;
  const output = {
    ...(screen ? { systemMessage: screen } : {}),
    ...(decision.text ? { hookSpecificOutput: { hookEventName: event, additionalContext: cut(decision.text) } } : {}),
  };
  return { stdout: JSON.stringify(output), exitCode: 0 };
}

/** What can reach OctoPerf without the model. */
export interface Reach {
  /** OCTOPERF_API_KEY is set (its value is never read here). */
  readonly apiKey: boolean;
  /** A sign-in of `octoperf-wait login` is stored for the hosted server; asked only when needed (it reads a file). */
  readonly login: () => boolean;
}

/** What every decide() gets besides the input and the state. */
export interface DecideContext {
  /** Epoch milliseconds. */
  readonly now: number;
  readonly reach: Reach;
  /** The background hooks run (none of them is turned off): the one-wake wait. */
  readonly hooks: boolean;
  /** The plugin's folder, absolute, for commands shown to the model (shells do not get CLAUDE_PLUGIN_ROOT). */
  readonly pluginRoot: string | undefined;
  /** Whether a recorded process still lives (a background waiter counts only while it does): its pid, and its proof when recorded. */
  readonly alive: ProcessCheck;
  /**
   * Decision-clock milliseconds per real millisecond (1 but in tests that run
   * the hooks' clock faster): spans that are real time whatever the clock (a
   * claim's time to be adopted, a late wake's grace) are multiplied by it.
   */
  readonly scale?: number;
  /** A person is at the session (interactive, not `-p`): runtime/environment.ts ATTENDED_ENV. Unknown counts as not. */
  readonly attended?: boolean;
  /** This hook's process and run, for what a background hook records. */
  readonly pid: number;
  readonly token: string;
  /** The session's project folder (CLAUDE_PROJECT_DIR, checked), when known. */
  readonly project?: string;
  /** Other sessions of the state folder, read for the hooks that ask (session/earlier.ts). */
  readonly earlier?: readonly EarlierSession[];
  /** What became of the works this hook's input named in other sessions, taken over just before deciding. */
  readonly taken?: readonly TakeResult[];
}

/** A decide() answer: the new state (the same object when nothing changed). */
export interface Decided<E extends HookEvent> {
  readonly state: SessionState;
  readonly decision?: DecisionOf<E>;
  /** One line for stderr (why nothing was decided). */
  readonly note?: string;
  /** Background waiters to end (their records are already gone from `state`): /octoperf:stop-wait. */
  readonly stop?: readonly WaiterRecord[];
}

/** A hook's logic: pure, no I/O, no clock but ctx.now. */
export type Decide<E extends HookEvent> = (input: InputOf<E>, state: SessionState, ctx: DecideContext) => Decided<E>;
