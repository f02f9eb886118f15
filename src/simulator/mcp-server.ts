// The simulator as an MCP server: the low-level SDK Server, so the catalog's
// raw JSON Schemas are served as they are. Every tool declares an output
// schema and answers with structuredContent plus the same JSON as text; a
// failure is a tool result with isError, never a thrown protocol error.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { catalogTools, servedDefinition, type ToolDefinition } from "./catalog.js";
import { SimError } from "./errors.js";
import type { Platform } from "./platform.js";
import { checkArgs } from "./tool-args.js";
import { SIMULATED_TOOLS, TOOL_HANDLERS } from "./tools.js";

export const SIMULATOR_NAME = "octoperf-simulator";
export const SIMULATOR_VERSION = "0.1.0";

export interface ServerDeps {
  readonly platform: Platform;
  /** Called with a short line per tool call (stderr in the CLI). */
  readonly log?: (line: string) => void;
}

function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

export function callTool(deps: ServerDeps, tools: ReadonlyMap<string, ToolDefinition>, name: string, args: Record<string, unknown>): CallToolResult {
  const tool = tools.get(name);
  const handler = TOOL_HANDLERS[name];
  if (!tool || !handler) return failure(`Unknown tool "${name.slice(0, 60)}". This simulator serves: ${[...tools.keys()].join(", ")}.`);
  try {
    checkArgs(tool, args);
    const structured = handler(deps.platform, args);
    deps.log?.(`${name} ok`);
    return { structuredContent: { ...structured }, content: [{ type: "text", text: JSON.stringify(structured) }] };
  } catch (error) {
    if (error instanceof SimError) {
      deps.log?.(`${name} ${error.kind}`);
      return failure(error.message);
    }
    throw error;
  }
}

/** A new MCP server over the platform (one per connection or HTTP request). */
export function buildServer(deps: ServerDeps): Server {
  const definitions = catalogTools(SIMULATED_TOOLS).map((tool) => servedDefinition(tool, deps.platform.faults));
  const tools = new Map(definitions.map((tool) => [tool.name, tool]));
  const server = new Server({ name: SIMULATOR_NAME, version: SIMULATOR_VERSION }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: definitions.map((d) => ({ ...d })) }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => callTool(deps, tools, request.params.name, request.params.arguments ?? {}));
  return server;
}
