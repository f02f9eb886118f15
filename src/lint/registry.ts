// The rules, in the order their diagnostics are listed for one position.
import { claudeCodeCallsRule } from "./rules/claude-code-calls.js";
import { descriptionBudgetRule } from "./rules/description-budget.js";
import { frontmatterRule } from "./rules/frontmatter.js";
import { generatedFreshRule } from "./rules/generated-fresh.js";
import { harnessClaimsRule } from "./rules/harness-claims.js";
import { octoperfResultFieldsRule } from "./rules/octoperf-result-fields.js";
import { octoperfToolArgsRule } from "./rules/octoperf-tool-args.js";
import { octoperfToolExistsRule } from "./rules/octoperf-tool-exists.js";
import { policyAsyncRule } from "./rules/policy-async.js";
import { policyCadenceRule } from "./rules/policy-cadence.js";
import { policyLoopFloorRule } from "./rules/policy-loop-floor.js";
import { policyProgressRule } from "./rules/policy-progress.js";
import { policyTerminalRule } from "./rules/policy-terminal.js";
import { skillReferencesRule } from "./rules/skill-references.js";
import { waitBeforeUseRule } from "./rules/wait-before-use.js";
import type { Rule } from "./types.js";

/**
 * Checked once per run, not per file (src/schemas/harness-check.ts): listed
 * here so the README's table and the diagnostics' order include it.
 */
export const HARNESS_RULE: Pick<Rule, "id" | "description" | "house"> = {
  id: "harness-facts",
  description: "the policy's ScheduleWakeup and Monitor limits equal the pinned `sdk-tools.d.ts`",
  house: true,
};

export const RULES: readonly Rule[] = Object.freeze([
  frontmatterRule,
  descriptionBudgetRule,
  octoperfToolExistsRule,
  octoperfToolArgsRule,
  octoperfResultFieldsRule,
  claudeCodeCallsRule,
  harnessClaimsRule,
  policyProgressRule,
  policyTerminalRule,
  policyCadenceRule,
  policyLoopFloorRule,
  policyAsyncRule,
  waitBeforeUseRule,
  skillReferencesRule,
  generatedFreshRule,
]);
