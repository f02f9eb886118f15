// The scripted model: a Messages API endpoint on 127.0.0.1 that answers each
// main-loop request with the next step of a script and records every body.
//
// Side requests: besides the agent loop, Claude Code may call the API for
// housekeeping (a session title, a quota probe, a topic check). Those calls
// carry no `tools`, while every agent-loop request carries the tool list, so
// a request without tools is answered with SIDE_REPLY and does not consume a
// script step. They are still recorded (`sideRequests`) for inspection. In
// `-p` mode on 2.1.330 none were seen: only `HEAD /api/hello` (a reachability
// probe, answered 200) before the first POST /v1/messages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isMessagesRequest, type MessagesRequest } from "./messages.js";
import { isRepeat, turnOf, type Reply, type Step } from "./script.js";
import { replyJson, replyStream, type ReplyBlock } from "./sse.js";

export const SIDE_REPLY = "ok";
/** What the model says when Claude Code asks for more than the script holds. */
export const OVERRUN_REPLY = "(the scripted model has no more steps)";

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export function isSideRequest(request: MessagesRequest): boolean {
  return (request.tools ?? []).length === 0;
}

/** A rough token count (4 characters a token), the same rule the bench uses. */
export function approxTokens(value: unknown): number {
  return Math.ceil(JSON.stringify(value ?? "").length / 4);
}

export class ScriptedModel {
  readonly calls: RecordedCall[] = [];
  readonly requests: MessagesRequest[] = [];
  /** When each main-loop request arrived (ms since the epoch), parallel to `requests`. */
  readonly receivedAt: number[] = [];
  readonly sideRequests: MessagesRequest[] = [];
  /** Errors thrown by script steps, and requests past the end of the script. */
  readonly problems: string[] = [];
  private readonly steps: Step[];
  private next = 0;
  /** Rounds the current Repeat step has answered. */
  private round = 0;
  private server: Server | undefined;
  private ids = 0;
  /**
   * Ids are unique across models: a resumed session's transcript holds the
   * earlier session's messages, and the client (2.1.330) merges assistant
   * messages that share a message id, showing their tool calls as
   * "[Tool use interrupted]".
   */
  private static made = 0;
  private readonly tag = `${process.pid.toString(36)}${(ScriptedModel.made++).toString(36)}`;

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error("scripted model not started");
    return `http://127.0.0.1:${address.port}`;
  }

  /** Steps not yet used. */
  get remaining(): number {
    return this.steps.length - this.next;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Throws unless every step was used and nothing went wrong. */
  assertComplete(): void {
    const issues = [...this.problems];
    if (this.remaining > 0) issues.push(`${this.remaining} script step(s) never used (after ${this.requests.length} requests)`);
    if (issues.length > 0) throw new Error(`scripted model: ${issues.join("; ")}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    let body: unknown;
    try {
      const raw = await readBody(req);
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    this.calls.push({ method: req.method ?? "", path, body });
    // A reachability probe the client sends first (HEAD on 2.1.330).
    if (path === "/api/hello") return sendJson(res, 200, {});
    if (req.method === "POST" && path === "/v1/messages/count_tokens") {
      return sendJson(res, 200, { input_tokens: approxTokens(body) });
    }
    if (req.method === "POST" && path === "/v1/messages" && isMessagesRequest(body)) {
      return this.answer(body, res);
    }
    sendJson(res, 404, { type: "error", error: { type: "not_found_error", message: `no route ${req.method} ${path}` } });
  }

  private answer(request: MessagesRequest, res: ServerResponse): void {
    let reply: Reply;
    if (isSideRequest(request)) {
      this.sideRequests.push(request);
      reply = { text: SIDE_REPLY };
    } else {
      this.requests.push(request);
      this.receivedAt.push(Date.now());
      reply = this.nextReply(request);
    }
    const streamed = {
      id: `msg_scripted_${this.tag}_${++this.ids}`,
      model: request.model,
      blocks: this.blocksOf(reply),
      inputTokens: approxTokens(request),
    };
    if (request.stream === false) return sendJson(res, 200, replyJson(streamed));
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.end(replyStream(streamed));
  }

  private nextReply(request: MessagesRequest): Reply {
    const turn = turnOf(request, this.requests);
    for (;;) {
      const step = this.steps[this.next];
      if (step === undefined) {
        this.problems.push(`request ${this.requests.length} came after the end of the script`);
        return { text: OVERRUN_REPLY };
      }
      try {
        if (!isRepeat(step)) {
          this.next += 1;
          return typeof step === "function" ? step(turn) : step;
        }
        const reply = step.repeat(turn, this.round);
        if (reply !== undefined && this.round < step.max) {
          this.round += 1;
          return reply;
        }
        if (reply !== undefined) this.problems.push(`step ${this.next + 1} still wanted to go on after ${step.max} rounds`);
        this.next += 1;
        this.round = 0;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.problems.push(`step ${this.next + (isRepeat(step) ? 1 : 0)} failed: ${message}`);
        if (isRepeat(step)) {
          this.next += 1;
          this.round = 0;
        }
        return { text: `(script step failed: ${message})` };
      }
    }
  }

  private blocksOf(reply: Reply): ReplyBlock[] {
    if ("text" in reply) return [{ type: "text", text: reply.text }];
    const call: ReplyBlock = { type: "tool_use", id: `toolu_scripted_${this.tag}_${++this.ids}`, name: reply.tool, input: reply.input };
    return reply.say === undefined ? [call] : [{ type: "text", text: reply.say }, call];
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}
