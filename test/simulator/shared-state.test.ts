import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_FAULTS, parseFaults } from "../../src/simulator/faults.js";
import { sharedPlatform } from "../../src/simulator/shared-state.js";

test("two platforms on one state file see the same runs, on the same clock", () => {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-sim-"));
  try {
    const path = join(dir, "state.json");
    let real = 1_000_000;
    const now = () => real;
    const first = sharedPlatform(path, 60, parseFaults("abort"), now);
    const [id] = first.platform.runScenario("scn-smoke").benchResultIds as [string];
    real += 500;
    const second = sharedPlatform(path, 1, NO_FAULTS, now);
    assert.equal(second.speed, 60, "the file's speed wins");
    assert.equal(second.platform.benchResult(id).state, first.platform.benchResult(id).state);
    real += 10 * 60_000;
    assert.equal(second.platform.benchResult(id).state, "ABORTED", "the run keeps the faults it was started with");
    second.platform.runScenario("scn-smoke");
    assert.equal(first.platform.benchResult("bench-0004").id, "bench-0004", "ids keep counting across processes");
    assert.equal(JSON.parse(readFileSync(path, "utf8")).version, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
