import { test } from "node:test";
import assert from "node:assert/strict";
import { ManualClock } from "../../src/simulator/clock.js";
import { SimError } from "../../src/simulator/errors.js";
import { parseFaults } from "../../src/simulator/faults.js";
import { DEMO_SCENARIO_ID, SAMPLE_PROJECT_ID } from "../../src/simulator/fixtures.js";
import { Platform } from "../../src/simulator/platform.js";
import { TASK_FAILURE_MESSAGES, TASK_SECONDS } from "../../src/simulator/tasks.js";

function setup(faults = "") {
  const clock = new ManualClock();
  return { clock, platform: new Platform({ clock, faults: parseFaults(faults) }) };
}

test("a run can create several bench results, all in one report", () => {
  const { platform, clock } = setup();
  const report = platform.runScenario(DEMO_SCENARIO_ID);
  assert.equal(report.benchResultIds.length, 2);
  assert.deepEqual(platform.report(report.id).benchResultIds, report.benchResultIds);
  for (const id of report.benchResultIds) assert.equal(platform.benchResult(id).state, "CREATED");
  clock.advance(platform.endsAt(report.benchResultIds[0]!) - clock.now());
  for (const id of report.benchResultIds) {
    assert.equal(platform.benchResult(id).state, "FINISHED");
    assert.equal(platform.progress(id), 100);
  }
});

test("unknown and malformed ids fail with a message a user can act on", () => {
  const { platform } = setup();
  assert.throws(() => platform.benchResult("nope"), (e: unknown) => e instanceof SimError && e.kind === "not-found" && /benchResultIds of run_scenario/.test(e.message));
  assert.throws(() => platform.benchResult("a b"), (e: unknown) => e instanceof SimError && e.kind === "bad-argument");
  assert.throws(() => platform.runScenario("scn-missing"), /Scenarios of this workspace: scn-smoke, scn-checkout/);
  assert.throws(() => platform.task("task-9"), /taskId that the export or update tool returned/);
  assert.throws(() => platform.validation(SAMPLE_PROJECT_ID, "vu-browse"), /never been validated/);
  assert.throws(() => platform.validate(SAMPLE_PROJECT_ID, "vu-browse", 0), /iterations must be/);
});

test("a validation is a short bench run that get_virtual_user_validation follows", () => {
  const { platform, clock } = setup();
  const started = platform.validate(SAMPLE_PROJECT_ID, "vu-browse", 1);
  assert.deepEqual(platform.validation(SAMPLE_PROJECT_ID, "vu-browse"), { finished: false, state: "CREATED", benchResultId: started.benchResultId });
  clock.advance(platform.endsAt(started.benchResultId) - clock.now() - 1);
  assert.equal(platform.validation(SAMPLE_PROJECT_ID, "vu-browse").finished, false);
  clock.advance(1);
  assert.deepEqual(platform.validation(SAMPLE_PROJECT_ID, "vu-browse"), { finished: true, state: "FINISHED", benchResultId: started.benchResultId });
});

test("tasks: PENDING, then SUCCESS; PARTIAL for a batch with a running report; FAILED with a message", () => {
  const { platform, clock } = setup();
  const done = platform.runScenario("scn-smoke");
  clock.advance(platform.endsAt(done.benchResultIds[0]!) - clock.now());
  const live = platform.runScenario("scn-smoke");
  assert.throws(() => platform.exportPdf(live.id), (e: unknown) => e instanceof SimError && e.kind === "conflict");
  const single = platform.exportPdf(done.id);
  const batch = platform.exportPdfs([done.id, live.id]);
  assert.equal(platform.task(single.taskId).status, "PENDING");
  clock.advance(TASK_SECONDS["pdf-batch"] * 1000);
  assert.equal(platform.task(single.taskId).status, "SUCCESS");
  assert.ok(platform.files(done.benchResultIds[0]!).includes(`${done.id}.pdf`));
  const partial = platform.task(batch.taskId);
  assert.equal(partial.status, "PARTIAL");
  assert.match(partial.message, new RegExp(live.id));

  const failing = setup("task-fail");
  const report = failing.platform.runScenario("scn-smoke");
  failing.clock.advance(failing.platform.endsAt(report.benchResultIds[0]!) - failing.clock.now());
  const task = failing.platform.exportPdf(report.id);
  failing.clock.advance(3_600_000);
  assert.deepEqual(failing.platform.task(task.taskId), { taskId: task.taskId, status: "FAILED", message: TASK_FAILURE_MESSAGES.pdf, kind: "pdf", filename: undefined });
});

test("task-stuck keeps tasks PENDING forever", () => {
  const { platform, clock } = setup("task-stuck");
  const { taskId } = platform.applyCorrelations(SAMPLE_PROJECT_ID, "vu-browse");
  clock.advance(24 * 3_600_000);
  assert.equal(platform.task(taskId).status, "PENDING");
});

test("stop ends a live run ABORTED and jmeter.log says so", () => {
  const { platform, clock } = setup();
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  clock.advance(40_000);
  assert.equal(platform.stop(id).state, "ABORTED");
  const log = platform.fileLines(id, "jmeter.log", 0, 100);
  assert.match(log.lines.at(-1)!, /\[ABORTED\]/);
  assert.equal(log.total, log.lines.length);
});
