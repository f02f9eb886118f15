// The rule table of the README ("Checking the skills"), from the rules' own
// metadata; src/render writes it into the README's `lint-rules` region.
import { HARNESS_RULE, RULES } from "./registry.js";
import type { Rule } from "./types.js";

type Documented = Pick<Rule, "id" | "description" | "severity" | "house">;

function level(rule: Documented): string {
  if (rule.house) return "error here, warning on other plugins";
  return rule.severity === "warning" ? "warning" : "error";
}

/** Rows: rule id, level, what it checks, in the order diagnostics are listed. */
export function ruleList(): readonly (readonly [string, string, string])[] {
  return [...RULES, HARNESS_RULE].map((rule) => [rule.id, level(rule), rule.description] as const);
}

export function ruleTable(): string {
  const rows = ruleList().map(([id, severity, description]) => `| \`${id}\` | ${severity} | ${description} |`);
  return ["| rule | level | checks |", "| --- | --- | --- |", ...rows].join("\n");
}
