// The environment variables the hooks read. Claude Code passes its own
// environment to a hook, plus CLAUDE_PLUGIN_ROOT and CLAUDE_PLUGIN_DATA.

/** Claude Code's private data folder for this plugin; the state lives under it. */
export const PLUGIN_DATA_ENV = "CLAUDE_PLUGIN_DATA";
/** Turns hooks off: "all" or a comma list of hook names. */
export const DISABLE_ENV = "OCTOPERF_HOOKS_DISABLE";
/** When set, the watcher can reach OctoPerf on its own (its value is never read or shown). */
export const API_KEY_ENV = "OCTOPERF_API_KEY";
/**
 * Test seam, for tests only: a fixed decision clock in epoch milliseconds, so
 * the bundle smoke tests and the benchmark replay a timeline without waiting.
 * Nothing else reads it; the session lock always runs on the real clock.
 */
export const TEST_CLOCK_ENV = "OCTOPERF_HOOKS_TEST_NOW";
