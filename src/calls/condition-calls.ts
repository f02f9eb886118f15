// A condition wait (no handle) as text and Claude Code arguments: the
// re-read prompt a loop runs, the /loop line, the CronCreate arguments and
// the sentences that state readiness and failure. Pure; every value in a
// target has been validated by conditionTarget(). The hooks can inject the
// same text the skills carry.
import { conditionCadence, conditionDeadline, type ConditionWait, type ItemTest } from "../policy/conditions.js";
import { formatDuration } from "../policy/duration.js";
import { CLAUDE_MAX_SLEEP_S } from "../policy/harness.js";
import { realisationChoices } from "../policy/plan.js";
import type { PollTarget } from "../policy/targets.js";
import { code, orList } from "./words.js";
import { cronForInterval, describeCall, LOOP_STOP, loopInterval, type CronCreateArgs } from "./wait-calls.js";

function testText(test: ItemTest, markdown: boolean): string {
  const wrap = (text: string) => (markdown ? code(text) : text);
  return "in" in test ? `${wrap(test.field)} is ${orList(test.in.map(wrap))}` : `${wrap(test.field)} is ${wrap(String(test.equals))}`;
}

/** One listed item, in words: "agent" for `agents`. */
const itemWord = (cond: ConditionWait) => cond.items.field.replace(/s$/, "");

/** "every agent's `state` is `UP` and at least 1 agent is listed" */
export function readyText(cond: ConditionWait, markdown = true): string {
  const count = cond.ready.atLeast;
  return `every ${itemWord(cond)}'s ${testText(cond.ready.every, markdown)} and at least ${count} ${count > 1 ? cond.items.field : itemWord(cond)} ${count > 1 ? "are" : "is"} listed`;
}

/** "any agent's `duplicateOnHost` is `true` (meaning)" for each failure rule. */
export function failedTexts(cond: ConditionWait, markdown = true): string[] {
  return cond.failed.map((rule) => `any ${itemWord(cond)}'s ${testText(rule.any, markdown)} (${rule.meaning})`);
}

/** The prompt each firing of a re-read loop runs; it names the key values, so a hook can tie the job to the wait. */
export function conditionPrompt(cond: ConditionWait, target: PollTarget, stop: string = LOOP_STOP): string {
  const fails = failedTexts(cond, false);
  return (
    `octoperf ${cond.id}: call ${describeCall(target)}. ` +
    `When ${readyText(cond, false)}${fails.length > 0 ? `, or when ${fails.map((f) => f.replace(/ \(.*\)$/, "")).join(" or ")}` : ""}, ` +
    `${stop} and report it; otherwise say nothing more.`
  );
}

export function conditionLoopLine(cond: ConditionWait, target: PollTarget): string {
  return `/loop ${loopInterval(conditionCadence(cond))} ${conditionPrompt(cond, target)}`;
}

export function conditionCronCreateArgs(cond: ConditionWait, target: PollTarget): CronCreateArgs {
  return { cron: cronForInterval(conditionCadence(cond)).cron, prompt: conditionPrompt(cond, target), recurring: true };
}

/** How Claude Code paces the re-reads: the cheapest way that keeps the cadence (no watcher: it polls handles only). */
export function conditionHowToWait(cond: ConditionWait): string {
  const cadence = conditionCadence(cond);
  const chosen = realisationChoices(cond.expectedSeconds)[0];
  if (chosen?.id === "claude-sleep") return `a standalone Bash ${code(`sleep ${cadence}`)} between two reads (at most ${CLAUDE_MAX_SLEEP_S} s)`;
  const interval = chosen?.intervalSeconds ?? cronForInterval(cadence).intervalSeconds;
  const exact = interval <= cadence ? "" : ` (cron's finest step: every ${formatDuration(interval)}, not ${cadence} s)`;
  return `${code(`/loop ${loopInterval(cadence)} <re-read prompt>`)} or ${code("CronCreate")} with cron ${code(cronForInterval(cadence).cron)}${exact}, ended with ${code("CronDelete")}`;
}

/** The one-paragraph note a skill embeds where the wait happens. */
export function conditionNote(cond: ConditionWait): string {
  const call = `${cond.read.tool}(${cond.read.keyArgs.join(", ")})`;
  const armed = cond.armedBy ? `The clock starts at ${code(cond.armedBy.tool)}. ` : "";
  const lines = [
    `> **Wait (policy, no handle):** ${armed}Re-read ${code(call)} every ${conditionCadence(cond)} s ` +
      `(expected ${formatDuration(cond.expectedSeconds)}: ${cond.expectedNote}; give up after ${formatDuration(conditionDeadline(cond))}). ` +
      `Ready when ${readyText(cond)}; count the machines the user set up, not just one.`,
    ...failedTexts(cond).map((text) => `> Stop at once when ${text}.`),
    `> Any other value is not yet: say it is unknown and keep the deadline. Past it: ${cond.onDeadline.action}.`,
    `> In Claude Code: ${conditionHowToWait(cond)}. Never re-read in a tight loop.`,
  ];
  return lines.join("\n");
}
