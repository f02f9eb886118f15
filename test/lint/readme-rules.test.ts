// The README's table of lint rules names exactly the rules the linter runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HARNESS_RULE_ID } from "../../src/lint/engine.js";
import { RULES } from "../../src/lint/registry.js";

test("the README lists every lint rule once, in registry order, and no other", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Checking the skills"), readme.indexOf("### Where the schemas come from"));
  const listed = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(listed, [...RULES.map((rule) => rule.id), HARNESS_RULE_ID]);
});
