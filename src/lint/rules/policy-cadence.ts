// Stated poll intervals stay within the policy's cadence [3 s, 60 s]:
// "poll every N", `/loop N`, ScheduleWakeup's delaySeconds.
import { CADENCE_MAX_S, CADENCE_MIN_S } from "../../policy/index.js";
import { claudeCalls, loopCommands } from "../claude-calls.js";
import type { Finding, LintFile, Rule } from "../types.js";

const UNIT_S: Readonly<Record<string, number>> = { s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hour: 3600, hours: 3600 };
const PHRASE_RE = /\b(?:poll(?:s|ing|ed)?|check(?:s|ing)?|cadence|interval)\b(?:\s+\S+){0,4}?\s+(?:every|of|=)\s+(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|min|m|hours?|h)\b/gi;

const outside = (seconds: number) => seconds < CADENCE_MIN_S || seconds > CADENCE_MAX_S;
const message = (what: string, seconds: number) =>
  `${what} is ${seconds} s, outside the policy's cadence [${CADENCE_MIN_S} s, ${CADENCE_MAX_S} s] (N = expected / 10)`;

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  file.scan.lines.forEach((text, index) => {
    const line = index + 1;
    if (file.scan.generatedLines.has(line)) return;
    for (const match of text.matchAll(PHRASE_RE)) {
      const seconds = Number(match[1]) * UNIT_S[match[2]!.toLowerCase()]!;
      if (outside(seconds)) findings.push({ line, column: match.index! + 1, message: message("the poll interval", seconds) });
    }
  });
  for (const loop of loopCommands(file)) {
    if (!loop.generated && loop.seconds !== undefined && loop.seconds > CADENCE_MAX_S) {
      findings.push({ line: loop.line, column: loop.column, message: message(`/loop ${loop.token}`, loop.seconds) });
    }
  }
  for (const call of claudeCalls(file)) {
    const delay = (call.args as { delaySeconds?: unknown } | undefined)?.delaySeconds;
    if (!call.generated && call.tool === "ScheduleWakeup" && typeof delay === "number" && delay > CADENCE_MAX_S) {
      findings.push({ line: call.line, column: call.column, message: message("ScheduleWakeup.delaySeconds", delay) });
    }
  }
  return findings;
}

export const policyCadenceRule: Rule = {
  id: "policy-cadence",
  description: "No poll interval (prose, /loop, ScheduleWakeup) outside the policy's cadence of 3-60 s.",
  check,
};
