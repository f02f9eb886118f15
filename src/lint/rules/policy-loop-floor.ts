// A /loop interval under a minute (or not in whole minutes) is rounded up by
// cron: a skill must not present it as exact. Reported: `/loop 30s` with no
// word on rounding, and prose that maps sub-minute cadences straight to a
// /loop interval ("the cadence table maps straight to the /loop interval",
// "/loop every 15 seconds"), and the poll cadence handed to a scheduler in
// words, named by its source or handed over exactly ("the spacing you
// computed", "strictly that period"), and an interval under the floor written
// as a frequency ("a CronCreate job firing twice a minute") or handed to
// ScheduleWakeup ("pass the cadence N as the delay (6 s for ...)").
import { CADENCE_MIN_S, CRON_FLOOR_S, SCHEDULE_WAKEUP_MIN_S } from "../../policy/index.js";
import { CADENCE_REFERENCE_RE, HANDED_RE, lengthsOf, paces, workDurations, type Scheduler } from "../claims.js";
import { loopCommands } from "../claude-calls.js";
import { blockSentences, isQuestion, questionOf } from "../prose.js";
import type { Finding, LintFile, Rule } from "../types.js";

const ROUNDING_RE =
  /\b(round(?:s|ed)? up|rounded|whole minutes?|not every|at least (?:a|one) minute|finest step|minimum is (?:a|one) minute|floor|no (?:[\w-]+ )?(?:finer|shorter|smaller) than (?:a|one) minute|(?:a|one)[- ]minute (?:minimum|step)|clamp\w*|raised to)\b/i;
/** A rounding remark that covers sub-minute cadences, not only 60 s. */
const SUBMINUTE_RE = /\b(under|below|less than|shorter than|sub-?)[- ]?(?:a |one )?minute\b|\b(?:[1-9]|[1-5]\d)\s*(?:s|sec\w*)\b[^.;]*\bround/i;
const LOOP_RE = /(?<![\w/])\/loop\b/;
const MAPPING_RE = /\b(?:maps?|mapped|mapping|translat\w+|convert\w*|becomes?|turns? into|feed)\b[^.;]{0,60}?\b(?:straight|directly|as[- ]is|one[- ]to[- ]one|unchanged|same)\b|\b(?:straight|directly)\s+(?:to|into|as)\b/i;
/** A scheduler said to keep a cadence to the second: "`/loop` follows it to the second", "matches N exactly". */
const FOLLOWS_RE = /\b(?:follows?|keeps? to|tracks?|matches|honou?rs)\s+(?:it|N|that|the (?:cadence|interval|pace))\s+(?:to the (?:very )?second|exactly|precisely|second for second)\b/i;
const NEGATED_BEFORE_RE = /(?:\bnever|\bnot|n't|\bno longer)\s+(?:[\w-]+\s+)?$/i;
function followsClaim(text: string): boolean {
  const m = FOLLOWS_RE.exec(text);
  return m !== null && !NEGATED_BEFORE_RE.test(text.slice(Math.max(0, m.index - 24), m.index));
}
const SECONDS_RE = /\b(?:every\s+)?(\d+)\s*(?:s|secs?|seconds?)\b|\{N\}s|<N>s|\bNs\b|\$\{?N\}?s/gi;
/** A value set aside as the wrong one: "`/loop 1m`, not 30 s", "rather than 20 seconds". */
const CORRECTED_BEFORE_RE = /(?:\bnot|\bnever|\brather than|\binstead of|\bno)\s*$/i;
const corrected = (text: string, at: number): boolean => CORRECTED_BEFORE_RE.test(text.slice(Math.max(0, at - 14), at));
/** The first sub-minute interval written after /loop that is not set aside as the wrong one. */
function firstSeconds(text: string): RegExpExecArray | null {
  for (const m of text.matchAll(SECONDS_RE)) if (!corrected(text, m.index!)) return m as RegExpExecArray;
  return null;
}

/**
 * Schedulers that repeat a prompt, with the finest step the harness gives
 * them: /loop and CronCreate run on cron, ScheduleWakeup clamps its delay.
 */
const SCHEDULERS: readonly Scheduler[] = [
  { name: "/loop", pattern: LOOP_RE, floorSeconds: CRON_FLOOR_S, wholeMinutes: true },
  { name: "CronCreate", pattern: /\bCronCreate\b/, floorSeconds: CRON_FLOOR_S, wholeMinutes: true },
  { name: "ScheduleWakeup", pattern: /\bScheduleWakeup\b/, floorSeconds: SCHEDULE_WAKEUP_MIN_S, wholeMinutes: false },
];
/** A written interval in whole units: "/loop 2m", "every 5 minutes". */
const WRITTEN_RE = /\b(\d+)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hours?)\b/gi;
/**
 * Intervals written for the scheduler: in whole units ("/loop 2m", "every 5
 * minutes") or as a frequency ("twice a minute", "every half minute"); not
 * the work's own duration ("for a 30 s validation").
 */
