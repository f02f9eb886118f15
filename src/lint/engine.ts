// Run the rules over the files, in registry order, and sort what they find.
import { HARNESS_SOURCE, harnessDisagreements } from "../schemas/harness-check.js";
import { buildContext, type ContextOptions } from "./context.js";
import { RULES } from "./registry.js";
import type { Diagnostic, LintContext, Rule } from "./types.js";

/** Checked once per run, not per file: the policy's harness constants against sdk-tools.d.ts. */
export const HARNESS_RULE_ID = "harness-facts";

export function lintContext(context: LintContext, rules: readonly Rule[] = RULES): Diagnostic[] {
  const order = new Map([...rules.map((rule, index) => [rule.id, index] as const), [HARNESS_RULE_ID, rules.length] as const]);
  const diagnostics: Diagnostic[] = harnessDisagreements(context.claudeCode).map((d) => ({
    path: HARNESS_SOURCE,
    line: d.line,
    column: 1,
    ruleId: HARNESS_RULE_ID,
    message: d.message,
  }));
  for (const file of context.files) {
    for (const rule of rules) {
      for (const finding of rule.check(file, context)) diagnostics.push({ ...finding, path: file.relPath, ruleId: rule.id });
    }
  }
  return diagnostics.sort(
    (a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || order.get(a.ruleId)! - order.get(b.ruleId)!,
  );
}

export function lint(options: ContextOptions, rules: readonly Rule[] = RULES): Diagnostic[] {
  return lintContext(buildContext(options), rules);
}
