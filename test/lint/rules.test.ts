// Rule metadata: unique kebab-case ids, one-line descriptions for the README.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HARNESS_RULE, RULES } from "../../src/lint/registry.js";

describe("rule registry", () => {
  it("has unique kebab-case ids and one-line descriptions", () => {
    const all = [...RULES, HARNESS_RULE];
    const ids = all.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of all) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.description.length > 0 && rule.description.length <= 240 && !/[\n|]/.test(rule.description), rule.id);
    }
  });
});
