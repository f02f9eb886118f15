// Every hook the plugin has, in one list: its name (the argument of the one
// bundle, scripts/hooks/octoperf-hook.cjs <name>), the event and tools it runs
// on, its logic, and the options of its command in hooks/hooks.json.
// hooks.json is generated from this list (src/build/hooks-json.ts), so a hook
// added here is wired up everywhere. The matchers come from the policy's
// start and status tools in both of their Claude Code names.
//
// Two kinds: a quick hook decides at once (decide()); a background hook
// (`asyncRewake`) arms a wait under the lock, waits outside it, then settles
// and may wake the model (wait/one-wake.ts, by name in wait/arms.ts).
// The background code is bundled apart and loaded only by background hooks,
// so the quick ones stay fast.
import { BACKGROUND_HOOK_TIMEOUT_S, CONDITIONS, hookMatcher, LOAD_PROFILES_TOOL, startTools, statusTools } from "../../policy/index.js";
import { SCHEDULE_TOOLS, STOP_WAIT_COMMANDS, WAIT_COMMANDS } from "../claude/claude-tools.js";
import type { HookEvent } from "../claude/input.js";

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

interface QuickSpec<E extends HookEvent> {
  readonly kind: "quick";
  readonly name: string;
  readonly event: E;
  /** Exact names joined by `|` (letters, digits, `_` and `-` only: not a regex), or an anchored regex. */
  readonly matcher: string;
  readonly purpose: string;
  readonly options: CommandOptions;
  /** Also on PostToolUseFailure: a failed call of its tools is a poll whose answer could not be read. */
  readonly onFailureToo?: true;
}

/** A background hook: its logic is in wait/arms.ts, under its name (out of the quick hooks' bundle). */
export interface BackgroundSpec {
  readonly kind: "background";
  readonly name: (typeof BACKGROUND_HOOK_NAMES)[number];
  readonly event: "PostToolUse" | "SessionStart";
  readonly matcher: string;
  readonly purpose: string;
  readonly options: CommandOptions;
  readonly onFailureToo?: true;
}

/**
 * The turn-end guard (by-name/guard-turn-end.ts): in the background at every turn's end,
 * it wakes the model when nothing holds a wait it is owed. Its code is in
 * the quick bundle, so it runs even where the background bundle cannot load.
 */
export interface GuardSpec {
  readonly kind: "guard";
  readonly name: "guard-turn-end";
  readonly event: "Stop";
  readonly matcher: string;
  readonly purpose: string;
  readonly options: CommandOptions;
}

/** A hook of any kind and event; narrowing on `kind` and `event` types its logic. */
export type HookSpec =
  | QuickSpec<"PreToolUse">
  | QuickSpec<"PostToolUse">
  | QuickSpec<"UserPromptExpansion">
  | QuickSpec<"SessionStart">
  | QuickSpec<"UserPromptSubmit">
  | BackgroundSpec
  | GuardSpec;

const QUICK: CommandOptions = { timeout: HOOK_TIMEOUT_S };
/** Background: the session goes on at once; exit 2 wakes the model. The timeout is above the longest background wait. */
const BACKGROUND: CommandOptions = { timeout: BACKGROUND_HOOK_TIMEOUT_S, asyncRewake: true };

/** The hooks of the one-wake wait: turning either off turns both off, so the plan never promises a wake nobody gives. */
export const BACKGROUND_HOOK_NAMES = ["wait-in-background", "wake-after-poll", "rewatch-on-resume"] as const;

