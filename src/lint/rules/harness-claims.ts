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
// - "Monitor can keep watching up to two hours", "a background Bash is
//   killed after 10 minutes at most": Monitor's timeout_ms and a background
//   Bash's timeout have a default and a cap (sdk-tools.d.ts); a foreground
//   Bash's timeout has a cap.
// - "Claude Code runs a `sleep 40` without complaint": the converse of the
//   refusal claim, a sleep it refuses said to run.
// A claim that names a long sleep ("sleeps of 30 s and more are blocked")
// or says the delay is clamped agrees with the client and stays silent, and
// so does a refusal negated ("a `sleep 5` is never refused").
import {
  BASH_BACKGROUND_DEFAULT_TIMEOUT_MS,
  BASH_BACKGROUND_MAX_TIMEOUT_MS,
  CLAUDE_MAX_SLEEP_S,
  CLAUDE_SLEEP_REFUSAL_THRESHOLD_S,
  formatDuration,
  MONITOR_DEFAULT_TIMEOUT_MS,
  MONITOR_MAX_TIMEOUT_MS,
  OBSERVED_CLAUDE_CODE_VERSION,
  SCHEDULE_WAKEUP_MAX_S,
  SCHEDULE_WAKEUP_MIN_S,
} from "../../policy/index.js";
import { propertyLimit } from "../../schemas/claude-code.js";
import { CADENCE_REFERENCE_RE, HANDED_RE, HARNESS_SUBJECT_RE, lengthsOf, PERMISSION_RE, REFUSAL_RE } from "../claims.js";
import { blockSentences, questionOf, type Sentence } from "../prose.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

/** A sentence that says sleeping is refused, blocked or impossible. */
const BLOCK_RE = REFUSAL_RE;
const SLEEP_RE = /\bsleep(?:s|ing)?\b|`sleep[^`]*`/i;
const HARNESS_RE = HARNESS_SUBJECT_RE;
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
  // The same delay in words ("will hold off for two hours"): only past the cap, since a short one in words is a cadence.
  for (const length of lengthsOf(text)) {
    if (length.seconds > SCHEDULE_WAKEUP_MAX_S) return { offset: length.offset, seconds: length.seconds };
  }
  return undefined;
}

/** How long a Claude Code tool may run: its cap and, where the client states it, its default. */
interface TimeLimit {
  readonly tool: string;
  readonly what: string;
  readonly param: string;
  readonly capS: number;
  readonly defaultS?: number;
}

/** The tool a sentence names: `Monitor` (not the verb "Monitor the run"), Bash (in the background or not). */
const MONITOR_RE = /\bMonitor\b/g;
/** At a sentence's start "Monitor" is the verb ("Monitor the run") unless the tool is meant ("Monitor stops", "Monitor's"). */
const MONITOR_TOOL_AFTER_RE = /^(?:`|'s|\s+(?:can|cannot|can't|stops|watches|keeps|is|will|times|runs|lasts|waits|tool)\b)/;
const isMonitorTool = (text: string, at: number): boolean =>
  /\w/.test(text.slice(0, at)) || MONITOR_TOOL_AFTER_RE.test(text.slice(at + "Monitor".length, at + "Monitor".length + 10));
