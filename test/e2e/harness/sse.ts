// Encode one scripted reply as the Messages API's server-sent-event stream:
// message_start, one content block per part (text_delta or input_json_delta),
// message_delta with the stop reason, message_stop.

export type ReplyBlock =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "tool_use"; readonly id: string; readonly name: string; readonly input: Readonly<Record<string, unknown>> };

export interface StreamedReply {
  readonly id: string;
  readonly model: string;
  readonly blocks: readonly ReplyBlock[];
  readonly inputTokens: number;
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Split a string into a few chunks, so deltas really arrive in pieces. */
function chunks(text: string, size = 64): string[] {
  if (text.length === 0) return [""];
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

function blockEvents(block: ReplyBlock, index: number): string[] {
  if (block.type === "text") {
    return [
      event("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } }),
      ...chunks(block.text).map((text) =>
        event("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text } }),
      ),
      event("content_block_stop", { type: "content_block_stop", index }),
    ];
  }
  return [
    event("content_block_start", {
      type: "content_block_start",
      index,
      content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
    }),
    ...chunks(JSON.stringify(block.input)).map((partial_json) =>
      event("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json } }),
    ),
    event("content_block_stop", { type: "content_block_stop", index }),
  ];
}

export function replyStream(reply: StreamedReply): string {
  const usesTool = reply.blocks.some((b) => b.type === "tool_use");
  const outputTokens = Math.max(1, Math.ceil(JSON.stringify(reply.blocks).length / 4));
  return [
    event("message_start", {
      type: "message_start",
      message: {
        id: reply.id,
        type: "message",
        role: "assistant",
        model: reply.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: reply.inputTokens, output_tokens: 1 },
      },
    }),
    ...reply.blocks.flatMap(blockEvents),
    event("message_delta", {
      type: "message_delta",
      delta: { stop_reason: usesTool ? "tool_use" : "end_turn", stop_sequence: null },
      usage: { output_tokens: outputTokens },
    }),
    event("message_stop", { type: "message_stop" }),
  ].join("");
}

/** The same reply as one JSON message, for a request that did not ask to stream. */
export function replyJson(reply: StreamedReply): unknown {
  const usesTool = reply.blocks.some((b) => b.type === "tool_use");
  return {
    id: reply.id,
    type: "message",
    role: "assistant",
    model: reply.model,
    content: reply.blocks,
    stop_reason: usesTool ? "tool_use" : "end_turn",
    stop_sequence: null,
    usage: { input_tokens: reply.inputTokens, output_tokens: 1 },
  };
}
