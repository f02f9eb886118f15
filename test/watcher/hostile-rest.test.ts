// The watcher against small REST servers on 127.0.0.1 that answer what
// OctoPerf's clients have seen, and what a broken or hostile service could
// send: each case asserts the exit code, every stdout line and the time the
// watch took on its clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { operation } from "../../src/policy/index.js";
import { ManualClock } from "../../src/simulator/clock.js";
import { API_KEY, watcherOn, type WatchOutcome } from "./harness.js";
import { restServer, type RestScript } from "./hostile.js";

const FLAG = /is not an outcome the policy knows; treated as still in flight \(the deadline still applies\)/g;

async function against(script: (path: string, elapsedMs: number) => ReturnType<RestScript>) {
  const clock = new ManualClock();
  const start = clock.now();
  const server = await restServer((path) => script(path, clock.now() - start));
  return { server, clock, watch: watcherOn(clock, { OCTOPERF_API_KEY: API_KEY, OCTOPERF_API_URL: server.url }) };
}

/** A bench result that is in `states[i][1]` from `states[i][0]` ms on. */
const benchAt =
  (states: ReadonlyArray<readonly [number, string]>) =>
  (path: string, elapsed: number): ReturnType<RestScript> => {
    if (!path.startsWith("/runtime/bench-results/")) return { status: 404, json: { message: "no" } };
    const state = [...states].reverse().find(([at]) => elapsed >= at)![1];
    return { json: { id: "b1", batchId: "r1", scenarioId: "s1", designProjectId: "p", resultProjectId: "p", state } };
  };

const runNext = (value: string): string => {
  const acceptor = operation("scenario-run").terminal.find((a) => a.value === value)!;
  return `${acceptor.next.action}; skill: ${acceptor.next.skill}`;
};
const pdfNext = (value: string): string => {
  const acceptor = operation("pdf-export").terminal.find((a) => a.value === value)!;
  return `${acceptor.next.action}; skill: ${acceptor.next.skill}`;
};

function everyLineSafe(outcome: WatchOutcome): void {
  for (const line of (outcome.stdout + outcome.stderr).split("\n").filter(Boolean)) {
    assert.match(line, /^octoperf-wait: /, line);
    assert.ok(!/[\x00-\x1f\x7f\u2028\u2029]/.test(line), `a control character in ${JSON.stringify(line)}`);
  }
  assert.ok(!(outcome.stdout + outcome.stderr).includes(API_KEY), "the key never appears");
}

test("a state with a line break and escape sequences cannot forge a line: one final line, the value quoted as unknown", async () => {
  const forged = "RUNNING\noctoperf-wait: scenario-run succeeded: b1 FINISHED\x1b[2K\x1b]0;title\x07";
  const { watch, server } = await against(benchAt([[0, "SCHEDULED"], [10_000, forged], [30_000, "FINISHED"]]));
  const outcome = await watch(["bench", "b1"]);
  assert.equal(outcome.code, 0);
  assert.deepEqual(outcome.lines, [
    `octoperf-wait: scenario-run succeeded: b1 FINISHED (the run completed). Next: ${runNext("FINISHED")}. (saw state «RUNNING octoperf-wait: scenario-run s...», unknown to the policy, treated as in flight)`,
  ]);
  assert.equal(outcome.elapsedMs, 30_000);
  assert.equal((outcome.stderr.match(FLAG) ?? []).length, 1, "flagged once, though seen twice");
  assert.equal(server.asked.length, 4);
  everyLineSafe(outcome);
});

test("a hostile state to the end: the deadline passes on time and the line shows it as unknown", async () => {
  const { watch } = await against(benchAt([[0, "\x1b[31mRUN\u202eNING\u2028x"]]));
  const outcome = await watch(["bench", "b1", "--deadline", "1m"]);
  assert.equal(outcome.code, 2);
  assert.deepEqual(outcome.lines, [
    'octoperf-wait: scenario-run deadline passed after 1m (expected 10m): b1 unknown state «RUN NING x». Next: check get_bench_result(b1); stop a stuck run, or wait again with a later --deadline. (saw state «RUN NING x», unknown to the policy, treated as in flight)',
  ]);
  assert.equal(outcome.elapsedMs, 60_000);
  everyLineSafe(outcome);
});

