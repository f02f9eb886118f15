// A set of values presented as the end of a wait equals a terminal set of the
// policy: "until `state` is FINISHED" (or "polled till it turns FINISHED")
// alone forgets ABORTED and ERROR. An end said by negation ("over as soon as
// `state` is no longer RUNNING") takes every other value for the end, so the
// negated values must be all the in-flight ones (CREATED, PENDING... too). A set
// qualified by its outcome ("terminal-success path (FINISHED / SUCCESS)",
// "failure path: ABORTED / ERROR / FAILED") is checked against the terminal
// values with that outcome, across operations.
import { OPERATIONS, type Outcome } from "../../policy/index.js";
import { andList, orList } from "../../calls/words.js";
import type { Finding, LintFile, Rule } from "../types.js";

const TERMINAL_SETS: readonly (readonly string[])[] = (() => {
  const sets = OPERATIONS.map((op) => op.terminal.map((a) => a.value).sort());
  const byField = new Map<string, Set<string>>();
  for (const op of OPERATIONS) {
    const values = byField.get(op.status.field) ?? new Set<string>();
    op.terminal.forEach((a) => values.add(a.value));
    byField.set(op.status.field, values);
  }
  return [...sets, ...[...byField.values()].map((values) => [...values].sort())];
})();
const IN_FLIGHT = new Set(OPERATIONS.flatMap((op) => op.inFlight));
const KNOWN = new Set([...IN_FLIGHT, ...OPERATIONS.flatMap((op) => op.terminal.map((a) => a.value))]);
/** Terminal values by the outcome they stand for, across every operation. */
const BY_OUTCOME: Readonly<Record<"success" | "failure", ReadonlySet<string>>> = {
  success: new Set(OPERATIONS.flatMap((op) => op.terminal.filter((a) => a.outcome === "succeeded").map((a) => a.value))),
  failure: new Set(OPERATIONS.flatMap((op) => op.terminal.filter((a) => (["failed", "partial"] as Outcome[]).includes(a.outcome)).map((a) => a.value))),
};

/**
 * Words that present what follows as the end of a wait: "until" and its
 * synonyms ("till", "up until"); the work's end state tied to a moment ("done
 * when", "counts as over as soon as", "is finished once"); stopping or
 * leaving the loop at a moment; "terminal", "final".
 */
