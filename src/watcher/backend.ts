// Where a watcher reads state: the REST API (with an API key) or an MCP
// server (the simulator, or any server reachable without OAuth). Both answer
// a policy status call with the fields the policy reads.
import { targetKey, type PollTarget } from "../policy/index.js";

export type StatusResult = Readonly<Record<string, unknown>>;

export interface Backend {
  /** A short name for messages: "REST https://api.octoperf.com", "MCP stdio". */
  readonly label: string;
  /** Run a read-only call of the policy (tool + validated args): status, progress, scenario. */
  call(target: PollTarget): Promise<StatusResult>;
  close(): Promise<void>;
}

/**
 * Progress in percent. OctoPerf's REST API reports 0-100; its MCP tool has
 * been described both as 0-1 and as 0-100, and a small percentage cannot be
 * told from a fraction, so the percent scale is assumed. It is shown, never
 * used to decide that a run ended.
 */
export function asPercent(value: unknown): number | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return Math.max(0, Math.min(100, value));
}

/** A call with already-validated args (progress and scenario reads). */
export function readCall(tool: string, args: Readonly<Record<string, string>>): PollTarget {
  return { tool, args, key: targetKey(tool, args) };
}
