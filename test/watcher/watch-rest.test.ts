// The watcher against the simulator's REST API, one case per fault: exit
// code, the exact stdout lines a Monitor would turn into model turns, and no
// secret anywhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { operation } from "../../src/policy/index.js";
import { UNKNOWN_STATE } from "../../src/simulator/faults.js";
import { UNPUBLISHED_RESULT_TYPE } from "../../src/simulator/rest.js";
import { TASK_FAILURE_MESSAGES } from "../../src/simulator/tasks.js";
import { API_KEY, simulator, type WatchOutcome } from "./harness.js";

function noSecret(outcome: WatchOutcome): void {
  for (const text of [outcome.stdout, outcome.stderr]) {
    assert.ok(!text.includes(API_KEY), "the API key never appears");
    assert.ok(!/bearer|authorization/i.test(text), "no Authorization header appears");
  }
}

const next = (value: string) => operation("scenario-run").terminal.find((a) => a.value === value)!.next.action;

test("success: one under-way line, one final line with outcome, handles and next step; exit 0", async () => {
  const { platform, watch } = await simulator();
  const { benchResultIds } = platform.runScenario("scn-checkout");
  const outcome = await watch(["bench", ...benchResultIds, "--scenario", "scn-checkout", "--verbose"]);
  assert.equal(outcome.code, 0);
  assert.deepEqual(outcome.lines, [
    "octoperf-wait: scenario-run under way: bench-0002 RUNNING, bench-0003 RUNNING, expected to end in about 9m. The next line comes when it ends.",
    `octoperf-wait: scenario-run succeeded: bench-0002 FINISHED (the run completed), bench-0003 FINISHED (the run completed). Next: ${next("FINISHED")}; skill: octoperf-bench-reports.`,
  ]);
  assert.match(outcome.stderr, /bench-0002: CREATED -> SCALING\n/, "every state change, on stderr");
  assert.doesNotMatch(outcome.stderr, /not an outcome the policy knows/, "SCHEDULED is known");
  assert.equal(outcome.elapsedMs, 570_000, "570 s expected; seen at the poll at 570 s");
  assert.ok(outcome.sleeps.every((ms) => ms >= 3000 && ms <= 10_000), "polls every 3-10 s");
  noSecret(outcome);
});

test("detects the end within one interval of the terminal state", async () => {
  const { platform, watch, clock } = await simulator();
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  await watch(["bench", id, "--expected", "90s"]);
  assert.ok(clock.now() >= platform.endsAt(id));
  assert.ok(clock.now() - platform.endsAt(id) <= 9000, "cadence 9 s for 90 s");
});

test("--progress adds a line at each step", async () => {
  const { platform, watch } = await simulator();
  const ids = platform.runScenario("scn-checkout").benchResultIds;
  const outcome = await watch(["bench", ...ids, "--scenario", "scn-checkout", "--progress", "25"]);
  assert.equal(outcome.code, 0);
  assert.deepEqual(
    outcome.lines.filter((l) => l.includes("% of the load")),
    [25, 50, 75].map((p) => `octoperf-wait: ${p}% of the load elapsed: ${ids.map((id) => `${id} RUNNING`).join(", ")}`),
  );
});

test("ABORTED mid-run: exit 1, the failure and its next step", async () => {
  const { platform, watch } = await simulator("abort");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id]);
  assert.equal(outcome.code, 1);
  assert.equal(outcome.lines.length, 2);
  assert.equal(outcome.lines[1], `octoperf-wait: scenario-run failed: ${id} ABORTED (the run was stopped or aborted mid-way). Next: ${next("ABORTED")}; skill: octoperf-scenario-diagnosis.`);
});

test("ERROR during SCALING: no under-way line, only the failure; exit 1", async () => {
  const { platform, watch } = await simulator("error-scaling");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id]);
  assert.equal(outcome.code, 1);
  assert.deepEqual(outcome.lines, [`octoperf-wait: scenario-run failed: ${id} ERROR (the run failed to start or broke down). Next: ${next("ERROR")}; skill: octoperf-scenario-diagnosis.`]);
});

test("an unknown new state is in flight, said on stderr and in the final line", async () => {
  const { platform, watch } = await simulator("unknown-state");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id, "--interval", "3s"]);
  assert.equal(outcome.code, 0);
  assert.equal((outcome.stderr.match(new RegExp(`bench-0002: state «${UNKNOWN_STATE}» is not an outcome the policy knows; treated as still in flight`, "g")) ?? []).length, 1);
  assert.deepEqual(outcome.lines, [
    "octoperf-wait: scenario-run under way: bench-0002 RUNNING, expected to end in about 9m27s. The next line comes when it ends.",
    `octoperf-wait: scenario-run succeeded: bench-0002 FINISHED (the run completed). Next: ${next("FINISHED")}; skill: octoperf-bench-reports. (saw state «${UNKNOWN_STATE}», unknown to the policy, treated as in flight)`,
  ]);
});

