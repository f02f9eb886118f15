// Shared words about a recorded work: its call, how its loop or watcher is
// stopped, and how to wait before the next poll.
import { formatDuration, operation, type NextStep, type Operation, type PollTarget } from "../../policy/index.js";
import { describeCall } from "../../calls/wait-calls.js";
import type { DecideContext } from "../claude/decision.js";
import { failureSkill, waitLine } from "./plan-text.js";
import { invocationFor } from "../session/reach.js";
import { sessionPlan } from "../wait/start.js";
import { andList } from "../../calls/words.js";
import { argsJson } from "../../calls/words.js";
import { groupOf, type SessionState, type WorkEntry, type WorkRecord } from "../session/state.js";

/** "Next: <action>; load the skill <skill>." for every ended wait (handles and conditions alike). */
export function nextStepText(next: NextStep): string {
  return `Next: ${next.action}${next.skill ? `; load the skill ${next.skill}` : ""}.`;
}

/**
 * The deadline's words, the same wherever it is noticed (a poll's answer, a
 * timer due at the deadline, the watcher, the turn-end guard): what ran past
 * it, how long it was given, and what to do; the call that stops the work on
 * OctoPerf is only ever offered to the user.
 */
export function deadlineText(op: Operation, running: readonly WorkEntry[], now: number): string {
  const first = running[0];
  if (!first) return `OctoPerf ${op.id}: the wait has run past its deadline: stop waiting and diagnose.`;
  const given = formatDuration(Math.max(0, first.work.deadlineAt - first.work.startedAt) / 1000);
  const since = formatDuration(Math.max(0, now - first.work.startedAt) / 1000);
  const many = running.length > 1;
  const skill = failureSkill(op);
  const stop = op.stop ? `; ask the user before calling ${op.stop.tool}, which would end it` : "";
  return (
    `OctoPerf ${op.id}: ${andList(running.map((e) => callOf(e.key, e.work)))} ${many ? "have" : "has"} run past ${many ? "their" : "its"} deadline of ${given} ` +
    `(${since} since the start). Stop waiting: tell the user the last value you read, and diagnose${skill ? ` (skill ${skill})` : ""}${stop}.`
  );
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
