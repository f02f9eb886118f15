// Claims about Claude Code that the pinned client contradicts, checked against
// the policy's measured harness facts (src/policy/harness.ts):
// - "Claude Code blocks all sleeps", or in the sleep's voice "sleeping is
//   never allowed": it refuses `sleep N` only from
//   CLAUDE_SLEEP_REFUSAL_THRESHOLD_S on; a standalone `sleep 24` runs.
// - "Claude Code blocks `sleep 10`": below the threshold, it runs.
// - "ScheduleWakeup wakes the model after 20 seconds": sdk-tools.d.ts clamps
//   delaySeconds to [SCHEDULE_WAKEUP_MIN_S, SCHEDULE_WAKEUP_MAX_S]. A delay
//   under the floor handed to it ("pass N as the delay") is an interval
//   handed to a scheduler: policy-loop-floor's, as the README's table says.
// A claim that names a long sleep ("sleeps of 30 s and more are blocked")
// or says the delay is clamped agrees with the client and stays silent, and
// so does a refusal negated ("a `sleep 5` is never refused").
import {
  CLAUDE_MAX_SLEEP_S,
  CLAUDE_SLEEP_REFUSAL_THRESHOLD_S,
  OBSERVED_CLAUDE_CODE_VERSION,
  SCHEDULE_WAKEUP_MAX_S,
  SCHEDULE_WAKEUP_MIN_S,
} from "../../policy/index.js";
import { CADENCE_REFERENCE_RE, HANDED_RE, REFUSAL_RE } from "../claims.js";
import { blockSentences } from "../prose.js";
import type { Finding, LintFile, Rule } from "../types.js";

/** A sentence that says sleeping is refused, blocked or impossible. */
const BLOCK_RE = REFUSAL_RE;
const SLEEP_RE = /\bsleep(?:s|ing)?\b|`sleep[^`]*`/i;
const HARNESS_RE = /\b(?:claude code|claude|the harness|harness|bash tool|the bash|bash)\b/i;
/** A qualifier that limits the claim to long sleeps (not "no longer", which is time). */
const LONG_RE = /\b(?:(?<!\bno )long(?:er)?|lengthy|over|above|more than|at least|beyond|exceed\w*|and (?:more|longer|above)|or (?:more|longer)|\d+\s*(?:s|sec\w*|min\w*)\s*(?:or|and)\s*(?:more|longer|above))\b|[≥>]/i;
/** A claim about every sleep ("blocks *all* sleeps", "any sleep"), whatever example follows. */
const ALL_RE = /\b(?:all|any|every|always|entirely|completely)\b/i;
const NUMBER_RE = /`?sleep\s+(\d+)`?|\b(\d+)\s*(?:s|secs?|seconds?)\b/i;

const WAKEUP_RE = /\bScheduleWakeup\b/;
const DELAY_RE = /\b(\d+)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hours?)\b/gi;
const CLAMP_RE = /\b(clamp\w*|at least|minimum|min\.?|at most|maximum|max\.?|rounded|raised|range|between)\b|\[\s*\d+\s*,/i;

function wakeupClaim(text: string): { offset: number; seconds: number } | undefined {
  if (!WAKEUP_RE.test(text) || CLAMP_RE.test(text)) return undefined;
  // A delay under the floor handed to ScheduleWakeup (or the cadence handed with it) is policy-loop-floor's.
  const handed = HANDED_RE.test(text) || CADENCE_REFERENCE_RE.test(text);
  for (const match of text.matchAll(DELAY_RE)) {
    const unit = match[2]!.toLowerCase();
    const seconds = Number(match[1]) * (unit.startsWith("h") ? 3600 : unit.startsWith("m") ? 60 : 1);
    if ((seconds < SCHEDULE_WAKEUP_MIN_S && !handed) || seconds > SCHEDULE_WAKEUP_MAX_S) return { offset: match.index!, seconds };
  }
  return undefined;
}

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  for (const sentence of blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line))) {
    const wakeup = wakeupClaim(sentence.text);
    if (wakeup) {
      findings.push({
        ...sentence.at(wakeup.offset),
        message: `ScheduleWakeup cannot wait ${wakeup.seconds} s: Claude Code ${OBSERVED_CLAUDE_CODE_VERSION} clamps delaySeconds to [${SCHEDULE_WAKEUP_MIN_S}, ${SCHEDULE_WAKEUP_MAX_S}]`,
      });
      continue;
    }
    const block = BLOCK_RE.exec(sentence.text);
    if (!block || !SLEEP_RE.test(sentence.text) || !HARNESS_RE.test(sentence.text)) continue;
    const all = ALL_RE.test(sentence.text);
    const number = all ? null : NUMBER_RE.exec(sentence.text);
    const seconds = number ? Number(number[1] ?? number[2]) : undefined;
    if (seconds !== undefined && seconds >= CLAUDE_SLEEP_REFUSAL_THRESHOLD_S) continue;
    if (seconds === undefined && !all && LONG_RE.test(sentence.text)) continue;
    const claim = seconds === undefined ? "every sleep is refused" : `a sleep of ${seconds} s is refused`;
    findings.push({
      ...sentence.at(block.index),
      message: `the claim that ${claim} contradicts Claude Code ${OBSERVED_CLAUDE_CODE_VERSION}: it runs a standalone \`sleep ${CLAUDE_MAX_SLEEP_S}\` and refuses \`sleep N\` only from N = ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S}`,
    });
  }
  return findings;
}

export const harnessClaimsRule: Rule = {
  id: "harness-claims",
  description:
    "no claim about Claude Code that the pinned client contradicts (\"Claude Code blocks all sleeps\": it runs a short standalone `sleep`; a ScheduleWakeup delay outside its clamp)",
  check,
};
