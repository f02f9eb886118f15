// The stdin JSON Claude Code gives a PreToolUse or PostToolUse hook, checked
// and narrowed to a union keyed on the event: only a PostToolUse input has a
// tool response, so a decide() of a PreToolUse hook cannot read one (the type
// checker refuses it). Anything else is an InputProblem: the runner then
// fails open. Fields as seen on Claude Code 2.1.330 (../shared/reference/claude-code.md).

export type ToolEvent = "PreToolUse" | "PostToolUse";

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
  /** A JSON string, an array of content blocks, an object or text: read it with readToolResult. */
  readonly toolResponse: unknown;
}

export type ToolHookInput = PreToolUseInput | PostToolUseInput;
export type InputOf<E extends ToolEvent> = Extract<ToolHookInput, { readonly event: E }>;

export class InputProblem extends Error {
  override name = "InputProblem";
}

/** Claude Code session ids are UUIDs; anything else never reaches a file path. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export const MAX_STDIN_CHARS = 4_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseHookInput(raw: string): ToolHookInput {
  if (raw.length === 0) throw new InputProblem("empty stdin");
  if (raw.length > MAX_STDIN_CHARS) throw new InputProblem(`stdin too large (${raw.length} chars)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new InputProblem("stdin is not JSON");
  }
  if (!isRecord(parsed)) throw new InputProblem("stdin is not a JSON object");
  const event = parsed.hook_event_name;
  if (event !== "PreToolUse" && event !== "PostToolUse") throw new InputProblem("not a PreToolUse or PostToolUse event");
  const sessionId = parsed.session_id;
  if (typeof sessionId !== "string" || !SESSION_ID_PATTERN.test(sessionId)) throw new InputProblem("missing or malformed session_id");
  const toolName = parsed.tool_name;
  if (typeof toolName !== "string" || toolName.length === 0 || toolName.length > 200) throw new InputProblem("missing or malformed tool_name");
  const toolInput = parsed.tool_input ?? {};
  if (!isRecord(toolInput)) throw new InputProblem("tool_input is not an object");
  return event === "PostToolUse"
    ? { event, sessionId, toolName, toolInput, toolResponse: parsed.tool_response }
    : { event, sessionId, toolName, toolInput };
}