const BASH_RE = /`Bash`|\bBash\b|\brun_in_background\b/g;
const BACKGROUND_RE = /\bbackground\b|run_in_background/i;
/** A length said to be the most ("up to", "at most", "capped at", "raised to"). */
const MAX_BEFORE_RE = /\b(?:up to|at most|at the most|no more than|not more than|(?:a )?maximum(?: of)?|max\.?|capped (?:at|to)|caps? (?:at|of)|a cap of|limit(?:ed)? (?:of|to|at)|raised to|as long as|as much as|longest(?: is)?|for as long as)\s*(?:a |an |of )?$/i;
const MAX_AFTER_RE = /^\s*(?:at most|at the most|max(?:imum)?|tops|or less)\b/i;
/** A length said to be the most by negation: "can never run longer than", "won't last past", "no more than". */
const MAX_NEGATED_BEFORE_RE = /(?:\bnever|\bnot|n't|\bcannot|\bno)\s+(?:[\w-]+\s+){0,2}?(?:longer|more|past|beyond|over|after)(?:\s+than)?\s*(?:a |an )?$/i;
/** A length said to be the least the tool can go: "for an hour or more", "two hours and longer". */
const AT_LEAST_AFTER_RE = /^\s*(?:or (?:more|longer|beyond)|and (?:more|longer|beyond|up)|plus|at (?:the )?least)\b/i;
/**
 * A limit said to be none, in words and no number: "has no upper limit",
 * "runs forever", "never times out", "for as long as you like".
 */
const UNBOUNDED_RE =
  /\b(?:(?:has|have|with|there(?:'s| is)) no (?:upper |time |hard |real )?(?:limit|cap|ceiling|maximum|timeout|time limit)|no (?:upper |time |hard )(?:limit|cap|bound)|unlimited|unbounded|indefinitely|forever|for ever|never (?:times? out|expires?|stops|ends|is killed|gets killed|dies)|(?:for )?as long as (?:you (?:like|want|need)|needed|necessary|it takes|the (?:run|test|soak|work) (?:lasts|takes))|without (?:a |any )?(?:limit|cap|time ?limit|timeout|end))\b/i;
/** A negation just before the unbounded wording: "is not unlimited", "doesn't run forever". */
const NOT_BEFORE_UNBOUNDED_RE = /(?:\bnot|n't|\bnever|\bcannot)\s+(?:[\w-]+\s+){0,2}$/i;
/** A timeout being set: "its timeout set to an hour", "timeout_ms of". */
const SET_BEFORE_RE = /\btime-?out(?:_ms)?\s+(?:set to|of|at|=|:)\s*(?:a |an )?$/i;
/** A timeout set in milliseconds: "sets timeout 3600000", "timeout_ms: 3600000". */
const SET_MS_RE = /\btime-?out(?:_ms)?\s*(?:set to\s+|of\s+|=\s*|:\s*)?(\d{4,})\b(?!\s*(?:s\b|sec|min|h\b))/gi;
/** A length pointed back at as allowed: "allows that much", "lets it run that long", "is fine for that". */
const ALLOWS_THAT_RE = /^[^.;]{0,60}?\b(?:allows|permits|lets it (?:run|last|go on)|supports|handles|covers)\s+(?:that|this|it)(?:\s+(?:much|long|far))?\b/i;
/** A length said to be the default. */
const DEFAULT_BEFORE_RE = /\bdefault(?:\s+(?:timeout|time-?out|time limit|limit|wait))?(?:s to| of| is|\s+is|\s+of|\s+sits at|\s+stands at)?\s*(?:a |an |of )?$/i;
const DEFAULT_RE = /\b(?:by default|when no timeout|without a timeout|if no timeout|unless (?:a |another )?timeout|default)\b/i;
/** A length after which the tool is said to stop. */
const ENDS_BEFORE_RE = /\b(?:killed|stopped|stops|ends|ended|expires?|times? out|timed out|cut off|terminated|gives up|dies)\b[^.;,]{0,15}?\bafter\s*(?:a |an )?$/i;
/** The length of the work, not the tool's: "a run of up to 2 hours", "runs up to 3h" (a noun: not "it can run up to"). */
const WORK_BEFORE_RE = /(?<!\b(?:can|cannot|may|might|will|would|could|should|must|to|it|they)\s)\b(?:runs?|tests?|soaks?|validations?|exports?|jobs?|waits?)\s+(?:of\s+|lasting\s+|taking\s+)?(?:up to|at most|no more than)?\s*(?:a |an )?$/i;

/**
 * A limit written as a key and its value, as a checklist or config does:
 * "`monitor.max_timeout_ms`: 3600000", "bash_background.default_timeout_s = 600".
 */
const KEY_LIMIT_RE =
  /`?\b(monitor|bash_background|background_bash|bash)[._](?:[a-z]+_)*?(max|maximum|cap|default)_(?:[a-z]+_)*?timeout(?:_([a-z]+))?`?\s*[:=]\s*`?(\d+(?:\.\d+)?)/i;
function keyClaim(text: string, limits: ReturnType<typeof limitsOf>): { offset: number; message: string } | undefined {
  const m = KEY_LIMIT_RE.exec(text);
  if (!m) return undefined;
  const tool = m[1]!.toLowerCase();
  const limit = tool === "monitor" ? limits.monitor : tool === "bash" ? limits.foreground : limits.background;
  if (!limit) return undefined;
  const perUnit: Readonly<Record<string, number>> = { ms: 0.001, s: 1, sec: 1, seconds: 1, m: 60, min: 60, minutes: 60, h: 3600, hours: 3600 };
  const scale = perUnit[(m[3] ?? "ms").toLowerCase()];
  if (scale === undefined) return undefined;
  const message = judgeLength(limit, m[2]!.toLowerCase() === "default" ? "default" : "max", Number(m[4]) * scale);
  return message === undefined ? undefined : { offset: m.index, message };
}

/** Where a limit's figures come from, for a message. */
const sourceOf = (limit: TimeLimit): string =>
  `Claude Code ${OBSERVED_CLAUDE_CODE_VERSION}: ${limit.param} ${limit.defaultS === undefined ? "" : `defaults to ${formatDuration(limit.defaultS)}, `}capped at ${formatDuration(limit.capS)}`;

/** What is wrong with a length said to be a limit of a tool (its most, its least, its default, where it stops), or undefined. */
function judgeLength(limit: TimeLimit, kind: "max" | "at least" | "default" | "ends", seconds: number): string | undefined {
  const cap = formatDuration(limit.capS);
  const fallback = limit.defaultS === undefined ? undefined : formatDuration(limit.defaultS);
  const said = formatDuration(seconds);
  const source = sourceOf(limit);
  if (kind === "at least" && seconds > limit.capS) return `${limit.tool} can ${limit.what} ${cap} at most, not ${said} or more (${source})`;
  if (kind === "max" && seconds !== limit.capS) return `${limit.tool} can ${limit.what} ${cap} at most, not ${said} (${source})`;
  if (kind === "default" && fallback !== undefined && seconds !== limit.defaultS) return `${limit.tool} stops after ${fallback} by default, not ${said} (${source})`;
  if (kind === "ends" && fallback !== undefined && seconds !== limit.capS && seconds !== limit.defaultS) return `${limit.tool} stops after ${fallback} by default and ${cap} at most, not ${said} (${source})`;
  return undefined;
}

function limitsOf(context: LintContext): { monitor: TimeLimit; background: TimeLimit; foreground?: TimeLimit } {
  const foregroundMs = propertyLimit(context.claudeCode, "Bash", "timeout", "maximum");
  return {
    monitor: { tool: "Monitor", what: "watch", param: "timeout_ms", capS: MONITOR_MAX_TIMEOUT_MS / 1000, defaultS: MONITOR_DEFAULT_TIMEOUT_MS / 1000 },
    background: { tool: "a background Bash", what: "run", param: "timeout", capS: BASH_BACKGROUND_MAX_TIMEOUT_MS / 1000, defaultS: BASH_BACKGROUND_DEFAULT_TIMEOUT_MS / 1000 },
    ...(foregroundMs !== undefined ? { foreground: { tool: "a foreground Bash", what: "run", param: "timeout", capS: foregroundMs / 1000 } } : {}),
  };
}

/**
 * A time limit of Monitor or Bash the client contradicts: a length said to be
 * the most ("Monitor watches up to two hours") other than the cap, one said to
 * be the default other than the default, one after which the tool is said to
 * stop that is neither. A length chosen ("a timeout of 15 minutes") or the
 * work's ("a run of up to 2 hours") is no claim. The tool named nearest the
 * length is the one limited.
 */
function limitClaim(text: string, context: LintContext): { offset: number; message: string } | undefined {
  const limits = limitsOf(context);
  const keyed = keyClaim(text, limits);
  if (keyed) return keyed;
  const named = [
    ...[...text.matchAll(MONITOR_RE)].filter((m) => isMonitorTool(text, m.index!)).map((m) => ({ at: m.index!, limit: limits.monitor })),
    ...[...text.matchAll(BASH_RE)].flatMap((m) => {
      const limit = BACKGROUND_RE.test(text) ? limits.background : limits.foreground;
      return limit ? [{ at: m.index!, limit }] : [];
    }),
  ];
  if (named.length === 0) return undefined;
  const nearest = (at: number) => named.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0]!.limit;
  const unbounded = UNBOUNDED_RE.exec(text);
  if (unbounded && !NOT_BEFORE_UNBOUNDED_RE.test(text.slice(Math.max(0, unbounded.index - 30), unbounded.index))) {
    const limit = nearest(unbounded.index);
    return { offset: unbounded.index, message: `${limit.tool} cannot ${limit.what} without end: it stops after ${formatDuration(limit.capS)} at most, not "${unbounded[0]}" (${sourceOf(limit)})` };
  }
  // A timeout set past the cap ("its timeout set to an hour", "sets timeout 3600000"): the client refuses or cuts it.
  const set = [
    ...lengthsOf(text).filter((l) => SET_BEFORE_RE.test(text.slice(Math.max(0, l.offset - 30), l.offset))),
    ...[...text.matchAll(SET_MS_RE)].map((m) => ({ offset: m.index! + m[0].length - m[1]!.length, end: m.index! + m[0].length, seconds: Number(m[1]) / 1000 })),
  ];
  for (const length of set) {
    const limit = nearest(length.offset);
    if (length.seconds > limit.capS) return { offset: length.offset, message: `${limit.tool} can ${limit.what} ${formatDuration(limit.capS)} at most, so a timeout of ${formatDuration(length.seconds)} is past its cap (${sourceOf(limit)})` };
  }
  for (const length of lengthsOf(text)) {
    const before = text.slice(Math.max(0, length.offset - 40), length.offset);
    if (WORK_BEFORE_RE.test(before)) continue;
    const after = text.slice(length.end, length.end + 16);
    // "... for the whole weekend, and run_in_background allows that much": a length said to be let through is one it can reach.
    const allowed = ALLOWS_THAT_RE.test(text.slice(length.end, length.end + 80));
    const kind = allowed
      ? "at least"
      : MAX_BEFORE_RE.test(before) || MAX_AFTER_RE.test(after) || MAX_NEGATED_BEFORE_RE.test(before)
        ? "max"
        : AT_LEAST_AFTER_RE.test(after)
          ? "at least"
          : DEFAULT_BEFORE_RE.test(before)
            ? "default"
            : ENDS_BEFORE_RE.test(before)
              ? DEFAULT_RE.test(text)
                ? "default"
                : "ends"
              : undefined;
    if (!kind) continue;
    const message = judgeLength(nearest(length.offset), kind, length.seconds);
    if (message) return { offset: length.offset, message };
  }
  return undefined;
}

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  const sentences = [...blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line))];
  for (const [index, sentence] of sentences.entries()) {
    // A delay corrected in its block ("I asked ScheduleWakeup for 20 s. Cause: it clamps delaySeconds to 60") is no claim.
    const block = prose.affirmed.slice(sentence.block[0] - 1, sentence.block[1]).join(" ");
    const wakeup = CLAMP_RE.test(block) ? undefined : wakeupClaim(sentence.text);
    if (wakeup) {
      findings.push({
        ...sentence.at(wakeup.offset),
        message: `ScheduleWakeup cannot wait ${wakeup.seconds} s: Claude Code ${OBSERVED_CLAUDE_CODE_VERSION} clamps delaySeconds to [${SCHEDULE_WAKEUP_MIN_S}, ${SCHEDULE_WAKEUP_MAX_S}]`,
      });
      continue;
    }
    const limit = limitClaim(sentence.text, context) ?? askedLimit(sentences, index, context);
    if (limit) {
      findings.push({ ...sentence.at(limit.offset), message: limit.message });
      continue;
    }
    const refusal = BLOCK_RE.exec(sentence.text);
    if (!refusal) {
      const permitted = permissionClaim(sentence.text) ?? anaphoricPermission(sentences, index);
      if (permitted) findings.push({ ...sentence.at(permitted.offset), message: permitted.message });
      continue;
    }
    if (!SLEEP_RE.test(sentence.text) || !HARNESS_RE.test(sentence.text)) continue;
    const all = ALL_RE.test(sentence.text);
    const number = all ? null : NUMBER_RE.exec(sentence.text);
    const seconds = number ? Number(number[1] ?? number[2]) : all ? undefined : lengthsOf(sentence.text)[0]?.seconds;
    if (seconds !== undefined && seconds >= CLAUDE_SLEEP_REFUSAL_THRESHOLD_S) continue;
    if (seconds === undefined && !all && LONG_RE.test(sentence.text)) continue;
    const claim = seconds === undefined ? "every sleep is refused" : `a sleep of ${seconds} s is refused`;
    findings.push({
      ...sentence.at(refusal.index),
      message: `the claim that ${claim} contradicts Claude Code ${OBSERVED_CLAUDE_CODE_VERSION}: it runs a standalone \`sleep ${CLAUDE_MAX_SLEEP_S}\` and refuses \`sleep N\` only from N = ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S}`,
    });
  }
  return findings;
}

/** An answer that points back ("And a background Bash job?" "Its default timeout is two hours"): the limit of the tool its question names, said at the answer's start. */
function askedLimit(all: readonly Sentence[], index: number, context: LintContext): { offset: number; message: string } | undefined {
  const sentence = all[index]!;
  const question = questionOf(all, index);
  if (!question || !/^\W*(?:its?|they|their|that one|this one)\b/i.test(sentence.text)) return undefined;
  const claim = limitClaim(`${question} ${sentence.text}`, context);
  return claim && claim.offset > question.length ? { ...claim, offset: claim.offset - question.length - 1 } : claim && { ...claim, offset: 0 };
}

/**
 * The converse of a refusal: a sleep Claude Code refuses said to run
 * ("Claude Code runs a `sleep 40` without complaint", "any sleep is
 * accepted"). A background command is not a sleep between two calls.
 */
function permissionClaim(text: string): { offset: number; message: string } | undefined {
  const permit = PERMISSION_RE.exec(text);
  if (!permit || !SLEEP_RE.test(text) || !HARNESS_RE.test(text) || BACKGROUND_RE.test(text)) return undefined;
  // A permission of any harness, put as a condition, grants nothing in Claude Code.
  if (CONDITION_BEFORE_RE.test(text.slice(0, permit.index))) return undefined;
  const all = ALL_RE.test(text);
  const number = all ? null : NUMBER_RE.exec(text);
  const seconds = number ? Number(number[1] ?? number[2]) : undefined;
  if (seconds === undefined ? !all : seconds < CLAUDE_SLEEP_REFUSAL_THRESHOLD_S) return undefined;
  const claim = seconds === undefined ? "every sleep runs" : `a sleep of ${seconds} s runs`;
  return {
    offset: number?.index ?? permit.index,
    message: `the claim that ${claim} contradicts Claude Code ${OBSERVED_CLAUDE_CODE_VERSION}: it refuses \`sleep N\` from N = ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S} (a standalone \`sleep ${CLAUDE_MAX_SLEEP_S}\` is the longest that runs)`,
  };
}

/**
 * A permission of no harness in particular, put as a condition ("a bounded
 * sleep where the harness allows it, otherwise /loop"): it says nothing of
 * what Claude Code does. One that names Claude Code is still read.
 */
const CONDITION_BEFORE_RE = /\b(?:where|wherever|if|whenever|provided(?: that)?|as long as)\s+(?:the|your|an?|its)\s+(?:harness|client|agent|runtime|environment|host)\s+$/i;

/** A permission that points back ("...a `sleep 30` between calls; Claude Code runs that without complaint"): the sleep is the one just named in the block. */
const POINTS_BACK_RE = /\b(?:runs|ran|executes|allows|accepts|permits|tolerates|lets)\s+(?:that|it|this|them|those)\b/i;
function anaphoricPermission(all: readonly Sentence[], index: number): { offset: number; message: string } | undefined {
  const sentence = all[index]!;
  const before = all[index - 1];
  const pointer = POINTS_BACK_RE.exec(sentence.text);
  if (!pointer || !before || before.block[0] !== sentence.block[0] || SLEEP_RE.test(sentence.text) || !SLEEP_RE.test(before.text)) return undefined;
  const claim = permissionClaim(`${before.text} ${sentence.text}`);
  return claim && { offset: pointer.index, message: claim.message };
}

export const harnessClaimsRule: Rule = {
  id: "harness-claims",
  description:
    "no claim about Claude Code that the pinned client contradicts (\"Claude Code blocks all sleeps\", or runs a `sleep 40`; a delay ScheduleWakeup is said to take outside its clamp; Monitor's or Bash's timeout default and cap)",
  check,
};
