// A session whose client was killed outright mid-wait, resumed interactively, gets its background watcher back
// (by-name/rewatch-on-resume.ts): on `claude --resume` with credentials the
// works still pending are watched again and the model is woken once, with the
// outcome; the first prompt hears that the watcher holds them. Nothing is armed
// in `-p` (the client would hold the session and drop the wake), without
// credentials, past the deadline, or where a live waiter already holds the work.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { armOnResume } from "../../src/hooks/by-name/rewatch-on-resume.js";
import { decideSessionStart } from "../../src/hooks/by-name/pick-up-waits.js";
import { decidePromptSubmit } from "../../src/hooks/by-name/tell-pending.js";
import type { WatchJob } from "../../src/hooks/wait/one-wake.js";
import { ATTENDED_ENV } from "../../src/hooks/runtime/environment.js";
import { emptyState, type SessionState, type WaiterRecord, type WorkRecord } from "../../src/hooks/session/state.js";
import type { DecideContext } from "../../src/hooks/claude/decision.js";
import { workRecord } from "./fixtures/work-record.js";
import { ctxAt, HOOK_PID, runBackground, runHook, SESSION, T0, tempDataDir, type ContextOptions } from "./hook-calls.js";

const KEY = "get_bench_result:b1";
const resume = { event: "SessionStart" as const, sessionId: SESSION, source: "resume" as const };
const prompt = { event: "UserPromptSubmit" as const, sessionId: SESSION };
const dead: WaiterRecord = { kind: "watcher", pid: 31, proof: "w31", token: "tok31", works: [KEY], at: 0, until: Number.MAX_SAFE_INTEGER };
const attended = (seconds: number, options: ContextOptions = {}): DecideContext => ({ ...ctxAt(seconds, { apiKey: true, ...options }), attended: true });

function pendingState(works: Record<string, WorkRecord> = { [KEY]: { ...workRecord("b1", T0), lastPollAt: T0 + 60_000, lastValue: "RUNNING" } }, waiters: WaiterRecord[] = [dead]): SessionState {
  const aliases = Object.fromEntries(Object.keys(works).map((k) => [k, k]));
  return { ...emptyState(), works, aliases, ...(waiters.length ? { waiters } : {}) };
}

describe("a resumed interactive session with credentials", () => {
  it("watches the pending work again for what is left of its deadline, in place of the dead watcher", () => {
    const armed = armOnResume(resume, pendingState(), attended(300));
    const job = armed.job as WatchJob | undefined;
    assert.equal(job?.kind, "watch");
    assert.deepEqual(job?.works, [KEY]);
    assert.deepEqual(job?.handles, ["b1"]);
    // 20 min deadline, 5 min gone: the watcher waits 15 min; the run's expected end is 5 min away.
    assert.deepEqual(job?.argv, ["bench", "b1", "--expected", "5m", "--deadline", "15m"]);
    assert.deepEqual(
      armed.state.waiters?.map((w) => [w.kind, w.pid, w.works]),
      [["watcher", HOOK_PID, [KEY]]],
      "the last session's watcher is gone, this hook holds the work",
    );
  });

  it("arms nothing in -p, without credentials, for another source, or with the background hooks off", () => {
    assert.equal(armOnResume(resume, pendingState(), { ...attended(300), attended: false }).job, undefined);
    assert.match(armOnResume(resume, pendingState(), { ...attended(300), attended: false }).note ?? "", /not an interactive session/);
    assert.equal(armOnResume(resume, pendingState(), { ...ctxAt(300), attended: true }).job, undefined, "no key, no sign-in");
    assert.equal(armOnResume({ ...resume, source: "startup" }, pendingState(), attended(300)).job, undefined);
    assert.equal(armOnResume({ ...resume, source: "compact" }, pendingState(), attended(300)).job, undefined);
    assert.equal(armOnResume(resume, pendingState(), attended(300, { hooks: false })).job, undefined);
    assert.notEqual(armOnResume(resume, pendingState(), attended(300, { apiKey: false, login: true })).job, undefined, "a stored sign-in will do");
  });

  it("leaves work past its deadline, ended, released or held by a live waiter to the others", () => {
    assert.equal(armOnResume(resume, pendingState(), attended(1200)).job, undefined, "past the deadline: the prompt reports it");
    const ended = { ...workRecord("b1", T0), terminal: { value: "FINISHED", outcome: "succeeded" as const, at: T0 } };
    assert.equal(armOnResume(resume, pendingState({ [KEY]: ended }), attended(300)).job, undefined);
    const released = { ...workRecord("b1", T0), releasedAt: T0 + 1 };
    assert.equal(armOnResume(resume, pendingState({ [KEY]: released }), attended(300)).job, undefined);
    const held = armOnResume(resume, pendingState(), attended(300, { alive: [31] }));
    assert.equal(held.job, undefined, "one waker per work");
    const failed = { ...workRecord("b1", T0), watcherFailedAt: T0 + 1 };
    assert.equal(armOnResume(resume, pendingState({ [KEY]: failed }), attended(300)).job, undefined, "a watcher that failed is not tried again");
  });

  it("takes the works of one operation, the one due first, and all of its handles", () => {
    const b2 = { ...workRecord("b2", T0), group: KEY };
    const task = { ...workRecord("t1", T0), op: "pdf-export" as const, tool: "get_task_result", args: { taskId: "t1" }, group: "get_task_result:t1", deadlineAt: T0 + 400_000 };
    const works = { [KEY]: workRecord("b1", T0), "get_bench_result:b2": b2, "get_task_result:t1": task };
    const job = armOnResume(resume, pendingState(works, []), attended(300)).job as WatchJob | undefined;
    assert.deepEqual(job?.works, ["get_task_result:t1"], "the PDF export's deadline comes first");
    const runs = armOnResume(resume, pendingState({ [KEY]: workRecord("b1", T0), "get_bench_result:b2": b2 }, []), attended(300)).job as WatchJob | undefined;
    assert.deepEqual(runs?.handles, ["b1", "b2"]);
  });

  it("tells the first prompt that the watcher waits again and not to poll; unheld works are still polled once", () => {
    const armed = armOnResume(resume, pendingState(), attended(300));
    const marked = decideSessionStart(resume, armed.state, { ...attended(300), alive: (pid) => pid === HOOK_PID }).state;
    const told = decidePromptSubmit(prompt, marked, { ...attended(360), alive: (pid) => pid === HOOK_PID });
    assert.equal(
      told.decision?.text,
      "OctoPerf: this session was resumed, and this plugin's background watcher waits again on " +
        "get_bench_result(benchResultId=b1) (scenario-run, last seen RUNNING 5m ago, deadline in 14m): it wakes you once, with the outcome. " +
        "Do not poll it; answer the user, then end your turn.",
    );
    const unheld = decidePromptSubmit(prompt, marked, attended(360));
    assert.match(unheld.decision?.text ?? "", /nothing waits on it since the last session ended: .* Poll it once now/, "its watcher died too: poll");
  });
});

