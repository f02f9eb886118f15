// The one list of what is still assumed about OctoPerf stays honest: every
// entry is relied on somewhere (tagged `assumption:<id>`), and every tag in
// the code names an entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ASSUMPTIONS } from "../../src/policy/assumptions.js";

const src = join(import.meta.dirname, "..", "..", "src");
const sources = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith("assumptions.ts"));

test("every assumption is tagged where the code relies on it, and every tag names one", () => {
  const ids = ASSUMPTIONS.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  const tagged = new Map<string, string[]>();
  for (const file of sources) {
    for (const match of readFileSync(join(src, file), "utf8").matchAll(/assumption:([a-z][a-z-]*[a-z])/g)) {
      tagged.set(match[1]!, [...(tagged.get(match[1]!) ?? []), file]);
    }
  }
  for (const [id, files] of tagged) assert.ok(ids.includes(id), `${files.join(", ")} tags ${id}, which src/policy/assumptions.ts does not list`);
  for (const id of ids) assert.ok(tagged.has(id), `${id} is listed but no code is tagged assumption:${id}`);
});