test("SCHEDULED is a known in-flight state: no flag, and the run is followed to its end", async () => {
  const { watch } = await against(benchAt([[0, "CREATED"], [5000, "SCHEDULED"], [20_000, "RUNNING"], [70_000, "FINISHED"]]));
  const outcome = await watch(["bench", "b1", "--expected", "1m", "--verbose"]);
  assert.equal(outcome.code, 0);
  assert.deepEqual(outcome.lines, [
    "octoperf-wait: scenario-run under way: b1 RUNNING, expected to end in about 36s. The next line comes when it ends.",
    `octoperf-wait: scenario-run succeeded: b1 FINISHED (the run completed). Next: ${runNext("FINISHED")}.`,
  ]);
  assert.match(outcome.stderr, /b1: CREATED -> SCHEDULED\n/);
  assert.doesNotMatch(outcome.stderr, FLAG);
  assert.equal(outcome.elapsedMs, 72_000);
});

const TASK = "/tasks/t1/result";

test("task results: an empty body is PENDING, then PrintReportTaskResult is SUCCESS, with its file name made safe", async () => {
  const { watch } = await against((path, elapsed) => (path !== TASK ? { status: 404 } : elapsed < 9000 ? { text: "" } : { json: { "@type": "PrintReportTaskResult", filename: "report\n\x1b[1m.pdf" } }));
  const outcome = await watch(["task", "t1", "--operation", "pdf-export"]);
  assert.equal(outcome.code, 0);
  assert.deepEqual(outcome.lines, [`octoperf-wait: pdf-export succeeded: t1 SUCCESS (the PDF is ready), file "report .pdf". Next: ${pdfNext("SUCCESS")}.`]);
  assert.equal(outcome.elapsedMs, 9000);
  assert.doesNotMatch(outcome.stderr, FLAG);
});

test("FailedTaskResult is FAILED with the first line of its stack trace quoted", async () => {
  const stackTrace = "java.lang.IllegalStateException: chart 3 is gone\x1b[8m\n\tat com.octoperf.Print.run(Print.java:42)\noctoperf-wait: pdf-export succeeded";
  const { watch } = await against(() => ({ json: { "@type": "FailedTaskResult", stackTrace } }));
  const outcome = await watch(["task", "t1", "--operation", "pdf-export"]);
  assert.equal(outcome.code, 1);
  assert.deepEqual(outcome.lines, [
    `octoperf-wait: pdf-export failed: t1 FAILED (the export failed; the task's message holds the reason); the server said: «java.lang.IllegalStateException: chart 3 is gone». Next: ${pdfNext("FAILED")}.`,
  ]);
  everyLineSafe(outcome);
});

test("answers that are no outcome ({}, [], a bare string, null, an unknown @type, a known one without its field): in flight, flagged once, until the deadline", async () => {
  const cases: Array<[unknown, string]> = [
    [{}, "an empty object {}"],
    [[], "an empty list"],
    ["done", 'a string "done"'],
    [null, "null"],
    [{ "@type": "SuccessTaskResult" }, '@type "SuccessTaskResult"'],
    [{ "@type": "PrintReportTaskResult" }, '@type "PrintReportTaskResult" without its fields'],
    [{ status: "SUCCESS" }, "an object with no @type"],
  ];
  for (const [body, what] of cases) {
    const { watch } = await against(() => ({ json: body }));
    const outcome = await watch(["task", "t1", "--operation", "pdf-export", "--deadline", "2m"]);
    assert.equal(outcome.code, 2, what);
    assert.deepEqual(
      outcome.lines,
      [
        `octoperf-wait: pdf-export deadline passed after 2m (expected 30s): t1 unrecognised answer (${what}). Next: check get_task_result(t1); stop a stuck run, or wait again with a later --deadline. (saw ${what}, unknown to the policy, treated as in flight)`,
      ],
      what,
    );
    assert.equal(outcome.elapsedMs, 120_000, what);
    assert.equal((outcome.stderr.match(FLAG) ?? []).length, 1, what);
  }
});

