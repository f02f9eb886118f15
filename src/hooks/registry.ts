// Every hook the plugin has, in one list: its name (the argument of the one
// bundle, scripts/hooks/octoperf-hook.cjs <name>), the event and tools it runs
// on, its decide(), and the options of its command in hooks/hooks.json.
// hooks.json is generated from this list (src/build/hooks-json.ts), so a hook
// added here is wired up everywhere. The matchers come from the policy's
// start and status tools in both of their Claude Code names.
import { hookMatcher, startTools, statusTools } from "../policy/index.js";
import { SCHEDULE_TOOLS } from "./claude-tools.js";
import type { Decide } from "./decision.js";
import type { ToolEvent } from "./input.js";
import { decideOutcome } from "./outcome.js";
import { decidePace } from "./pace.js";
import { decideScenario, SCENARIO_TOOL } from "./scenario-duration.js";
import { decideSchedule } from "./schedules.js";
import { decideStart } from "./start-plan.js";

/** Seconds Claude Code waits for a hook unless its spec says otherwise; ours exit in well under one. */
export const HOOK_TIMEOUT_S = 10;

/**
 * Fields of a command hook in hooks.json besides `type` and `command`
 * (Claude Code 2.1.330; ../shared/reference/claude-code.md). `asyncRewake`
 * runs the hook in the background and wakes the model when it exits 2;
 * `timeout` is honoured past 600 s.
 */
export interface CommandOptions {
  readonly timeout: number;
  readonly async?: boolean;
  readonly asyncRewake?: boolean;
}

interface HookSpecOf<E extends ToolEvent> {
  readonly name: string;
  readonly event: E;
  /** Exact tool names joined by `|` (letters, digits, `_` and `-` only: not a regex). */
  readonly matcher: string;
  readonly purpose: string;
  readonly decide: Decide<E>;
  readonly options: CommandOptions;
}

/** A hook of either event; narrowing on `event` types its decide(). */
export type HookSpec = HookSpecOf<"PreToolUse"> | HookSpecOf<"PostToolUse">;

const QUICK: CommandOptions = { timeout: HOOK_TIMEOUT_S };

export const HOOKS: readonly HookSpec[] = [
  {
    name: "pace-guard",
    event: "PreToolUse",
    matcher: hookMatcher(statusTools()),
    purpose: "refuses polls of ended handles and polls faster than the cadence",
    decide: decidePace,
    options: QUICK,
  },
  {
    name: "plan-after-start",
    event: "PostToolUse",
    matcher: hookMatcher(startTools()),
    purpose: "injects the wait plan after a start, or says there is nothing to poll",
    decide: decideStart,
    options: QUICK,
  },
  {
    name: "poll-outcome",
    event: "PostToolUse",
    matcher: hookMatcher(statusTools()),
    purpose: "records terminal states and injects the outcome, next step and loop to stop",
    decide: decideOutcome,
    options: QUICK,
  },
  {
    name: "record-schedule",
    event: "PostToolUse",
    matcher: SCHEDULE_TOOLS.join("|"),
    purpose: "ties CronCreate jobs and Monitor tasks to the handles they poll",
    decide: decideSchedule,
    options: QUICK,
  },
  {
    name: "record-scenario",
    event: "PostToolUse",
    matcher: hookMatcher([SCENARIO_TOOL]),
    purpose: "remembers a scenario's expected run time for the plan",
    decide: decideScenario,
    options: QUICK,
  },
];

export function hookSpec(name: string): HookSpec | undefined {
  return HOOKS.find((spec) => spec.name === name);
}
