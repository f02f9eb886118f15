// Stated poll intervals stay within the policy's cadence [3 s, 60 s]: in
// prose ("poll every 2-3 seconds", "re-read the state every second"), as a
// `/loop` interval, as ScheduleWakeup's delaySeconds, and as a `sleep`
// between two polls. Intervals of other things (ramp-up steps, samples,
// monitor collection) and what a skill forbids stay silent.
import { CADENCE_MAX_S, CADENCE_MIN_S, CADENCE_RULE, statusTools } from "../../policy/index.js";
import { paces } from "../claims.js";
import { claudeCalls, loopCommands } from "../claude-calls.js";
import { blockSentences } from "../prose.js";
import type { Finding, LintFile, Rule } from "../types.js";

const UNIT_S: Readonly<Record<string, number>> = {
  ms: 0.001, millisecond: 0.001, milliseconds: 0.001,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hour: 3600, hours: 3600,
};
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const UNIT = String.raw`(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|min|m|hours?|h)\b`;
/** "every 2-3 seconds", "every 5 s", "every second", "each minute", "an interval of 2 s". */
const INTERVAL_RE = new RegExp(
  String.raw`\b(?:every|each|once (?:a|per|every)|interval(?:s)? of|cadence of|period of|pause of|delay of)\s+(?:${NUMBER}(?:\s*(?:-|–|to|or)\s*${NUMBER})?\s*${UNIT}|(second|minute|hour)\b)`,
  "gi",
);
/** What is being paced: polling a status. */
const POLL_RE = new RegExp(String.raw`\b(?:poll\w*|re-?check\w*|check\w*|re-?read\w*|query\w*|refresh\w*|ask\w*|call\w*|status|state|progress|wait\w*|loop)\b|${statusTools().join("|")}`, "i");
/** Intervals of something else than polling. */
const OTHER_RE = /\b(ramp(?:s|ing)?(?:[- ]up|[- ]down)?|users?|VUs?|virtual users?|samples?|sampl\w+|think\s*time|pacing|timers?|collect\w*|counters?|monitor(?:s|ing)? (?:collect|sample)|iterations?|steps? of|stairs|cron|schedul\w+|fires?|runs? (?:every|each)|backup|rotate|retention)\b/i;
const DENY_RE = /\b(never|not|don'?t|do not|avoid|instead of|rather than|too (?:fast|often|tight)|below|under|refuse[sd]?|reject\w*|burns?|wastes?)\b/i;

const outside = (seconds: number) => seconds < CADENCE_MIN_S || seconds > CADENCE_MAX_S;
const message = (what: string, seconds: string) =>
  `${what} is ${seconds}, outside the policy's cadence [${CADENCE_MIN_S} s, ${CADENCE_MAX_S} s] (${CADENCE_RULE})`;

function proseFindings(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  for (const sentence of blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line))) {
    if (!POLL_RE.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(INTERVAL_RE)) {
      const before = sentence.text.slice(0, match.index!);
      if (OTHER_RE.test(before)) continue; // "ramp up one user every 2 s"
      if (DENY_RE.test(before.split(/[,;:]/).at(-1) ?? "")) continue; // "never poll every 2 s"
      const unit = (match[3] ?? match[4] ?? "").toLowerCase();
      const scale = UNIT_S[unit] ?? 1;
      const low = match[1] === undefined ? scale : Number(match[1]) * scale;
      const high = match[2] === undefined ? low : Number(match[2]) * scale;
      if (!outside(low) && !outside(high)) continue;
      const shown = match[1] === undefined ? `1 ${unit}` : match[2] === undefined ? `${low} s` : `${low}-${high} s`;
      findings.push({ ...sentence.at(match.index!), message: message("the poll interval", shown) });
    }
    // The same claim in other words: "at 2-second intervals", "1 s apart", "twice a second", "every couple of seconds".
    const said = new Set(findings.filter((f) => f.line >= sentence.line).map((f) => f.line));
    for (const pace of paces(sentence.text)) {
      const before = sentence.text.slice(0, pace.offset);
      if (OTHER_RE.test(before) || DENY_RE.test(before.split(/[,;:]/).at(-1) ?? "")) continue;
      if (!outside(pace.seconds)) continue;
      const where = sentence.at(pace.offset);
      if (said.has(where.line)) continue;
      said.add(where.line);
      findings.push({ ...where, message: message("the poll interval", pace.shown) });
    }
  }
  return findings;
}

function check(file: LintFile): Finding[] {
  const findings = proseFindings(file);
  for (const loop of loopCommands(file)) {
    if (!loop.generated && !loop.forbidden && loop.seconds !== undefined && loop.seconds > CADENCE_MAX_S) {
      findings.push({ line: loop.line, column: loop.column, message: message(`/loop ${loop.token}`, `${loop.seconds} s`) });
    }
  }
  for (const call of claudeCalls(file)) {
    const delay = (call.args as { delaySeconds?: unknown } | undefined)?.delaySeconds;
    if (!call.generated && !call.forbidden && call.tool === "ScheduleWakeup" && typeof delay === "number" && delay > CADENCE_MAX_S) {
      findings.push({ line: call.line, column: call.column, message: message("ScheduleWakeup.delaySeconds", `${delay} s`) });
    }
  }
  return findings;
}

export const policyCadenceRule: Rule = {
  id: "policy-cadence",
  description: "no poll interval outside the policy's cadence, in prose (\"every 2-3 seconds\"), `/loop` or ScheduleWakeup; intervals of other things (ramp-up, samples) stay silent",
  check,
};
