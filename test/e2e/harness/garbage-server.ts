// An MCP server over stdio that answers OctoPerf tool calls with scripted
// garbage: text that is not JSON, wrong types, hostile strings, huge values.
// Raw JSON-RPC (one message a line), so nothing smooths the answers over.
// Usage: node --import <tsx> garbage-server.ts <answers.json>
// where answers.json maps a tool name to the results of its successive calls
// (the last one repeats).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import type { StdioServer } from "./plugin-variant.js";
import { REPO_ROOT } from "./run-claude.js";

export interface ToolAnswer {
  readonly content: readonly { readonly type: "text"; readonly text: string }[];
  readonly isError?: boolean;
  readonly structuredContent?: unknown;
}
export type GarbageAnswers = Readonly<Record<string, readonly ToolAnswer[]>>;

export function textAnswer(text: string, isError = false): ToolAnswer {
  return isError ? { content: [{ type: "text", text }], isError } : { content: [{ type: "text", text }] };
}

/** The stdio server entry that starts this file with the answers at `answersPath`. */
export function garbageServer(answersPath: string): StdioServer {
  const loader = pathToFileURL(join(REPO_ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const self = join(REPO_ROOT, "test", "e2e", "harness", "garbage-server.ts");
  return { type: "stdio", command: process.execPath, args: ["--import", loader, self, answersPath] };
}

interface RpcRequest {
  readonly id?: number | string;
  readonly method: string;
  readonly params?: { readonly name?: string; readonly protocolVersion?: string };
}

function serve(answers: GarbageAnswers): void {
  const calls = new Map<string, number>();
  const send = (message: unknown): void => void process.stdout.write(`${JSON.stringify(message)}\n`);
  const tools = Object.keys(answers).map((name) => ({
    name,
    description: `OctoPerf ${name} (garbage answers for tests)`,
    inputSchema: { type: "object", properties: {}, additionalProperties: true },
  }));
  createInterface({ input: process.stdin }).on("line", (line) => {
    let request: RpcRequest;
    try {
      request = JSON.parse(line) as RpcRequest;
    } catch {
      return;
    }
    if (request.id === undefined) return; // a notification
    const reply = (result: unknown): void => send({ jsonrpc: "2.0", id: request.id, result });
    switch (request.method) {
      case "initialize":
        return reply({
          protocolVersion: request.params?.protocolVersion ?? "2025-06-18",
          capabilities: { tools: {} },
          serverInfo: { name: "octoperf-garbage", version: "0.0.0" },
        });
      case "tools/list":
        return reply({ tools });
      case "tools/call": {
        const name = request.params?.name ?? "";
        const list = answers[name] ?? [textAnswer(`unknown tool ${name}`, true)];
        const count = calls.get(name) ?? 0;
        calls.set(name, count + 1);
        return reply(list[Math.min(count, list.length - 1)]);
      }
      case "ping":
        return reply({});
      default:
        return send({ jsonrpc: "2.0", id: request.id, error: { code: -32601, message: `no method ${request.method}` } });
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const path = process.argv[2];
  if (!path) throw new Error("usage: garbage-server.ts <answers.json>");
  serve(JSON.parse(readFileSync(path, "utf8")) as GarbageAnswers);
}
