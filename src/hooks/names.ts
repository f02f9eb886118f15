// Names the hooks meet that are not OctoPerf tools of the polling policy:
// Claude Code's own scheduling tools, and the scenario reader that tells a
// run's expected duration.

/** Claude Code tools that carry a wait (sdk-tools.d.ts of the pinned client). */
export const CRON_CREATE = "CronCreate";
export const CRON_DELETE = "CronDelete";
export const MONITOR = "Monitor";
/** A Monitor task is stopped with TaskStop {task_id}. */
export const TASK_STOP = "TaskStop";
export const SCHEDULE_TOOLS = [CRON_CREATE, CRON_DELETE, MONITOR, TASK_STOP] as const;

/** The OctoPerf tool whose result gives a scenario's load profiles. */
export const SCENARIO_TOOL = "get_scenario";

/** Environment variable that turns hooks off: "all" or a comma list of hook names. */
export const DISABLE_ENV = "OCTOPERF_HOOKS_DISABLE";
/** When set, the watcher can reach OctoPerf on its own (its value is never read or shown). */
export const API_KEY_ENV = "OCTOPERF_API_KEY";
/** Test seam: a fixed clock in epoch milliseconds. */
export const CLOCK_ENV = "OCTOPERF_HOOKS_NOW";
