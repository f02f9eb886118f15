// The life of one simulated bench run: the policy's happy path with a
// duration per state, bent by faults and stop requests. Pure: it is asked
// "what is the state at time t", it never keeps time itself.
import { BENCH_PATH, BENCH_UNDER_WAY, PROVISIONING_HEADROOM_S, type BenchState } from "../policy/index.js";
import { UNKNOWN_STATE, type FaultPlan } from "./faults.js";

/** Simulated seconds spent in each state before RUNNING (25 s in all). */
export const PHASE_SECONDS: Readonly<Partial<Record<BenchState, number>>> = {
  CREATED: 1,
  PENDING: 2,
  SCHEDULED: 2,
  SCALING: 10,
  PREPARING: 5,
  INITIALIZING: 5,
};
const RUNNING: BenchState = BENCH_UNDER_WAY;
/** Seconds into SCALING when `error-scaling` strikes; seconds of the unknown state. */
export const ERROR_AFTER_SCALING_S = 4;
export const UNKNOWN_STATE_SECONDS = 6;

export interface Segment {
  /** A policy state, or the unknown one a fault injects. */
  readonly state: string;
  /** Simulated epoch ms; `to` is undefined for the final state. */
  readonly from: number;
  readonly to: number | undefined;
}

export interface Timeline {
  readonly segments: readonly Segment[];
  readonly runningFrom: number | undefined;
  readonly runningMs: number;
}

/** Seconds of provisioning before RUNNING (the path's states before it). */
export function provisioningSeconds(): number {
  const before = BENCH_PATH.slice(0, BENCH_PATH.indexOf(RUNNING));
  return before.reduce((sum, state) => sum + (PHASE_SECONDS[state] ?? 0), 0);
}

/**
 * The timeline of a run starting at `start` whose load lasts `loadSeconds`.
 * RUNNING also holds the teardown, so the whole run takes exactly
 * loadSeconds + PROVISIONING_HEADROOM_S, the policy's expectation.
 */
export function buildTimeline(start: number, loadSeconds: number, faults: FaultPlan): Timeline {
  const runningMs = Math.max(1, loadSeconds + PROVISIONING_HEADROOM_S - provisioningSeconds()) * 1000;
  const segments: Segment[] = [];
  let at = start;
  const push = (state: string, ms: number | undefined): void => {
    segments.push({ state, from: at, to: ms === undefined ? undefined : at + ms });
    if (ms !== undefined) at += ms;
  };
  for (const state of BENCH_PATH) {
    if (state === RUNNING) {
      const running = faults.abortAtPercent === undefined ? runningMs : Math.round((runningMs * faults.abortAtPercent) / 100);
      const runningFrom = at;
      push(RUNNING, running);
      push(faults.abortAtPercent === undefined ? BENCH_PATH[BENCH_PATH.length - 1]! : "ABORTED", undefined);
      return { segments, runningFrom, runningMs };
    }
    if (state === "SCALING" && faults.unknownState) push(UNKNOWN_STATE, UNKNOWN_STATE_SECONDS * 1000);
    if (state === "SCALING" && faults.errorDuringScaling) {
      push(state, ERROR_AFTER_SCALING_S * 1000);
      push("ERROR", undefined);
      return { segments, runningFrom: undefined, runningMs };
    }
    push(state, (PHASE_SECONDS[state] ?? 0) * 1000);
  }
  throw new Error("BENCH_PATH has no RUNNING state");
}

/** The timeline cut at `at` by a stop request: ABORTED from then on, if still live. */
export function stopTimeline(timeline: Timeline, at: number): Timeline {
  const live = segmentAt(timeline, at);
  if (live.to === undefined) return timeline;
  const kept = timeline.segments.filter((s) => s.from < at).map((s) => (s.to === undefined || s.to > at ? { ...s, to: at } : s));
  return { ...timeline, segments: [...kept, { state: "ABORTED", from: at, to: undefined }] };
}

export function segmentAt(timeline: Timeline, at: number): Segment {
  const first = timeline.segments[0]!;
  if (at < first.from) return first;
  return timeline.segments.find((s) => at >= s.from && (s.to === undefined || at < s.to)) ?? timeline.segments[timeline.segments.length - 1]!;
}

export function stateAt(timeline: Timeline, at: number): string {
  return segmentAt(timeline, at).state;
}

/** Elapsed share of the load, 0-100: it stops moving when the run ends, whatever the end. */
export function progressAt(timeline: Timeline, at: number): number {
  if (timeline.runningFrom === undefined) return 0;
  const running = timeline.segments.find((s) => s.state === RUNNING);
  if (!running) return 0;
  const end = Math.min(at, running.to ?? at);
  const elapsed = Math.max(0, end - timeline.runningFrom);
  return Math.min(100, Math.round((elapsed / timeline.runningMs) * 1000) / 10);
}

/** Simulated ms at which the run reached its final state. */
export function endedAt(timeline: Timeline): number {
  return timeline.segments[timeline.segments.length - 1]!.from;
}
