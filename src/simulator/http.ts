// One HTTP server on 127.0.0.1 for both faces of the simulator: Streamable
// HTTP MCP at /mcp (stateless: a fresh server per request) and the REST API
// everywhere else, behind a bearer key. HTTP faults apply to every request.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { HTTP_STATUS, SimError } from "./errors.js";
import { httpFaultFor } from "./faults.js";
import { buildServer } from "./mcp-server.js";
import type { Platform } from "./platform.js";
import { restAnswer } from "./rest.js";

export const MCP_PATH = "/mcp";

export interface HttpDeps {
  readonly platform: Platform;
  /** The bearer key the REST API accepts. */
  readonly apiKey: string;
  readonly log?: (line: string) => void;
  /** Waits `ms` before a slow answer (the slow fault); a real timer unless a test compresses time. */
  readonly delay?: (ms: number) => Promise<void>;
}

const realDelay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunningSimulator {
  readonly server: HttpServer;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** HTTP requests served so far (the count the N of a fault refers to). */
  requests(): number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, { "content-length": "0", ...headers }).end();
  } else if (typeof body === "string") {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(body);
  } else {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  }
}

function authorised(req: IncomingMessage, apiKey: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer (.+)$/.exec(header);
  return match !== null && match[1] === apiKey;
}

async function serveMcp(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const server = buildServer({ platform: deps.platform, log: deps.log });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
}

/** A presigned upload: no API key, the token is the authorisation. */
async function receiveUpload(platform: Platform, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let size = 0;
  for await (const chunk of req) size += (chunk as Buffer).length;
  if (size === 0) return send(res, 400, { message: "The upload is empty: POST the zipped JTL file as the body." });
  try {
    send(res, 200, platform.receiveJtl(token));
  } catch (error) {
    if (error instanceof SimError) return send(res, HTTP_STATUS[error.kind], { message: error.message });
    throw error;
  }
}

export function startHttp(deps: HttpDeps, port = 0): Promise<RunningSimulator> {
  let count = 0;
  const faults = deps.platform.faults;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    count += 1;
    const fault = httpFaultFor(faults, count);
    if (faults.slowMs > 0) await (deps.delay ?? realDelay)(faults.slowMs);
    if (fault?.kind === "drop") {
      deps.log?.(`request ${count}: dropping the connection (fault)`);
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "5xx") return send(res, 503, { message: "Service temporarily unavailable (simulated fault)" });
    if (fault?.kind === "429") return send(res, 429, { message: "Too many requests (simulated fault)" }, { "retry-after": "2" });
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === MCP_PATH) return serveMcp(deps, req, res);
    const upload = /^\/uploads\/jtl\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (upload && req.method === "POST") return receiveUpload(deps.platform, upload[1]!, req, res);
    if (!authorised(req, deps.apiKey)) return send(res, 401, { message: "Missing or wrong API key: send Authorization: Bearer <your OctoPerf API key>" });
    const answer = restAnswer(deps.platform, req.method ?? "GET", url);
    send(res, answer.status, answer.body);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.log?.(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, { message: "simulator error" });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = (server.address() as AddressInfo).port;
      deps.platform.uploadBase = `http://127.0.0.1:${actual}`;
      resolve({
        server,
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        requests: () => count,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
