// When the hooks' timer wakes the model for the next poll, without
// credentials. Each poll costs two model turns (the wake and the answer), so
// well before the expected end the timer polls no more often than /loop can
// (its whole-minute floor), in equal steps that land a poll on the expected
// end; from there on it polls every N, the cadence, until the outcome. A run
// that ends early (an abort) is noticed as soon as /loop would notice it; one
// that ends on time is noticed within N.
import { cadenceFor } from "./cadence.js";
import { CRON_FLOOR_S } from "./harness.js";

/** The widest step between two polls while the run is short of its expected end: /loop's floor. */
export const EARLY_POLL_GAP_MAX_S = CRON_FLOOR_S;

/** The schedule in words, for every text that states it. */
export const TIMER_SCHEDULE_RULE = `at most every ${EARLY_POLL_GAP_MAX_S} s until the expected end, then every N`;

/**
 * Seconds from a poll made `elapsedSeconds` after the start to the next one,
 * for a wait expected to last `expectedSeconds` at cadence `cadenceSeconds`.
 */
export function nextPollGap(elapsedSeconds: number, expectedSeconds: number, cadenceSeconds: number): number {
  const toEnd = expectedSeconds - Math.max(0, elapsedSeconds);
  if (!Number.isFinite(toEnd) || toEnd <= cadenceSeconds) return cadenceSeconds;
  const steps = Math.ceil(toEnd / EARLY_POLL_GAP_MAX_S);
  return Math.max(cadenceSeconds, Math.round(toEnd / steps));
}

/** How many polls the timer makes after the first one until a poll falls at or past the expected end (the estimate adds one for the end). */
export function timerPollsUntilExpectedEnd(expectedSeconds: number, cadenceSeconds = cadenceFor(expectedSeconds)): number {
  let elapsed = 0;
  let polls = 0;
  // Bounded: each step is at least the cadence (>= 3 s).
  while (elapsed < expectedSeconds) {
    elapsed += nextPollGap(elapsed, expectedSeconds, cadenceSeconds);
    polls += 1;
  }
  return Math.max(1, polls);
}

/** Whether the wait starts with steps wider than its cadence (else the schedule is one step, N). */
export function startsCoarse(expectedSeconds: number, cadenceSeconds: number): boolean {
  return nextPollGap(0, expectedSeconds, cadenceSeconds) > cadenceSeconds;
}

/** The schedule of one wait in words: one step when the early steps are no wider than the cadence. */
export function timerScheduleText(expectedSeconds: number, cadenceSeconds: number): string {
  if (!startsCoarse(expectedSeconds, cadenceSeconds)) return `every ${cadenceSeconds} s`;
  return `at most ${EARLY_POLL_GAP_MAX_S} s apart until the expected end, then every ${cadenceSeconds} s`;
}