const TRIGGER_RE =
  /(?<![\w'])((?:up )?until|till|'til|(?:done|over|finished|ended|complete[ds]?|at an end)(?: [\w-]+){0,2}? (?:when|once|as soon as|the moment)|(?:is |are )?(?:done|over|finished|ended|complete[ds]?) (?:at|on|with)|stop(?:s|ping)?(?: polling| waiting| the loop| looping| the wait)? (?:when|once|as soon as|on|at)|ends? (?:when|once|as soon as|on|at)|(?:can |will |only |always )*(?:lands?|settles?|comes? to rest) (?:on|at|in)|unless|(?:has|have|is|are) (?:ended|finished|over|done|completed?),? (?:then )?(?:its |the |their )?`?(?:state|status)`? (?:is|reads|will be|can (?:only )?be)|(?:break|leave|exit)(?: out of)?(?: the loop)? (?:when|once|as soon as)|terminal|final|once|as soon as|the moment)\b/gi;
/** A moment put first ("As soon as `state` is no longer RUNNING, the run is over"): an end only with the end state after it, read for negated values alone. */
const MOMENT_RE = /^(?:once|as soon as|the moment)$/;
const END_STATE_RE = /\b(?:done|over|finished|ended|complete[ds]?|at an end)\b/i;
/** "until" and its synonyms end a wait only after a verb of waiting. */
const UNTIL_RE = /^(?:up )?until$|^till$|^'til$/;
/**
 * A value negated in the end condition ("once `state` is no longer RUNNING",
 * "until it is anything but PENDING"): the wait ends on every other value,
 * so the negated values must be all of an operation's in-flight ones.
 */
const NEGATED_RE = /\b(?:no longer|not|neither|anything (?:but|other than|except)|other than|except|no more|stops? being|ceases? to be|leaves?|left|moves? (?:off|out of|on from|past|beyond)|past|beyond|out of)\b|n't\b/i;
const WAIT_VERB_RE = /\b(poll\w*|wait\w*|check\w*|loop\w*|repeat\w*|keep\w*|call\w*|sleep\w*|retry\w*|re-?check\w*|re-?run\w*|watch\w*|ask\w*)\b|get_[a-z_]+/i;
/** What follows an "unless" condition that keeps a wait going: ", poll again", ", keep waiting", ", check once more". */
const UNLESS_GOES_ON_RE = /^[`'"*_\s]*,\s*(?:then\s+)?(?:just\s+)?(?:keep\s+|go on\s+|carry on\s+)?(?:poll|wait|check|ask|call|loop|repeat|sleep|retry|re-?check|watch)\w*/i;
const CLAUSE_END_RE = /;|\.(\s|$)|\|/;
const SUCCESS_RE = /^[\s*_-]*(?:success(?:ful)?|succeeded|happy)\b|\bsuccess(?:ful)?[\s*_-]*$/i;
const FAILURE_RE = /^[\s*_-]*(?:fail(?:ure|ed)?|error|unhappy)\b|\bfail(?:ure|ed)?[\s*_-]*$/i;

/**
 * An end said as a condition and its consequence: "if the run reaches
 * FINISHED, ABORTED or ERROR, the wait is over", "when it reads SUCCESS or
 * FAILED, stop". The values in the condition are the end.
 */
const CONDITION_END_RE =
  /\b(?:if|when|whenever)\b([^.;|]*?),\s*(?:then\s+)?(?:stop\b|break\b|exit\b|quit\b|you(?:'re| are) done\b|(?:the|your) (?:wait|loop|polling|watch)(?: [\w-]+)? (?:is|'s) (?:over|done|finished)\b|it(?:'s| is) (?:over|done|finished)\b)/gi;
/**
 * A success value as the gate of a next step, not the end of a wait: "hold
 * off on the report until the task says SUCCESS", "don't read it until ...",
 * "wait until its task reads SUCCESS first". The step waits for success; the
 * wait's own end is said elsewhere.
 */
const GATE_BEFORE_RE =
  /\b(?:hold(?:s|ing)? off|hold back|(?:don'?t|do not|must not|mustn't|shouldn'?t|should not|never)\s+(?:trust|use|read|open|call|start|run|touch|download|fetch|re-?validate|validate)|not before)\b/i;
/** After the success value: "first", "before ...", or the next step it opens ("until SUCCESS, then download the PDF"). */
const GATE_AFTER_RE = /^[\s`*_]*(?:first|before\b|,?\s*(?:and\s+)?then\s+(?:download|read|open|fetch|use|call|list|get|re-?validate|validate|run|start|export|import|apply)\b)/i;
/** Tools and nouns that name one operation, whose terminal set is then the one meant. */
const OP_NOUNS: Readonly<Record<string, RegExp>> = {
  "pdf-batch-export": /\b(?:batch|bulk) (?:pdf )?exports?\b|\bexports? of (?:several|many|multiple|up to \d+) (?:bench )?reports\b/i,
  "pdf-export": /(?<!(?:batch|bulk) )\b(?:single |one )(?:pdf )?export\b|\bsingle[- ](?:bench[- ])?report (?:pdf )?(?:task|export)\b/i,
};
/** The terminal set of the one operation a line names, if it names one (or several that agree). */
function namedSet(text: string): { readonly values: readonly string[]; readonly title: string } | undefined {
  const ops = OPERATIONS.filter((op) => new RegExp(String.raw`\b${op.startTool}\b`).test(text) || OP_NOUNS[op.id]?.test(text));
  const sets = new Set(ops.map((op) => op.terminal.map((a) => a.value).sort().join(" ")));
  if (ops.length === 0 || sets.size !== 1) return undefined;
  return { values: ops[0]!.terminal.map((a) => a.value), title: ops[0]!.title };
}

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const { prose, generatedLines } = file.scan;
  prose.affirmed.forEach((text, index) => {
    const line = index + 1;
    if (generatedLines.has(line)) return;
    const row = rowClaim(text);
    if (row) {
      findings.push({ line, column: 1, message: row });
      return;
    }
    const single = singleEnd(text);
    if (single) {
      findings.push({ line, column: single.column, message: single.message });
      return;
    }
    for (const trigger of text.matchAll(TRIGGER_RE)) {
      const word = trigger[1]!.toLowerCase();
      const before = text.slice(0, trigger.index).toLowerCase();
      if (/(not|non-|never|no)\s*$/.test(before)) continue;
      // "until" ends a wait only after a verb of waiting ("poll until", "wait until"), not "stay unreadable until".
      if (UNTIL_RE.test(word) && !WAIT_VERB_RE.test(before.split(/[.;:!?]/).at(-1) ?? "")) continue;
      const after = text.slice(trigger.index! + trigger[0].length);
      const end = CLAUSE_END_RE.exec(after);
      const clause = end ? after.slice(0, end.index) : after;
      const literals = [...new Set([...clause.matchAll(/\b[A-Z][A-Z_]{2,}\b/g)].map((m) => m[0]).filter((v) => KNOWN.has(v)))];
      const needed = word === "terminal" || word === "final" ? 2 : 1;
      if (literals.length < needed) continue;
      // "unless" ends a wait only when its consequence is to go on waiting ("Unless it is ..., poll again"), not a gate ("..., don't trust X").
      if (word === "unless" && !UNLESS_GOES_ON_RE.test(clause.slice(clause.lastIndexOf(literals.at(-1)!) + literals.at(-1)!.length))) continue;
      const inFlight = literals.filter((v) => IN_FLIGHT.has(v));
      const firstLiteral = clause.search(/\b[A-Z][A-Z_]{2,}\b/);
      const negatedValues = NEGATED_RE.test(clause.slice(0, firstLiteral));
      if (MOMENT_RE.test(word) && !(negatedValues && END_STATE_RE.test(clause.slice(clause.lastIndexOf(literals.at(-1)!))))) continue;
      if (negatedValues) {
        const negated = negatedEnd(literals);
        if (negated) findings.push({ line, column: trigger.index! + 1, message: negated });
        continue;
      }
      // A success value that gates a next step ("hold off on X until ... SUCCESS", "until SUCCESS first") is no end of a wait.
      const rest = clause.slice(clause.lastIndexOf(literals.at(-1)!) + literals.at(-1)!.length);
      if (literals.every((v) => BY_OUTCOME.success.has(v)) && (GATE_BEFORE_RE.test(before) || GATE_AFTER_RE.test(rest))) continue;
      // A qualifier is a word beside the trigger ("success states: ..."), never one of the values themselves (`SUCCESS`).
      const [head, tail] = [after, before].map((side) => side.replace(/`[A-Z][A-Z_]*`/g, " ").replace(/\b[A-Z][A-Z_]{2,}\b/g, (v) => (KNOWN.has(v) ? " ".repeat(v.length) : v)));
      const near = (re: RegExp) => re.test(head!.slice(0, 12)) || re.test(tail!.slice(-12));
      const qualifier = near(SUCCESS_RE) ? "success" : near(FAILURE_RE) ? "failure" : undefined;
      const message = judge(literals, unknownValues(clause), qualifier, text);
      if (message) findings.push({ line, column: trigger.index! + 1, message });
    }
    if (findings.some((f) => f.line === line)) return;
    for (const condition of text.matchAll(CONDITION_END_RE)) {
      const clause = condition[1]!;
      const literals = [...new Set([...clause.matchAll(/\b[A-Z][A-Z_]{2,}\b/g)].map((m) => m[0]).filter((v) => KNOWN.has(v)))];
      if (literals.length === 0 || NEGATED_RE.test(clause.slice(0, clause.search(/\b[A-Z][A-Z_]{2,}\b/)))) continue;
      // "the wait is over and the run failed": the values are the failure ones.
      const consequence = text.slice(condition.index! + condition[0].length, condition.index! + condition[0].length + 60);
      const outcome = /\b(?:failed|has failed|did not succeed)\b/i.test(consequence) ? "failure" : /\b(?:succeeded|passed|went well)\b/i.test(consequence) ? "success" : undefined;
      const message = judge(literals, unknownValues(clause), outcome, text);
      if (message) {
        findings.push({ line, column: condition.index! + 1, message });
        break;
      }
    }
  });
  return findings;
}

