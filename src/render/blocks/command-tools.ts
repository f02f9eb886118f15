// The tools each slash command needs, so its `allowed-tools` frontmatter lets
// it run without permission prompts. Derived from the policy; a test fails
// when a command file's frontmatter drifts from this.
import { claudeToolNames } from "../../policy/tool-names.js";
import { statusTools } from "../../policy/operations.js";
import { loginShellCommand } from "./login-command.js";

export const COMMAND_NAMES = ["wait", "cadence", "stop-wait", "login"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The environment variable that lets the watcher reach OctoPerf's REST API. */
export const WATCHER_KEY_ENV = "OCTOPERF_API_KEY";
/**
 * Prints `true` or `false`, never the key. Run by Claude Code when the command
 * loads (a `!` block); allowed by an exact-match Bash rule, so the command
 * grants no other shell command (checked on Claude Code 2.1.330).
 */
export const KEY_CHECK_COMMAND = `node -p !!process.env.${WATCHER_KEY_ENV}`;

/** The OctoPerf tool that holds a scenario's load profiles (for scenario:<id>). */
import { LOAD_PROFILES_TOOL } from "../../policy/profiles.js";
export const SCENARIO_TOOL = LOAD_PROFILES_TOOL;

/** Claude Code's own tools each command calls. */
const HARNESS_TOOLS: Readonly<Record<CommandName, readonly string[]>> = {
  wait: ["Monitor", "CronCreate", "CronDelete", "CronList", "TaskStop"],
  cadence: [],
  "stop-wait": ["CronList", "CronDelete", "TaskStop", "ScheduleWakeup"],
  login: ["Monitor"],
};

/** Every entry of a command's `allowed-tools`, in a stable order. */
export function allowedTools(command: CommandName): string[] {
  const octoperf = command === "wait" ? [...statusTools(), SCENARIO_TOOL].flatMap(claudeToolNames) : [];
  // Exact-match rules: the sign-in's status and logout, and nothing else (the sign-in itself runs under Monitor).
  const bash = command === "wait" ? [`Bash(${KEY_CHECK_COMMAND})`] : command === "login" ? (["status", "logout"] as const).map((word) => `Bash(${loginShellCommand(word)})`) : [];
  return [...octoperf, ...HARNESS_TOOLS[command], ...bash];
}

/** The frontmatter line itself (comma-separated, the form checked with the real client). */
export function allowedToolsLine(command: CommandName): string | undefined {
  const tools = allowedTools(command);
  return tools.length > 0 ? `allowed-tools: ${tools.join(", ")}` : undefined;
}
