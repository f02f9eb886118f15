// How often to poll: N = expected duration / 10, kept within [3 s, 60 s].

export const CADENCE_DIVISOR = 10;
export const CADENCE_MIN_S = 3;
export const CADENCE_MAX_S = 60;

/** The rule in words, for every text that states it (skills, README, demo, lint messages). */
export const CADENCE_RULE = `N = expected duration / ${CADENCE_DIVISOR}, kept within [${CADENCE_MIN_S} s, ${CADENCE_MAX_S} s]`;

/** Poll interval in whole seconds for an expected duration in seconds. */
export function cadenceFor(expectedSeconds: number): number {
  if (!Number.isFinite(expectedSeconds) || expectedSeconds < 0) {
    throw new RangeError(`expected duration must be a finite number of seconds >= 0, got ${String(expectedSeconds)}`);
  }
  const raw = Math.round(expectedSeconds / CADENCE_DIVISOR);
  return Math.min(CADENCE_MAX_S, Math.max(CADENCE_MIN_S, raw));
}

/**
 * A poll counts as on time from this share of the cadence below it: a cron
 * loop fires on minute marks and the model takes a few seconds to act, so
 * gaps between paced polls jitter around the cadence. The pace guard refuses
 * polls closer than this; the linter calls a stated pace wrong by the same line.
 */
export const POLL_GRACE_RATIO = 0.25;

/** The shortest gap between two polls the pace guard lets through, for a cadence in seconds. */
export function minimumGapSeconds(cadenceSeconds: number): number {
  return cadenceSeconds - Math.floor(cadenceSeconds * POLL_GRACE_RATIO);
}

/** Rows of the published cadence table (durations in seconds). */
export const CADENCE_TABLE_DURATIONS: readonly number[] = [30, 60, 120, 300, 600, 1800, 3600, 7200];
