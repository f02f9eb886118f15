// The README's table of lint rules is generated from the rule registry
// (region `lint-rules`, written by npm run generate through src/render).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { HARNESS_RULE, RULES } from "../../src/lint/registry.js";
import { ruleTable } from "../../src/lint/rules-doc.js";
import { findRegions } from "../../src/render/regions.js";
import { REPO_ROOT } from "../../src/schemas/catalog.js";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

describe("the README's lint-rule table", () => {
  it("is the generated region, fresh from the registry", () => {
    const regions = findRegions(readme).filter((region) => region.name === "lint-rules");
    assert.equal(regions.length, 1, "README.md needs one <!-- generated:lint-rules --> region");
    assert.equal(regions[0]!.body, ruleTable(), "run npm run generate");
  });

  it("lists every rule once, in registry order, the run-wide harness check last", () => {
    const listed = [...ruleTable().matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(listed, [...RULES.map((rule) => rule.id), HARNESS_RULE.id]);
  });

  it("says which rules are only warnings on another plugin", () => {
    const row = (id: string) => ruleTable().split("\n").find((line) => line.startsWith(`| \`${id}\``)) ?? "";
    assert.match(row("generated-fresh"), /warning on other plugins/);
    assert.match(row("octoperf-tool-exists"), /\| error \|/);
  });
});
