// The two hook bundles share only a core: the background one holds the waits
// and none of the quick hooks' decisions, the quick one holds those and not
// the background shell. Read from the committed bundles (npm test checks they
// are fresh with `npm run build -- --check`), with their sizes.
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { BACKGROUND_BUNDLE, HOOK_BUNDLE } from "../../src/hooks/runtime/environment.js";
import { QUICK_DECISIONS } from "../../src/hooks/runtime/quick-decisions.js";
import { HOOKS } from "../../src/hooks/runtime/registry.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const has = (bundle: string, name: string): boolean => new RegExp(`\\b${name}\\b`).test(bundle);

test("the background bundle holds the waits and none of the quick decisions; the quick one holds no background shell", (t) => {
  const quick = readFileSync(join(ROOT, HOOK_BUNDLE), "utf8");
  const background = readFileSync(join(ROOT, BACKGROUND_BUNDLE), "utf8");
  t.diagnostic(`quick bundle ${(statSync(join(ROOT, HOOK_BUNDLE)).size / 1000).toFixed(1)} kB, background bundle ${(statSync(join(ROOT, BACKGROUND_BUNDLE)).size / 1000).toFixed(1)} kB`);
  for (const name of ["decidePace", "decideOutcome", "decideStart", "decideStopWaits", "decideConditionPace", "decideSessionStart", "claimAfterStart", "guardStep"]) {
    assert.ok(has(quick, name), `${name} is missing from the quick bundle`);
    assert.ok(!has(background, name), `${name} is in the background bundle`);
  }
  for (const name of ["runBackgroundHook", "settle", "systemJobRunner"]) {
    assert.ok(has(background, name), `${name} is missing from the background bundle`);
    assert.ok(!has(quick, name), `${name} is in the quick bundle`);
  }
});

test("every quick hook of the registry has its decision, on the same event, and no decision is left without a hook", () => {
  const quick = HOOKS.filter((spec) => spec.kind === "quick");
  assert.deepEqual(quick.map((spec) => [spec.name, QUICK_DECISIONS[spec.name]?.event]), quick.map((spec) => [spec.name, spec.event]));
  assert.deepEqual(Object.keys(QUICK_DECISIONS).sort(), quick.map((spec) => spec.name).sort());
});
