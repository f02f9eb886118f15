// Read what Claude Code showed the model: system prompt, tools, tool results
// and the hook context it added, from recorded request bodies.
import type { ContentBlock, Message, MessagesRequest, ToolResultBlock, ToolUseBlock } from "./messages.js";

export function systemText(request: MessagesRequest): string {
  const system = request.system;
  if (system === undefined) return "";
  return typeof system === "string" ? system : system.map((block) => block.text).join("\n");
}

export function toolNames(request: MessagesRequest): string[] {
  return (request.tools ?? []).map((t) => t.name);
}

function blocks(message: Message): readonly ContentBlock[] {
  return typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
}

function blockText(block: ContentBlock): string {
  if (block.type === "text") return (block as { text: string }).text;
  if (block.type === "tool_result") return toolResultText(block as ToolResultBlock);
  return "";
}

export function toolResultText(block: ToolResultBlock): string {
  const content = block.content;
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  return content.map((part) => part.text ?? "").join("\n");
}

/** The text blocks of the user messages (prompt, expanded commands, reminders), in order; no tool results. */
export function userTexts(request: MessagesRequest): string[] {
  return request.messages.filter((m) => m.role === "user").flatMap(plainTexts);
}

/** Every piece of text in the messages (user and assistant), in order. */
export function messageTexts(request: MessagesRequest): string[] {
  return request.messages.flatMap((m) => blocks(m).map(blockText));
}

/** The whole visible text of a request: system prompt, tool descriptions and messages. */
export function visibleText(request: MessagesRequest): string {
  const tools = (request.tools ?? []).map((t) => `${t.name}\n${t.description ?? ""}\n${JSON.stringify(t.input_schema ?? {})}`);
  return [systemText(request), ...tools, ...messageTexts(request)].join("\n");
}

export interface ToolResultView {
  readonly toolUseId: string;
  readonly toolName: string | undefined;
  readonly input: Readonly<Record<string, unknown>> | undefined;
  readonly text: string;
  readonly isError: boolean;
  /** Text blocks that arrived in the same user message (hook context, reminders). */
  readonly alongside: readonly string[];
}

function findToolUse(request: MessagesRequest, id: string): ToolUseBlock | undefined {
  for (const message of request.messages) {
    for (const block of blocks(message)) {
      if (block.type === "tool_use" && (block as ToolUseBlock).id === id) return block as ToolUseBlock;
    }
  }
  return undefined;
}

/** Text of a message that is not a tool result (hook context, reminders, prompts). */
function plainTexts(message: Message): string[] {
  return blocks(message)
    .filter((b) => b.type === "text")
    .map(blockText);
}

/**
 * Every tool result in a request, oldest first, with the call it answers and
 * the text that arrived with it: Claude Code sends hook context as a `system`
 * message after the tool result, so everything up to the next assistant
 * message counts as alongside.
 */
export function toolResults(request: MessagesRequest): ToolResultView[] {
  const views: { view: Omit<ToolResultView, "alongside">; alongside: string[] }[] = [];
  let open: string[] = [];
  for (const message of request.messages) {
    if (message.role === "assistant") {
      open = [];
      continue;
    }
    open.push(...plainTexts(message));
    for (const block of blocks(message)) {
      if (block.type !== "tool_result") continue;
      const result = block as ToolResultBlock;
      const use = findToolUse(request, result.tool_use_id);
      views.push({
        view: { toolUseId: result.tool_use_id, toolName: use?.name, input: use?.input, text: toolResultText(result), isError: result.is_error === true },
        alongside: open,
      });
    }
  }
  return views.map(({ view, alongside }) => ({ ...view, alongside: [...alongside] }));
}

/** The messages after the last assistant message: what this request adds. */
function newMessages(request: MessagesRequest): readonly Message[] {
  const index = request.messages.map((m) => m.role).lastIndexOf("assistant");
  return request.messages.slice(index + 1);
}

/** The tool result this request carries for the model's last call, if any. */
export function lastToolResult(request: MessagesRequest): ToolResultView | undefined {
  const carries = newMessages(request).some((m) => blocks(m).some((b) => b.type === "tool_result"));
  return carries ? toolResults(request).at(-1) : undefined;
}

/** Text this request adds besides tool results (hook context arrives here). */
export function newTexts(request: MessagesRequest): string[] {
  return newMessages(request).flatMap(plainTexts);
}

export const HOOK_CONTEXT_RE = /^(PreToolUse|PostToolUse):(\S+) hook additional context: ([\s\S]*)$/;

export interface HookContext {
  readonly event: string;
  readonly tool: string;
  readonly text: string;
}

/** Hook additional context among some texts. */
export function hookContexts(texts: readonly string[]): HookContext[] {
  return texts.flatMap((text) => {
    const match = HOOK_CONTEXT_RE.exec(text.trim());
    return match ? [{ event: match[1] ?? "", tool: match[2] ?? "", text: match[3] ?? "" }] : [];
  });
}

export const HOOK_REFUSAL_RE = /^PreToolUse:\S+ hook error: /;

/** Every piece of hook text a request carries, as shown: additional context and refusal reasons. */
export function hookTexts(request: MessagesRequest): string[] {
  const contexts = request.messages.flatMap(plainTexts).filter((text) => HOOK_CONTEXT_RE.test(text.trim()));
  const refusals = toolResults(request)
    .filter((r) => HOOK_REFUSAL_RE.test(r.text))
    .map((r) => r.text);
  return [...contexts, ...refusals];
}

/**
 * The system prompt as the model gets it: the `system` field and Claude
 * Code's system-role messages (environment, listing, reminders), hook context
 * left out (hookTexts counts it).
 */
export function systemPromptChars(request: MessagesRequest): number {
  const inMessages = request.messages
    .filter((m) => m.role === "system")
    .flatMap(plainTexts)
    .filter((text) => !HOOK_CONTEXT_RE.test(text.trim()));
  return systemText(request).length + inMessages.reduce((sum, text) => sum + text.length, 0);
}

export function toolListChars(request: MessagesRequest): number {
  return JSON.stringify(request.tools ?? []).length;
}
