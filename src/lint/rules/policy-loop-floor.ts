// A /loop interval under a minute (or not in whole minutes) is rounded up by
// cron: a skill must not present it as exact. Reported: `/loop 30s` with no
// word on rounding, and prose that maps sub-minute cadences straight to a
// /loop interval ("the cadence table maps straight to the /loop interval",
// "/loop every 15 seconds").
import { CRON_FLOOR_S } from "../../policy/index.js";
import { loopCommands } from "../claude-calls.js";
import { blockSentences } from "../prose.js";
import type { Finding, LintFile, Rule } from "../types.js";

const ROUNDING_RE = /\b(round(?:s|ed)? up|rounded|whole minutes?|not every|at least (?:a|one) minute|finest step|minimum is (?:a|one) minute)\b/i;
/** A rounding remark that covers sub-minute cadences, not only 60 s. */
const SUBMINUTE_RE = /\b(under|below|less than|shorter than|sub-?)[- ]?(?:a |one )?minute\b|\b(?:[1-9]|[1-5]\d)\s*(?:s|sec\w*)\b[^.;]*\bround/i;
const LOOP_RE = /(?<![\w/])\/loop\b/;
const MAPPING_RE = /\b(?:maps?|mapped|mapping|translat\w+|convert\w*|becomes?|turns? into|feed)\b[^.;]{0,60}?\b(?:straight|directly|as[- ]is|one[- ]to[- ]one|unchanged|same)\b|\b(?:straight|directly)\s+(?:to|into|as)\b/i;
const SECONDS_RE = /\b(?:every\s+)?(\d+)\s*(?:s|secs?|seconds?)\b|\{N\}s|<N>s|\bNs\b|\$\{?N\}?s/i;

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
  for (const sentence of blockSentences(text, prose, skip)) {
    const loop = LOOP_RE.exec(sentence.text);
    if (!loop) continue;
    const where = sentence.at(loop.index);
    if (lines.has(where.line)) continue;
    const mapping = MAPPING_RE.test(sentence.text) && /\b(cadence|interval|N\b|table|seconds?|polls?)\b/i.test(sentence.text);
    const seconds = SECONDS_RE.exec(sentence.text.slice(loop.index));
    const subMinute = seconds !== null && (seconds[1] === undefined || Number(seconds[1]) % CRON_FLOOR_S !== 0);
    if (!mapping && !subMinute) continue;
    if (ROUNDING_RE.test(sentence.text) && (!mapping || SUBMINUTE_RE.test(sentence.text))) continue;
    lines.add(where.line);
    findings.push({
      ...where,
      message: `a cadence under a minute does not map straight to /loop: cron's finest step is ${CRON_FLOOR_S} s, so /loop polls every minute; say so, or wait another way`,
    });
  }
  return findings;
}

export const policyLoopFloorRule: Rule = {
  id: "policy-loop-floor",
  description: "no `/loop` interval under a minute presented as exact, in code or in prose that maps sub-minute cadences straight to `/loop`",
  check,
};
