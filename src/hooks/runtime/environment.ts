// The environment variables the hooks read, and where the hook bundle lives.
// Claude Code passes its own environment to a hook, plus CLAUDE_PLUGIN_ROOT
// and CLAUDE_PLUGIN_DATA.

/** The bundle every hook runs, relative to the plugin root (src/build writes it). */
export const HOOK_BUNDLE = "scripts/hooks/octoperf-hook.cjs";
/** Its file name: a background hook's process is recognised by it. */
export const HOOK_BUNDLE_NAME = HOOK_BUNDLE.slice(HOOK_BUNDLE.lastIndexOf("/") + 1);
/** The background hooks' code and the login check, loaded by the hook bundle only when needed (src/hooks/runtime/background-entry.ts). */
export const BACKGROUND_BUNDLE = "scripts/hooks/octoperf-hook-background.cjs";
/** Claude Code's private data folder for this plugin; the state lives under it. */
export const PLUGIN_DATA_ENV = "CLAUDE_PLUGIN_DATA";
/** Turns hooks off: "all" or a comma list of hook names. */
export const DISABLE_ENV = "OCTOPERF_HOOKS_DISABLE";
/**
 * Set by Claude Code in a hook's environment: "1" in an interactive session,
 * "0" in `-p` (measured on 2.1.330, 2026-12-07; CLAUDE_CODE_ENTRYPOINT is
 * "cli" and "sdk-cli" there). A background wait begun at SessionStart is only
 * worth it attended: `-p` holds the session for the hook and drops its wake.
 */
export const ATTENDED_ENV = "CLAUDE_CODE_SESSION_ATTENDED";
/** The client's pid, set by Claude Code in a hook's environment (measured on 2.1.330, 2026-12-07): runtime/orphan-watch.ts. */
export const CLIENT_PID_ENV = "CLAUDE_PID";
/**
 * The project folder of the session, set by Claude Code in a hook's
 * environment (measured on 2.1.330, 2026-12-08, a probe plugin in `-p`: the
 * folder the client started in, also the SessionStart input's `cwd`). Works
 * are recorded with it, so a new session there hears of them.
 */
export const PROJECT_DIR_ENV = "CLAUDE_PROJECT_DIR";
/** When set, the watcher can reach OctoPerf on its own (its value is never read or shown; the watcher gets it from the environment). */
export const API_KEY_ENV = "OCTOPERF_API_KEY";
/**
 * Test seam, for tests only: a fixed decision clock in epoch milliseconds, so
 * the bundle smoke tests and the benchmark replay a timeline without waiting.
 * Nothing else reads it; the session lock always runs on the real clock.
 */
export const TEST_CLOCK_ENV = "OCTOPERF_HOOKS_TEST_NOW";
/**
 * Test seam, for tests only: the hooks' decision clock runs this many times
 * faster, and so do their waits (a timer's sleep, the limit on a background
 * watcher), so an end-to-end test can replay a long run on the simulator's
 * --speed. The watcher they start reads its own OCTOPERF_WAIT_TIME_SCALE.
 */
export const TEST_TIME_SCALE_ENV = "OCTOPERF_HOOKS_TIME_SCALE";
