// Facts about the harnesses that run the wait. Schema facts (clamps, caps)
// come from the pinned client's sdk-tools.d.ts; behaviour facts were measured
// and carry the client version they were observed on, so an end-to-end test
// can check them again when the pin moves.

/** Claude Code version these behaviour facts were measured on. */
export const OBSERVED_CLAUDE_CODE_VERSION = "2.1.330";

/**
 * A Bash command whose first part is `sleep N` is refused by Claude Code when
 * N >= this many seconds (measured on OBSERVED_CLAUDE_CODE_VERSION).
 */
export const CLAUDE_SLEEP_REFUSAL_THRESHOLD_S = 25;
/** The longest standalone sleep that still runs. */
export const CLAUDE_MAX_SLEEP_S = CLAUDE_SLEEP_REFUSAL_THRESHOLD_S - 1;

/** `/loop` and CronCreate use 5-field cron: one minute is the finest step. */
export const CRON_FLOOR_S = 60;

/** ScheduleWakeup clamps `delaySeconds` to this range (sdk-tools.d.ts). */
export const SCHEDULE_WAKEUP_MIN_S = 60;
export const SCHEDULE_WAKEUP_MAX_S = 3600;

/** Monitor's `timeout_ms`: default and cap (sdk-tools.d.ts). */
export const MONITOR_DEFAULT_TIMEOUT_MS = 300_000;
export const MONITOR_MAX_TIMEOUT_MS = 1_800_000;

/** Bash with `run_in_background: true`: its `timeout` default and cap (sdk-tools.d.ts, BashInput). */
export const BASH_BACKGROUND_DEFAULT_TIMEOUT_MS = 1_800_000;
export const BASH_BACKGROUND_MAX_TIMEOUT_MS = 7_200_000;

/** Bounded sleep in harnesses that allow one between two tool calls. */
export const GENERIC_MAX_SLEEP_S = 60;