function writtenSeconds(text: string): number[] {
  const work = workDurations(text);
  const units = [...text.matchAll(WRITTEN_RE)]
    .filter((m) => !work.some((d) => m.index! >= d.offset && m.index! < d.end) && !corrected(text, m.index!))
    .map((m) => Number(m[1]) * (/^h/i.test(m[2]!) ? 3600 : /^m/i.test(m[2]!) ? 60 : 1));
  // "ScheduleWakeup with delaySeconds 30": the parameter's own unit is the second.
  const delays = [...text.matchAll(/\bdelaySeconds\b\s*(?:[:=]\s*|of\s+|set to\s+)?(\d+)\b(?!\s*(?:ms|min|m\b|h\b))/g)].map((m) => Number(m[1]));
  return [...units, ...delays, ...paces(text).map((p) => p.seconds)];
}

/**
 * The claim: a scheduler is handed the poll cadence (that interval, the
 * cadence, N) or a written interval under its floor, as if it ran that
 * often. The cadence goes down to the policy's minimum, under every floor.
 */
const DELAY_PARAM_RE = /\bdelaySeconds\b/;
const WAKEUP_CALL_RE = /^ScheduleWakeup\s*\(\s*(?:delaySeconds\s*[:=]\s*)?(\d+)\s*[,)]/;

