// The MCP backend: status calls go to an MCP server as tool calls, over
// stdio (a command, e.g. the simulator) or Streamable HTTP (a URL that needs
// no OAuth, e.g. the simulator's /mcp). A connection that breaks is dropped
// and made again on the next attempt.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { PollTarget } from "../policy/index.js";
import { oneLine, quoted } from "../policy/untrusted-text.js";
import { answerOf, type Answer, type Backend } from "./backend.js";
import { MAX_TIMER_MS } from "./clock.js";
import { AuthError, ConfigError, TransientError, UnknownHandleError } from "./errors.js";
import { authProviderFor, HOSTED_MCP_URL, isLoggedIn, loginFailureOf, type Env } from "../auth/index.js";
import { apiKeyProblem } from "./rest-backend.js";

export type McpEndpoint =
  | { readonly kind: "stdio"; readonly command: string }
  /** Over HTTP: an API key as a bearer token, else the stored `octoperf-wait login` for that URL (the hosted server always needs one). */
  | { readonly kind: "http"; readonly url: string; readonly apiKey?: string; readonly env?: Env };

/** A tool answer's text longer than this is not parsed (bounded work per answer). */
const MAX_TEXT_CHARS = 1_000_000;

/** Split a command line into words; "double" and 'single' quotes group words. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of command.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? "");
  return words;
}

/** Sort an isError tool answer: unknown id, refused access, bad argument, or worth a retry (assumption:mcp-error-wording). */
export function toolErrorFor(tool: string, message: string): Error {
  const text = oneLine(message, 300);
  if (/\b(no|unknown)\b.*\bwith id\b|not found|never been validated|does not exist/i.test(text)) return new UnknownHandleError(`${tool}: ${text}`);
  if (/unauthori[sz]ed|forbidden|\bauth/i.test(text)) return new AuthError(`${tool}: ${text}`);
  if (/\b(must|needs|has no argument|contains)\b/i.test(text)) return new ConfigError(`${tool}: ${text}`);
  return new TransientError(`${tool}: ${text}`);
}

export class McpBackend implements Backend {
  readonly label: string;
  readonly progressScale = "percent-or-fraction";
  private client: Client | undefined;

  constructor(private readonly endpoint: McpEndpoint) {
    if (endpoint.kind === "stdio" && splitCommand(endpoint.command).length === 0) throw new ConfigError("--mcp-command is empty");
    if (endpoint.kind === "http") {
      let url: URL;
      try {
        url = new URL(endpoint.url);
      } catch {
        throw new ConfigError(`--mcp-url is not a URL: ${quoted(endpoint.url, 60)}`);
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError(`--mcp-url must be http(s), not ${quoted(url.protocol, 20)}`);
      const problem = endpoint.apiKey ? apiKeyProblem(endpoint.apiKey) : undefined;
      if (problem !== undefined) throw new ConfigError(`OCTOPERF_API_KEY ${problem}`);
    }
    this.label = endpoint.kind === "stdio" ? `MCP stdio (${oneLine(splitCommand(endpoint.command)[0], 60)})` : `MCP ${new URL(endpoint.url).origin}`;
  }

  private async connect(signal: AbortSignal): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ name: "octoperf-wait", version: "0.1.0" });
    try {
      const transport =
        this.endpoint.kind === "stdio"
          ? (() => {
              const [command, ...args] = splitCommand(this.endpoint.command);
              return new StdioClientTransport({ command: command!, args, stderr: "ignore" });
            })()
          : this.httpTransport(this.endpoint);
      // The watch's signal bounds the call; the SDK's own timer is set out of the way.
      await client.connect(transport, { signal, timeout: MAX_TIMER_MS });
    } catch (error) {
      await client.close().catch(() => undefined);
      throw this.transportError(error, "connect", signal);
    }
    this.client = client;
    return client;
  }

  /** Streamable HTTP with the API key, or with the stored sign-in (refreshed by the SDK, never a browser here). */
  private httpTransport(endpoint: Extract<McpEndpoint, { kind: "http" }>): StreamableHTTPClientTransport {
    const env = endpoint.env ?? {};
    const useLogin = !endpoint.apiKey && (endpoint.url === HOSTED_MCP_URL || isLoggedIn(endpoint.url, env));
    return new StreamableHTTPClientTransport(new URL(endpoint.url), {
      ...(useLogin ? { authProvider: authProviderFor(endpoint.url, { env }) } : {}),
      requestInit: endpoint.apiKey ? { headers: { authorization: `Bearer ${endpoint.apiKey}` } } : {},
    });
  }

  private transportError(error: unknown, tool: string, signal: AbortSignal): Error {
    const login = this.endpoint.kind === "http" ? loginFailureOf(error, this.endpoint.url) : undefined;
    if (login) return new AuthError(login.message);
    if (signal.aborted) {
      const reason = signal.reason instanceof Error ? signal.reason.message : "stopped";
      return new TransientError(`could not reach the MCP server for ${tool} (${reason})`);
    }
    if (error instanceof StreamableHTTPError && (error.code === 401 || error.code === 403)) return new AuthError(`the MCP server refused access (HTTP ${error.code})`);
    if (error instanceof McpError && error.code !== ErrorCode.RequestTimeout && error.code !== ErrorCode.ConnectionClosed) {
      return new ConfigError(`${tool}: the MCP server rejected the call (${oneLine(error.message, 200)})`);
    }
    const detail = error instanceof StreamableHTTPError ? `HTTP ${error.code ?? "error"}` : error instanceof Error ? oneLine(error.name, 40) : "error";
    return new TransientError(`could not reach the MCP server for ${tool} (${detail})`);
  }

  private async callTool(tool: string, args: Readonly<Record<string, string>>, signal: AbortSignal): Promise<Answer> {
    const client = await this.connect(signal);
    let result: CallToolResult;
    try {
      result = (await client.callTool({ name: tool, arguments: { ...args } }, undefined, { signal, timeout: MAX_TIMER_MS })) as CallToolResult;
    } catch (error) {
      this.client = undefined;
      await client.close().catch(() => undefined);
      throw this.transportError(error, tool, signal);
    }
    const blocks = Array.isArray(result.content) ? result.content : [];
    const text = blocks.find((block) => block.type === "text")?.text ?? "";
    if (result.isError) throw toolErrorFor(tool, typeof text === "string" ? text : "");
    if (result.structuredContent !== undefined) return answerOf(result.structuredContent);
    if (typeof text !== "string" || text.length > MAX_TEXT_CHARS) return answerOf(undefined);
    try {
      return answerOf(JSON.parse(text) as unknown);
    } catch {
      return { fields: {}, unrecognised: `text that is not JSON (${quoted(text)})` };
    }
  }

  call(target: PollTarget, signal: AbortSignal): Promise<Answer> {
    return this.callTool(target.tool, target.args, signal);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close().catch(() => undefined);
  }
}
