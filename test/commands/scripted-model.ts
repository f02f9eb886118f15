// A scripted Messages API on 127.0.0.1: every request gets a short text reply,
// and every request body is kept so a test can read what Claude Code sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedModel {
  readonly url: string;
  readonly requests: unknown[];
  close(): Promise<void>;
}

function sse(res: ServerResponse, events: readonly [string, unknown][]): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const [event, data] of events) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.end();
}

/** One scripted answer: some text, or a call of a tool. */
export type Reply = { readonly text: string } | { readonly tool: string; readonly input: Readonly<Record<string, unknown>> };

function events(reply: Reply, turn: number): [string, unknown][] {
  const start: [string, unknown] = ["message_start", { type: "message_start", message: { id: `msg_scripted_${turn}`, type: "message", role: "assistant", model: "claude-scripted", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } }];
  const block: [string, unknown][] =
    "text" in reply
      ? [
          ["content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }],
          ["content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: reply.text } }],
        ]
      : [
          ["content_block_start", { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: `toolu_scripted_${turn}`, name: reply.tool, input: {} } }],
          ["content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: JSON.stringify(reply.input) } }],
        ];
  const stop = "text" in reply ? "end_turn" : "tool_use";
  return [
    start,
    ...block,
    ["content_block_stop", { type: "content_block_stop", index: 0 }],
    ["message_delta", { type: "message_delta", delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 1 } }],
    ["message_stop", { type: "message_stop" }],
  ];
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A reply, or a function of the request body that returns one (to use ids from earlier tool results). */
export type Step = Reply | ((request: unknown) => Reply);

/** Answers the scripted replies in order, then "ok" for every later request. */
export async function startScriptedModel(script: readonly Step[] = []): Promise<ScriptedModel> {
  let turn = 0;
  const requests: unknown[] = [];
  const server = createServer((req, res) => {
    void body(req).then((text) => {
      if (req.url?.startsWith("/v1/messages/count_tokens")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ input_tokens: 10 }));
        return;
      }
      if (req.method === "POST" && req.url?.startsWith("/v1/messages")) {
        try {
          requests.push(JSON.parse(text));
        } catch {
          requests.push(text);
        }
        const step = script[turn] ?? { text: "ok" };
        sse(res, events(typeof step === "function" ? step(requests.at(-1)) : step, turn));
        turn += 1;
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
