// The one-wake wait: what the plugin's background hooks may do, as numbers.
// Claude Code runs a command hook with `"asyncRewake": true` in the
// background and wakes the model when it exits 2 (measured on 2.1.330 and
// 2.1.332, ../shared/reference/claude-code.md, "Background work that wakes
// the model"); its `timeout` is honoured past 600 s. hooks/hooks.json is
// static, so the hooks' timeout is fixed here, above the longest wait the
// policy lets one background hook hold; the watcher enforces each run's own
// deadline within it. Pure data.
import { CADENCE_MAX_S } from "./cadence.js";
import { PLUGIN_NAME } from "./tool-names.js";

/** The slash command that signs in from the session (commands/login.md): the one-wake wait then needs no API key. */
export const SIGN_IN_COMMAND = `/${PLUGIN_NAME}:login`;

/**
 * The longest one background watcher waits, whatever the run's deadline: a
 * run expected to take 2 hours has a deadline of about 2h30m
 * (operations.ts), so every run up to 2 hours ends within one background
 * wait. A run whose deadline is longer ends this wait with a line that says
 * how to go on.
 */
export const MAX_BACKGROUND_WAIT_S = 3 * 3600;

/** What a background hook needs besides its wait: start-up, the watcher's last request, the wake. */
export const BACKGROUND_HOOK_MARGIN_S = 300;

/** The `timeout` of both background hooks in hooks.json: above the longest background wait. */
export const BACKGROUND_HOOK_TIMEOUT_S = MAX_BACKGROUND_WAIT_S + BACKGROUND_HOOK_MARGIN_S;

/** The cadence timer sleeps at most one cadence: far within the same timeout. */
export const MAX_TIMER_SLEEP_S = CADENCE_MAX_S;

/** A wait longer than this ends with a suggestion to tell the user with one PushNotification. */
export const NOTIFY_AFTER_S = 15 * 60;

/** PushNotification's message: "Keep it under 200 characters; mobile OSes truncate" (sdk-tools.d.ts, 2.1.330). */
export const PUSH_NOTIFICATION_MAX_CHARS = 199;

/**
 * Operations whose every outcome the watcher can see over OctoPerf's REST
 * API with an API key. The others end in task results whose type no
 * OctoPerf client publishes (assumption:unpublished-task-results): over
 * REST the watcher could only wait for their deadline, so a background
 * watcher runs for them only over MCP, with the sign-in of `octoperf-wait
 * login`.
 */
export const REST_OBSERVABLE_OPERATIONS = ["validation", "scenario-run", "pdf-export"] as const;

/**
 * A wait the quick hook promised (a claim, recorded before it returns) counts
 * as held for this long while its background hook starts: node, the second
 * bundle and the lock take about 0.1 s idle and 0.5 s or more on a busy
 * machine. A claim nobody adopted by then is taken for lost, and the
 * turn-end guard wakes the model with what to do.
 */
export const CLAIM_TTL_S = 30;

/**
 * A waiter that has not settled this long after it was due (a timer's wake, a
 * watcher's end) is taken for lost, even if a process with its pid lives: it
 * was stopped (a suspended laptop, SIGSTOP) or the pid was reused.
 */
export const LATE_WAKE_GRACE_S = 30;

/** A quick hook waits at most this long for the session lock, then fails open: a tool call waits for it. */
export const QUICK_LOCK_WAIT_S = 5;

/** A background hook waits this long for the session lock: it runs beside the session, and a wake it drops is a session left idle. */
export const BACKGROUND_LOCK_WAIT_S = 60;

/** The turn-end guard re-reads the session state this often (real milliseconds) while a waiter holds the wait. */
export const GUARD_POLL_MS = 1000;
