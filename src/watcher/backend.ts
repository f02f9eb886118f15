// Where a watcher reads state: the REST API (with an API key) or an MCP
// server (the simulator, or any server reachable without OAuth). Both answer
// a policy status call with the fields the policy reads, as the MCP tool
// would; an answer they cannot read that way says what it was instead.
import { targetKey, type PollTarget } from "../policy/index.js";
import { quoted } from "../policy/untrusted-text.js";

export type Fields = Readonly<Record<string, unknown>>;

export interface Answer {
  readonly fields: Fields;
  /**
   * Set when the answer is not one the policy can read (a task result of an
   * unknown @type, `{}`, a list, a bare string): what it was, made safe. Such
   * an answer is no outcome: the work stays in flight.
   */
  readonly unrecognised?: string;
}

/** How the service reports progress: OctoPerf's REST API in percent; its MCP tool as 0-1 or 0-100. */
export type ProgressScale = "percent" | "percent-or-fraction";

export interface Backend {
  /** A short name for messages: "REST https://api.octoperf.com", "MCP stdio". */
  readonly label: string;
  readonly progressScale: ProgressScale;
  /** Run a read-only call of the policy (tool + validated args); `signal` ends it early. */
  call(target: PollTarget, signal: AbortSignal): Promise<Answer>;
  close(): Promise<void>;
}

/** A call with already-validated args (progress and scenario reads). */
export function readCall(tool: string, args: Readonly<Record<string, string>>): PollTarget {
  return { tool, args, key: targetKey(tool, args) };
}

/** What a JSON value is, for a flag: `a list`, `a string "..."`, `@type "X"`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "an empty answer";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "string") return `a string ${quoted(value)}`;
  if (typeof value !== "object") return `${typeof value} ${quoted(String(value))}`;
  const type = (value as Record<string, unknown>)["@type"];
  if (typeof type === "string") return `@type ${quoted(type)}`;
  return Object.keys(value).length === 0 ? "an empty object {}" : "an object with no @type";
}

/** An MCP-style answer: a plain object is read as fields, anything else is unrecognised. */
export function answerOf(value: unknown): Answer {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return { fields: value as Fields };
  return { fields: {}, unrecognised: describeValue(value) };
}
