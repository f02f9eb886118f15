// The background hooks' decisions on their own (background.ts): what a start
// or a poll arms (the watcher's exact arguments, a timer's exact due time,
// the record under the lock), and how each ending settles (the one line that
// wakes the model, or silence). Pure: a given state, a fixed clock.
import assert from "node:assert/strict";
import { BACKGROUND_HOOK_MARGIN_S } from "../../src/policy/index.js";
import { describe, it } from "node:test";
import { armAfterStart } from "../../src/hooks/by-name/wait-in-background.js";
import { armAfterPoll } from "../../src/hooks/by-name/wake-after-poll.js";
import { settle, type JobResult, type TimerJob, type WatchJob } from "../../src/hooks/wait/one-wake.js";
import type { PostToolUseInput } from "../../src/hooks/claude/input.js";
import { emptyState, type SessionState, type WaiterRecord, type WorkRecord } from "../../src/hooks/session/state.js";
import { MAX_BACKGROUND_WAIT_S, PUSH_NOTIFICATION_MAX_CHARS } from "../../src/policy/index.js";
import { workRecord } from "./fixtures/work-record.js";
import { ctxAt, HOOK_PID, HOOK_TOKEN, PLUGIN_ROOT, SESSION, structured, T0, toolName } from "./hook-calls.js";

