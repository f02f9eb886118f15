// Skill descriptions are paid in every session: a budget per skill and one
// for all skills together.
import { readFrontmatter } from "../frontmatter-yaml.js";
import { frontmatterKeyLine } from "../markdown.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

/** Characters a skill's listing costs: description plus when_to_use. */
export function descriptionChars(file: LintFile): number {
  const read = readFrontmatter(file.scan.frontmatter ?? "");
  if (!read.ok) return 0; // the frontmatter rule reports it
  const text = (key: string) => (typeof read.data[key] === "string" ? (read.data[key] as string).length : 0);
  return text("description") + text("when_to_use");
}

function check(file: LintFile, context: LintContext): Finding[] {
  if (file.kind !== "skill") return [];
  const line = frontmatterKeyLine(file.scan, "description");
  const findings: Finding[] = [];
  const own = descriptionChars(file);
  if (own > context.budgets.perSkill) {
    findings.push({ line, column: 1, message: `description uses ${own} characters; the per-skill budget is ${context.budgets.perSkill}` });
  }
  // The total is reported once, on the skill (in path order) that crosses it.
  const skills = context.files.filter((f) => f.kind === "skill");
  let total = 0;
  for (const skill of skills) {
    const before = total;
    total += descriptionChars(skill);
    if (skill.path === file.path && before <= context.budgets.total && total > context.budgets.total) {
      const all = skills.reduce((sum, s) => sum + descriptionChars(s), 0);
      findings.push({ line, column: 1, message: `skill descriptions total ${all} characters; the budget for all skills is ${context.budgets.total}` });
    }
  }
  return findings;
}

export const descriptionBudgetRule: Rule = {
  id: "description-budget",
  description: "`description` (+ `when_to_use`) within the per-skill budget and all skills within the total: every session pays for them",
  house: true,
  check,
};
