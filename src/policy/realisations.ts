// The ways a wait can be carried out, what each costs in model turns and how
// fine its timing is. The plan picks the cheapest one that meets the cadence.
// Where the plugin's hooks run, two of them need no action from the model at
// all: a hook runs the watcher in the background and wakes the model once
// (with credentials), or wakes it when the next poll is due (without). The
// others are what the model arranges itself when hooks are off, or when a
// run outlasts a background hook.
import { MAX_BACKGROUND_WAIT_S } from "./background.js";
import { TIMER_SCHEDULE_RULE, timerPollsUntilExpectedEnd } from "./schedule.js";
import {
  BASH_BACKGROUND_MAX_TIMEOUT_MS,
  CLAUDE_MAX_SLEEP_S,
  CRON_FLOOR_S,
  GENERIC_MAX_SLEEP_S,
  MONITOR_MAX_TIMEOUT_MS,
  SCHEDULE_WAKEUP_MAX_S,
  SCHEDULE_WAKEUP_MIN_S,
} from "./harness.js";

export type Harness = "claude-code" | "generic";
export type RealisationId = "background-watcher" | "cadence-timer" | "monitor" | "background-bash" | "claude-sleep" | "loop" | "wakeup" | "sleep";

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
  /** Needs the watcher to reach OctoPerf on its own (an API key, or the sign-in of octoperf-wait login). */
  readonly needsWatcher: boolean;
  /** Carried out by the plugin's background hooks: only where they run. */
  readonly needsHooks: boolean;
  /** The interval it can realise for a cadence (>= the cadence), or undefined when it cannot. */
  interval(cadenceSeconds: number): number | undefined;
  /** Model turns for a whole wait of `expectedSeconds` at `intervalSeconds`. */
  turns(expectedSeconds: number, intervalSeconds: number): number;
}

const perCycle = (turnsPerCycle: number) => (expected: number, interval: number) =>
  turnsPerCycle * Math.max(1, Math.ceil(expected / interval));

const MONITOR_WINDOW_S = MONITOR_MAX_TIMEOUT_MS / 1000;
const BASH_BACKGROUND_WINDOW_S = BASH_BACKGROUND_MAX_TIMEOUT_MS / 1000;
/** /loop's job is created once and deleted once: two turns on top of its polls. */
export const LOOP_SETUP_TURNS = 2;
const watcherInterval = (cadence: number) => Math.min(cadence, WATCHER_MAX_INTERVAL_S);

export const REALISATIONS: readonly Realisation[] = Object.freeze([
  {
    id: "background-watcher",
    harness: "claude-code",
    title: "the hooks run the octoperf-wait watcher in the background",
    turnsPerCycle: 0,
    resolution: `the watcher polls every 3-${WATCHER_MAX_INTERVAL_S} s outside the model; a hook wakes it once, with the outcome`,
    needsWatcher: true,
    needsHooks: true,
    interval: watcherInterval,
    // The one wake with the outcome; a run that outlasts a background wait
    // costs a wake and one poll (which starts the next) per further wait.
    turns: (expected: number) => 1 + 2 * Math.floor(expected / MAX_BACKGROUND_WAIT_S),
  },
  {
    id: "cadence-timer",
    harness: "claude-code",
    title: "the hooks wake the model when the next poll is due",
    turnsPerCycle: 2,
    resolution: `${TIMER_SCHEDULE_RULE}; nothing to set up or clean up`,
    needsWatcher: false,
    needsHooks: true,
    interval: (cadence: number) => cadence,
    // Per poll: the wake, and the poll's answer; polls as the schedule places them, and one more for an end just after the expected one.
    turns: (expected: number, interval: number) => 2 * (timerPollsUntilExpectedEnd(expected, interval) + 1),
  },
  {
    id: "monitor",
    harness: "claude-code",
    title: "Monitor running the octoperf-wait watcher",
    turnsPerCycle: 0,
    resolution: `the watcher polls every 3-${WATCHER_MAX_INTERVAL_S} s outside the model; only state changes wake it`,
    needsWatcher: true,
    needsHooks: false,
    interval: watcherInterval,
    // One line when the run is under way, one with the outcome, one exit notice;
    // plus a re-arm (line, expiry, new Monitor call) per 30-minute window.
    turns: (expected: number) => 3 + 3 * Math.floor(expected / MONITOR_WINDOW_S),
  },
  {
    id: "background-bash",
    harness: "claude-code",
    title: "Bash with run_in_background running the watcher",
    turnsPerCycle: 0,
    resolution: `the watcher polls every 3-${WATCHER_MAX_INTERVAL_S} s outside the model; its exit wakes it once (up to ${BASH_BACKGROUND_WINDOW_S / 3600} h a call)`,
    needsWatcher: true,
    needsHooks: false,
    interval: watcherInterval,
    // Per call of up to 2 hours: the call's answer, the wake at its exit
    // (an exit code, no output), and reading the watcher's last line.
    turns: (expected: number) => 3 * Math.max(1, Math.ceil(expected / BASH_BACKGROUND_WINDOW_S)),
  },
  {
    id: "claude-sleep",
    harness: "claude-code",
    title: `a standalone Bash \`sleep N\` (N <= ${CLAUDE_MAX_SLEEP_S})`,
    turnsPerCycle: 2,
    resolution: `exact, but only up to ${CLAUDE_MAX_SLEEP_S} s: Claude Code refuses longer sleeps`,
    needsWatcher: false,
    needsHooks: false,
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
    needsHooks: false,
    interval: (cadence: number) => Math.ceil(cadence / CRON_FLOOR_S) * CRON_FLOOR_S,
    turns: (expected: number, interval: number) => perCycle(2)(expected, interval) + LOOP_SETUP_TURNS,
  },
  {
    id: "wakeup",
    harness: "claude-code",
    title: "ScheduleWakeup (self-paced)",
    turnsPerCycle: 3,
    resolution: `${SCHEDULE_WAKEUP_MIN_S}-${SCHEDULE_WAKEUP_MAX_S} s, re-armed by the model every cycle`,
    needsWatcher: false,
    needsHooks: false,
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
    needsHooks: false,
    interval: (cadence: number) => (cadence <= GENERIC_MAX_SLEEP_S ? cadence : undefined),
    turns: perCycle(2),
  },
]);

export function realisation(id: RealisationId): Realisation {
  const found = REALISATIONS.find((r) => r.id === id);
  if (!found) throw new Error(`unknown realisation ${id}`);
  return found;
}
