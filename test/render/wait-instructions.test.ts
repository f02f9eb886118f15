import { test } from "node:test";
import assert from "node:assert/strict";
import { planWait } from "../../src/policy/plan.js";
import { operation } from "../../src/policy/operations.js";
import { pollTargets } from "../../src/policy/targets.js";
import { MONITOR_MAX_TIMEOUT_MS } from "../../src/policy/harness.js";
import { cronCreateArgs, cronForInterval, loopInterval, loopLine, monitorArgs, scheduleWakeupArgs } from "../../src/calls/wait-calls.js";

test("cron intervals are whole minutes rounded up to a clean step", () => {
  assert.deepEqual(cronForInterval(3), { cron: "* * * * *", intervalSeconds: 60 });
  assert.deepEqual(cronForInterval(60), { cron: "* * * * *", intervalSeconds: 60 });
  assert.deepEqual(cronForInterval(61), { cron: "*/2 * * * *", intervalSeconds: 120 });
  assert.deepEqual(cronForInterval(7 * 60), { cron: "*/10 * * * *", intervalSeconds: 600 });
  assert.deepEqual(cronForInterval(3600), { cron: "0 * * * *", intervalSeconds: 3600 });
  assert.deepEqual(cronForInterval(5 * 3600), { cron: "0 */6 * * *", intervalSeconds: 6 * 3600 });
  assert.equal(loopInterval(30), "1m");
  assert.equal(loopInterval(7200), "2h");
});

test("the /loop line and CronCreate arguments name every handle and the terminal values", () => {
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 600 });
  const targets = pollTargets(operation("scenario-run"), ["r1", "r2"]);
  const line = loopLine(plan, targets);
  assert.match(line, /^\/loop 1m octoperf scenario-run: call get_bench_result\(benchResultId=r1\); get_bench_result\(benchResultId=r2\)\. /);
  assert.match(line, /FINISHED, ABORTED or ERROR for every handle, CronDelete this job/);
  const args = cronCreateArgs(plan, targets);
  assert.equal(args.cron, "* * * * *");
  assert.equal(args.recurring, true);
  assert.equal(`/loop 1m ${args.prompt}`, line);
});

test("ScheduleWakeup stays in its clamp and is not told to CronDelete", () => {
  const plan = planWait({ operation: "pdf-export" });
  const args = scheduleWakeupArgs(plan, pollTargets(operation("pdf-export"), ["t1"]));
  assert.equal(args.delaySeconds, 60);
  assert.ok(!args.prompt.includes("CronDelete"));
  assert.match(args.prompt, /do not schedule another wake-up/);
});

test("Monitor runs the bundled watcher within Monitor's cap", () => {
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 7200, watcher: true });
  const args = monitorArgs(plan, pollTargets(operation("scenario-run"), ["r1"]));
  assert.equal(args.timeout_ms, MONITOR_MAX_TIMEOUT_MS);
  assert.match(args.command, /^node "\$\{CLAUDE_PLUGIN_ROOT\}\/scripts\/octoperf-wait\.mjs" bench r1 --expected 2h /);
  const validation = planWait({ operation: "validation", watcher: true });
  const vArgs = monitorArgs(validation, pollTargets(operation("validation"), ["b1"], { projectId: "p1", virtualUserId: "v1" }));
  assert.match(vArgs.command, / validation p1 v1 --expected 30s /);
  assert.equal(vArgs.timeout_ms, 300_000);
});
