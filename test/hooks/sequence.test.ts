// The whole life of a scenario run through the hooks sharing one session's
// state, in a session whose background hooks are off (the model loops by
// itself): start, first poll, a poll too soon, a loop, polls on time, the end,
// a poll after the end, the loop deleted. From source for both tool-name
// forms, and once through the committed bundle, each call its own process.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { operation, planWait, pollTargets } from "../../src/policy/index.js";
import { cronCreateArgs } from "../../src/calls/wait-calls.js";
import { BACKGROUND_OFF, blocks, contextOf, denialOf, FORMS, post, pre, runBundle, runHook as runWithHooks, structured, T0, tempDataDir, toolName, type RunOptions } from "./hook-calls.js";

const off = (options: RunOptions): RunOptions => ({ ...options, env: { ...BACKGROUND_OFF, ...options.env } });
const runFromSource: typeof runWithHooks = (name, stdin, options) => runWithHooks(name, stdin, off(options));
const runOffBundle: typeof runBundle = (name, stdin, options) => runBundle(name, stdin, off(options));

const s = (seconds: number) => T0 + seconds * 1000;

const WAYS = [
  ...FORMS.map((form) => ({ form, way: "from source", runHook: runFromSource })),
  { form: 1 as const, way: "through the bundle", runHook: runOffBundle },
];

describe("a scenario run from start to CronDelete", () => {
  for (const { form, way, runHook } of WAYS) {
    it(`follows the pace and ends with the loop's id (tool names form ${form}, ${way})`, () => {
      const data = tempDataDir();
      const op = operation("scenario-run");
      const start = runHook(
        "plan-after-start",
        post(toolName("run_scenario", form), { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1"] })),
        { data, now: s(0) },
      );
      assert.match(contextOf(start) ?? "", /^OctoPerf scenario-run started: benchResultIds b1 \(benchReportId r1\)\./);

      const poll = (at: number) => runHook("pace-guard", pre(toolName("get_bench_result", form), { benchResultId: "b1" }), { data, now: s(at) });
      const first = poll(5);
      assert.equal(first.stdout, "", "the first poll after a start passes silently");
      assert.equal(first.status, 0);
      assert.equal(
        contextOf(runHook("poll-outcome", post(toolName("get_bench_result", form), { benchResultId: "b1" }, structured({ id: "b1", state: "RUNNING" })), { data, now: s(6) })),
        undefined,
      );

      assert.equal(
        denialOf(poll(10)),
        "Too soon: get_bench_result(benchResultId=b1) was polled 5 s ago and its cadence is 60 s; poll again in 55 s. " +
          "Wait with `/loop 1m octoperf scenario-run: call get_bench_result(benchResultId=b1). When state is FINISHED, ABORTED or ERROR for every handle, CronDelete this job and report the outcome; otherwise say nothing more.`.",
      );

      // The model follows the plan: a recurring CronCreate whose prompt names b1.
      const args = cronCreateArgs(planWait({ operation: "scenario-run" }), pollTargets(op, ["b1"]));
      const cron = runHook(
        "record-schedule",
        post("CronCreate", args, { id: "7f85b8fb", humanSchedule: "Every minute", recurring: true, durable: false, nextFireAt: s(72), maxAgeMs: 2592000000 }),
        { data, now: s(12) },
      );
      assert.equal(cron.stdout, "");
      assert.equal(poll(12).stdout, "", "a loop runs its prompt at once: that poll passes");
      assert.equal(
        denialOf(poll(20)),
        "Too soon: get_bench_result(benchResultId=b1) was polled 8 s ago and its cadence is 60 s; poll again in 52 s. " +
          'Loop job 7f85b8fb polls it (CronDelete {"id":"7f85b8fb"} ends it): end your turn and let the next firing poll.',
      );
      assert.equal(poll(72).stdout, "", "a poll at the cadence passes");

      const end = runHook("poll-outcome", post(toolName("get_bench_result", form), { benchResultId: "b1" }, blocks({ id: "b1", state: "FINISHED" })), { data, now: s(73) });
      assert.equal(
        contextOf(end),
        [
          "OctoPerf scenario-run: get_bench_result(benchResultId=b1) ended FINISHED (succeeded: the run completed).",
          "Next: read the bench report (summary, errors, insights) before calling the test good; load the skill octoperf-bench-reports.",
          'Stop the loop that polled it: CronDelete {"id":"7f85b8fb"}.',
        ].join("\n"),
      );

      const after = "Already ended: get_bench_result(benchResultId=b1) is FINISHED (succeeded: the run completed); polling it again changes nothing. " +
        "Next: read the bench report (summary, errors, insights) before calling the test good; load the skill octoperf-bench-reports.";
      assert.equal(denialOf(poll(200)), `${after} Stop the loop that polled it: CronDelete {"id":"7f85b8fb"}.`);
      const progress = runHook("pace-guard", pre(toolName("get_bench_status", form), { benchResultId: "b1" }), { data, now: s(201) });
      assert.equal(denialOf(progress), `${after} Stop the loop that polled it: CronDelete {"id":"7f85b8fb"}.`, "progress polls share the handle");

      runHook("record-schedule", post("CronDelete", { id: "7f85b8fb" }, { id: "7f85b8fb" }), { data, now: s(202) });
      assert.equal(denialOf(poll(203)), after, "a deleted loop is no longer mentioned");
    });
  }

  it("shares one state between the two name forms of a tool", () => {
    const runHook = runFromSource;
    const data = tempDataDir();
    runHook("plan-after-start", post(toolName("run_scenario", 1), { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1"] })), { data, now: s(0) });
    assert.equal(runHook("pace-guard", pre(toolName("get_bench_result", 0), { benchResultId: "b1" }), { data, now: s(1) }).stdout, "");
    assert.match(denialOf(runHook("pace-guard", pre(toolName("get_bench_status", 1), { benchResultId: "b1" }), { data, now: s(2) })) ?? "", /^Too soon: /);
  });
});
