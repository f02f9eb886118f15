// Reads written in the prose after an OctoPerf tool's code span: the code
// spans after a reading verb ("returns", "gives", "->"...), up to the end of
// the sentence or the next tool, across wrapped lines.
import type { CodeSpan } from "./markdown.js";
import { FIELD_RE, LITERAL_RE, type ReadRef } from "./octoperf-calls.js";

const TOOLISH_RE = /^(?:mcp__\S+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?:\(.*\))?$/;
/** Verbs that introduce what a tool answers ("returns `url`"); not nouns ("the report"), not "with" (arguments follow it). */
const READ_VERB_RE = /\b(returns?|returned|gives|shows?|answers|reports|holds|lists|reads|until)\b|->|→/;
/** A preposition that hands the reads before it to the tool after it: "`SUCCESS` in `get_task_result`", "from", "via". */
const READ_OF_NEXT_RE = /\b(?:in|from|via|through|by|using|with|on)\s*$/i;
/** A type name (`BenchError`, `ThresholdAlarmReportItem`), not a field: OctoPerf fields are camelCase. */
const TYPE_NAME_RE = /^[A-Z][a-z]+[A-Z]?\w*$/;

/**
 * Reads in the prose after a tool span: code spans after a reading verb, up to
 * the end of the sentence or the next tool, across wrapped lines; plain ALL_CAPS
 * words right after a field span count as literals ("`state` FINISHED or ERROR").
 */
export function proseReads(span: CodeSpan, following: readonly CodeSpan[], lines: readonly string[]): ReadRef[] {
  const reads: ReadRef[] = [];
  let line = span.line;
  let from = span.column - 1 + span.text.length + 1;
  let verbSeen = false;
  for (let guard = 0; guard < 4; guard++) {
    const text = lines[line - 1] ?? "";
    const lineSpans = following.filter((s) => s.line === line && !s.fenced && s.column - 1 >= from);
    let cursor = from;
    for (const next of [...lineSpans, undefined]) {
      const gapEnd = next ? next.column - 2 : text.length;
      const gap = text.slice(cursor, Math.max(cursor, gapEnd));
      const stop = /[.;:!?](\s|$)|\(|\|/.exec(gap);
      const gapBefore = stop ? gap.slice(0, stop.index) : gap;
      if (READ_VERB_RE.test(gapBefore)) verbSeen = true;
      const previous = reads.at(-1);
      if (previous?.kind === "field" && previous.line === line) {
        for (const word of gapBefore.matchAll(/\b[A-Z][A-Z_]{2,}\b/g)) {
          reads.push({ text: word[0], kind: "literal", line, column: cursor + (word.index ?? 0) + 1 });
        }
      }
      if (stop || !next) {
        if (stop) return reads;
        break;
      }
      // "reads `SUCCESS` in `get_task_result`": what was read is the next tool's answer, not this one's.
      if (TOOLISH_RE.test(next.text)) return READ_OF_NEXT_RE.test(gapBefore) ? reads.filter((r) => r.line < line) : reads;
      if (verbSeen && TYPE_NAME_RE.test(next.text)) {
        // a type name, e.g. "returns `ReportItemValidation` (`valid` + `violations`)"
      } else if (verbSeen && (FIELD_RE.test(next.text) || LITERAL_RE.test(next.text))) {
        reads.push({ text: next.text, kind: LITERAL_RE.test(next.text) ? "literal" : "field", line, column: next.column });
      } else if (verbSeen) {
        const compare = /^([A-Za-z_][\w.[\]]*)\s*(?:==|=|!=)\s*([A-Za-z_]\w*)$/.exec(next.text);
        if (compare) {
          reads.push({ text: compare[1]!, kind: "field", line, column: next.column });
          if (LITERAL_RE.test(compare[2]!)) reads.push({ text: compare[2]!, kind: "literal", line, column: next.column + next.text.lastIndexOf(compare[2]!) });
        }
      }
      cursor = next.column - 1 + next.text.length + 1;
    }
    const upcoming = lines[line] ?? "";
    if (upcoming.trim() === "" || /^\s*([-*>#|]|\d+\.)\s/.test(upcoming) || /^\s*(```|~~~)/.test(upcoming)) return reads;
    line++;
    from = 0;
  }
  return reads;
}
