import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findRegions, RegionError, renderRegions } from "../../src/render/regions.js";
import { generate } from "../../src/render/generate.js";

const renderers = { greet: (p: Readonly<Record<string, string>>) => `hello ${p.who ?? "world"}` };

test("regions are rewritten and authored text is left byte for byte", () => {
  const text = "intro  \n<!-- generated:greet who=octo -->\nstale\n<!-- /generated -->\n\ttail\n";
  assert.equal(renderRegions(text, renderers), "intro  \n<!-- generated:greet who=octo -->\nhello octo\n<!-- /generated -->\n\ttail\n");
  const regions = findRegions(text);
  assert.equal(regions.length, 1);
  assert.equal(regions[0]?.line, 2);
  assert.deepEqual(regions[0]?.params, { who: "octo" });
});

test("broken markers are errors with their line", () => {
  const cases: [string, RegExp][] = [
    ["a\n<!-- generated:greet -->\nno end\n", /line 2: region "greet" is never closed/],
    ["<!-- /generated -->\n", /line 1: closing marker without an opening one/],
    ["<!-- generated:greet -->\n<!-- generated:greet -->\n<!-- /generated -->\n", /line 2: region "greet" opens inside/],
    ["x\n<!-- generated:Bad Name -->\n<!-- /generated -->\n", /line 2: malformed generated marker/],
  ];
  for (const [text, message] of cases) assert.throws(() => findRegions(text), (e: unknown) => e instanceof RegionError && message.test(e.message));
  assert.throws(() => renderRegions("<!-- generated:nope -->\n<!-- /generated -->\n", renderers), /unknown generated region "nope"/);
});

function copyRepoDocs(): string {
  const root = mkdtempSync(join(tmpdir(), "octoperf-generate-"));
  cpSync(join(import.meta.dirname, "..", "..", "skills"), join(root, "skills"), { recursive: true });
  mkdirSync(join(root, "commands"), { recursive: true });
  return root;
}

test("the shipped skills are fresh, and --check catches a hand-edited region", () => {
  const root = copyRepoDocs();
  assert.deepEqual(generate(root, { check: true }).stale, []);
  const skill = join(root, "skills", "octoperf-async-polling", "SKILL.md");
  const original = readFileSync(skill, "utf8");
  writeFileSync(skill, original.replace("| 10m | 60 s |", "| 10m | 45 s |"));
  assert.deepEqual(generate(root, { check: true }).stale, ["skills/octoperf-async-polling/SKILL.md"]);
  const written = generate(root, { check: false });
  assert.deepEqual(written.written, ["skills/octoperf-async-polling/SKILL.md"]);
  assert.equal(readFileSync(skill, "utf8"), original);
});

test("an edit outside the regions is authored text: not stale, kept by a rewrite", () => {
  const root = copyRepoDocs();
  const skill = join(root, "skills", "octoperf-async-polling", "SKILL.md");
  const edited = readFileSync(skill, "utf8").replace("# Waiting for OctoPerf's asynchronous work", "# Waiting, edited by hand");
  writeFileSync(skill, edited);
  assert.deepEqual(generate(root, { check: true }).stale, []);
  generate(root, { check: false });
  assert.equal(readFileSync(skill, "utf8"), edited);
});