function schedulerClaim(text: string): { scheduler: Scheduler; offset: number; seconds?: number } | undefined {
  if (ROUNDING_RE.test(text)) return undefined;
  for (const scheduler of SCHEDULERS) {
    const named = scheduler.pattern.exec(text);
    if (!named) continue;
    // A call with the delay as its argument ("ScheduleWakeup(45)") hands it over.
    const call = scheduler.name === "ScheduleWakeup" ? WAKEUP_CALL_RE.exec(text.slice(named.index)) : null;
    if (call && Number(call[1]) < scheduler.floorSeconds) return { scheduler, offset: named.index, seconds: Number(call[1]) };
    // A delay said before the scheduler it is handed to ("Twenty seconds works, since ScheduleWakeup fires after whatever delaySeconds you pass").
    const said = DELAY_PARAM_RE.test(text) ? lengthsOf(text.slice(0, named.index)).map((l) => l.seconds) : [];
    const written = [...writtenSeconds(text.slice(named.index)), ...said];
    const under = written.find((seconds) => seconds < scheduler.floorSeconds || (scheduler.wholeMinutes && seconds % CRON_FLOOR_S !== 0));
    // A delay ScheduleWakeup is said to take is harness-claims' (its clamp); here only one handed to it, or the cadence with it.
    const handed = scheduler.name !== "ScheduleWakeup" || HANDED_RE.test(text) || CADENCE_REFERENCE_RE.test(text);
    if (under !== undefined && handed) return { scheduler, offset: named.index, seconds: under };
    if (written.length === 0 && CADENCE_REFERENCE_RE.test(text) && CADENCE_MIN_S < scheduler.floorSeconds) return { scheduler, offset: named.index };
  }
  return undefined;
}

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const lines = new Set<number>();
  for (const loop of loopCommands(file)) {
    if (loop.generated || loop.forbidden || loop.seconds === undefined || loop.seconds % CRON_FLOOR_S === 0) continue;
    if (ROUNDING_RE.test(loop.lineText)) continue;
    const real = Math.max(1, Math.ceil(loop.seconds / CRON_FLOOR_S));
    lines.add(loop.line);
    findings.push({
      line: loop.line,
      column: loop.column,
      message: `/loop ${loop.token} runs every ${real} min, not every ${loop.seconds} s (cron's finest step is ${CRON_FLOOR_S} s); write ${real}m or say it is rounded up`,
    });
  }
  const { lines: text, prose, generatedLines, frontmatterEnd } = file.scan;
  const skip = (line: number) => line <= frontmatterEnd || generatedLines.has(line);
  const all = [...blockSentences(text, prose, skip)];
  for (const [index, sentence] of all.entries()) {
    const loop = LOOP_RE.exec(sentence.text);
    if (!loop) {
      // An answer that names no scheduler hands its delay to the one its question names ("I'm on ScheduleWakeup. The 4-minute job?" "every 24 seconds, that's N").
      const question = SCHEDULERS.some((s) => s.pattern.test(sentence.text)) ? "" : questionOf(all, index);
      const asked = question && SCHEDULERS.some((s) => s.pattern.test(question)) ? schedulerClaim(`${question} ${sentence.text}`) : undefined;
      const claim = asked ? { ...asked, offset: Math.max(0, sentence.text.search(/[^\s>]/)) } : schedulerClaim(sentence.text);
      if (!claim) continue;
      const where = sentence.at(claim.offset);
      if (lines.has(where.line)) continue;
      lines.add(where.line);
      findings.push({ ...where, message: floorMessage(claim.scheduler, claim.seconds) });
      continue;
    }
    const where = sentence.at(loop.index);
    if (lines.has(where.line)) continue;
    // A question claims nothing ("Can /loop check every 30 seconds?"): its answer is read on its own.
    if (isQuestion(sentence.text)) continue;
    const mapping = (MAPPING_RE.test(sentence.text) || followsClaim(sentence.text)) && /\b(cadence|interval|N\b|table|seconds?|polls?)\b/i.test(sentence.text);
    const seconds = firstSeconds(sentence.text.slice(loop.index));
    const subMinute = seconds !== null && (seconds[1] === undefined || Number(seconds[1]) % CRON_FLOOR_S !== 0);
    const claim = !mapping && !subMinute ? schedulerClaim(sentence.text) : undefined;
    if (!mapping && !subMinute && !claim) continue;
    if (ROUNDING_RE.test(sentence.text) && (!mapping || SUBMINUTE_RE.test(sentence.text))) continue;
    lines.add(where.line);
    findings.push({
      ...where,
      message: `a cadence under a minute does not map straight to /loop: cron's finest step is ${CRON_FLOOR_S} s, so /loop polls every minute; say so, or wait another way`,
    });
  }
  return findings;
}

function floorMessage(scheduler: Scheduler, seconds: number | undefined): string {
  const handed = seconds === undefined ? `the poll cadence (down to ${CADENCE_MIN_S} s)` : `${seconds} s`;
  return `${scheduler.name} cannot repeat every ${handed}: its finest step is ${scheduler.floorSeconds} s, so it fires at most once every ${scheduler.floorSeconds} s; say so, or wait another way`;
}

export const policyLoopFloorRule: Rule = {
  id: "policy-loop-floor",
  description:
    `no interval under its floor handed to \`/loop\`, CronCreate or ScheduleWakeup as exact: a sub-minute \`/loop\`, a job "twice a minute", a wake-up delay under ${SCHEDULE_WAKEUP_MIN_S} s, the poll cadence ("that interval") mapped straight to a scheduler`,
  check,
};
