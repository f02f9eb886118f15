// Claude Code's own tools that carry a wait, as the hooks meet them (names
// from sdk-tools.d.ts of the pinned client, 2.1.330), and the names of the
// command whose typing ends the hooks' waits.
import { PLUGIN_NAME } from "../../policy/index.js";

export const CRON_CREATE = "CronCreate";
export const CRON_DELETE = "CronDelete";
export const MONITOR = "Monitor";
/** A Monitor task is stopped with TaskStop {task_id}. */
export const TASK_STOP = "TaskStop";
export const SCHEDULE_TOOLS = [CRON_CREATE, CRON_DELETE, MONITOR, TASK_STOP] as const;

/** The names /octoperf:wait has: the plugin's, and the alias `npm run install:claude` writes (~/.claude/commands). */
export const WAIT_COMMANDS: readonly string[] = [`${PLUGIN_NAME}:wait`, `${PLUGIN_NAME}-wait`];
/** The names /octoperf:stop-wait has: the plugin's, and the alias `npm run install:claude` writes (~/.claude/commands). */
export const STOP_WAIT_COMMANDS: readonly string[] = [`${PLUGIN_NAME}:stop-wait`, `${PLUGIN_NAME}-stop-wait`];
