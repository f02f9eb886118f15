// The promised wakes through the committed bundle, each hook its own process
// as Claude Code runs it, without credentials: a poll shortly before the
// deadline ends in a wake that names the deadline, and a poll that ends one
// handle of a start leaves a wake for the others. The decision clock is fixed
// (OCTOPERF_HOOKS_TEST_NOW) and the timers' sleep sped up 1000x
// (OCTOPERF_HOOKS_TIME_SCALE), so what is decided does not depend on how fast
// the machine is; every wait is on a process's exit.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contextOf, post, pre, recordedState, runBundle, runBundleAsync, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

const SCALE = { OCTOPERF_HOOKS_TIME_SCALE: "1000" };
const s = (seconds: number) => T0 + seconds * 1000;
const start = (ids: readonly string[]) => post(toolName("run_scenario", 1), { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ids }));
const poll = (id: string, state: string) => post(toolName("get_bench_result", 1), { benchResultId: id }, structured({ id, state }));

/** A poll as the client makes it: the pace guard, then both PostToolUse hooks (the quick one first, as it returns first). */
async function polled(data: string, id: string, state: string, at: number): Promise<{ context: string | undefined; wake: { status: number | null; stderr: string } }> {
  const options = { data, now: at, env: SCALE };
  assert.equal(runBundle("pace-guard", pre(toolName("get_bench_result", 1), { benchResultId: id }), options).stdout, "", "the poll passes");
  const answer = poll(id, state);
  const context = contextOf(runBundle("poll-outcome", answer, options));
  const wake = await runBundleAsync("wake-after-poll", answer, options);
  return { context, wake };
}

describe("promised wakes, through the committed bundle", { concurrency: true }, () => {
  it("a poll at 1,150 s of a 1,200 s deadline: the timer is due at the deadline, and its wake names it", async () => {
    const data = tempDataDir();
    assert.match(contextOf(runBundle("plan-after-start", start(["b1"]), { data, now: s(0), env: SCALE })) ?? "", /Deadline: 20m/);
    const { context, wake } = await polled(data, "b1", "RUNNING", s(1150));
    assert.equal(context, undefined, "not past it yet: the answer says nothing of it");
    assert.equal(wake.status, 2, wake.stderr);
    assert.equal(
      wake.stderr,
      "OctoPerf scenario-run: get_bench_result(benchResultId=b1) has run past its deadline of 20m (20m since the start). Stop waiting: tell the user " +
        "the last value you read, and diagnose (skill octoperf-scenario-diagnosis); ask the user before calling stop_bench_result, which would end it.\n",
    );
    assert.equal(recordedState(data)?.works["get_bench_result:b1"]?.deadlineNoted, true);
  });

  it("a start with two handles: the poll that ends one leaves a wake for the other, due one cadence after it was last polled", async () => {
    const data = tempDataDir();
    runBundle("plan-after-start", start(["b1", "b2"]), { data, now: s(0), env: SCALE });
    await polled(data, "b2", "RUNNING", s(2));
    const { context, wake } = await polled(data, "b1", "FINISHED", s(30));
    assert.match(context ?? "", /^OctoPerf scenario-run: get_bench_result\(benchResultId=b1\) ended FINISHED .*\nStill running: benchResultId b2; keep polling it/s);
    assert.equal(wake.status, 2, wake.stderr);
    assert.equal(
      wake.stderr,
      "OctoPerf scenario-run: the next poll is due: call get_bench_result(benchResultId=b2) now. While it runs, this plugin's hooks wake you again at the next one; set up nothing else.\n",
    );
  });
});
