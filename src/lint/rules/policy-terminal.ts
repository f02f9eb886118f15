// A set of values presented as the end of a wait equals a terminal set of the
// policy: "until `state` is FINISHED" alone forgets ABORTED and ERROR.
import { OPERATIONS } from "../../policy/index.js";
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

/** Triggers and how many literals they need to count as a claimed set. */
const TRIGGER_RE = /\b(until|done when|stops? (?:polling )?when|ends? when|terminal|final)\b/gi;
const CLAUSE_END_RE = /;|\.(\s|$)|\|/;

function describe(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : (values[0] ?? "");
}

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  file.scan.lines.forEach((text, index) => {
    const line = index + 1;
    if (file.scan.generatedLines.has(line)) return;
    for (const trigger of text.matchAll(TRIGGER_RE)) {
      const word = trigger[1]!.toLowerCase();
      const before = text.slice(0, trigger.index).toLowerCase();
      if (/(not|non-|never|no)\s*$/.test(before)) continue;
      const after = text.slice(trigger.index! + trigger[0].length);
      const end = CLAUSE_END_RE.exec(after);
      const clause = end ? after.slice(0, end.index) : after;
      const literals = [...new Set([...clause.matchAll(/\b[A-Z][A-Z_]{2,}\b/g)].map((m) => m[0]).filter((v) => KNOWN.has(v)))];
      const needed = word === "terminal" || word === "final" ? 2 : 1;
      if (literals.length < needed) continue;
      const sorted = [...literals].sort();
      const inFlight = literals.filter((v) => IN_FLIGHT.has(v));
      const matches = TERMINAL_SETS.some((set) => set.length === sorted.length && set.every((v, i) => v === sorted[i]));
      if (matches && inFlight.length === 0) continue;
      const near = TERMINAL_SETS.find((set) => literals.some((v) => set.includes(v))) ?? TERMINAL_SETS[0]!;
      const message =
        inFlight.length > 0
          ? `${describe(inFlight)} ${inFlight.length > 1 ? "are" : "is"} in flight, not terminal`
          : `terminal set ${describe(literals)} differs from the policy's (${describe(near)})`;
      findings.push({ line, column: trigger.index! + 1, message });
    }
  });
  return findings;
}

export const policyTerminalRule: Rule = {
  id: "policy-terminal",
  description: "A set of values presented as the end of a wait (until / terminal / done when) is exactly a terminal set of the policy.",
  check,
};
