// The rule list as Markdown, from the rules' own metadata (for the README).
import { HARNESS_RULE_ID } from "./engine.js";
import { RULES } from "./registry.js";

export const HARNESS_RULE_DESCRIPTION =
  "The policy's harness constants (ScheduleWakeup clamp, Monitor default and cap) equal the limits in the pinned sdk-tools.d.ts.";

export function ruleList(): string {
  const rows = [...RULES.map((rule) => [rule.id, rule.description]), [HARNESS_RULE_ID, HARNESS_RULE_DESCRIPTION]];
  return rows.map(([id, description]) => `- \`${id}\`: ${description}`).join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${ruleList()}\n`);
