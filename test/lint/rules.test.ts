// Rule metadata: unique kebab-case ids, one-line descriptions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RULES } from "../../src/lint/registry.js";
import { ruleList } from "../../src/lint/rules-doc.js";

describe("rule registry", () => {
  it("has unique kebab-case ids and one-line descriptions", () => {
    const ids = RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.description.length > 0 && rule.description.length <= 200 && !rule.description.includes("\n"), rule.id);
    }
  });

  it("documents the project-wide harness check next to the file rules", () => {
    assert.match(ruleList(), /^- `harness-facts`: \S/m);
  });
});
