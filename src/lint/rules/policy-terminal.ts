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
  /(?<![\w'])((?:up )?until|till|'til|(?:done|over|finished|ended|complete[ds]?|at an end)(?: [\w-]+){0,2}? (?:when|once|as soon as|the moment)|stop(?:s|ping)?(?: polling| waiting| the loop| looping| the wait)? (?:when|once|as soon as)|ends? (?:when|once|as soon as)|(?:break|leave|exit)(?: out of)?(?: the loop)? (?:when|once|as soon as)|terminal|final|once|as soon as|the moment)\b/gi;
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
const CLAUSE_END_RE = /;|\.(\s|$)|\|/;
const SUCCESS_RE = /^[\s*_-]*(?:success(?:ful)?|succeeded|happy)\b|\bsuccess(?:ful)?[\s*_-]*$/i;
const FAILURE_RE = /^[\s*_-]*(?:fail(?:ure|ed)?|error|unhappy)\b|\bfail(?:ure|ed)?[\s*_-]*$/i;

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const { prose, generatedLines } = file.scan;
  prose.affirmed.forEach((text, index) => {
    const line = index + 1;
    if (generatedLines.has(line)) return;
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
      const inFlight = literals.filter((v) => IN_FLIGHT.has(v));
      const firstLiteral = clause.search(/\b[A-Z][A-Z_]{2,}\b/);
      const negatedValues = NEGATED_RE.test(clause.slice(0, firstLiteral));
      if (MOMENT_RE.test(word) && !(negatedValues && END_STATE_RE.test(clause.slice(clause.lastIndexOf(literals.at(-1)!))))) continue;
      if (negatedValues) {
        const negated = negatedEnd(literals);
        if (negated) findings.push({ line, column: trigger.index! + 1, message: negated });
        continue;
      }
      const qualifier = SUCCESS_RE.test(after.slice(0, 12)) || SUCCESS_RE.test(before.slice(-12)) ? "success" : FAILURE_RE.test(after.slice(0, 12)) || FAILURE_RE.test(before.slice(-12)) ? "failure" : undefined;
      let message: string | undefined;
      if (inFlight.length > 0) message = `${orList(inFlight)} ${inFlight.length > 1 ? "are" : "is"} in flight, not terminal`;
      else if (qualifier) {
        const wrong = literals.filter((v) => !BY_OUTCOME[qualifier].has(v));
        if (wrong.length > 0) message = `${orList(wrong)} ${wrong.length > 1 ? "are" : "is"} not a ${qualifier} value (${qualifier}: ${orList([...BY_OUTCOME[qualifier]])})`;
      } else {
        const sorted = [...literals].sort();
        if (!TERMINAL_SETS.some((set) => set.length === sorted.length && set.every((v, i) => v === sorted[i]))) {
          const near = TERMINAL_SETS.find((set) => literals.some((v) => set.includes(v))) ?? TERMINAL_SETS[0]!;
          message = `terminal set ${orList(literals)} differs from the policy's (${orList(near)})`;
        }
      }
      if (message) findings.push({ line, column: trigger.index! + 1, message });
    }
  });
  return findings;
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
