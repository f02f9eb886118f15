// Stated poll intervals stay within the policy's cadence [3 s, 60 s]: in
// prose ("poll every 2-3 seconds", "re-read the state every second"), as a
// `/loop` interval, as ScheduleWakeup's delaySeconds, and as a `sleep`
// between two polls. Intervals of other things (ramp-up steps, samples,
// monitor collection) and what a skill forbids stay silent. A pace given with
// the work's expected duration ("a ten-minute run is checked every 10 s") is
// the policy's N for that duration: sooner than the pace guard's minimum gap
// is an error, slower than N a warning.
import { CADENCE_MAX_S, CADENCE_MIN_S, CADENCE_RULE, cadenceFor, minimumGapSeconds, statusTools } from "../../policy/index.js";
import { paces, workDurations, type WorkDuration } from "../claims.js";
import { claudeCalls, loopCommands } from "../claude-calls.js";
import { blockSentences, questionOf } from "../prose.js";
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
const POLL_RE = new RegExp(String.raw`\b(?:poll\w*|re-?check\w*|check\w*|re-?read\w*|query\w*|refresh\w*|ask\w*|call\w*|status|state|progress|wait\w*|loop|cadence|(?:computed|poll(?:ing)?) interval)\b|${statusTools().join("|")}`, "i");
/** Intervals of something else than polling. */
const OTHER_RE = /\b(ramp(?:s|ing)?(?:[- ]up|[- ]down)?|users?|VUs?|virtual users?|samples?|sampl\w+|think\s*time|pacing|timers?|collect\w*|counters?|monitor(?:s|ing)? (?:collect|sample)|iterations?|steps? of|stairs|cron|schedul\w+|fires?|runs? (?:every|each)|backup|rotate|retention)\b/i;
const DENY_RE = /\b(never|not|(?:do|should|must|wo|ca)n'?t|do not|should not|avoid|instead of|rather than|too (?:fast|often|tight)|below|under|refuse[sd]?|reject\w*|burns?|wastes?)\b/i;

const outside = (seconds: number) => seconds < CADENCE_MIN_S || seconds > CADENCE_MAX_S;
const message = (what: string, seconds: string) =>
  `${what} is ${seconds}, outside the policy's cadence [${CADENCE_MIN_S} s, ${CADENCE_MAX_S} s] (${CADENCE_RULE})`;
/**
 * Out of the range: under it, polls the pace guard refuses (an error); over it,
 * slower than any N, so let through but heard late (a warning), as offCadence
 * reads a pace slower than N.
 */
const outOfRange = (what: string, shown: string, low: number): Pick<Finding, "message" | "severity"> =>
  low > CADENCE_MAX_S
    ? { message: `${what} is ${shown}, slower than the policy's slowest cadence (${CADENCE_MAX_S} s): the outcome is heard later than it could be (${CADENCE_RULE})`, severity: "warning" }
    : { message: message(what, shown) };

function proseFindings(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  const all = [...blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line))];
  for (const [index, sentence] of all.entries()) {
    if (!POLL_RE.test(sentence.text)) continue;
    const question = questionOf(all, index);
    for (const match of sentence.text.matchAll(INTERVAL_RE)) {
      const before = sentence.text.slice(0, match.index!);
      if (OTHER_RE.test(before)) continue; // "ramp up one user every 2 s"
      if (DENY_RE.test(before.split(/[,;:]/).at(-1) ?? "")) continue; // "never poll every 2 s"
      const unit = (match[3] ?? match[4] ?? "").toLowerCase();
      const scale = UNIT_S[unit] ?? 1;
      const low = match[1] === undefined ? scale : Number(match[1]) * scale;
      const high = match[2] === undefined ? low : Number(match[2]) * scale;
      if (!outside(low) && !outside(high)) {
        const wrong = offCadence(sentence.text, match.index!, low, high, question);
        if (wrong) findings.push({ ...sentence.at(match.index!), ...wrong });
        continue;
      }
      const shown = match[1] === undefined ? `1 ${unit}` : match[2] === undefined ? `${low} s` : `${low}-${high} s`;
      findings.push({ ...sentence.at(match.index!), ...outOfRange("the poll interval", shown, low) });
    }
    // The same claim in other words: "at 2-second intervals", "1 s apart", "twice a second", "every couple of seconds".
    const said = new Set(findings.filter((f) => f.line >= sentence.line).map((f) => f.line));
    for (const pace of paces(sentence.text)) {
      const before = sentence.text.slice(0, pace.offset);
      if (OTHER_RE.test(before) || DENY_RE.test(before.split(/[,;:]/).at(-1) ?? "")) continue;
      const wrong = outside(pace.seconds) ? outOfRange("the poll interval", pace.shown, pace.seconds) : offCadence(sentence.text, pace.offset, pace.seconds, pace.seconds, question);
      if (!wrong) continue;
      const where = sentence.at(pace.offset);
      if (said.has(where.line)) continue;
      said.add(where.line);
      findings.push({ ...where, ...wrong });
    }
  }
  return findings;
}

/** The cadence the policy gives a duration: N = expected / 10 kept within the range, either rounding of a tenth. */
function cadenceRange(duration: WorkDuration): readonly [number, number] {
  const tenth = duration.seconds / 10;
  const low = cadenceFor(Math.floor(tenth) * 10);
  const high = cadenceFor(Math.ceil(tenth) * 10);
  if (duration.bound === "at least") return [low, CADENCE_MAX_S];
  if (duration.bound === "at most") return [CADENCE_MIN_S, high];
  return [low, high];
}

/**
 * A pace within the range can still be the wrong N: a sentence that gives
 * the work's expected duration ("a ten-minute run is checked every 10 s")
 * states the cadence the policy computes from it. The duration nearest the
 * pace is the one paced. The linter reads a pace as the pace guard does: a
 * poll sooner than the guard's minimum gap is refused (an error); one slower
 * than N is let through but hears the outcome late (a warning).
 */
function offCadence(text: string, offset: number, low: number, high: number, question = ""): Pick<Finding, "message" | "severity"> | undefined {
  // An answer that names no duration paces the one its question names ("and for the 10-minute run?" "four polls a minute").
  const own = workDurations(text);
  const nearest = (own.length > 0 ? own : workDurations(question).map((d) => ({ ...d, offset }))).sort((a, b) => Math.abs(a.offset - offset) - Math.abs(b.offset - offset))[0];
  if (!nearest) return undefined;
  const [min, max] = cadenceRange(nearest);
  // A stated range covers N if N falls in it.
  if (low < high && low <= min && high >= max) return undefined;
  const floor = minimumGapSeconds(min);
  if (low >= floor && high <= max) return undefined;
  const n = min === max ? `${min} s` : `${min}-${max} s`;
  const shown = low === high ? `${low} s` : `${low}-${high} s`;
  const work = `work of ${nearest.bound ? `${nearest.bound} ` : ""}${nearest.seconds} s`;
  if (low >= floor) return { message: `the poll interval is ${shown}, slower than the policy's N for ${work}, ${n}: the outcome is heard later than it could be (${CADENCE_RULE})`, severity: "warning" };
  return { message: `the poll interval is ${shown}, but the policy polls ${work} every ${n}, and the pace guard refuses polls under ${floor} s apart (${CADENCE_RULE})` };
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
  description:
    "no poll interval outside the policy's cadence in prose (\"every 2-3 seconds\"), `/loop` or ScheduleWakeup, nor under the pace guard's gap for a duration it names (\"a 10-minute run every 10 s\"); slower than N warns",
  check,
};