test("a task that FAILS: exit 1 and the service's message, quoted", async () => {
  const { platform, watch, clock } = await simulator("task-fail");
  const report = platform.runScenario("scn-smoke");
  clock.advance(3_600_000);
  const { taskId } = platform.exportPdf(report.id);
  const outcome = await watch(["task", taskId, "--operation", "pdf-export"]);
  assert.equal(outcome.code, 1);
  assert.deepEqual(outcome.lines, [
    `octoperf-wait: pdf-export failed: ${taskId} FAILED (the export failed; the task's message holds the reason); the server said: «java.lang.IllegalStateException: ${TASK_FAILURE_MESSAGES.pdf}». Next: ${operation("pdf-export").terminal[1]!.next.action}; skill: octoperf-export-bench-report-pdf.`,
  ]);
});

test("over REST, a result type no client publishes (a partial batch, a correlation) is no outcome: flagged once, the deadline passes", async () => {
  const { platform, watch, clock } = await simulator();
  const done = platform.runScenario("scn-smoke");
  clock.advance(3_600_000);
  const live = platform.runScenario("scn-soak");
  const { taskId } = platform.exportPdfs([done.id, live.id]);
  const what = `@type "${UNPUBLISHED_RESULT_TYPE}"`;
  const partial = await watch(["task", taskId, "--operation", "pdf-batch-export"]);
  assert.equal(partial.code, 2);
  assert.deepEqual(partial.lines, [
    `octoperf-wait: pdf-batch-export deadline passed after 15m (expected 2m): ${taskId} unrecognised answer (${what}). Next: check get_task_result(${taskId}); stop a stuck run, or wait again with a later --deadline. (saw ${what}, unknown to the policy, treated as in flight)`,
  ]);
  assert.equal((partial.stderr.match(/is not an outcome the policy knows/g) ?? []).length, 1);
  const correlation = platform.applyCorrelations("proj-demo", "vu-browse").taskId;
  const applied = await watch(["task", correlation, "--operation", "correlation", "--deadline", "1m"]);
  assert.equal(applied.code, 2);
  assert.match(applied.lines[0]!, new RegExp(`^octoperf-wait: correlation deadline passed after 1m .*${correlation} unrecognised answer \\(@type "${UNPUBLISHED_RESULT_TYPE}"\\)`));
});

test("a task that never leaves PENDING: the deadline passes; exit 2", async () => {
  const { platform, watch } = await simulator("task-stuck");
  const { taskId } = platform.applyCorrelations("proj-demo", "vu-browse");
  const outcome = await watch(["task", taskId, "--deadline", "2m"]);
  assert.equal(outcome.code, 2);
  assert.equal(outcome.lines.length, 1);
  assert.match(outcome.lines[0]!, new RegExp(`deadline passed after 2m \\(expected 30s\\): ${taskId} PENDING\\. Next: check get_task_result\\(${taskId}\\)`));
});

test("5xx on a poll is retried with backoff; the outcome is the run's; exit 0", async () => {
  const { platform, watch } = await simulator("5xx@2-3");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id]);
  assert.equal(outcome.code, 0);
  assert.match(outcome.stderr, /answered HTTP 503; retry 1 in 0\.8 s/);
  assert.match(outcome.stderr, /answered HTTP 503; retry 2 in 1\.5 s/);
});

test("a run that ends during an outage still gets its outcome", async () => {
  const { platform, watch, clock } = await simulator("5xx@2-6");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  clock.advance(platform.endsAt(id) - clock.now() - 4000);
  const outcome = await watch(["bench", id, "--expected", "90s"]);
  assert.equal(outcome.code, 0);
  assert.match(outcome.lines.at(-1)!, new RegExp(`succeeded: ${id} FINISHED`));
  assert.equal((outcome.stderr.match(/HTTP 503/g) ?? []).length, 5);
});

test("429 honours Retry-After", async () => {
  const { platform, watch } = await simulator("429@1");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id]);
  assert.equal(outcome.code, 0);
  assert.equal(outcome.sleeps[0], 2000);
});

