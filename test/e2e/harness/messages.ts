// The Messages API shapes the scripted model reads and writes. Only the
// fields the harness uses are named; the rest stays `unknown`.

export interface TextBlock {
  readonly type: "text";
  readonly text: string;
}
export interface ToolUseBlock {
  readonly type: "tool_use";
  readonly id: string;
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
}
export interface ToolResultBlock {
  readonly type: "tool_result";
  readonly tool_use_id: string;
  readonly content?: string | readonly { readonly type: string; readonly text?: string }[];
  readonly is_error?: boolean;
}
export type ContentBlock = TextBlock | ToolUseBlock | ToolResultBlock | { readonly type: string };

export interface Message {
  readonly role: "user" | "assistant" | "system";
  readonly content: string | readonly ContentBlock[];
}

export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  readonly input_schema?: unknown;
}

/** A `POST /v1/messages` body as Claude Code sends it. */
export interface MessagesRequest {
  readonly model: string;
  readonly system?: string | readonly TextBlock[];
  readonly messages: readonly Message[];
  readonly tools?: readonly ToolDefinition[];
  readonly max_tokens?: number;
  readonly stream?: boolean;
}

export function isMessagesRequest(value: unknown): value is MessagesRequest {
  if (typeof value !== "object" || value === null) return false;
  const body = value as { messages?: unknown; model?: unknown };
  return Array.isArray(body.messages) && typeof body.model === "string";
}
