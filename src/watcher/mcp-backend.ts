// The MCP backend: status calls go to an MCP server as tool calls, over
// stdio (a command, e.g. the simulator) or Streamable HTTP (a URL that needs
// no OAuth, e.g. the simulator's /mcp). A connection that breaks is dropped
// and made again on the next attempt.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { PollTarget } from "../policy/index.js";
import type { Backend, StatusResult } from "./backend.js";
import { AuthError, ConfigError, TransientError, UnknownHandleError } from "./errors.js";

export type McpEndpoint = { readonly kind: "stdio"; readonly command: string } | { readonly kind: "http"; readonly url: string; readonly apiKey?: string };

/** Split a command line into words; "double" and 'single' quotes group words. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of command.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? "");
  return words;
}

/** Sort an isError tool answer: unknown id, bad argument, or worth a retry. */
export function toolErrorFor(tool: string, message: string): Error {
  const text = message.replace(/[^\x20-\x7e]/g, "?").slice(0, 300);
  if (/\b(no|unknown)\b.*\bwith id\b|not found|never been validated|does not exist/i.test(text)) return new UnknownHandleError(`${tool}: ${text}`);
  if (/unauthori[sz]ed|forbidden|\bauth/i.test(text)) return new AuthError(`${tool}: ${text}`);
  if (/\b(must|needs|has no argument|contains)\b/i.test(text)) return new ConfigError(`${tool}: ${text}`);
  return new TransientError(`${tool}: ${text}`);
}

export class McpBackend implements Backend {
  readonly label: string;
  private client: Client | undefined;

  constructor(
    private readonly endpoint: McpEndpoint,
    private readonly requestTimeoutMs = 30_000,
  ) {
    if (endpoint.kind === "stdio" && splitCommand(endpoint.command).length === 0) throw new ConfigError("--mcp-command is empty");
    if (endpoint.kind === "http") {
      try {
        new URL(endpoint.url);
      } catch {
        throw new ConfigError(`--mcp-url is not a URL: "${endpoint.url.slice(0, 60)}"`);
      }
    }
    this.label = endpoint.kind === "stdio" ? `MCP stdio (${splitCommand(endpoint.command)[0]})` : `MCP ${new URL(endpoint.url).origin}`;
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ name: "octoperf-wait", version: "0.1.0" });
    const transport =
      this.endpoint.kind === "stdio"
        ? (() => {
            const [command, ...args] = splitCommand(this.endpoint.command);
            return new StdioClientTransport({ command: command!, args, stderr: "ignore" });
          })()
        : new StreamableHTTPClientTransport(new URL(this.endpoint.url), {
            requestInit: this.endpoint.apiKey ? { headers: { authorization: `Bearer ${this.endpoint.apiKey}` } } : {},
          });
    try {
      await client.connect(transport, { timeout: this.requestTimeoutMs });
    } catch (error) {
      await client.close().catch(() => undefined);
      throw this.transportError(error, "connect");
    }
    this.client = client;
    return client;
  }

  private transportError(error: unknown, tool: string): Error {
    if (error instanceof StreamableHTTPError && (error.code === 401 || error.code === 403)) return new AuthError(`the MCP server refused access (HTTP ${error.code})`);
    if (error instanceof McpError && error.code !== ErrorCode.RequestTimeout && error.code !== ErrorCode.ConnectionClosed) {
      return new ConfigError(`${tool}: the MCP server rejected the call (${error.message.slice(0, 200)})`);
    }
    const detail = error instanceof StreamableHTTPError ? `HTTP ${error.code ?? "error"}` : error instanceof Error ? error.name : "error";
    return new TransientError(`could not reach the MCP server for ${tool} (${detail})`);
  }

  private async callTool(tool: string, args: Readonly<Record<string, string>>): Promise<StatusResult> {
    const client = await this.connect();
    let result: CallToolResult;
    try {
      result = (await client.callTool({ name: tool, arguments: { ...args } }, undefined, { timeout: this.requestTimeoutMs })) as CallToolResult;
    } catch (error) {
      this.client = undefined;
      await client.close().catch(() => undefined);
      throw this.transportError(error, tool);
    }
    const text = result.content?.find((block) => block.type === "text")?.text ?? "";
    if (result.isError) throw toolErrorFor(tool, text);
    if (result.structuredContent) return result.structuredContent;
    try {
      return JSON.parse(text) as StatusResult;
    } catch {
      throw new ConfigError(`${tool} answered no structured content and no JSON text`);
    }
  }

  call(target: PollTarget): Promise<StatusResult> {
    return this.callTool(target.tool, target.args);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close().catch(() => undefined);
  }
}
