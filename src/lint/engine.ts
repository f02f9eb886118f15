// Run the rules over the files, in registry order, and sort what they find.
import { HARNESS_SOURCE, harnessDisagreements } from "../schemas/harness-check.js";
import { buildContext, type ContextOptions } from "./context.js";
import { HARNESS_RULE, RULES } from "./registry.js";
import type { Diagnostic, LintContext, Rule, Severity } from "./types.js";

function severityOf(rule: Pick<Rule, "severity" | "house">, context: LintContext, own: Severity | undefined): Severity {
  if (rule.house && !context.house) return "warning";
  return own ?? rule.severity ?? "error";
}

export function lintContext(context: LintContext, rules: readonly Rule[] = RULES): Diagnostic[] {
  const order = new Map([...rules.map((rule, index) => [rule.id, index] as const), [HARNESS_RULE.id, rules.length] as const]);
  // Checked once per run: the policy's harness constants against the pinned sdk-tools.d.ts.
  const diagnostics: Diagnostic[] = harnessDisagreements(context.claudeCode).map((d) => ({
    path: HARNESS_SOURCE,
    line: d.line,
    column: 1,
    ruleId: HARNESS_RULE.id,
    severity: severityOf(HARNESS_RULE, context, undefined),
    message: d.message,
  }));
  for (const file of context.files) {
    for (const rule of rules) {
      for (const finding of rule.check(file, context)) {
        diagnostics.push({ ...finding, path: file.relPath, ruleId: rule.id, severity: severityOf(rule, context, finding.severity) });
      }
    }
  }
  return diagnostics.sort(
    (a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || order.get(a.ruleId)! - order.get(b.ruleId)!,
  );
}

export function lint(options: ContextOptions, rules: readonly Rule[] = RULES): Diagnostic[] {
  return lintContext(buildContext(options), rules);
}

export const errorsOf = (diagnostics: readonly Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.severity === "error");