describe("rewatch-on-resume through the runner", () => {
  const STDIN = JSON.stringify({ session_id: SESSION, hook_event_name: "SessionStart", source: "resume", cwd: "/tmp", transcript_path: "/t" });
  const FINAL = "octoperf-wait: scenario-run succeeded: b1 FINISHED (the run completed). Next: read the bench report; skill: octoperf-bench-reports.";

  it("wakes the resumed session once, with the watcher's outcome, and records the end", async () => {
    const data = tempDataDir();
    const env = { OCTOPERF_API_KEY: "sk-test-key", [ATTENDED_ENV]: "1" };
    // The last session: a start, then a poll that read RUNNING.
    runHook("plan-after-start", JSON.stringify({ session_id: SESSION, hook_event_name: "PostToolUse", tool_name: "mcp__octoperf__run_scenario", tool_input: { scenarioId: "sc1" }, tool_response: JSON.stringify({ benchReportId: "r1", benchResultIds: ["b1"] }) }), { data, now: T0, env });
    const jobs: WatchJob[] = [];
    const run = await runBackground("rewatch-on-resume", STDIN, {
      data,
      now: T0 + 300_000,
      later: T0 + 400_000,
      env,
      jobs: { run: async (job) => (jobs.push(job as WatchJob), { kind: "watch", stopped: false, exitCode: 0, lastLine: FINAL }) },
    });
    assert.equal(jobs.length, 1);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `${FINAL}\n`);
    const silent = await runBackground("rewatch-on-resume", STDIN, { data, now: T0 + 500_000, env, jobs: { run: () => Promise.reject(new Error("nothing is pending")) } });
    assert.equal(silent.status, 0, "the end is recorded: a second resume has nothing to watch");
  });

  it("stays silent and waits for nothing in -p", async () => {
    const data = tempDataDir();
    const env = { OCTOPERF_API_KEY: "sk-test-key", [ATTENDED_ENV]: "0" };
    runHook("plan-after-start", JSON.stringify({ session_id: SESSION, hook_event_name: "PostToolUse", tool_name: "mcp__octoperf__run_scenario", tool_input: { scenarioId: "sc1" }, tool_response: JSON.stringify({ benchReportId: "r1", benchResultIds: ["b1"] }) }), { data, now: T0, env });
    const run = await runBackground("rewatch-on-resume", STDIN, { data, now: T0 + 300_000, env, jobs: { run: () => Promise.reject(new Error("no wait in -p")) } });
    assert.equal(run.status, 0);
  });
});