test("a dropped connection is retried", async () => {
  const { platform, watch } = await simulator("drop@1");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id]);
  assert.equal(outcome.code, 0);
  assert.match(outcome.stderr, /could not reach 127\.0\.0\.1:\d+ \(\w+\); retry 1/);
});

test("slow responses still give the outcome; past the request timeout they count as unreachable (exit 5)", async () => {
  const slow = await simulator("slow@100");
  const [id] = slow.platform.runScenario("scn-smoke").benchResultIds as [string];
  const fine = await slow.watch(["bench", id, "--expected", "90s"]);
  assert.equal(fine.code, 0);
  const stuck = await simulator("slow@1500");
  const [other] = stuck.platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await stuck.watch(["bench", other, "--request-timeout", "1s", "--retries", "2"]);
  assert.equal(outcome.code, 5);
  assert.match(outcome.stderr, /could not reach 127\.0\.0\.1:\d+ \(timed out after 1 s\); retry 1 in 0\.8 s/);
  assert.match(outcome.lines[0]!, /service unreachable: could not reach 127\.0\.0\.1:\d+ \(timed out after 1 s\) \(gave up after 2 attempts\)/);
});

test("service down for good: exit 5 with the last state and what to check", async () => {
  const { platform, watch } = await simulator("5xx@3-999");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id, "--verbose"]);
  assert.equal(outcome.code, 5);
  assert.equal(outcome.lines.length, 1);
  assert.match(outcome.lines[0]!, new RegExp(`service unreachable: .*gave up after 6 attempts.*Last seen: ${id} \\w+\\. Next: the work may have ended meanwhile; check get_bench_result\\(${id}\\)`));
  noSecret(outcome);
});

test("a wrong API key: exit 3, and neither key is printed, even with --verbose", async () => {
  const { platform, watch, server } = await simulator();
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id, "--verbose"], { OCTOPERF_API_KEY: "sk-wrong-key-123456", OCTOPERF_API_URL: server.url });
  assert.equal(outcome.code, 3);
  assert.match(outcome.lines[0]!, /^octoperf-wait: auth: 127\.0\.0\.1:\d+ refused the API key \(HTTP 401\): check OCTOPERF_API_KEY$/);
  assert.ok(!outcome.stdout.includes("sk-wrong-key-123456") && !outcome.stderr.includes("sk-wrong-key-123456"));
  const none = await watch(["bench", id], { OCTOPERF_API_URL: server.url });
  assert.equal(none.code, 3);
  assert.match(none.lines[0]!, /OCTOPERF_API_KEY is not set/);
});

test("the key is redacted even where a user put it: a line that quotes the key shows [redacted]", async () => {
  const { watch } = await simulator();
  const outcome = await watch(["bench", "bench-0002", "--api-url", `::bad::/${API_KEY}`, "--verbose"]);
  assert.equal(outcome.code, 3);
  assert.deepEqual(outcome.lines, ['octoperf-wait: configuration: OCTOPERF_API_URL is not a URL: "::bad::/[redacted]"']);
  noSecret(outcome);
});

test("unknown and malformed handles: exit 4", async () => {
  const { watch } = await simulator();
  const unknown = await watch(["bench", "bench-zzzz"]);
  assert.equal(unknown.code, 4);
  assert.match(unknown.lines[0]!, /^octoperf-wait: unknown-handle: 127\.0\.0\.1:\d+ knows no bench result "bench-zzzz" \(HTTP 404\)$/);
  const malformed = await watch(["bench", "bench;rm -rf /"]);
  assert.equal(malformed.code, 4);
  assert.match(malformed.lines[0]!, /benchResultIds\[0\]: contains ";"/);
});