/**
 * Values of an end clause that no operation of the policy takes: written as
 * code ("`STOPPED`"), or in a list beside known ones ("SUCCESS, FAILED or
 * TIMEOUT"), where an upper-case word is a value, not an acronym.
 */
function unknownValues(clause: string): string[] {
  const coded = [...clause.matchAll(/`([A-Z][A-Z_]{2,})`/g)].map((m) => m[1]!);
  const listed = [...clause.matchAll(VALUE_LIST_RE)].flatMap((m) => {
    const members = m[0].split(/\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)\s*/);
    return members.some((v) => KNOWN.has(v)) ? members : [];
  });
  return [...new Set([...coded, ...listed].filter((v) => !KNOWN.has(v)))];
}
/** Upper-case words in a list: "SUCCESS, FAILED or TIMEOUT". */
const VALUE_LIST_RE = /\b[A-Z][A-Z_]{2,}(?:(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)[A-Z][A-Z_]{2,})+\b/g;

/**
 * One value said to end a wait, in words that name no set: "SCALING is where a
 * validation ends", "treat PREPARING as the end of the run", "stop polling ...
 * as soon as the state reads INITIALIZING", "SUCCESS is the only status that
 * ends a get_task_result wait". An in-flight value never ends one; a value
 * called the only end leaves the others out.
 */
