// PostToolUse on CronCreate / Monitor / CronDelete / TaskStop and on
// get_scenario, run from source with their state on disk: what they tie together and what
// they refuse to remember. They never inject text.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { SessionState } from "../../src/hooks/session/state.js";
import { operation, planWait, pollTargets } from "../../src/policy/index.js";
import { monitorArgs } from "../../src/calls/wait-calls.js";
import { blocks, contextOf, post, runHook, SESSION, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

const read = (data: string) => JSON.parse(readFileSync(join(data, "hooks", `${SESSION}.json`), "utf8")) as SessionState;
const VALIDATION_INPUT = { projectId: "p1", virtualUserId: "v1", providerId: "prov1", location: "DEFAULT", iterations: 1 };

describe("record-schedule", () => {
  it("ties the Monitor the plan gives to the validation it watches", () => {
    const data = tempDataDir();
    runHook("plan-after-start", post(toolName("validate_virtual_user"), VALIDATION_INPUT, structured({ benchResultId: "vb1" })), { data, now: T0 });
    const op = operation("validation");
    const args = monitorArgs(planWait({ operation: "validation", watcher: true }), pollTargets(op, ["vb1"], VALIDATION_INPUT));
    const run = runHook("record-schedule", post("Monitor", args, structured({ taskId: "bq7x2k9", timeoutMs: 300000, persistent: false })), { data, now: T0 + 1000 });
    assert.deepEqual([run.status, run.stdout], [0, ""]);
    assert.deepEqual(read(data).schedules, [{ kind: "monitor", id: "bq7x2k9", works: ["get_virtual_user_validation:p1/v1"], at: T0 + 1000 }]);
  });

  it("remembers nothing for a job that names no known handle, a failed call or an unsafe id", () => {
    const data = tempDataDir();
    runHook("plan-after-start", post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchResultIds: ["b1"] })), { data, now: T0 });
    const cases: [object, unknown][] = [
      [{ cron: "* * * * *", prompt: "check the weather" }, structured({ id: "c1" })],
      [{ cron: "* * * * *", prompt: "poll b1" }, { isError: true, content: [{ type: "text", text: "cron refused" }] }],
      [{ cron: "* * * * *", prompt: "poll b1" }, structured({ id: "$(rm -rf ~)" })],
      [{ cron: "* * * * *", prompt: "poll b12 and xb1" }, structured({ id: "c2" })],
      [{ cron: "* * * * *", prompt: 42 }, structured({ id: "c3" })],
    ];
    for (const [input, response] of cases) {
      const run = runHook("record-schedule", post("CronCreate", input, response), { data, now: T0 + 1000 });
      assert.deepEqual([run.status, run.stdout], [0, ""]);
    }
    assert.deepEqual(read(data).schedules, []);
    runHook("record-schedule", post("CronCreate", { cron: "* * * * *", prompt: "poll b1" }, blocks({ id: "c4" })), { data, now: T0 + 2000 });
    assert.deepEqual(read(data).schedules.map((s) => s.id), ["c4"]);
    runHook("record-schedule", post("CronDelete", { id: "c4" }, structured({ id: "c4" })), { data, now: T0 + 3000 });
    assert.deepEqual(read(data).schedules, []);
  });
});

describe("record-scenario", () => {
  it("remembers the expected run time from seconds or milliseconds, plain or wrapped", () => {
    const data = tempDataDir();
    const seconds = { userProfiles: [{ loadStrategy: { rampUpSec: 60, holdForSec: 600, rampDownSec: 60 } }] };
    const millis = { scenario: { userProfiles: [{ load: { rampUpMs: 30000, plateauMs: 90000 } }] } };
    assert.equal(contextOf(runHook("record-scenario", post(toolName("get_scenario"), { scenarioId: "sc1" }, structured(seconds)), { data, now: T0 })), undefined);
    runHook("record-scenario", post(toolName("get_scenario", 1), { scenarioId: "sc2" }, blocks(millis)), { data, now: T0 });
    assert.deepEqual(read(data).scenarios, { sc1: { seconds: 750, at: T0 }, sc2: { seconds: 150, at: T0 } });
  });

  it("ignores unsafe ids, error results and scenarios without timings", () => {
    const data = tempDataDir();
    const timed = structured({ userProfiles: [{ loadStrategy: { holdForSec: 60 } }] });
    runHook("record-scenario", post(toolName("get_scenario"), { scenarioId: "sc1/../../x" }, timed), { data, now: T0 });
    runHook("record-scenario", post(toolName("get_scenario"), { scenarioId: "sc2" }, { isError: true, content: [{ type: "text", text: "{}" }] }), { data, now: T0 });
    runHook("record-scenario", post(toolName("get_scenario"), { scenarioId: "sc3" }, structured({ userProfiles: [{}] })), { data, now: T0 });
    runHook("record-scenario", post(toolName("get_scenario"), { scenarioId: "sc4" }, structured({ userProfiles: [{ loadStrategy: { holdForSec: 1e12 } }] })), { data, now: T0 });
    assert.throws(() => read(data), /ENOENT/, "nothing was worth a state file");
  });
});
