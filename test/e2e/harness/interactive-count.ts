// What a wait costs the model, counted on the requests the real client sent
// to the scripted model. A request either carries a tool result (the model
// called a tool and gets its answer: a "tool turn"), or it does not; after
// the first prompt, a request with no tool result that nobody typed is a
// wake: a background event started a turn (a Monitor line, the end of a
// Monitor, an asyncRewake hook's exit 2, a cron firing, a background Bash
// ending). Interactive tests type nothing after the first prompt, so every
// such request is a wake.
//
// The wait's cost runs from the request that carries the start tool's
// result (the run has started; the model now arranges the wait) to the last
// request. Reused for every strategy: Monitor, /loop, and the background
// hooks of the one-wake wait.
import { formatDuration } from "../../../src/policy/index.js";
import type { MessagesRequest } from "./messages.js";
import { lastToolResult, newTexts } from "./requests.js";

export type RequestKind = "prompt" | "tool-turn" | "wake";

export function requestKind(request: MessagesRequest, index: number): RequestKind {
  if (index === 0) return "prompt";
  return lastToolResult(request) ? "tool-turn" : "wake";
}

/** Index of the first request that carries a result of `tool` (by exact name), or -1. */
export function firstResultOf(requests: readonly MessagesRequest[], tool: string): number {
  return requests.findIndex((request) => lastToolResult(request)?.toolName === tool);
}

export interface WaitCount {
  /** Model requests from the start tool's result to the end. */
  readonly requests: number;
  /** Of those, turns that a background event started. */
  readonly wakes: number;
  /** Of those, answers to the model's own tool calls (arming, polls, re-arms, CronDelete...). */
  readonly toolTurns: number;
}

/** Count the requests from `from` (the start tool's result) to the end. */
export function countWait(requests: readonly MessagesRequest[], from: number): WaitCount {
  if (from < 0) throw new Error("the start tool's result never reached the model");
  const kinds = requests.slice(from).map((request, offset) => requestKind(request, from + offset));
  return {
    requests: kinds.length,
    wakes: kinds.filter((k) => k === "wake").length,
    toolTurns: kinds.filter((k) => k === "tool-turn").length,
  };
}

/** The text a wake brought (notification, hook feedback, cron prompt), for assertions and diagnostics. */
export function wakeTexts(requests: readonly MessagesRequest[]): string[] {
  return requests.flatMap((request, index) => (requestKind(request, index) === "wake" ? [newTexts(request).join("\n")] : []));
}

export interface MeasuredWait extends WaitCount {
  /** "Monitor + watcher", "/loop (CronCreate)", ... */
  readonly strategy: string;
  /** The run's expected length on the service's clock (seconds). */
  readonly runSeconds: number;
  /** Simulated seconds per real second. */
  readonly speed: number;
  /** Real time from the start tool's result to the last request (ms). */
  readonly waitMs: number;
  /** Real time of the whole session, start to stop (ms). */
  readonly sessionMs: number;
  /** The terminal state the wait ended with, as the model saw it. */
  readonly outcome: string;
  /** Real seconds from the terminal state to the request that first showed it to the model. */
  readonly noticedAfterS?: number | undefined;
}

/** A markdown table of measured waits, one row each. */
export function waitTable(rows: readonly MeasuredWait[]): string {
  const lines = [
    "| strategy | run (service clock) | speed | model requests | wakes | tool turns | outcome | noticed after, real | wait, real | session, real |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.strategy} | ${formatDuration(row.runSeconds)} | ${row.speed}x | ${row.requests} | ${row.wakes} | ${row.toolTurns} | ${row.outcome} | ${row.noticedAfterS === undefined ? "-" : `${row.noticedAfterS.toFixed(1)} s`} | ${(row.waitMs / 1000).toFixed(1)} s | ${(row.sessionMs / 1000).toFixed(1)} s |`,
    );
  }
  return lines.join("\n");
}