export const HOOKS: readonly HookSpec[] = [
  {
    kind: "quick",
    name: "pace-guard",
    event: "PreToolUse",
    matcher: hookMatcher(statusTools()),
    purpose: "refuses polls of ended handles, of handles a background watcher waits on, and polls faster than the cadence",
    options: QUICK,
  },
  {
    kind: "quick",
    name: "plan-after-start",
    event: "PostToolUse",
    matcher: hookMatcher(startTools()),
    purpose: "injects the wait plan after a start, or says there is nothing to poll",
    options: QUICK,
  },
  {
    kind: "background",
    name: "wait-in-background",
    event: "PostToolUse",
    matcher: hookMatcher(startTools()),
    purpose: "runs the watcher in the background after a start and wakes the model once, with the outcome",
    options: BACKGROUND,
  },
  {
    kind: "quick",
    name: "poll-outcome",
    event: "PostToolUse",
    matcher: hookMatcher(statusTools()),
    purpose: "records terminal states and injects the outcome, next step and loop to stop",
    options: QUICK,
    onFailureToo: true,
  },
  {
    kind: "background",
    name: "wake-after-poll",
    event: "PostToolUse",
    matcher: hookMatcher(statusTools()),
    purpose: "after a poll that is not final, wakes the model when the next is due (or runs the watcher, with credentials)",
    options: BACKGROUND,
    onFailureToo: true,
  },
  {
    kind: "quick",
    name: "condition-pace",
    event: "PreToolUse",
    matcher: hookMatcher(CONDITIONS.map((c) => c.read.tool)),
    purpose: "refuses re-reads of a wait with no handle (agents coming UP) after its end or faster than its cadence",
    options: QUICK,
  },
  {
    kind: "quick",
    name: "condition-outcome",
    event: "PostToolUse",
    matcher: hookMatcher([...new Set(CONDITIONS.flatMap((c) => [c.read.tool, ...(c.armedBy ? [c.armedBy.tool] : [])]))]),
    purpose: "starts the clock of a wait with no handle, judges each re-read with the policy and says when it is ready, failed or late",
    options: QUICK,
  },
  {
    kind: "quick",
    name: "record-schedule",
    event: "PostToolUse",
    matcher: SCHEDULE_TOOLS.join("|"),
    purpose: "ties CronCreate jobs and Monitor tasks to the handles they poll",
    options: QUICK,
  },
  {
    kind: "quick",
    name: "record-scenario",
    event: "PostToolUse",
    matcher: hookMatcher([LOAD_PROFILES_TOOL]),
    purpose: "remembers a scenario's expected run time for the plan",
    options: QUICK,
  },
  {
    kind: "quick",
    name: "pick-up-waits",
    event: "SessionStart",
    matcher: "",
    purpose: "on resume, drops the waiters the last session left and marks the session resumed; after a compaction, says in one line what is pending; in a new session, says once what earlier sessions in the project left pending",
    options: QUICK,
  },
  {
    kind: "background",
    name: "rewatch-on-resume",
    event: "SessionStart",
    matcher: "",
    purpose: "on an interactive resume with credentials, runs the watcher again on the pending works and wakes the model once, with the outcome",
    options: BACKGROUND,
  },
  {
    kind: "quick",
    name: "tell-pending",
    event: "UserPromptSubmit",
    matcher: "",
    purpose: "at the first prompt after a resume, tells the model which waits are pending, their last value and what to do",
    options: QUICK,
  },
  {
    kind: "guard",
    name: "guard-turn-end",
    event: "Stop",
    matcher: "",
    purpose: "at each turn's end, wakes the model when nothing holds a wait it was promised (a dead, late or never-started waiter)",
    options: BACKGROUND,
  },
  {
    kind: "quick",
    name: "stop-waits",
    event: "UserPromptExpansion",
    // Matched on the command's name (measured on 2.1.330); ':' makes it a regex, so it is anchored.
    matcher: `^(${STOP_WAIT_COMMANDS.join("|")})$`,
    purpose: "ends this session's background waits when /octoperf:stop-wait is typed",
    options: QUICK,
  },
  {
    kind: "quick",
    name: "take-over-waits",
    event: "UserPromptExpansion",
    matcher: `^(${WAIT_COMMANDS.join("|")})$`,
    purpose: "when /octoperf:wait names work an earlier session left pending (and no live waiter of it holds), moves it to this session, whose hooks then follow it",
    options: QUICK,
  },
];

export function hookSpec(name: string): HookSpec | undefined {
  return HOOKS.find((spec) => spec.name === name);
}