const VALUE = String.raw`\x60?([A-Z][A-Z_]{2,})\x60?`;
const SINGLE_END_RES: readonly RegExp[] = [
  new RegExp(String.raw`(?<!\b(?:not|never|no)\s)\b${VALUE}\s+(?:is|marks)\s+(?:where|when)\s+(?:[\w-]+\s+){0,3}?(?:ends?|is over|stops?)\b`),
  new RegExp(String.raw`\b(?:treat|take|count|consider|read)\s+${VALUE}\s+as\s+(?:the\s+)?(?:end|final|terminal|done|over)\b`, "i"),
  new RegExp(String.raw`\b(?:stop|quit|end|break off)\s+(?:polling|waiting|the (?:wait|loop))\b[^.;|]{0,50}?\b(?:once|when|as soon as|the moment)\b[^.;|]{0,40}?\b(?:reads?|says?|is|shows?|reaches|hits)\s+${VALUE}`, "i"),
];
const ONLY_END_RE = new RegExp(String.raw`\b${VALUE}\s+is\s+the\s+only\s+(?:status|state|value)\b[^.;|]{0,20}?\bends?\b`);

function singleEnd(text: string): { column: number; message: string } | undefined {
  for (const re of SINGLE_END_RES) {
    const m = re.exec(text);
    if (m && IN_FLIGHT.has(m[1]!)) return { column: m.index + 1, message: `${m[1]} is in flight, not terminal` };
  }
  const only = ONLY_END_RE.exec(text);
  if (only && KNOWN.has(only[1]!)) {
    const sets = TERMINAL_SETS.filter((set) => set.includes(only[1]!));
    const named = namedSet(text);
    const set = named?.values ?? sets[0];
    if (set && set.length > 1) return { column: only.index + 1, message: `${only[1]} is not the only end: the wait ends at ${orList(set)}` };
  }
  return undefined;
}

