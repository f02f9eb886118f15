// PreToolUse on the status tools, through the hooks run from source (the
// grace at each cadence is in decide.test.ts): unseen handles
// pass, the first poll passes, polls sooner than the cadence (less its grace)
// are refused with the seconds left and how to wait, ended handles are refused
// with their outcome, and one budget is shared by every call of a handle.
// Here the background hooks are off (how the model waits by itself); with
// them, see one-wake.test.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BACKGROUND_OFF, blocks, contextOf, denialOf, FORMS, post, pre, runHook as runWithHooks, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

const runHook: typeof runWithHooks = (name, stdin, options) => runWithHooks(name, stdin, { ...options, env: { ...BACKGROUND_OFF, ...options.env } });

const s = (seconds: number) => T0 + seconds * 1000;
const VALIDATION_INPUT = { projectId: "p1", virtualUserId: "v1", providerId: "prov1", location: "DEFAULT", iterations: 1 };

function startValidation(data: string, benchResultId = "vb1", at = 0): void {
  const run = runHook("plan-after-start", post(toolName("validate_virtual_user"), VALIDATION_INPUT, structured({ benchResultId, state: "CREATED" })), { data, now: s(at) });
  assert.ok(contextOf(run));
}

function startScenario(data: string, ids: string[] = ["b1"]): void {
  assert.ok(contextOf(runHook("plan-after-start", post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ids })), { data, now: s(0) })));
}

describe("pace-guard", () => {
  for (const form of FORMS) {
    it(`lets a handle it never saw pass (form ${form})`, () => {
      const data = tempDataDir();
      for (let i = 0; i < 3; i++) {
        const run = runHook("pace-guard", pre(toolName("get_bench_result", form), { benchResultId: "elsewhere1" }), { data, now: s(i) });
        assert.equal(run.status, 0);
        assert.equal(run.stdout, "");
      }
    });

    it(`paces a validation at its 3 s cadence (form ${form})`, () => {
      const data = tempDataDir();
      startValidation(data);
      const poll = (at: number) => runHook("pace-guard", pre(toolName("get_virtual_user_validation", form), { projectId: "p1", virtualUserId: "v1" }), { data, now: s(at) });
      assert.equal(poll(1).stdout, "");
      assert.equal(
        denialOf(poll(2.5)),
        "Too soon: get_virtual_user_validation(projectId=p1, virtualUserId=v1) was polled 1 s ago and its cadence is 3 s; poll again in 2 s. Wait with a standalone Bash `sleep 2`, then poll.",
      );
      assert.equal(poll(4).stdout, "", "at the cadence");
    });
  }

  it("refuses a scenario poll until the cadence less its grace has passed", () => {
    const data = tempDataDir();
    startScenario(data);
    const poll = (at: number) => runHook("pace-guard", pre(toolName("get_bench_result", 1), { benchResultId: "b1" }), { data, now: s(at) });
    assert.equal(poll(0).stdout, "");
    assert.match(denialOf(poll(44)) ?? "", /^Too soon: get_bench_result\(benchResultId=b1\) was polled 44 s ago and its cadence is 60 s; poll again in 16 s\. Wait with a standalone Bash `sleep 16`, then poll\.$/);
    assert.equal(poll(45).stdout, "");
  });

  it("shares one budget between the status, alternative and progress calls of a handle", () => {
    const data = tempDataDir();
    startValidation(data);
    assert.equal(runHook("pace-guard", pre(toolName("get_virtual_user_validation"), { projectId: "p1", virtualUserId: "v1" }), { data, now: s(1) }).stdout, "");
    assert.match(denialOf(runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "vb1" }), { data, now: s(2) })) ?? "", /^Too soon: get_virtual_user_validation\(projectId=p1, virtualUserId=v1\) was polled 1 s ago/);

    const scenario = tempDataDir();
    startScenario(scenario, ["b1", "b2"]);
    assert.equal(runHook("pace-guard", pre(toolName("get_bench_status"), { benchResultId: "b1" }), { data: scenario, now: s(1) }).stdout, "");
    assert.match(denialOf(runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), { data: scenario, now: s(2) })) ?? "", /^Too soon: get_bench_result\(benchResultId=b1\)/);
    assert.equal(runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b2" }), { data: scenario, now: s(2) }).stdout, "", "each handle has its own budget");
  });

  it("points at the running watcher when a Monitor polls the handle", () => {
    const data = tempDataDir();
    startScenario(data);
    const monitor = { description: "OctoPerf scenario-run b1", timeout_ms: 1800000, command: 'node "${CLAUDE_PLUGIN_ROOT}/scripts/octoperf-wait.mjs" bench b1 --expected 10m --deadline 20m' };
    runHook("record-schedule", post("Monitor", monitor, structured({ taskId: "bq7x2k9", timeoutMs: 1800000, persistent: false })), { data, now: s(1) });
    assert.equal(runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), { data, now: s(2) }).stdout, "");
    assert.equal(
      denialOf(runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), { data, now: s(3) })),
      "Too soon: get_bench_result(benchResultId=b1) was polled 1 s ago and its cadence is 60 s; poll again in 59 s. Monitor task bq7x2k9 is watching it: end your turn and wait for its next event.",
    );
  });

  it("refuses a poll of an ended handle with its outcome and next step", () => {
    const data = tempDataDir();
    startValidation(data);
    runHook("poll-outcome", post(toolName("get_bench_result"), { benchResultId: "vb1" }, blocks({ id: "vb1", state: "ERROR" })), { data, now: s(40) });
    assert.equal(
      denialOf(runHook("pace-guard", pre(toolName("get_virtual_user_validation"), { projectId: "p1", virtualUserId: "v1" }), { data, now: s(500) })),
      "Already ended: get_virtual_user_validation(projectId=p1, virtualUserId=v1) is ERROR (failed: the validation could not run (engine or infrastructure)); polling it again changes nothing. " +
        "Next: read the validation index; an empty index means the engine crashed, read jmeter.log; load the skill octoperf-validation-triage.",
    );
    // A new validation of the same virtual user starts a new budget, and the old bench result is forgotten.
    startValidation(data, "vb2", 600);
    assert.equal(runHook("pace-guard", pre(toolName("get_virtual_user_validation"), { projectId: "p1", virtualUserId: "v1" }), { data, now: s(601) }).stdout, "");
    assert.equal(runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "vb1" }), { data, now: s(601) }).stdout, "");
  });

  it("lets calls with unsafe or missing arguments pass without a word", () => {
    const data = tempDataDir();
    startScenario(data);
    for (const input of [{ benchResultId: "b1$(id)" }, { benchResultId: "b1`x`" }, {}, { benchResultId: 12 }]) {
      const run = runHook("pace-guard", pre(toolName("get_bench_result"), input), { data, now: s(1) });
      assert.equal(run.status, 0);
      assert.equal(run.stdout, "");
    }
  });
});
