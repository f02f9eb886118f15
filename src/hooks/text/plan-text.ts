// The words a start hook injects. Facts (calls, cadence, loop line, cron and
// monitor arguments, deadline) come from the policy and the wait renderers;
// this file only puts them in a few lines.
import {
  CLAUDE_SLEEP_REFUSAL_THRESHOLD_S,
  formatDuration,
  MAX_BACKGROUND_WAIT_S,
  SIGN_IN_COMMAND,
  timerScheduleText,
  realisation,
  type Operation,
  type PollTarget,
  type RealisationId,
  type SkillName,
  type WaitPlan,
} from "../../policy/index.js";
import {
  backgroundBashArgs,
  cronCreateArgs,
  describeCall,
  loopLine,
  monitorArgs,
  watcherTargets,
  scheduleWakeupArgs,
  sleepCommand,
  terminalList,
  type WatcherInvocation,
} from "../../calls/wait-calls.js";
import { andList, argsJson } from "../../calls/words.js";
import { serverSaid } from "../../policy/untrusted-text.js";
import { resultErrorText, type ToolResult } from "../claude/tool-response.js";

/** The skill that teaches the wait (typed, so a rename breaks the build). */
const POLLING_SKILL: SkillName = "octoperf-async-polling";

/** The skill named for a failure of this operation. */
export function failureSkill(op: Operation): string | undefined {
  return op.terminal.find((a) => a.outcome === "failed")?.next.skill;
}

export function nothingToPoll(op: Operation, result: ToolResult): string {
  if (result.kind === "unknown") {
    return (
      `OctoPerf ${op.id}: no ${op.handle.field} could be read from the ${op.startTool} result, so the plugin has nothing to pace. ` +
      `If the result does show one, poll ${op.status.tool} as the ${POLLING_SKILL} skill says; if not, nothing was started.`
    );
  }
  const error = resultErrorText(result);
  const why = error ? serverSaid(error, 160) : `the result holds no ${op.handle.field}`;
  return (
    `OctoPerf ${op.id}: ${op.startTool} gave no ${op.handle.field}, so there is nothing to poll (${why}). ` +
    `Nothing is running: fix the cause before starting again, and do not set up a wait.`
  );
}

export function unsafeHandle(op: Operation, field: string): string {
  return (
    `OctoPerf ${op.id}: ${field} is not a valid OctoPerf id (only letters, digits, '-' and '_', at most 64 characters), ` +
    `so the plugin will not put it in a prompt or a command. Read the result yourself before polling anything.`
  );
}

/** The command that stops this plugin's waits, as the user types it. */
export const STOP_WAIT_COMMAND = "/octoperf:stop-wait";

/** What the model must not set up while the hooks wait for it. */
const NOTHING_TO_SET_UP = "set up no /loop, Monitor, CronCreate or sleep";
const NOTHING_LEFT = "Set up no /loop, Monitor, CronCreate or sleep: nothing is left to clean up";

function realisationLine(id: RealisationId, plan: WaitPlan, targets: readonly PollTarget[], compact: boolean, watched: readonly PollTarget[], how: WatcherInvocation): string {
  switch (id) {
    case "background-watcher":
      return `the background watcher this plugin's hooks run: end your turn, it wakes you once with the outcome`;
    case "cadence-timer":
      return `this plugin's hooks: after each poll that is not final, end your turn; they wake you when the next poll is due (${timerScheduleText(plan.expectedSeconds, plan.cadenceSeconds)}). ${NOTHING_LEFT}`;
    case "monitor":
      return `Monitor ${argsJson(monitorArgs(plan, watched, how))}: the watcher polls OctoPerf outside the model and prints only changes`;
    case "background-bash":
      return `Bash ${argsJson(backgroundBashArgs(plan, watched, how))}: the watcher polls OctoPerf outside the model and its exit wakes you once; then read its last line`;
    case "claude-sleep":
      return `a standalone Bash \`${sleepCommand(plan)}\` between polls (Claude Code refuses a sleep of ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S} s or more)`;
    case "wakeup":
      return `ScheduleWakeup ${argsJson(scheduleWakeupArgs(plan, targets))}`;
    default:
      return `\`${loopLine(plan, targets)}\`${compact ? "" : `, or CronCreate ${argsJson(cronCreateArgs(plan, targets))}`}`;
  }
}

