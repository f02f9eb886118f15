// Shared words about a recorded work: its call, how its loop or watcher is
// stopped, and how to wait before the next poll.
import { operation, type NextStep, type PollTarget } from "../policy/index.js";
import { describeCall } from "../render/wait-instructions.js";
import type { DecideContext } from "./decision.js";
import { waitLine } from "./plan-text.js";
import { invocationFor } from "./reach.js";
import { sessionPlan } from "./start-plan.js";
import { argsJson } from "./safe-text.js";
import { groupOf, type SessionState, type WorkRecord } from "./state.js";

/** "Next: <action>; load the skill <skill>." for every ended wait (handles and conditions alike). */
export function nextStepText(next: NextStep): string {
  return `Next: ${next.action}${next.skill ? `; load the skill ${next.skill}` : ""}.`;
}

export function targetOf(key: string, work: WorkRecord): PollTarget {
  return { tool: work.tool, args: work.args, key };
}

export function callOf(key: string, work: WorkRecord): string {
  return describeCall(targetOf(key, work));
}

/**
 * How to stop each loop or watcher whose works have all ended. A loop that
 * still polls a running handle is left alone.
 */
export function stopLines(state: SessionState, keys: readonly string[]): string[] {
  const lines: string[] = [];
  for (const schedule of state.schedules) {
    if (!schedule.works.some((key) => keys.includes(key))) continue;
    if (!schedule.works.every((key) => state.works[key]?.terminal)) continue;
    lines.push(
      schedule.kind === "cron"
        ? `Stop the loop that polled it: CronDelete ${argsJson({ id: schedule.id })}.`
        : `Its watcher (Monitor task ${schedule.id}) ends by itself at the verdict; if it still runs, stop it with TaskStop ${argsJson({ task_id: schedule.id })}.`,
    );
  }
  return lines;
}

/** The running works of a group, as poll targets. */
export function runningTargets(state: SessionState, group: string): PollTarget[] {
  return groupOf(state, group)
    .filter(({ work }) => !work.terminal)
    .map(({ key, work }) => targetOf(key, work));
}

/** The wait line for the running works of a group, re-planned from what was recorded. */
export function waitAgainLine(state: SessionState, work: WorkRecord, ctx: DecideContext): string {
  const plan = sessionPlan(operation(work.op), work.expectedSeconds, ctx, work.watcherFailedAt !== undefined);
  return waitLine(plan, runningTargets(state, work.group), invocationFor(work.op, ctx), true);
}