test("usage errors: exit 3, one line that says usage, and a pointer to --help; no request is made", async () => {
  const { watch, server } = await simulator();
  const before = server.requests();
  const cases: Array<[string[], string]> = [
    [[], 'say what to wait for: bench, validation, task (got nothing)'],
    [["wait", "x"], 'say what to wait for: bench, validation, task (got "wait")'],
    [["bench"], "bench needs at least one id"],
    [["bench", "b1", "--expected", "soon"], '--expected: "soon" is not a duration; use e.g. 90s, 10m or 1h30m'],
    [["validation", "p"], "validation needs exactly <projectId> <virtualUserId>"],
    [["bench", "b1", "--flag"], '"--flag" needs a value'],
    [["bench", "b1", "--flag", "x"], 'unknown option "--flag"'],
    [["validation", "p", "v", "--operation", "scenario-run"], "--operation scenario-run does not fit validation ids (validation takes validation); wait on it with bench <benchResultId...>"],
    [["task", "t1", "--operation", "scenario-run"], "--operation scenario-run does not fit task ids (task takes pdf-export, pdf-batch-export, correlation, report-data, jtl-import); wait on it with bench <benchResultId...>"],
    [["bench", "b1", "--operation", "pdf-export"], "--operation pdf-export does not fit bench ids (bench takes validation, scenario-run); wait on it with task <taskId...>"],
  ];
  for (const [argv, message] of cases) {
    const outcome = await watch(argv);
    assert.equal(outcome.code, 3, argv.join(" "));
    assert.deepEqual(outcome.lines, [`octoperf-wait: usage: ${message}`], argv.join(" "));
    assert.match(outcome.stderr, /run with --help for the usage/);
  }
  assert.equal(server.requests(), before, "no request for a command line that is wrong");
  const help = await watch(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /exit codes: 0 succeeded, 1 failed, 2 deadline, 3 usage\/configuration\/auth, 4 unknown-handle, 5 unreachable, 6 internal$/m);
});

test("validation over REST points to the bench form; the bench form works with --operation validation", async () => {
  const { platform, watch } = await simulator();
  const { benchResultId } = platform.validate("proj-demo", "vu-browse", 1);
  const refused = await watch(["validation", "proj-demo", "vu-browse"]);
  assert.equal(refused.code, 3);
  assert.match(refused.lines[0]!, /bench <id> --operation validation/);
  const outcome = await watch(["bench", benchResultId, "--operation", "validation"]);
  assert.equal(outcome.code, 0);
  assert.match(outcome.lines.at(-1)!, /^octoperf-wait: validation succeeded: .*skill: octoperf-validation-triage\.$/);
});

test("a JTL import: the presigned upload answers a taskId that the watcher follows (over MCP, which reports its success)", async () => {
  const { platform, watch, server } = await simulator();
  const upload = platform.importJtl("proj-demo");
  assert.equal(upload.method, "POST");
  const empty = await fetch(upload.url, { method: "POST" });
  assert.equal(empty.status, 400);
  const answer = (await (await fetch(upload.url, { method: "POST", body: "PK-zip-bytes" })).json()) as { taskId: string; benchResultId: string; reportName: string };
  assert.equal(platform.benchResult(answer.benchResultId).state, "FINISHED");
  assert.equal((await fetch(upload.url, { method: "POST", body: "again" })).status, 404, "a presigned URL works once");
  const outcome = await watch(["task", answer.taskId, "--operation", "jtl-import", "--mcp-url", `${server.url}/mcp`], {});
  assert.equal(outcome.code, 0);
  assert.deepEqual(outcome.lines, [
    `octoperf-wait: jtl-import succeeded: ${answer.taskId} SUCCESS (the JTL was imported as a bench result). Next: ${operation("jtl-import").terminal[0]!.next.action}; skill: octoperf-bench-reports.`,
  ]);
});

test("one of several runs fails early: a line at once, then the wait goes on", async () => {
  const { platform, watch, clock } = await simulator();
  const [first, second] = platform.runScenario("scn-checkout").benchResultIds as [string, string];
  let sleeps = 0;
  const outcome = await watch(["bench", first, second, "--scenario", "scn-checkout"], undefined, {
    afterSleep: () => {
      sleeps += 1;
      if (sleeps === 1) platform.stop(second);
    },
  });
  assert.equal(outcome.code, 1);
  assert.deepEqual(outcome.lines.slice(0, 2), [
    `octoperf-wait: scenario-run: ${second} ABORTED (the run was stopped or aborted mid-way); still waiting for ${first}.`,
    outcome.lines[1]!.startsWith(`octoperf-wait: scenario-run under way: ${first} RUNNING`) ? outcome.lines[1]! : "an under-way line for the live run",
  ]);
  assert.match(outcome.lines[2]!, new RegExp(`^octoperf-wait: scenario-run failed: ${second} ABORTED .*, ${first} FINISHED \\(the run completed\\)\\. Next: read jmeter\\.log`));
});

test("OCTOPERF_WAIT_TIME_SCALE scales the watcher's clock like --time-scale", async () => {
  const { platform, watch, restEnv } = await simulator();
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id, "--expected", "90s", "--deadline", "20m"], { ...restEnv, OCTOPERF_WAIT_TIME_SCALE: "10" });
  assert.equal(outcome.code, 0);
  assert.ok(outcome.sleeps.every((ms) => ms === 900), "9-s polls become 0.9 s of real sleep");
});
