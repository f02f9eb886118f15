// A scenario script: the replies the scripted model gives, in order. A step is
// a fixed reply or a function of what Claude Code has sent so far, so a script
// can read a tool result before deciding its next call.
import type { MessagesRequest } from "./messages.js";
import { lastToolResult, type ToolResultView } from "./requests.js";

export type Reply =
  | { readonly text: string }
  | { readonly tool: string; readonly input: Readonly<Record<string, unknown>>; readonly say?: string };

export interface Turn {
  /** The request this reply answers. */
  readonly request: MessagesRequest;
  /** Every main-loop request so far, this one last. */
  readonly history: readonly MessagesRequest[];
  /** The result of the tool call the previous step made, if this request carries one. */
  readonly toolResult: ToolResultView | undefined;
}

/**
 * A step that may answer several requests: `next` is asked on each request;
 * a Reply answers it and the step stays current, `undefined` hands the same
 * request to the following step. More than `max` rounds is a script problem.
 */
export interface Repeat {
  readonly repeat: (turn: Turn, round: number) => Reply | undefined;
  readonly max: number;
}

export type Step = Reply | ((turn: Turn) => Reply) | Repeat;

export function repeat(max: number, next: (turn: Turn, round: number) => Reply | undefined): Repeat {
  return { repeat: next, max };
}

export function isRepeat(step: Step): step is Repeat {
  return typeof step === "object" && "repeat" in step;
}

export function text(value: string): Reply {
  return { text: value };
}

export function tool(name: string, input: Readonly<Record<string, unknown>>, say?: string): Reply {
  return say === undefined ? { tool: name, input } : { tool: name, input, say };
}

/** Load deferred tools (MCP tools, CronCreate...) through ToolSearch. */
export function toolSearch(names: readonly string[]): Reply {
  return tool("ToolSearch", { query: `select:${names.join(",")}` });
}

export function turnOf(request: MessagesRequest, history: readonly MessagesRequest[]): Turn {
  return { request, history, toolResult: lastToolResult(request) };
}
