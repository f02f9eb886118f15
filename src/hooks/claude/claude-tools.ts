// Claude Code's own tools that carry a wait, as the hooks meet them (names
// from sdk-tools.d.ts of the pinned client, 2.1.330).

export const CRON_CREATE = "CronCreate";
export const CRON_DELETE = "CronDelete";
export const MONITOR = "Monitor";
/** A Monitor task is stopped with TaskStop {task_id}. */
export const TASK_STOP = "TaskStop";
export const SCHEDULE_TOOLS = [CRON_CREATE, CRON_DELETE, MONITOR, TASK_STOP] as const;
