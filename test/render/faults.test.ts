// The README's fault table: every fault the wait's contract names has a row,
// and every test a row names exists and is the one that exercises it.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { FAULTS } from "../../src/render/blocks/faults.js";
import { REPO_ROOT } from "../hooks/hook-calls.js";

const CONTRACT = [
  "deadline crossed between polls",
  "one handle of several ending",
  "timer SIGKILLed",
  "timer SIGSTOPped for twice the cadence",
  "lock held by another process for 10 s",
  "background bundle missing",
  "pid reused",
  "a failed poll",
  "the start race",
  "stop-wait during the start",
];

/** What each test file must say to be the test of a fault: a word of the fault's own. */
const MARK: Readonly<Record<string, RegExp>> = {
  "deadline crossed between polls": /deadline/,
  "one handle of several ending": /two handles|several handles/,
  "timer SIGKILLed": /SIGKILL/,
  "timer SIGSTOPped for twice the cadence": /SIGSTOP/,
  "lock held by another process for 10 s": /held by another process for 10 s/,
  "background bundle missing": /background bundle|quick bundle/,
  "pid reused": /reused pid/,
  "a failed poll": /PostToolUseFailure/,
  "the start race": /start race|claims the wait/,
  "stop-wait during the start": /during the start/,
  "turn ended with nothing holding the wait": /nothing holds|nothing was waiting/,
  "client killed outright mid-wait": /killed outright|SIGKILLed mid-wait/,
  "conversation compacted mid-wait": /compaction/,
  "a new session where an earlier one left work pending": /earlier (one|session) left/,
};

describe("the fault table", () => {
  it("has a row for every fault of the contract", () => {
    for (const fault of CONTRACT) assert.ok(FAULTS.some((f) => f.fault === fault), fault);
  });

  it("names, for each row, test files that exist and exercise that fault", () => {
    for (const f of FAULTS) {
      assert.ok(f.tests.length > 0, f.fault);
      for (const test of f.tests) {
        const path = join(REPO_ROOT, test);
        assert.ok(existsSync(path), `${f.fault}: ${test}`);
        assert.match(readFileSync(path, "utf8"), MARK[f.fault] ?? /$^/, `${f.fault}: ${test} does not exercise it`);
      }
    }
  });
});