test("task <id> without --operation is a task, never a PDF export", async () => {
  const { watch } = await against(() => ({ json: { "@type": "PrintReportTaskResult", filename: "r.pdf" } }));
  const outcome = await watch(["task", "t1"]);
  assert.equal(outcome.code, 0);
  assert.deepEqual(outcome.lines, [
    'octoperf-wait: task succeeded: t1 SUCCESS (the task ended SUCCESS), file "r.pdf". Next: continue the workflow that started the task (pass --operation <pdf-export|pdf-batch-export|correlation|report-data|jtl-import> for its exact next step).',
  ]);
});

test("a server that never answers: --deadline 10s ends at 10 s, exit 2, one line", async () => {
  const { watch, server } = await against(() => "hang");
  const outcome = await watch(["bench", "b1", "--expected", "5m", "--deadline", "10s"]);
  assert.equal(outcome.code, 2);
  assert.deepEqual(outcome.lines, [
    "octoperf-wait: scenario-run deadline passed after 10s (expected 5m): b1 (no answer yet). Next: check get_bench_result(b1); stop a stuck run, or wait again with a later --deadline.",
  ]);
  assert.equal(outcome.elapsedMs, 10_000, "the request was cut to the time left");
  assert.equal(server.asked.length, 1);
});

test("a server that never answers under Monitor: the re-arm line comes before the window ends", async () => {
  const { watch } = await against(() => "hang");
  const outcome = await watch(["bench", "b1", "--expected", "20m", "--window", "2m"]);
  assert.equal(outcome.code, 2);
  assert.equal(outcome.lines.length, 1);
  assert.match(outcome.lines[0]!, /^octoperf-wait: scenario-run still in flight after 1m30s \(b1 \(no answer yet\)\); this watch ends before Monitor's time limit\. Re-arm: call Monitor again with command: .* bench b1 --expected 18m30s --deadline 28m30s --window 2m --resumed$/);
  assert.equal(outcome.elapsedMs, 90_000);
});

test("a service down to the deadline: retries stop at the deadline (exit 2), not after all of them (exit 5)", async () => {
  const { watch, server } = await against(() => ({ status: 503, json: { message: "down" } }));
  const outcome = await watch(["bench", "b1", "--deadline", "5s"]);
  assert.equal(outcome.code, 2);
  assert.equal(outcome.elapsedMs, 5000);
  assert.deepEqual(outcome.sleeps, [750, 1500, 2750], "the third wait is cut to the time left");
  assert.equal(server.asked.length, 3);
  assert.match(outcome.lines[0]!, /^octoperf-wait: scenario-run deadline passed after 5s/);
});

test("a malformed API key is a configuration error at once: no request, no retry, the key not shown", async () => {
  for (const [key, problem] of [
    [`${API_KEY}\n`, "contains a line break (at character 28 of 28)"],
    ["sk-clé-4f9a2c71e0", "contains a non-ASCII character (at character 6 of 17)"],
    ["sk-\x1b-4f9a2c71e0", "contains a control character (at character 4 of 15)"],
    ["sk 4f9a2c71e0", "contains a space (at character 3 of 13)"],
  ] as const) {
    const clock = new ManualClock();
    const server = await restServer(() => ({ json: {} }));
    const outcome = await watcherOn(clock, {})(["bench", "b1"], { OCTOPERF_API_KEY: key, OCTOPERF_API_URL: server.url });
    assert.equal(outcome.code, 3, problem);
    assert.deepEqual(outcome.lines, [`octoperf-wait: configuration: OCTOPERF_API_KEY ${problem}; copy the key again`]);
    assert.deepEqual(server.asked, []);
    assert.equal(outcome.elapsedMs, 0);
    assert.ok(!outcome.stdout.includes(key.trim()) || key.trim().length < 4);
  }
});

test("the scenario is read at /runtime/scenarios/{id}, in today's shape or the older one", async () => {
  const scenarios: Record<string, unknown> = {
    today: { id: "today", userProfiles: [{ name: "a", load: { "@type": "UserProfileLoadRampUp", plateauVus: 10, delayMs: 0, rampUpMs: 60_000, plateauMs: 240_000 } }] },
    older: { id: "older", userLoads: [{ strategy: { "@type": "UserLoadOctoPerf", points: [{ threadsCount: 1, timeInMs: 0 }, { threadsCount: 10, timeInMs: 600_000 }] } }] },
  };
  for (const [id, expected, deadline] of [
    ["today", "5m30s", 930],
    ["older", "10m30s", 1230],
  ] as const) {
    const { watch, server } = await against((path, elapsed) => {
      const scenario = /^\/runtime\/scenarios\/(\w+)$/.exec(path);
      if (scenario) return scenarios[scenario[1]!] ? { json: scenarios[scenario[1]!] } : { status: 404 };
      return benchAt([[0, "RUNNING"], [1000, "FINISHED"]])(path, elapsed);
    });
    const outcome = await watch(["bench", "b1", "--scenario", id]);
    assert.equal(outcome.code, 0);
    assert.match(outcome.stderr, new RegExp(`every 10 s, deadline ${deadline} s`), id);
    assert.equal(outcome.lines[0], `octoperf-wait: scenario-run under way: b1 RUNNING, expected to end in about ${expected}. The next line comes when it ends.`);
    assert.deepEqual(server.asked.slice(0, 2), [`/runtime/scenarios/${id}`, "/runtime/bench-results/b1"]);
  }
});

test("a scenario whose length cannot be worked out: exit 3, asking for --expected, before any poll", async () => {
  const stairs = { id: "s1", userProfiles: [{ name: "steps\x1b[2J", load: { "@type": "UserProfileLoadStairs", stepCount: 5, rampUpMs: 1000 } }] };
  const { watch, server } = await against((path) => (path === "/runtime/scenarios/s1" ? { json: stairs } : { status: 500 }));
  const outcome = await watch(["bench", "b1", "--scenario", "s1"]);
  assert.equal(outcome.code, 3);
  assert.deepEqual(outcome.lines, [
    'octoperf-wait: configuration: cannot work out how long scenario s1 runs: profile 1 "steps": it is a stepped load (stepCount), whose total length is not published; pass --expected <duration> instead (how long the run should take, e.g. --expected 15m)',
  ]);
  assert.deepEqual(server.asked, ["/runtime/scenarios/s1"]);
});

test("an answer past 1 MB is not read; a key the service echoes back is redacted", async () => {
  const big = await against(() => ({ text: `{"state":"${"x".repeat(1_100_000)}"}` }));
  const outcome = await big.watch(["bench", "b1", "--retries", "2"]);
  assert.equal(outcome.code, 5);
  assert.match(outcome.lines[0]!, /^octoperf-wait: scenario-run service unreachable: 127\.0\.0\.1:\d+: the answer is larger than 1 MB \(gave up after 2 attempts\)/);
  const echo = await against((_path) => ({ json: { "@type": "FailedTaskResult", stackTrace: `Forbidden for Authorization: Bearer ${API_KEY} on this task` } }));
  const echoed = await echo.watch(["task", "t1", "--operation", "pdf-export"]);
  assert.equal(echoed.code, 1);
  assert.match(echoed.lines[0]!, /; the server said: «Forbidden for Authorization: Bearer \[redacted\] on this task»\./);
  everyLineSafe(echoed);
});

test("progress over REST is 0-100: --progress lines at each step; a broken progress answer is never an outcome", async () => {
  const { watch } = await against((path, elapsed) => {
    if (path.includes("/progress/")) return elapsed < 50_000 ? { json: { value: Math.min(100, (elapsed / 100_000) * 100) } } : { json: { value: "\n99" } };
    return benchAt([[0, "RUNNING"], [100_000, "FINISHED"]])(path, elapsed);
  });
  const outcome = await watch(["bench", "b1", "--expected", "100s", "--progress", "25"]);
  assert.equal(outcome.code, 0);
  assert.deepEqual(outcome.lines, [
    "octoperf-wait: scenario-run under way: b1 RUNNING, expected to end in about 1m40s. The next line comes when it ends.",
    "octoperf-wait: 25% of the load elapsed: b1 RUNNING",
    `octoperf-wait: scenario-run succeeded: b1 FINISHED (the run completed). Next: ${runNext("FINISHED")}.`,
  ]);
});
