// Description budgets: per skill and in total, as named constants.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, describe, it } from "node:test";
import { DESCRIPTION_BUDGET_PER_SKILL, DESCRIPTION_BUDGET_TOTAL } from "../../src/lint/budgets.js";
import { buildContext } from "../../src/lint/context.js";
import { lint } from "../../src/lint/engine.js";
import { descriptionChars } from "../../src/lint/rules/description-budget.js";
import { REPO_ROOT } from "../../src/schemas/catalog.js";
import { SKILL_NAMES } from "../../src/policy/index.js";
import { prepareCorpus } from "./corpus.js";

describe("description budgets", () => {
  const { root } = prepareCorpus();
  after(() => rmSync(root, { recursive: true, force: true }));

  it("reports the total once, on the skill that crosses it", () => {
    const found = lint({ root, budgets: { total: 500 } }).filter((d) => d.ruleId === "description-budget" && /total/.test(d.message));
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /budget for all skills is 500/);
  });

  it("keeps the eight shipped skills within both budgets", () => {
    const context = buildContext({ root: REPO_ROOT });
    const skills = context.files.filter((f) => f.kind === "skill");
    assert.deepEqual(skills.map((f) => f.skill).sort(), [...SKILL_NAMES].sort());
    const sizes = skills.map(descriptionChars);
    for (const [index, size] of sizes.entries()) assert.ok(size <= DESCRIPTION_BUDGET_PER_SKILL, `${skills[index]!.skill}: ${size}`);
    assert.ok(sizes.reduce((a, b) => a + b, 0) <= DESCRIPTION_BUDGET_TOTAL);
    assert.ok(DESCRIPTION_BUDGET_TOTAL < 2800 + 1);
  });
});
