// The stdin JSON Claude Code gives a PreToolUse, PostToolUse or
// UserPromptExpansion hook, checked and narrowed to a union keyed on the
// event: only a PostToolUse input has a tool response, so a decide() of a
// PreToolUse hook cannot read one (the type checker refuses it). Anything
// else is an InputProblem: the runner then fails open. Fields as seen on
// Claude Code 2.1.330 (../shared/reference/claude-code.md).
//
// UserPromptExpansion (measured on 2.1.330, -p and interactive): typing
// `/octoperf:stop-wait BENCH_1` gives `expansion_type: "slash_command"`,
// `command_name: "octoperf:stop-wait"`, `command_args: "BENCH_1"`,
// `command_source: "plugin"`, `prompt` and the `session_id`.

import { isCallId, SESSION_ID_PATTERN } from "../session/state.js";

/**
 * A failed tool call (an MCP result with isError, a JSON-RPC error, a time-out)
 * comes as PostToolUseFailure, never as PostToolUse, with `error` (a string)
 * and no `tool_response` (measured on 2.1.330). It reaches the PostToolUse
 * hooks that ask for it as a PostToolUse input whose answer cannot be read.
 */
export const FAILURE_EVENT = "PostToolUseFailure";
const MAX_FAILURE_CHARS = 2000;

export type ToolEvent = "PreToolUse" | "PostToolUse";
export type HookEvent = ToolEvent | "UserPromptExpansion" | "Stop" | "SessionStart" | "UserPromptSubmit";

interface ToolCall {
  readonly sessionId: string;
  /** The tool's name as Claude Code shows it (mcp__octoperf__x, CronCreate...). */
  readonly toolName: string;
  readonly toolInput: Readonly<Record<string, unknown>>;
}

export interface PreToolUseInput extends ToolCall {
  readonly event: "PreToolUse";
}

export interface PostToolUseInput extends ToolCall {
  readonly event: "PostToolUse";
  /** The call's tool_use_id, when it is well formed: the key of the wait its hooks arm (claims.ts). */
  readonly toolUseId?: string;
  /** The call failed (PostToolUseFailure): its error, untrusted text; there is then no tool response. */
  readonly failure?: string;
  /** A JSON string, an array of content blocks, an object or text: read it with readToolResult. */
  readonly toolResponse: unknown;
}

/** A slash command the user typed, about to expand into a prompt. */
export interface UserPromptExpansionInput {
  readonly event: "UserPromptExpansion";
  readonly sessionId: string;
  /** "octoperf:stop-wait"; empty when the expansion is not a slash command. */
  readonly commandName: string;
  /** What the user typed after the command: untrusted text. */
  readonly commandArgs: string;
}

/** The model ended its turn (the turn-end guard). */
export interface StopInput {
  readonly event: "Stop";
  readonly sessionId: string;
  /** The turn went on because a Stop hook said so. */
  readonly stopHookActive: boolean;
}

/**
 * A session begins (measured on 2.1.330): `source` is "startup", "resume"
 * (`--resume` and `--continue`, the same session id), "compact" or "clear".
 * Its output reaches the model after startup, compact and clear, but not after
 * resume: what a resumed session must hear is said at the next prompt.
 */
export interface SessionStartInput {
  readonly event: "SessionStart";
  readonly sessionId: string;
  readonly source: "startup" | "resume" | "compact" | "clear" | "other";
}

/** The user sent a prompt (its text is not read). */
export interface UserPromptSubmitInput {
  readonly event: "UserPromptSubmit";
  readonly sessionId: string;
}

export type ToolHookInput = PreToolUseInput | PostToolUseInput;
export type HookInput = ToolHookInput | UserPromptExpansionInput | StopInput | SessionStartInput | UserPromptSubmitInput;
export type InputOf<E extends HookEvent> = Extract<HookInput, { readonly event: E }>;

const KNOWN_EVENTS = ["PreToolUse", "PostToolUse", "UserPromptExpansion", "Stop", "SessionStart", "UserPromptSubmit"] as const;
const START_SOURCES = ["startup", "resume", "compact", "clear"] as const;
const isKnownEvent = (v: unknown): v is (typeof KNOWN_EVENTS)[number] => (KNOWN_EVENTS as readonly unknown[]).includes(v);

export class InputProblem extends Error {
  override name = "InputProblem";
}

export { SESSION_ID_PATTERN };

export const MAX_STDIN_CHARS = 4_000_000;
/** A command's arguments longer than this are not read (no command of ours takes more). */
export const MAX_COMMAND_ARGS_CHARS = 4000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseHookInput(raw: string): HookInput {
  if (raw.length === 0) throw new InputProblem("empty stdin");
  if (raw.length > MAX_STDIN_CHARS) throw new InputProblem(`stdin too large (${raw.length} chars)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new InputProblem("stdin is not JSON");
  }
  if (!isRecord(parsed)) throw new InputProblem("stdin is not a JSON object");
  const named = parsed.hook_event_name;
  const failed = named === FAILURE_EVENT;
  const event = failed ? "PostToolUse" : named;
  if (!isKnownEvent(event)) throw new InputProblem(`not one of the events ${KNOWN_EVENTS.join(", ")}`);
  const sessionId = parsed.session_id;
  if (typeof sessionId !== "string" || !SESSION_ID_PATTERN.test(sessionId)) throw new InputProblem("missing or malformed session_id");
  if (event === "Stop") return { event, sessionId, stopHookActive: parsed.stop_hook_active === true };
  if (event === "UserPromptSubmit") return { event, sessionId };
  if (event === "SessionStart") {
    const source = START_SOURCES.find((s) => s === parsed.source) ?? "other";
    return { event, sessionId, source };
  }
  if (event === "UserPromptExpansion") {
    const name = parsed.expansion_type === "slash_command" && typeof parsed.command_name === "string" ? parsed.command_name : "";
    const args = typeof parsed.command_args === "string" ? parsed.command_args : "";
    if (name.length > 200 || args.length > MAX_COMMAND_ARGS_CHARS) throw new InputProblem("command name or arguments too long");
    return { event, sessionId, commandName: name, commandArgs: args };
  }
  const toolName = parsed.tool_name;
  if (typeof toolName !== "string" || toolName.length === 0 || toolName.length > 200) throw new InputProblem("missing or malformed tool_name");
  const toolInput = parsed.tool_input ?? {};
  if (!isRecord(toolInput)) throw new InputProblem("tool_input is not an object");
  if (event === "PreToolUse") return { event, sessionId, toolName, toolInput };
  const call = parsed.tool_use_id;
  const ids = isCallId(call) ? { toolUseId: call } : {};
  if (failed) {
    const error = typeof parsed.error === "string" ? parsed.error.slice(0, MAX_FAILURE_CHARS) : "";
    return { event, sessionId, toolName, toolInput, toolResponse: undefined, failure: error, ...ids };
  }
  return { event, sessionId, toolName, toolInput, toolResponse: parsed.tool_response, ...ids };
}