/** How to carry out the wait in Claude Code: the chosen realisation and, unless `compact`, the next best when the watcher is chosen. */
export function waitLine(plan: WaitPlan, targets: readonly PollTarget[], how: WatcherInvocation, compact = false, alternatives: readonly PollTarget[] = []): string {
  const watched = watcherTargets(targets, alternatives);
  const line = `Wait with ${realisationLine(plan.chosen.id, plan, targets, compact, watched, how)}.`;
  // Should the watcher fail to start, the way that needs no watcher.
  const fallback = plan.options.find((o) => !realisation(o.id).needsWatcher);
  if (compact || !realisation(plan.chosen.id).needsWatcher || plan.chosen.id === "background-watcher" || !fallback) return line;
  return `${line} Without it: ${realisationLine(fallback.id, plan, targets, true, watched, how)}.`;
}

export interface PlanFacts {
  readonly plan: WaitPlan;
  readonly targets: readonly PollTarget[];
  readonly alternatives: readonly PollTarget[];
  readonly handles: readonly string[];
  readonly also: Readonly<Record<string, string>>;
  /** True when the expected duration comes from the scenario's profiles. */
  readonly expectedKnown: boolean;
  /** How the watcher is run here (an absolute path), for the commands shown. */
  readonly how: WatcherInvocation;
}

/** The lines of a plan carried out by the hooks' background watcher: nothing for the model to do but end its turn. */
function backgroundLines(facts: PlanFacts, many: boolean): string[] {
  const { plan, targets } = facts;
  const capped = plan.deadlineSeconds > MAX_BACKGROUND_WAIT_S;
  const limit = capped
    ? ` It waits at most ${formatDuration(MAX_BACKGROUND_WAIT_S)}; if the run still goes on then, it wakes you with how to go on.`
    : "";
  return [
    `A background watcher run by this plugin's hooks now waits on ${andList(targets.map(describeCall))} (expected ${formatDuration(plan.expectedSeconds)}; it polls every ${plan.chosen.intervalSeconds} s outside the model) and will wake you once, with the outcome of ${many ? "every handle" : "it"} and the next step.${limit}`,
    `End your turn now: do not poll (polls are refused while it waits) and ${NOTHING_TO_SET_UP}. ${STOP_WAIT_COMMAND} ends it.`,
  ];
}

/** What signing in saves, said once a session after a start the timer waits on (the user types it; the model goes on meanwhile). */
export function signInLine(turns: number): string {
  return (
    `Without credentials this wait costs about ${turns} model turns; signed in, 1 (${turns} turns for this wait -> 1): the user can type ${SIGN_IN_COMMAND} once ` +
    `(a browser sign-in to OctoPerf) and this plugin's hooks then wait outside the model from the next start on. Nothing to do for this wait: go on as above.`
  );
}

export function planText(facts: PlanFacts): string {
  const { plan, targets } = facts;
  const op = plan.operation;
  const also = Object.entries(facts.also).map(([name, value]) => `${name} ${value}`);
  const many = targets.length > 1 || facts.handles.length > 1;
  const alt = facts.alternatives.length > 0 ? ` (or ${facts.alternatives.map(describeCall).join(", ")})` : "";
  const expected = `${facts.expectedKnown ? "expected" : "expected by default"} ${formatDuration(plan.expectedSeconds)}`;
  const flag = op.status.finishedFlag ? ` (${op.status.finishedFlag} is true)` : "";
  const progress = op.progress ? ` ${op.progress.tool} is progress only, never completion.` : "";
  const skill = failureSkill(op);
  const head = `OctoPerf ${op.id} started: ${op.handle.field} ${andList(facts.handles)}${also.length > 0 ? ` (${also.join(", ")})` : ""}.`;
  const done = `Done when ${op.status.field} is ${terminalList(op)}${flag}${many ? " for every handle" : ""}.${progress} `;
  if (plan.chosen.id === "background-watcher") {
    return [
      head,
      ...backgroundLines(facts, many),
      `${done}Deadline: ${formatDuration(plan.deadlineSeconds)} after the start; past it, stop waiting and diagnose${skill ? ` (skill ${skill})` : ""}.`,
    ].join("\n");
  }
  return [
    head,
    `Poll ${andList(targets.map(describeCall))}${alt} every ${plan.cadenceSeconds} s (${expected}). ` +
      `One poll now is welcome (it catches a failed start); faster polls are refused.`,
    waitLine(plan, targets, facts.how, false, facts.alternatives),
    `${done}Deadline: ${formatDuration(plan.deadlineSeconds)} after the start; past it, stop waiting and diagnose${skill ? ` (skill ${skill})` : ""}.`,
  ].join("\n");
}