/** A cell that says its row's value ends the wait: "final, some pages missing", "terminal", "stop polling". */
const FINAL_CELL_RE = /^[\s*_`]*(?:final|terminal|ended|over|done|stop(?:s)? (?:polling|waiting|here)|(?:treat|take|count) (?:it|this|that) as (?:done|final|over|the end|terminal))\b/i;

/**
 * A table row that gives a value as final: "| get_task_result says PARTIAL for a
 * single export_bench_report_pdf | final, some pages missing |". The row's
 * values must each end the operation the row names (or some operation).
 */
function rowClaim(text: string): string | undefined {
  if (!text.trimStart().startsWith("|")) return undefined;
  const cells = text.trim().replace(/^\||\|$/g, "").split("|");
  const final = cells.findIndex((cell) => FINAL_CELL_RE.test(cell));
  if (final < 0) return undefined;
  const others = cells.filter((_, i) => i !== final).join(" ");
  const values = [...new Set([...others.matchAll(/\b[A-Z][A-Z_]{2,}\b/g)].map((m) => m[0]).filter((v) => KNOWN.has(v)))];
  if (values.length === 0 || NEGATED_RE.test(others.slice(0, others.search(/\b[A-Z][A-Z_]{2,}\b/)))) return undefined;
  const inFlight = values.filter((v) => IN_FLIGHT.has(v));
  if (inFlight.length > 0) return `${orList(inFlight)} ${inFlight.length > 1 ? "are" : "is"} in flight, not terminal`;
  const named = namedSet(others);
  const foreign = named ? values.filter((v) => !named.values.includes(v)) : [];
  if (named && foreign.length > 0) return `${orList(foreign)} never ${foreign.length > 1 ? "end" : "ends"} the ${named.title.toLowerCase()} (its end: ${orList(named.values)})`;
  return undefined;
}

/**
 * What is wrong with a set of values presented as the end, or undefined: an
 * in-flight value, a value no operation takes, a value of the wrong outcome,
 * a set that is none of the policy's, or not the set of the operation the
 * line names ("a batch PDF export is done at SUCCESS or FAILED" leaves out
 * PARTIAL).
 */
function judge(literals: readonly string[], unknown: readonly string[], qualifier: "success" | "failure" | undefined, text: string): string | undefined {
  const inFlight = literals.filter((v) => IN_FLIGHT.has(v));
  if (inFlight.length > 0) return `${orList(inFlight)} ${inFlight.length > 1 ? "are" : "is"} in flight, not terminal`;
  if (unknown.length > 0) return `${orList(unknown)} ${unknown.length > 1 ? "are" : "is"} no value of the policy's states: the end is ${orList(TERMINAL_SETS.find((set) => literals.some((v) => set.includes(v))) ?? TERMINAL_SETS[0]!)}`;
  if (qualifier) {
    const wrong = literals.filter((v) => !BY_OUTCOME[qualifier].has(v));
    return wrong.length > 0 ? `${orList(wrong)} ${wrong.length > 1 ? "are" : "is"} not a ${qualifier} value (${qualifier}: ${orList([...BY_OUTCOME[qualifier]])})` : undefined;
  }
  const sorted = [...literals].sort();
  const same = (set: readonly string[]) => set.length === sorted.length && [...set].sort().every((v, i) => v === sorted[i]);
  const named = namedSet(text);
  if (named && !same(named.values) && named.values.some((v) => literals.includes(v))) {
    const missing = named.values.filter((v) => !literals.includes(v));
    const extra = literals.filter((v) => !named.values.includes(v));
    return `terminal set ${orList(literals)} is not the one of the ${named.title.toLowerCase()} (${orList(named.values)})${missing.length > 0 ? `: it leaves out ${andList(missing)}` : `: ${andList(extra)} never ends it`}`;
  }
  if (!TERMINAL_SETS.some(same)) {
    const near = TERMINAL_SETS.find((set) => literals.some((v) => set.includes(v))) ?? TERMINAL_SETS[0]!;
    return `terminal set ${orList(literals)} differs from the policy's (${orList(near)})`;
  }
  return undefined;
}

/**
 * What is wrong with an end said as "not these values", or undefined: a
 * terminal value negated goes on after the end, and an in-flight value left
 * out would be taken for the end.
 */
function negatedEnd(named: readonly string[]): string | undefined {
  const terminal = named.filter((v) => !IN_FLIGHT.has(v));
  if (terminal.length > 0) return `an end at any value but ${andList(named)} keeps waiting at ${andList(terminal)}, which ${terminal.length > 1 ? "are" : "is"} terminal`;
  const ops = OPERATIONS.filter((op) => named.every((v) => op.inFlight.includes(v)));
  if (ops.length === 0 || ops.some((op) => op.inFlight.length === named.length)) return undefined;
  const op = ops[0]!;
  const missing = op.inFlight.filter((v) => !named.includes(v));
  return `an end at any value but ${andList(named)} takes ${andList(missing)} for the end, but ${missing.length > 1 ? "they are" : "it is"} in flight too; the wait ends at ${orList(op.terminal.map((a) => a.value))}`;
}

export const policyTerminalRule: Rule = {
  id: "policy-terminal",
  description:
    "a set of values presented as the end of a wait (until, till, over once, terminal) is one of the policy's terminal sets, or its success or failure values if qualified; one said by negation (\"no longer RUNNING\") names every in-flight value",
  check,
};
