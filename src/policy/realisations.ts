// The ways a wait can be carried out, what each costs in model turns and how
// fine its timing is. The plan picks the cheapest one that meets the cadence.
import {
  CLAUDE_MAX_SLEEP_S,
  CRON_FLOOR_S,
  GENERIC_MAX_SLEEP_S,
  MONITOR_MAX_TIMEOUT_MS,
  SCHEDULE_WAKEUP_MAX_S,
  SCHEDULE_WAKEUP_MIN_S,
} from "./harness.js";

export type Harness = "claude-code" | "generic";
export type RealisationId = "monitor" | "claude-sleep" | "loop" | "wakeup" | "sleep";

/** How often the watcher polls: the cadence, but never slower than every 10 s. */
export const WATCHER_MAX_INTERVAL_S = 10;

export interface Realisation {
  readonly id: RealisationId;
  readonly harness: Harness;
  readonly title: string;
  /** Model requests spent per poll cycle (0 when polls happen outside the model). */
  readonly turnsPerCycle: number;
  /** What its timing can do, in words. */
  readonly resolution: string;
  /** Needs the watcher to reach OctoPerf on its own (an API key). */
  readonly needsWatcher: boolean;
  /** The interval it can realise for a cadence (>= the cadence), or undefined when it cannot. */
  interval(cadenceSeconds: number): number | undefined;
  /** Model turns for a whole wait of `expectedSeconds` at `intervalSeconds`. */
  turns(expectedSeconds: number, intervalSeconds: number): number;
}

const perCycle = (turnsPerCycle: number) => (expected: number, interval: number) =>
  turnsPerCycle * Math.max(1, Math.ceil(expected / interval));

const MONITOR_WINDOW_S = MONITOR_MAX_TIMEOUT_MS / 1000;

export const REALISATIONS: readonly Realisation[] = Object.freeze([
  {
    id: "monitor",
    harness: "claude-code",
    title: "Monitor running the octoperf-wait watcher",
    turnsPerCycle: 0,
    resolution: `the watcher polls every 3-${WATCHER_MAX_INTERVAL_S} s outside the model; only state changes wake it`,
    needsWatcher: true,
    interval: (cadence: number) => Math.min(cadence, WATCHER_MAX_INTERVAL_S),
    // One line when the run is under way, one with the outcome, one exit notice;
    // plus a re-arm (line, expiry, new Monitor call) per 30-minute window.
    turns: (expected: number) => 3 + 3 * Math.floor(expected / MONITOR_WINDOW_S),
  },
  {
    id: "claude-sleep",
    harness: "claude-code",
    title: `a standalone Bash \`sleep N\` (N <= ${CLAUDE_MAX_SLEEP_S})`,
    turnsPerCycle: 2,
    resolution: `exact, but only up to ${CLAUDE_MAX_SLEEP_S} s: Claude Code refuses longer sleeps`,
    needsWatcher: false,
    interval: (cadence: number) => (cadence <= CLAUDE_MAX_SLEEP_S ? cadence : undefined),
    turns: perCycle(2),
  },
  {
    id: "loop",
    harness: "claude-code",
    title: "/loop (a recurring CronCreate job)",
    turnsPerCycle: 2,
    resolution: "whole minutes: cron's finest step is 1 minute",
    needsWatcher: false,
    interval: (cadence: number) => Math.ceil(cadence / CRON_FLOOR_S) * CRON_FLOOR_S,
    turns: perCycle(2),
  },
  {
    id: "wakeup",
    harness: "claude-code",
    title: "ScheduleWakeup (self-paced)",
    turnsPerCycle: 3,
    resolution: `${SCHEDULE_WAKEUP_MIN_S}-${SCHEDULE_WAKEUP_MAX_S} s, re-armed by the model every cycle`,
    needsWatcher: false,
    interval: (cadence: number) => Math.min(SCHEDULE_WAKEUP_MAX_S, Math.max(SCHEDULE_WAKEUP_MIN_S, cadence)),
    turns: perCycle(3),
  },
  {
    id: "sleep",
    harness: "generic",
    title: "a bounded sleep between two polls",
    turnsPerCycle: 2,
    resolution: `exact up to ${GENERIC_MAX_SLEEP_S} s`,
    needsWatcher: false,
    interval: (cadence: number) => (cadence <= GENERIC_MAX_SLEEP_S ? cadence : undefined),
    turns: perCycle(2),
  },
]);

export function realisation(id: RealisationId): Realisation {
  const found = REALISATIONS.find((r) => r.id === id);
  if (!found) throw new Error(`unknown realisation ${id}`);
  return found;
}