const post = (tool: string, toolInput: Record<string, unknown>, toolResponse: unknown): PostToolUseInput => ({
  event: "PostToolUse",
  sessionId: SESSION,
  toolName: toolName(tool),
  toolInput,
  toolResponse,
});
const KEY = "get_bench_result:b1";
const START = post("run_scenario", { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1", "b2"] }));
const FINAL = "octoperf-wait: scenario-run succeeded: b1 FINISHED (the run completed). Next: read the bench report (summary, errors, insights) before calling the test good; skill: octoperf-bench-reports.";

/** A state with one scenario-run handle b1 (cadence 60 s, deadline 20 min), polled at T0 + `polledAt` s. */
function running(changes: Partial<WorkRecord> = {}, waiters: WaiterRecord[] = []): SessionState {
  const state: SessionState = { ...emptyState(), works: { [KEY]: { ...workRecord("b1", T0), lastPollAt: T0 + 5000, ...changes } }, aliases: { [KEY]: KEY, "get_bench_status:b1": KEY } };
  return waiters.length > 0 ? { ...state, waiters } : state;
}
const poll = (state: unknown) => post("get_bench_result", { benchResultId: "b1" }, structured({ id: "b1", state }));
const watcher = (pid: number, works = [KEY], token = "other"): WaiterRecord => ({ kind: "watcher", pid, token, works, at: T0, until: T0 + 3_600_000 });

describe("wait-in-background arms", () => {
  it("the watcher on every handle of a start, with an API key: its exact arguments, and a record of this hook", () => {
    const armed = armAfterStart(START, emptyState(), ctxAt(0, { apiKey: true }));
    const job = armed.job as WatchJob;
    assert.equal(job.kind, "watch");
    assert.deepEqual(job.argv, ["bench", "b1", "b2", "--expected", "10m", "--deadline", "20m"]);
    assert.equal(job.waitSeconds, 1200);
    assert.deepEqual(job.works, ["get_bench_result:b1", "get_bench_result:b2"]);
    assert.deepEqual(armed.state.waiters, [{ kind: "watcher", pid: HOOK_PID, token: HOOK_TOKEN, works: job.works, at: T0, until: T0 + (1200 + BACKGROUND_HOOK_MARGIN_S) * 1000 }]);
    // The works are recorded too (the plan hook may come second), at the start time.
    assert.equal(armed.state.works["get_bench_result:b2"]?.startedAt, T0);
  });

  it("keeps what the plan hook recorded first, and a poll that followed it", () => {
    const first = armAfterStart(START, emptyState(), ctxAt(0, { apiKey: true })).state;
    const polled = { ...first, works: { ...first.works, [KEY]: { ...first.works[KEY]!, lastPollAt: T0 + 900 } } };
    assert.equal(armAfterStart(START, polled, ctxAt(1, { apiKey: true })).state.works[KEY]?.lastPollAt, T0 + 900);
  });

  it("follows a validation's bench result, the form the watcher's REST backend can poll", () => {
    const input = post("validate_virtual_user", { projectId: "p1", virtualUserId: "v1" }, structured({ benchResultId: "vb1" }));
    assert.deepEqual((armAfterStart(input, emptyState(), ctxAt(0, { login: true })).job as WatchJob).argv, ["bench", "vb1", "--operation", "validation", "--expected", "30s", "--deadline", "5m"]);
  });

  it("waits at most one background wait for a run whose deadline is later", () => {
    const state = { ...emptyState(), scenarios: { sc1: { seconds: MAX_BACKGROUND_WAIT_S, at: T0 } } };
    const job = armAfterStart(START, state, ctxAt(0, { apiKey: true })).job as WatchJob;
    assert.equal(job.waitSeconds, MAX_BACKGROUND_WAIT_S);
    assert.ok(job.deadlineAt > T0 + MAX_BACKGROUND_WAIT_S * 1000);
    assert.equal(job.argv[job.argv.indexOf("--deadline") + 1], "3h");
  });

  it("runs no watcher without credentials, with the hooks off, or after a failed start", () => {
    assert.equal(armAfterStart(START, emptyState(), ctxAt(0)).job, undefined);
    assert.equal(armAfterStart(START, emptyState(), ctxAt(0, { apiKey: true, hooks: false })).job, undefined);
    const failed = post("run_scenario", { scenarioId: "sc1" }, { isError: true, content: [{ type: "text", text: "quota exceeded" }] });
    const none = armAfterStart(failed, emptyState(), ctxAt(0, { apiKey: true }));
    assert.deepEqual([none.job, none.state.waiters], [undefined, undefined]);
  });

  it("leaves a task REST cannot show to the model with a key alone, and waits for it over MCP with a sign-in", () => {
    const start = post("apply_correlations_to_virtual_user", { projectId: "p1", virtualUserId: "v1" }, structured({ taskId: "t1" }));
    assert.equal(armAfterStart(start, emptyState(), ctxAt(0, { apiKey: true })).job, undefined);
    const argv = (armAfterStart(start, emptyState(), ctxAt(0, { apiKey: true, login: true })).job as WatchJob).argv;
    assert.deepEqual(argv, ["task", "t1", "--operation", "correlation", "--expected", "30s", "--deadline", "2m", "--backend", "mcp"]);
  });
});

describe("wake-after-poll arms", () => {
  it("a timer due exactly one cadence after the poll, without credentials", () => {
    const armed = armAfterPoll(poll("RUNNING"), running(), ctxAt(6));
    const job = armed.job as TimerJob;
    assert.deepEqual(
      { kind: job.kind, dueAt: job.dueAt, pollAt: job.pollAt, works: job.works },
      { kind: "timer", dueAt: T0 + 65_000, pollAt: T0 + 5000, works: [KEY] },
    );
    assert.deepEqual(armed.state.waiters, [{ kind: "timer", pid: HOOK_PID, token: HOOK_TOKEN, works: [KEY], at: T0 + 6000, until: T0 + 65_000, pollAt: T0 + 5000 }]);
  });

  it("keeps each work's own cadence near its expected end, to the millisecond", () => {
    for (const cadenceSeconds of [3, 9, 33]) {
      const job = armAfterPoll(poll("RUNNING"), running({ cadenceSeconds, expectedSeconds: 5, lastPollAt: T0 + 5123 }), ctxAt(6)).job as TimerJob;
      assert.equal(job.dueAt, T0 + 5123 + cadenceSeconds * 1000);
      assert.equal(job.cadenceSeconds, cadenceSeconds);
    }
    // A poll whose answer came after its cadence had already passed: due at once.
    assert.equal((armAfterPoll(poll("RUNNING"), running({ cadenceSeconds: 3, expectedSeconds: 5 }), ctxAt(60)).job as TimerJob).dueAt, T0 + 60_000);
  });

  it("well before the expected end, steps of at most a minute that land on it, whatever the cadence", () => {
    // 10 minutes expected, polled 5.123 s in: 594.877 s to go in ten equal steps, 59 s each (whole seconds).
    for (const cadenceSeconds of [3, 9, 33]) {
      const job = armAfterPoll(poll("RUNNING"), running({ cadenceSeconds, expectedSeconds: 600, lastPollAt: T0 + 5123 }), ctxAt(6)).job as TimerJob;
      assert.equal(job.dueAt, T0 + 5123 + 59_000);
    }
    // 90 s expected, polled at 5 s: 85 s to go in two steps of 43 s (rounded).
    assert.equal((armAfterPoll(poll("RUNNING"), running({ cadenceSeconds: 9, expectedSeconds: 90 }), ctxAt(6)).job as TimerJob).dueAt, T0 + 5000 + 43_000);
  });

  it("replaces the timer of an earlier poll of the same work, and keeps others", () => {
    const older: WaiterRecord = { kind: "timer", pid: 77, token: "old", works: [KEY], at: T0, until: T0 + 60_000, pollAt: T0 };
    const elsewhere: WaiterRecord = { ...older, token: "else", works: ["get_task_result:t9"] };
    const armed = armAfterPoll(poll("RUNNING"), running({}, [older, elsewhere]), ctxAt(6));
    assert.deepEqual(armed.state.waiters?.map((w) => w.token), ["else", HOOK_TOKEN]);
  });

  it("counts a progress poll as a poll of its handle", () => {
    const job = armAfterPoll(post("get_bench_status", { benchResultId: "b1" }, structured({ progress: 100 })), running(), ctxAt(6)).job;
    assert.equal(job?.kind, "timer");
  });

  it("stays out of it when the poll was final, the handle is unknown or ended, a live watcher waits, or the deadline passed and was said", () => {
    assert.equal(armAfterPoll(poll("ABORTED"), running(), ctxAt(6)).job, undefined);
    assert.equal(armAfterPoll(post("get_bench_result", { benchResultId: "b9" }, structured({ state: "RUNNING" })), running(), ctxAt(6)).job, undefined);
    assert.equal(armAfterPoll(poll("RUNNING"), running({ terminal: { value: "FINISHED", outcome: "succeeded", at: T0 } }), ctxAt(6)).job, undefined);
    assert.equal(armAfterPoll(poll("RUNNING"), running({}, [watcher(31)]), ctxAt(6, { alive: [31] })).job, undefined);
    assert.equal(armAfterPoll(poll("RUNNING"), running({ deadlineNoted: true }), ctxAt(1201)).job, undefined);
    // Past the deadline and not yet said (the poll's own hook may come second): a timer due at once, which says it.
    assert.equal((armAfterPoll(poll("RUNNING"), running(), ctxAt(1201, { apiKey: true })).job as TimerJob).dueAt, T0 + 1_200_000);
    // An unknown state is still in flight: the timer goes on.
    assert.equal(armAfterPoll(poll("MIGRATING"), running(), ctxAt(6)).job?.kind, "timer");
  });

  it("ignores a watcher whose process is gone", () => {
    assert.equal(armAfterPoll(poll("RUNNING"), running({}, [watcher(31)]), ctxAt(6)).job?.kind, "timer");
  });

  it("starts the watcher again with credentials, for what is left of the run's deadline", () => {
    const job = armAfterPoll(poll("RUNNING"), running(), ctxAt(300, { apiKey: true })).job as WatchJob;
    assert.equal(job.kind, "watch");
    assert.deepEqual(job.argv, ["bench", "b1", "--expected", "5m", "--deadline", "15m"]);
    assert.equal(job.startedAt, T0);
  });

  it("paces the model's polls instead once a watcher failed on the work", () => {
    assert.equal(armAfterPoll(poll("RUNNING"), running({ watcherFailedAt: T0 + 1000 }), ctxAt(6, { apiKey: true })).job?.kind, "timer");
  });
});

function watchJob(changes: Partial<WatchJob> = {}): WatchJob {
  const armed = armAfterStart(START, emptyState(), ctxAt(0, { apiKey: true }));
  return { ...(armed.job as WatchJob), ...changes };
}
const ours = (job: WatchJob | TimerJob, extra: Partial<SessionState> = {}): SessionState => {
  const base = job.kind === "watch" ? armAfterStart(START, emptyState(), ctxAt(0, { apiKey: true })).state : running();
  const waiter: WaiterRecord = { kind: job.kind === "watch" ? "watcher" : "timer", pid: HOOK_PID, token: job.token, works: job.works, at: T0, until: T0 + 1000 };
  return { ...base, waiters: [waiter], ...extra };
};
const ended = (exitCode: number | null, lastLine?: string, stopped = false): JobResult => ({ kind: "watch", stopped, exitCode, lastLine });

describe("settling a background watcher", () => {
  it("wakes the model with the watcher's final line, and drops its record", () => {
    const job = watchJob();
    const settled = settle(job, ended(0, FINAL), ours(job), ctxAt(600, { apiKey: true }));
    assert.equal(settled.wake, FINAL);
    assert.equal(settled.state.waiters, undefined);
  });

  it("adds one PushNotification for a wait over 15 minutes, under its 200 characters", () => {
    const job = watchJob();
    const settled = settle(job, ended(1, FINAL), ours(job), ctxAt(25 * 60, { apiKey: true }));
    assert.equal(
      settled.wake,
      `${FINAL} This wait took 25m: tell the user once with PushNotification {"message":"OctoPerf scenario-run failed after 25m: b1, b2"}.`,
    );
    const many = watchJob({ handles: Array.from({ length: 20 }, (_, i) => `bench-result-${String(i).padStart(40, "0")}`) });
    const message = /"message":"([^"]*)"/.exec(settle(many, ended(0, FINAL), ours(many), ctxAt(3600, { apiKey: true })).wake ?? "")?.[1] ?? "";
    assert.ok(message.length <= PUSH_NOTIFICATION_MAX_CHARS, `${message.length}`);
    assert.match(message, /^OctoPerf scenario-run succeeded after 1h: bench-result-0+, bench-result-0+1 and 18 more$/);
  });

  it("says how to go on when one background wait ended before the run's deadline, with the watcher's absolute path", () => {
    const job = watchJob({ waitSeconds: MAX_BACKGROUND_WAIT_S, deadlineAt: T0 + 4 * 3600_000, expectedSeconds: 3 * 3600 });
    const wake = settle(job, ended(2, "octoperf-wait: scenario-run deadline passed after 3h (expected 3h): b1 RUNNING. Next: check"), ours(job), ctxAt(3 * 3600, { apiKey: true })).wake ?? "";
    assert.match(wake, /^OctoPerf scenario-run: b1 and b2 still in flight after 3h; one background wait lasts at most 3h and the run's deadline is in 1h\. /);
    assert.match(wake, / Next: poll get_bench_result\(benchResultId=b1\) and get_bench_result\(benchResultId=b2\) once; if it is not final, this plugin's hooks start a new background wait\. /);
    // Little of the expected time is left, and the deadline outlasts Monitor's window: the watcher is told, to print a re-arm line.
    assert.ok(wake.endsWith(`With the hooks off: Wait with Monitor {"description":"OctoPerf scenario-run b1, b2","timeout_ms":1800000,"command":"node ${PLUGIN_ROOT}/scripts/octoperf-wait.mjs bench b1 b2 --expected 1m --deadline 1h --window 30m"}: the watcher polls OctoPerf outside the model and prints only changes.`), wake);
    assert.doesNotMatch(wake, /CLAUDE_PLUGIN_ROOT|\n/);
  });

  it("passes the watcher's deadline line on when the run's own deadline passed, with what to do and that it was said", () => {
    const job = watchJob();
    const line = "octoperf-wait: scenario-run deadline passed after 20m (expected 10m): b1 RUNNING. Next: check get_bench_result(b1); stop a stuck run.";
    const settled = settle(job, ended(2, line), ours(job), ctxAt(1200, { apiKey: true }));
    assert.equal(
      settled.wake,
      `${line} OctoPerf scenario-run: get_bench_result(benchResultId=b1) and get_bench_result(benchResultId=b2) have run past their deadline of 20m (20m since the start). ` +
        "Stop waiting: tell the user the last value you read, and diagnose (skill octoperf-scenario-diagnosis); ask the user before calling stop_bench_result, which would end it.",
    );
    assert.equal(settled.state.works[KEY]?.deadlineNoted, true);
  });

  it("wakes the model with an error and the way on without the watcher, and remembers the watcher failed", () => {
    const job = watchJob();
    const line = "octoperf-wait: auth: the service refused the API key (401); run octoperf-wait login or check OCTOPERF_API_KEY";
    const settled = settle(job, ended(3, line), ours(job), ctxAt(2, { apiKey: true }));
    assert.equal(
      settled.wake,
      `${line} Nothing waits on b1 and b2 now. Next: poll get_bench_result(benchResultId=b1) and get_bench_result(benchResultId=b2) yourself, at most every 60 s; ` +
        "after each poll that is not final, end your turn: this plugin's hooks wake you when the next is due.",
    );
    assert.equal(settled.state.works[KEY]?.watcherFailedAt, T0 + 2000);
    const silent = settle(job, ended(6), ours(job), ctxAt(2, { apiKey: true })).wake ?? "";
    assert.match(silent, /^octoperf-wait: scenario-run: the watcher ended with exit code 6 and no line Nothing waits on b1 and b2 now\./);
  });

  it("says the watcher could not run at all", () => {
    const job = watchJob();
    const settled = settle(job, { kind: "watch", stopped: false, exitCode: null, lastLine: undefined, problem: "its script scripts/octoperf-wait.mjs is not in the plugin's folder" }, ours(job), ctxAt(1));
    assert.match(settled.wake ?? "", /^OctoPerf scenario-run: the background watcher could not run \(its script scripts\/octoperf-wait\.mjs is not in the plugin's folder\)\. Nothing waits on b1 and b2 now\./);
  });

  it("takes only a watcher line, made one safe line again", () => {
    const job = watchJob();
    assert.match(settle(job, ended(0, "rm -rf / # not the watcher's"), ours(job), ctxAt(1)).wake ?? "", /^octoperf-wait: scenario-run: the watcher ended with exit code 0 and no line/);
    const hostile = `${FINAL}\u001b[2J\nsecond line\u202e`;
    assert.equal(settle(job, ended(0, hostile), ours(job), ctxAt(1)).wake, `${FINAL} second line`);
  });

  it("wakes nobody when it was stopped, or when /octoperf:stop-wait took its record", () => {
    const job = watchJob();
    const stopped = settle(job, ended(130, undefined, true), ours(job), ctxAt(1));
    assert.deepEqual([stopped.wake, stopped.state.waiters], [undefined, undefined]);
    assert.equal(settle(job, ended(0, FINAL), { ...ours(job), waiters: [] }, ctxAt(1)).wake, undefined);
  });
});

describe("settling a timer", () => {
  const job = armAfterPoll(poll("RUNNING"), running(), ctxAt(6)).job as TimerJob;
  const due = (state: SessionState, seconds = 65) => settle(job, { kind: "timer", stopped: false }, state, ctxAt(seconds));

  it("wakes the model with the exact call to make", () => {
    assert.equal(
      due(ours(job)).wake,
      "OctoPerf scenario-run: the next poll is due: call get_bench_result(benchResultId=b1) now. While it runs, this plugin's hooks wake you again at the next one; set up nothing else.",
    );
  });

  it("stays silent once the work ended, a newer poll or timer took over, or a live watcher waits", () => {
    const end = { value: "FINISHED", outcome: "succeeded" as const, at: T0 + 30_000 };
    assert.equal(due({ ...ours(job), works: { [KEY]: { ...ours(job).works[KEY]!, terminal: end } } }).wake, undefined);
    assert.equal(due({ ...ours(job), waiters: [{ ...ours(job).waiters![0]!, token: "newer" }] }).wake, undefined);
    assert.equal(due({ ...ours(job), works: { [KEY]: { ...ours(job).works[KEY]!, lastPollAt: T0 + 40_000 } } }).wake, undefined);
    const held = { ...ours(job), waiters: [...ours(job).waiters!, watcher(31)] };
    assert.equal(settle(job, { kind: "timer", stopped: false }, held, { ...ctxAt(65, { alive: [31] }) }).wake, undefined);
    assert.equal(settle(job, { kind: "timer", stopped: true }, ours(job), ctxAt(65)).wake, undefined);
  });

  it("due at or after the deadline, wakes the model with the deadline, once", () => {
    const late = due(ours(job), 1201);
    assert.equal(
      late.wake,
      "OctoPerf scenario-run: get_bench_result(benchResultId=b1) has run past its deadline of 20m (20m1s since the start). Stop waiting: tell the user " +
        "the last value you read, and diagnose (skill octoperf-scenario-diagnosis); ask the user before calling stop_bench_result, which would end it.",
    );
    assert.equal(late.state.works[KEY]?.deadlineNoted, true);
    assert.equal(late.state.works[KEY]?.wokenAt, T0 + 1_201_000);
    const told = { ...ours(job), works: { [KEY]: { ...ours(job).works[KEY]!, deadlineNoted: true } } };
    assert.equal(due(told, 1201).wake, undefined);
  });
});
