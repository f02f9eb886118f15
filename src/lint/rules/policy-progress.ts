// Progress never decides that work has ended. Reported: a progress tool
// (get_bench_status) described as the end of a wait, and progress compared
// with a threshold and read as running or finished, in any nearby wording
// (`progress < 1.0` "still running", "poll until 1.0", `>= 100` done), a
// question read with its answer ("Progress under 1? Keep polling."), and a
// value short of the mark read as the run's state ("0.97 means it has not
// ended", "past 99 % it is finished").
// Silent: lines that say the opposite ("at 100 % a run may still end
// ABORTED"), and what a skill names only to forbid it.
import { OPERATIONS } from "../../policy/index.js";
import { DENIES_RE, fullMarkAsEnd, RUN_PERCENT_RE, valueAsState } from "../claims.js";
import { answerOf, blockSentences, tableHeaderOf } from "../prose.js";
import type { Finding, LintFile, Rule } from "../types.js";

const PROGRESS_TOOLS = [...new Set(OPERATIONS.flatMap((op) => (op.progress ? [op.progress.tool] : [])))];
const PROGRESS_FIELDS = [...new Set(OPERATIONS.flatMap((op) => (op.progress ? [op.progress.field] : [])))];

const THRESHOLD = String.raw`(?:1(?:\.0+)?|100(?:\.0+)?\s*%?|100\s*percent)(?![\d.]*\d)`;
const WORD_RE = new RegExp(`\\b(?:${PROGRESS_FIELDS.join("|")}|${PROGRESS_TOOLS.join("|")}|completion|percent(?:age)? (?:done|complete))\\b`, "i");
/** A progress value set against the full mark: `progress >= 100`, "progress reaches 1.0", "1.0 progress". */
const COMPARE_RE = new RegExp(
  `\\b(?:${PROGRESS_FIELDS.join("|")}|value|(?:${PROGRESS_TOOLS.join("|")})(?:\\([^)]{0,60}\\))?)\\b[\`"')\\]]*[^.;!?\\n]{0,24}?(?:<=?|>=?|==?=?|!=|≥|≤|\\breach(?:es|ed)?|\\bhits?|\\bequals?|\\bgets? to|\\bis|\\bat|\\bof|\\bto)\\s*[\`"']?\\s*${THRESHOLD}` +
    `|(?<![\\d.])${THRESHOLD}[\`"']?\\s+(?:${PROGRESS_FIELDS.join("|")})\\b`,
  "i",
);
/** "until 1.0", "until it reaches 100 %", "until 100%". */
const UNTIL_RE = new RegExp(`\\b(?:until|till|once|when)\\b[^.;]{0,40}?(?<![\\d.])${THRESHOLD}`, "i");
/** A reading of that comparison as running or ended. */
const READ_RE = /\b(running|in progress|in flight|still|half-finished|unfinished|partial|preliminary|incomplete|not (?:yet )?(?:done|finished|complete)|finished|done|complete[ds]?|ended|ends|over|terminal|final|stop(?:s|ped)? polling|keep polling|poll(?:ing)? until|until|succeeded|success)\b/i;
const FROZEN_RE = /\bfr(?:ozen|eez(?:e|es|ing))\b/i;
/** Wording that denies the inference (the fine lines). */
const DENY_RE =
  /\b(never|not (?:a |the )?(?:terminal|end|proof|signal|reliable)|not (?:whether|if|when)|does(?:n't| not) (?:mean|tell|say|prove|imply)|doesn't|no (?:proof|signal|sign)|even (?:at|when|if)|can (?:sit|stay|stall|freeze|reach|be)|may (?:still|reach|stay|sit|be|end)|might|ignore|regardless|freez(?:e|es|ing)|frozen|only (?:progress|a (?:hint|display))|progress only|instead|rather than|is not|isn't|anti-?patterns?|(?:says|tells|proves|means) (?:you )?nothing|on its own|by itself)\b/i;
/**
 * Advice turned down after it is given: "you will be tempted to stop once it
 * shows 100; don't", "trust it at 1.0? No, and ...": the claim is stated to
 * be refused.
 */
const CORRECTED_RE = /\b(?:(?:be|are|feel|get|is|seems?) tempted to|temptation)\b|(?:^|[;,:—–]\s*)(?:but\s+)?(?:don'?t|do not|no|nope|never do (?:that|this|it))(?=\s*[,.;:!—–]|\s+and\b|\s*$)/im;
/** An answer that turns its question down ("Is the run done at 1.0? No: ..."). */
const ANSWER_DENIES_RE = /^\W*(?:no|nope|not (?:at all|really|necessarily))\b/i;
/** A progress tool described as deciding the end. */
const TOOL_END_RE = /\b(until|terminal|finished|completed?|done|ended|over|stop polling|tells? (?:you )?when)\b/i;

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  const all = blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line));
  all.forEach((sentence, i) => {
    const next = all[i + 1]?.line !== undefined && all[i + 1]!.line - sentence.line <= 1 ? all[i + 1]!.text : "";
    // A table row's context is its header; a sentence's, the sentences of the line right before it (a list item's, the item before).
    const before: string[] = [];
    for (let j = i - 1; j >= 0 && j >= i - 4 && sentence.line - all[j]!.line <= 1; j--) before.push(all[j]!.text);
    const previous = tableHeaderOf(lines, sentence.line) || before.join(" ");
    // A question is read with its answer: the condition in one, the consequence in the other.
    const answer = answerOf(all, i);
    const claimText = answer ? `${sentence.text} ${answer}` : sentence.text;
    const denied = DENY_RE.test(claimText) || CORRECTED_RE.test(claimText) || ANSWER_DENIES_RE.test(answer);
    const near = answer ? claimText : `${sentence.text} ${next}`;
    const progressNear = WORD_RE.test(near) || WORD_RE.test(previous);
    const until = progressNear ? UNTIL_RE.exec(sentence.text) : null;
    const compare = COMPARE_RE.exec(sentence.text) ?? until;
    const read = compare !== null && (compare === until || READ_RE.test(near.replace(compare[0], " ")));
    let found: { offset: number; message: string } | undefined;
    if (compare && read && !denied) {
      found = {
        offset: compare.index,
        message: `"${compare[0].trim()}" reads progress against its full mark as running or finished: progress is elapsed time and freezes when a run aborts or errors; decide with the status tool's state`,
      };
    } else if ((WORD_RE.test(sentence.text) || WORD_RE.test(previous) || RUN_PERCENT_RE.test(sentence.text)) && !DENIES_RE.test(claimText) && !CORRECTED_RE.test(claimText) && !ANSWER_DENIES_RE.test(answer)) {
      // The claim, in any wording: below the full mark read as going on, or at it read as the end;
      // a question's comparison counts, its answer's own comparisons are the answer's.
      const claim = fullMarkAsEnd(claimText);
      if (claim && claim.offset < sentence.text.length) found = { offset: claim.offset, message: `"${claim.text.trim()}" makes progress's full mark the end of the work: progress is elapsed time and freezes when a run aborts or errors; decide with the status tool's state` };
      // Short of the mark, a value read as the run's state either way: "0.97 means not ended", "past 99 % it is finished".
      const value = found ? undefined : valueAsState(claimText);
      if (value && value.offset < sentence.text.length) found = { offset: value.offset, message: `"${value.text.trim()}" reads a progress value as the run ${value.reading === "ended" ? "having ended" : "not having ended"}: progress is elapsed time and freezes when a run aborts or errors, so no value of it tells; decide with the status tool's state` };
    }
    if (!found && (WORD_RE.test(sentence.text) || WORD_RE.test(previous))) {
      // A frozen value read as still going ("progress frozen at 0.7 | the run is still going"): the freeze is the premise here, not the correction.
      const value = valueAsState(claimText);
      if (value && value.reading === "not ended" && value.offset < sentence.text.length && FROZEN_RE.test(claimText) && !DENY_RE.test(claimText.replace(new RegExp(FROZEN_RE.source, "gi"), " ")) && !CORRECTED_RE.test(claimText)) {
        found = { offset: value.offset, message: `"${value.text.trim()}" reads a progress value as the run not having ended: progress is elapsed time and freezes when a run aborts or errors, so no value of it tells; decide with the status tool's state` };
      }
    }
    if (!found) {
      for (const tool of PROGRESS_TOOLS) {
        const at = sentence.text.indexOf(tool);
        if (at >= 0 && TOOL_END_RE.test(claimText.slice(at)) && !denied) {
          found = { offset: at, message: `${tool} is progress only: it never tells that work has ended (it freezes on ABORTED or ERROR); decide with the status tool` };
        }
      }
    }
    if (!found) return;
    // A question's claim is made by its answer ("Can I stop once progress reads 1.0?" "Yes"): on a line of its own, the answer is where it is said.
    const replied = answer && all[i + 1] && all[i + 1]!.line > sentence.line ? all[i + 1]! : undefined;
    const where = replied ? replied.at(Math.max(0, replied.text.search(/\S/))) : sentence.at(found.offset);
    if (findings.some((f) => f.line === where.line)) return;
    findings.push({ ...where, message: found.message });
  });
  return findings;
}

export const policyProgressRule: Rule = {
  id: "policy-progress",
  description:
    "progress (`get_bench_status`) is never used or described as the end of a wait, nor compared with its full mark and read as running or finished",
  check,
};
