// A wait outlives its session (src/hooks/session/resume.ts), decision by decision: a
// resume drops what the last session's waiters left and marks the session;
// its first prompt hears each pending handle with its last value and what to
// do, once; work past its deadline is reported as past it; a compaction gets
// one line.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decideSessionStart } from "../../src/hooks/by-name/pick-up-waits.js";
import { decidePromptSubmit } from "../../src/hooks/by-name/tell-pending.js";
import { emptyState, type SessionState, type WaiterRecord, type WorkRecord } from "../../src/hooks/session/state.js";
import { parseHookInput } from "../../src/hooks/claude/input.js";
import { workRecord } from "./fixtures/work-record.js";
import { ctxAt, SESSION } from "./hook-calls.js";

const KEY = "get_bench_result:b1";
const start = (source: string) => ({ event: "SessionStart" as const, sessionId: SESSION, source: source as "resume" });
const prompt = { event: "UserPromptSubmit" as const, sessionId: SESSION };
const timer: WaiterRecord = { kind: "timer", pid: 31, proof: "t31", token: "tok31", works: [KEY], at: 0, until: Number.MAX_SAFE_INTEGER, pollAt: 0 };

function pending(changes: Partial<WorkRecord> = {}, waiters: WaiterRecord[] = []): SessionState {
  const work = { ...workRecord("b1", ctxAt(0).now), lastPollAt: ctxAt(60).now, lastValue: "RUNNING", ...changes };
  return { ...emptyState(), works: { [KEY]: work }, aliases: { [KEY]: KEY }, ...(waiters.length ? { waiters } : {}), guard: { pid: 40, token: "g", at: 0 } };
}

describe("a resumed session", () => {
  it("reads SessionStart's source as 2.1.330 sends it", () => {
    const raw = (source: unknown) => parseHookInput(JSON.stringify({ session_id: SESSION, hook_event_name: "SessionStart", source, cwd: "/tmp", transcript_path: "/t" }));
    assert.deepEqual(raw("resume"), { event: "SessionStart", sessionId: SESSION, source: "resume" });
    assert.deepEqual(raw("compact"), { event: "SessionStart", sessionId: SESSION, source: "compact" });
    assert.deepEqual(raw("$(id)"), { event: "SessionStart", sessionId: SESSION, source: "other" });
  });

  it("drops the records the last session's waiters and guard left, keeps a live one, and is marked resumed", () => {
    const resumed = decideSessionStart(start("resume"), pending({}, [timer]), ctxAt(600));
    assert.equal(resumed.state.waiters, undefined, "the timer's process is gone");
    assert.equal(resumed.state.guard, undefined);
    assert.equal(resumed.state.resumedAt, ctxAt(600).now);
    const elsewhere = decideSessionStart(start("resume"), pending({}, [timer]), { ...ctxAt(600), alive: (pid) => pid === 31 });
    assert.deepEqual(elsewhere.state.waiters, [timer], "still waiting for a client that lives");
  });

  it("tells the first prompt after it what is pending and what to do, once", () => {
    const resumed = decideSessionStart(start("resume"), pending(), ctxAt(600)).state;
    const told = decidePromptSubmit(prompt, resumed, ctxAt(660));
    assert.equal(
      told.decision?.text,
      "OctoPerf: this session was resumed with a wait still pending, and nothing waits on it since the last session ended: " +
        "get_bench_result(benchResultId=b1) (scenario-run, last seen RUNNING 10m ago, deadline in 9m). " +
        "Poll it once now; if it is not final, end your turn: this plugin's hooks wait again and wake you.",
    );
    assert.equal(told.state.resumedAt, undefined);
    assert.deepEqual(decidePromptSubmit(prompt, told.state, ctxAt(700)), { state: told.state }, "said once");
  });

  it("reports work past its deadline as past it, not resumed", () => {
    const resumed = decideSessionStart(start("resume"), pending(), ctxAt(3600)).state;
    const told = decidePromptSubmit(prompt, resumed, ctxAt(3600));
    assert.match(told.decision?.text ?? "", /^OctoPerf scenario-run: get_bench_result\(benchResultId=b1\) has run past its deadline of 20m \(1h since the start\)\. Stop waiting: .* \(last seen RUNNING 59m ago\)$/);
    assert.equal(told.state.works[KEY]?.deadlineNoted, true);
  });

  it("says nothing of work that ended or that /octoperf:stop-wait released", () => {
    for (const changes of [{ terminal: { value: "FINISHED", outcome: "succeeded" as const, at: 0 } }, { releasedAt: ctxAt(100).now }]) {
      const resumed = decideSessionStart(start("resume"), pending(changes), ctxAt(600)).state;
      assert.equal(decidePromptSubmit(prompt, resumed, ctxAt(600)).decision, undefined);
    }
  });
});

describe("after a compaction", () => {
  it("says in one line what is pending, and who holds it", () => {
    const held = decideSessionStart(start("compact"), pending({}, [timer]), { ...ctxAt(90), alive: (pid) => pid === 31 });
    assert.equal(
      held.decision?.text,
      "OctoPerf waits still pending: get_bench_result(benchResultId=b1) (last seen RUNNING 30s ago). This plugin's hooks hold them and wake you: do not poll before you are woken.",
    );
    assert.match(decideSessionStart(start("compact"), pending(), ctxAt(90)).decision?.text ?? "", /Poll them once when you next act/);
    assert.equal(decideSessionStart(start("compact"), emptyState(), ctxAt(90)).decision, undefined);
  });
});
