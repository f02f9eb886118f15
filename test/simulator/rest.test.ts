// The REST face of the simulator, over real HTTP on 127.0.0.1.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { ManualClock } from "../../src/simulator/clock.js";
import { parseFaults } from "../../src/simulator/faults.js";
import { startHttp, type RunningSimulator } from "../../src/simulator/http.js";
import { Platform } from "../../src/simulator/platform.js";
import { UNPUBLISHED_RESULT_TYPE } from "../../src/simulator/rest.js";
import { TASK_FAILURE_MESSAGES, TASK_SECONDS } from "../../src/simulator/tasks.js";

const KEY = "rest-test-key-0001";
const running: RunningSimulator[] = [];
after(async () => Promise.all(running.map((s) => s.close())));

async function sim(faults = "") {
  const clock = new ManualClock();
  const platform = new Platform({ clock, faults: parseFaults(faults) });
  const server = await startHttp({ platform, apiKey: KEY });
  running.push(server);
  const request = (method: string, path: string, key = KEY) => fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${key}` } });
  return { clock, platform, server, request };
}

test("run, follow, progress and stop through the REST endpoints", async () => {
  const { clock, request } = await sim();
  const run = await request("POST", "/runtime/scenarios/run/scn-checkout");
  assert.equal(run.status, 200);
  const report = (await run.json()) as { id: string; benchResultIds: string[] };
  assert.equal(report.benchResultIds.length, 2);
  const [first, second] = report.benchResultIds as [string, string];
  const result = (await (await request("GET", `/runtime/bench-results/${first}`)).json()) as Record<string, unknown>;
  assert.equal(result.state, "CREATED");
  assert.equal(result.batchId, report.id);
  clock.advance(120_000);
  assert.equal(((await (await request("GET", `/runtime/bench-results/${first}`)).json()) as { state: string }).state, "RUNNING");
  const progress = (await (await request("GET", `/runtime/bench-results/progress/${first}`)).json()) as { value: number };
  assert.ok(progress.value > 0 && progress.value < 100);
  const stopped = (await (await request("POST", `/runtime/bench-results/stop/${first}`)).json()) as { state: string };
  assert.equal(stopped.state, "ABORTED");
  clock.advance(3_600_000);
  const frozen = (await (await request("GET", `/runtime/bench-results/progress/${first}`)).json()) as { value: number };
  assert.equal(frozen.value, progress.value, "progress of a stopped run does not move");
  assert.equal(((await (await request("GET", `/runtime/bench-results/${second}`)).json()) as { state: string }).state, "FINISHED");
  const files = (await (await request("GET", `/analysis/logs/list/${first}`)).json()) as string[];
  assert.ok(files.includes("jmeter.log"));
  assert.match(await (await request("GET", `/analysis/logs/${first}?filename=jmeter.log`)).text(), /\[ABORTED\]/);
  assert.equal(((await (await request("GET", `/analysis/bench-reports/${report.id}`)).json()) as { id: string }).id, report.id);
});

test("a scenario is read at /runtime/scenarios/{id}, its profiles in today's shape; /design/scenarios does not exist", async () => {
  const { request } = await sim();
  const scenario = (await (await request("GET", "/runtime/scenarios/scn-checkout")).json()) as { id: string; userProfiles: Array<{ load: Record<string, unknown> }> };
  assert.equal(scenario.id, "scn-checkout");
  assert.deepEqual(
    scenario.userProfiles.map((p) => p.load),
    [
      { "@type": "UserProfileLoadRampUp", plateauVus: 200, delayMs: 0, rampUpMs: 60_000, plateauMs: 480_000 },
      { "@type": "UserProfileLoadRampUp", plateauVus: 1, delayMs: 0, rampUpMs: 0, plateauMs: 480_000 },
    ],
  );
  assert.equal((await request("GET", "/design/scenarios/scn-checkout")).status, 404);
});

test("a run passes through SCHEDULED, between PENDING and SCALING", async () => {
  const { clock, platform, request } = await sim();
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const seen: string[] = [];
  for (let t = 0; t < 30; t += 1) {
    const state = ((await (await request("GET", `/runtime/bench-results/${id}`)).json()) as { state: string }).state;
    if (seen.at(-1) !== state) seen.push(state);
    clock.advance(1000);
  }
  assert.deepEqual(seen, ["CREATED", "PENDING", "SCHEDULED", "SCALING", "PREPARING", "INITIALIZING", "RUNNING"]);
});

test("a task result is an empty body while pending, then the @type OctoPerf's clients name", async () => {
  const { clock, platform, request } = await sim();
  const report = platform.runScenario("scn-smoke");
  clock.advance(3_600_000);
  const { taskId } = platform.exportPdf(report.id);
  const pending = await request("GET", `/tasks/${taskId}/result`);
  assert.equal(pending.status, 200);
  assert.equal(await pending.text(), "");
  clock.advance(TASK_SECONDS.pdf * 1000);
  assert.deepEqual(await (await request("GET", `/tasks/${taskId}/result`)).json(), { "@type": "PrintReportTaskResult", filename: `${report.id}.pdf` });
});

test("a failed task is a FailedTaskResult with a stack trace; a success no client publishes has a type no client knows", async () => {
  const failing = await sim("task-fail");
  const failedId = failing.platform.applyCorrelations("proj-demo", "vu-browse").taskId;
  failing.clock.advance(TASK_SECONDS.correlation * 1000);
  const failed = (await (await failing.request("GET", `/tasks/${failedId}/result`)).json()) as Record<string, string>;
  assert.deepEqual(Object.keys(failed), ["@type", "stackTrace"]);
  assert.equal(failed["@type"], "FailedTaskResult");
  assert.equal(failed.stackTrace!.split("\n")[0], `java.lang.IllegalStateException: ${TASK_FAILURE_MESSAGES.correlation}`);
  assert.match(failed.stackTrace!, /\n\tat com\.octoperf\./);
  const { clock, platform, request } = await sim();
  const okId = platform.applyCorrelations("proj-demo", "vu-browse").taskId;
  clock.advance(TASK_SECONDS.correlation * 1000);
  assert.deepEqual(await (await request("GET", `/tasks/${okId}/result`)).json(), { "@type": UNPUBLISHED_RESULT_TYPE });
});

test("auth: 401 on a missing or wrong key, and the key is never echoed", async () => {
  const { request, server } = await sim();
  const wrong = await request("GET", "/runtime/bench-results/bench-0001", "not-the-key");
  assert.equal(wrong.status, 401);
  const body = await wrong.text();
  assert.ok(!body.includes("not-the-key") && !body.includes(KEY));
  assert.equal((await fetch(`${server.url}/runtime/bench-results/bench-0001`)).status, 401);
});

test("unknown ids are 404 with a message, unknown routes 404, wrong methods 405", async () => {
  const { request } = await sim();
  const missing = await request("GET", "/runtime/bench-results/bench-zzzz");
  assert.equal(missing.status, 404);
  assert.match(((await missing.json()) as { message: string }).message, /No bench result with id "bench-zzzz"/);
  assert.equal((await request("GET", "/nothing/here")).status, 404);
  assert.equal((await request("GET", "/runtime/scenarios/run/scn-smoke")).status, 405);
  assert.equal((await request("GET", "/runtime/bench-results/bad%20id")).status, 400);
});

test("HTTP faults hit the Nth request: 503, 429 with Retry-After, a dropped connection", async () => {
  const { request, server } = await sim("5xx@1,429@2,drop@3");
  assert.equal((await request("GET", "/runtime/scenarios/scn-smoke")).status, 503);
  const limited = await request("GET", "/runtime/scenarios/scn-smoke");
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "2");
  await assert.rejects(request("GET", "/runtime/scenarios/scn-smoke"), TypeError);
  assert.equal((await request("GET", "/runtime/scenarios/scn-smoke")).status, 200);
  assert.equal(server.requests(), 4);
});
