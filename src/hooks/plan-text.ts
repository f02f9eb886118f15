// The words a start hook injects. Facts (calls, cadence, loop line, cron and
// monitor arguments, deadline) come from the policy and the wait renderers;
// this file only puts them in a few lines.
import {
  CLAUDE_SLEEP_REFUSAL_THRESHOLD_S,
  formatDuration,
  type Operation,
  type PollTarget,
  type RealisationId,
  type SkillName,
  type WaitPlan,
} from "../policy/index.js";
import {
  cronCreateArgs,
  describeCall,
  loopLine,
  monitorArgs,
  watcherTargets,
  scheduleWakeupArgs,
  sleepCommand,
  terminalList,
} from "../render/wait-instructions.js";
import { andList, argsJson, safeExcerpt } from "./safe-text.js";
import { resultErrorText, type ToolResult } from "./tool-response.js";

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
  const why = error ? `the server said: ${safeExcerpt(error)}` : `the result holds no ${op.handle.field}`;
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

function realisationLine(id: RealisationId, plan: WaitPlan, targets: readonly PollTarget[], compact: boolean, watched: readonly PollTarget[]): string {
  switch (id) {
    case "monitor":
      return `Monitor ${argsJson(monitorArgs(plan, watched))}: the watcher polls OctoPerf outside the model and prints only changes`;
    case "claude-sleep":
      return `a standalone Bash \`${sleepCommand(plan)}\` between polls (Claude Code refuses a sleep of ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S} s or more)`;
    case "wakeup":
      return `ScheduleWakeup ${argsJson(scheduleWakeupArgs(plan, targets))}`;
    default:
      return `\`${loopLine(plan, targets)}\`${compact ? "" : `, or CronCreate ${argsJson(cronCreateArgs(plan, targets))}`}`;
  }
}

/** How to carry out the wait in Claude Code: the chosen realisation and, unless `compact`, the next best. */
export function waitLine(plan: WaitPlan, targets: readonly PollTarget[], compact = false, alternatives: readonly PollTarget[] = []): string {
  const watched = watcherTargets(targets, alternatives);
  const line = `Wait with ${realisationLine(plan.chosen.id, plan, targets, compact, watched)}.`;
  const fallback = plan.options.find((o) => o.id !== plan.chosen.id);
  if (compact || plan.chosen.id !== "monitor" || !fallback) return line;
  return `${line} Without it: ${realisationLine(fallback.id, plan, targets, true, watched)}.`;
}

export interface PlanFacts {
  readonly plan: WaitPlan;
  readonly targets: readonly PollTarget[];
  readonly alternatives: readonly PollTarget[];
  readonly handles: readonly string[];
  readonly also: Readonly<Record<string, string>>;
  /** True when the expected duration comes from the scenario's profiles. */
  readonly expectedKnown: boolean;
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
  return [
    `OctoPerf ${op.id} started: ${op.handle.field} ${andList(facts.handles)}${also.length > 0 ? ` (${also.join(", ")})` : ""}.`,
    `Poll ${andList(targets.map(describeCall))}${alt} every ${plan.cadenceSeconds} s (${expected}). ` +
      `One poll now is welcome (it catches a failed start); faster polls are refused.`,
    waitLine(plan, targets, false, facts.alternatives),
    `Done when ${op.status.field} is ${terminalList(op)}${flag}${many ? " for every handle" : ""}.${progress} ` +
      `Deadline: ${formatDuration(plan.deadlineSeconds)} after the start; past it, stop waiting and diagnose${skill ? ` (skill ${skill})` : ""}.`,
  ].join("\n");
}
