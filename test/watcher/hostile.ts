// Small scripted servers on 127.0.0.1 that answer what a test says: odd,
// broken or hostile values, or nothing at all. One speaks OctoPerf's REST
// paths, one is an MCP server over Streamable HTTP. Each records what it was
// asked, and closing it drops every connection, hanging ones included.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { closeLater } from "./harness.js";

/** A REST reply: a JSON value, raw text (`text`), or an empty body (neither). */
export interface Reply {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** "hang": accept the request and never answer it. */
export type RestScript = (path: string, request: IncomingMessage) => Reply | "hang";

export interface Scripted {
  readonly url: string;
  /** Paths (or tool names) asked, in order. */
  readonly asked: string[];
  close(): Promise<void>;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export async function restServer(script: RestScript): Promise<Scripted> {
  const asked: string[] = [];
  const running = await listen((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    asked.push(path);
    const reply = script(path, req);
    if (reply === "hang") return;
    const body = reply.text ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers }).end(body);
  });
  return closeLater({ url: running.url, asked, close: running.close });
}

/** A tool answer: structured content, or a raw result, or "hang". */
export type ToolScript = (tool: string, args: Readonly<Record<string, unknown>>) => CallToolResult | "hang";

/** Structured content mirrored as text, as a well-behaved server answers. */
export function structured(value: Record<string, unknown>): CallToolResult {
  return { structuredContent: value, content: [{ type: "text", text: JSON.stringify(value) }] };
}

export async function mcpServer(script: ToolScript): Promise<Scripted> {
  const asked: string[] = [];
  const running = await listen((req, res) => {
    const server = new Server({ name: "scripted", version: "1" }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [] }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      asked.push(request.params.name);
      const answer = script(request.params.name, request.params.arguments ?? {});
      return answer === "hang" ? new Promise<CallToolResult>(() => undefined) : answer;
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    void server.connect(transport).then(() => transport.handleRequest(req, res));
  });
  return closeLater({ url: `${running.url}/mcp`, asked, close: running.close });
}
