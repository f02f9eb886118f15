// Each rule fires on its fixture, on the marked line, and nowhere else.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, describe, it } from "node:test";
import { lint } from "../../src/lint/engine.js";
import { RULES } from "../../src/lint/registry.js";
import { prepareCorpus } from "./corpus.js";

const { root, expected } = prepareCorpus();
const diagnostics = lint({ root });
after(() => rmSync(root, { recursive: true, force: true }));

const key = (d: { path: string; line: number; ruleId: string }) => `${d.path}:${d.line} ${d.ruleId}`;

describe("fixture corpus", () => {
  it("reports exactly the marked diagnostics", () => {
    const actual = [...new Set(diagnostics.map(key))].sort();
    assert.deepEqual(actual, [...new Set(expected.map(key))].sort(), diagnostics.map((d) => `${key(d)}: ${d.message}`).join("\n"));
  });

  it("has a broken fixture for every rule", () => {
    for (const rule of RULES) {
      assert.ok(expected.some((e) => e.ruleId === rule.id), `no fixture expects ${rule.id}`);
    }
  });

  it("keeps each rule's fixture to that rule", () => {
    for (const e of expected) {
      const folder = e.path.split("/")[1] ?? "";
      if (e.path.startsWith("commands/")) continue;
      assert.ok(folder.startsWith("octoperf-bad-"), `${e.path} is not a broken fixture`);
    }
    assert.equal(diagnostics.filter((d) => d.path.includes("octoperf-clean") || d.path === "commands/clean.md").length, 0);
  });
});
