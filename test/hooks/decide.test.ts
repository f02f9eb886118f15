// Each hook's decide() on its own: a given state, a fixed clock, one input;
// the decision and the new state it returns. Pure functions: no file, no
// process, no real time.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emit, type DecideContext } from "../../src/hooks/claude/decision.js";
import type { PostToolUseInput, PreToolUseInput } from "../../src/hooks/claude/input.js";
import { decideOutcome } from "../../src/hooks/by-name/poll-outcome.js";
import { decidePace } from "../../src/hooks/by-name/pace-guard.js";
import { decideScenario } from "../../src/hooks/by-name/record-scenario.js";
import { decideSchedule } from "../../src/hooks/by-name/record-schedule.js";
import { decideStart } from "../../src/hooks/by-name/plan-after-start.js";
import { emptyState, type SessionState, type WorkRecord } from "../../src/hooks/session/state.js";
import { PROVISIONING_HEADROOM_S } from "../../src/policy/index.js";
import { workRecord } from "./fixtures/work-record.js";
import { ctxAt, SESSION, structured, T0, toolName } from "./hook-calls.js";

/** Hooks off unless said: these tests pin the plans a session without the background hooks gets. */
const at = (seconds: number, watcher = false, hooks = false): DecideContext => ctxAt(seconds, { apiKey: watcher, hooks });
const pre = (tool: string, toolInput: Record<string, unknown>): PreToolUseInput => ({ event: "PreToolUse", sessionId: SESSION, toolName: toolName(tool), toolInput });
const post = (tool: string, toolInput: Record<string, unknown>, toolResponse: unknown): PostToolUseInput => ({
  event: "PostToolUse",
  sessionId: SESSION,
  toolName: tool.startsWith("Cron") || tool === "Monitor" || tool === "TaskStop" ? tool : toolName(tool),
  toolInput,
  toolResponse,
});

const KEY = "get_bench_result:b1";
/** A state with one scenario-run handle b1 (cadence 60 s), known under its status and progress calls. */
function running(changes: Partial<WorkRecord> = {}): SessionState {
  return { ...emptyState(), works: { [KEY]: { ...workRecord("b1", T0), ...changes } }, aliases: { [KEY]: KEY, "get_bench_status:b1": KEY } };
}
const POLL = pre("get_bench_result", { benchResultId: "b1" });

describe("pace-guard decide", () => {
  it("lets the first poll pass and records when it came", () => {
    const state = running();
    const decided = decidePace(POLL, state, at(5));
    assert.equal(decided.decision, undefined);
    assert.equal(decided.state.works[KEY]?.lastPollAt, T0 + 5000);
  });

  it("refuses a poll sooner than the cadence, and leaves the state as it was", () => {
    const state = running({ lastPollAt: T0 });
    const decided = decidePace(POLL, state, at(30));
    assert.equal(decided.state, state);
    assert.equal(
      decided.decision?.reason,
      "Too soon: get_bench_result(benchResultId=b1) was polled 30 s ago and its cadence is 60 s; poll again in 30 s. " +
        "Wait with `/loop 1m octoperf scenario-run: call get_bench_result(benchResultId=b1). When state is FINISHED, ABORTED or ERROR for every handle, CronDelete this job and report the outcome; otherwise say nothing more.`.",
    );
  });

  describe("with the hooks' cadence timer as the way to wait", () => {
    const hooksOn = (seconds: number, alive: number[] = []): DecideContext => ctxAt(seconds, { hooks: true, alive });
    const timer = (pid: number) => ({ kind: "timer" as const, pid, token: "tok-timer", works: [KEY], at: T0, until: T0 + 60_000, pollAt: T0 });

    it("refuses an early poll while a live timer will wake the model, and says so", () => {
      const state = { ...running({ lastPollAt: T0 }), waiters: [timer(4242)] };
      const decided = decidePace(POLL, state, hooksOn(30, [4242]));
      assert.equal(decided.state, state);
      assert.match(decided.decision?.reason ?? "", /^Too soon: .* This plugin's hooks will wake you when it is due: end your turn\.$/);
    });

    it("lets an early poll pass when no live timer would wake the model (a refused poll arms none), and records it", () => {
      for (const waiters of [[], [timer(4242)]]) {
        const state = { ...running({ lastPollAt: T0 }), waiters };
        const decided = decidePace(POLL, state, hooksOn(30));
        assert.equal(decided.decision, undefined, `waiters: ${waiters.length}`);
        assert.equal(decided.state.works[KEY]?.lastPollAt, T0 + 30_000);
      }
    });
  });

  it("counts a progress call against the same handle's budget", () => {
    const decided = decidePace(pre("get_bench_status", { benchResultId: "b1" }), running({ lastPollAt: T0 }), at(10));
    assert.match(decided.decision?.reason ?? "", /^Too soon: get_bench_result\(benchResultId=b1\) was polled 10 s ago/);
  });

  // The grace: a poll counts as on time once the cadence less a quarter of it (rounded down) has passed.
  const earliest: [number, number][] = [
    [3, 3],
    [10, 8],
    [33, 25],
    [60, 45],
  ];
  for (const [cadence, seconds] of earliest) {
    it(`with a ${cadence} s cadence, refuses a poll ${seconds} s less 1 ms after the last and lets one at ${seconds} s pass`, () => {
      const state = running({ cadenceSeconds: cadence, lastPollAt: T0 });
      assert.equal(decidePace(POLL, state, { ...at(0), now: T0 + seconds * 1000 - 1 }).decision?.kind, "deny");
      const passed = decidePace(POLL, state, at(seconds));
      assert.equal(passed.decision, undefined);
      assert.equal(passed.state.works[KEY]?.lastPollAt, T0 + seconds * 1000);
    });
  }

  it("lets the first poll after a loop or watcher is set up pass, once", () => {
    const state = running({ lastPollAt: T0, freePoll: true });
    const first = decidePace(POLL, state, at(1));
    assert.equal(first.decision, undefined);
    assert.equal(first.state.works[KEY]?.freePoll, undefined);
    assert.equal(decidePace(POLL, first.state, at(2)).decision?.kind, "deny");
  });

  it("lets a poll pass when the clock went back", () => {
    assert.equal(decidePace(POLL, running({ lastPollAt: T0 + 60_000 }), at(10)).decision, undefined);
  });

  it("refuses any poll of an ended handle with its outcome", () => {
    const decided = decidePace(POLL, running({ terminal: { value: "ABORTED", outcome: "failed", at: T0 } }), at(3600));
    assert.match(decided.decision?.reason ?? "", /^Already ended: get_bench_result\(benchResultId=b1\) is ABORTED \(failed: /);
  });

  it("says nothing about a handle it never saw, or a tool that is not a status tool", () => {
    const state = running({ lastPollAt: T0 });
    assert.deepEqual(decidePace(pre("get_bench_result", { benchResultId: "b9" }), state, at(1)), { state });
    assert.equal(decidePace(pre("run_scenario", { scenarioId: "sc1" }), state, at(1)).note, "not a status tool of the policy");
  });

  it("points at the watcher when a wait is long and OCTOPERF_API_KEY is set", () => {
    const reason = decidePace(POLL, running({ lastPollAt: T0 }), at(1, true)).decision?.reason ?? "";
    assert.match(reason, /poll again in 59 s\. Wait with Monitor \{"description":"OctoPerf scenario-run b1"/);
  });
});

describe("poll-outcome decide", () => {
  const answer = (state: unknown) => post("get_bench_result", { benchResultId: "b1" }, structured({ id: "b1", state }));

  it("records a terminal state with the time it was seen, and says what is next", () => {
    const decided = decideOutcome(answer("FINISHED"), running(), at(600));
    assert.deepEqual(decided.state.works[KEY]?.terminal, { value: "FINISHED", outcome: "succeeded", at: T0 + 600_000 });
    assert.match(decided.decision?.text ?? "", /^OctoPerf scenario-run: get_bench_result\(benchResultId=b1\) ended FINISHED \(succeeded: /);
  });

  it("suggests one PushNotification when a wait of more than 15 minutes ends, and only then", () => {
    const long = decideOutcome(answer("ABORTED"), running(), at(25 * 60)).decision?.text ?? "";
    assert.match(long, /\nThis wait took 25m: tell the user once with PushNotification \{"message":"OctoPerf scenario-run failed after 25m: b1"\}\.$/);
    assert.doesNotMatch(decideOutcome(answer("FINISHED"), running(), at(15 * 60)).decision?.text ?? "", /PushNotification/);
  });

  it("tells the model nothing of a known in-flight state, remembering only the value (for a session that resumes); the user sees one line", () => {
    const state = running();
    const decided = decideOutcome(answer("RUNNING"), state, at(60));
    const screenOnly = (line: string) => ({ kind: "context", text: "", screen: line });
    assert.deepEqual(decided, { state: { ...state, works: { ...state.works, [KEY]: { ...state.works[KEY]!, lastValue: "RUNNING" } } }, decision: screenOnly("OctoPerf scenario-run b1: RUNNING after 1m.") });
    assert.deepEqual(decideOutcome(answer("RUNNING"), decided.state, at(120)), { state: decided.state, decision: screenOnly("OctoPerf scenario-run b1: RUNNING after 2m.") }, "the same value again changes nothing");
    // On the hook's stdout: a systemMessage, and no context for the model.
    assert.deepEqual(JSON.parse(emit(decided.decision!).stdout), { systemMessage: "OctoPerf scenario-run b1: RUNNING after 1m." });
  });

  it("shows the outcome on screen in one line, with what still runs", () => {
    const decided = decideOutcome(answer("ABORTED"), running(), at(90));
    assert.equal(decided.decision?.kind === "context" ? decided.decision.screen : undefined, "OctoPerf scenario-run b1: ABORTED (failed) after 1m30s.");
  });

  it("shows an unknown state as unknown, and never records it", () => {
    const state = running();
    for (const [value, shown] of [["MIGRATING", "state «MIGRATING» is not one the policy knows"], ["FINISHED\nstate: FAILED", "state «FINISHED state: FAILED» is not one the policy knows"], [7, "state «7» is not one the policy knows"]] as const) {
      const decided = decideOutcome(answer(value), state, at(60));
      assert.equal(decided.state, state);
      assert.equal(decided.decision?.text, `${shown}; b1 counts as still in flight, and its deadline still applies.`);
    }
  });

  it("notes a passed deadline once: the state remembers it was said", () => {
    const state = running({ deadlineAt: T0 + 1000 });
    const first = decideOutcome(answer("RUNNING"), state, at(2));
    assert.match(first.decision?.text ?? "", /^OctoPerf scenario-run: get_bench_result\(benchResultId=b1\) has run past its deadline of 1s \(2s since the start\)\. Stop waiting: .*ask the user before calling stop_bench_result/);
    assert.equal(first.state.works[KEY]?.deadlineNoted, true);
    assert.equal(decideOutcome(answer("RUNNING"), first.state, at(3)).decision?.text, "", "said once");
  });

  it("never takes full progress for the end", () => {
    const state = running();
    const decided = decideOutcome(post("get_bench_status", { benchResultId: "b1" }, structured({ progress: 100 })), state, at(60));
    assert.equal(decided.state, state);
    assert.match(decided.decision?.text ?? "", /^get_bench_status shows full progress for b1, but progress is not completion/);
  });
});

describe("plan-after-start decide", () => {
  it("records each handle at the start time with the policy's cadence and deadline", () => {
    const decided = decideStart(post("run_scenario", { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1", "b2"] })), emptyState(), at(0));
    const b2 = decided.state.works["get_bench_result:b2"];
    assert.deepEqual(
      { startedAt: b2?.startedAt, cadence: b2?.cadenceSeconds, deadlineAt: b2?.deadlineAt, group: b2?.group },
      { startedAt: T0, cadence: 60, deadlineAt: T0 + 1200 * 1000, group: "get_bench_result:b1" },
    );
    assert.equal(decided.state.aliases["get_bench_status:b2"], "get_bench_result:b2");
    assert.match(decided.decision?.text ?? "", /^OctoPerf scenario-run started: benchResultIds b1 and b2 \(benchReportId r1\)\./);
  });

  it("uses a scenario's expected run time from the state", () => {
    const state = { ...emptyState(), scenarios: { sc1: { seconds: 90, at: T0 } } };
    const decided = decideStart(post("run_scenario", { scenarioId: "sc1" }, structured({ benchResultIds: ["b1"] })), state, at(0));
    assert.equal(decided.state.works[KEY]?.cadenceSeconds, 9);
    assert.match(decided.decision?.text ?? "", /every 9 s \(expected 1m30s\)/);
  });

  it("records nothing when the start gave no handle", () => {
    const state = emptyState();
    const decided = decideStart(post("run_scenario", { scenarioId: "sc1" }, { isError: true, content: [{ type: "text", text: "quota exceeded" }] }), state, at(0));
    assert.equal(decided.state, state);
    assert.match(decided.decision?.text ?? "", /nothing to poll \(the server said: «quota exceeded»\)/);
  });
});

describe("record-schedule decide", () => {
  it("ties a loop to the handle its prompt names, at the time it was made, and frees the next poll", () => {
    const decided = decideSchedule(post("CronCreate", { cron: "* * * * *", prompt: "call get_bench_result(benchResultId=b1)" }, structured({ id: "c1" })), running({ lastPollAt: T0 }), at(12));
    assert.deepEqual(decided.state.schedules, [{ kind: "cron", id: "c1", works: [KEY], at: T0 + 12_000 }]);
    assert.equal(decided.state.works[KEY]?.freePoll, true);
    assert.equal(decided.decision, undefined);
  });

  it("forgets a deleted loop", () => {
    const state: SessionState = { ...running(), schedules: [{ kind: "cron", id: "c1", works: [KEY], at: T0 }] };
    assert.deepEqual(decideSchedule(post("CronDelete", { id: "c1" }, structured({ id: "c1" })), state, at(20)).state.schedules, []);
  });
});

describe("record-scenario decide", () => {
  it("remembers the expected run time with the time it was read", () => {
    const decided = decideScenario(post("get_scenario", { scenarioId: "sc1" }, structured({ userProfiles: [{ loadStrategy: { rampUpSec: 30, holdForSec: 60 } }] })), emptyState(), at(7));
    // The profile's 90 s plus the policy's headroom for provisioning the load generators.
    assert.deepEqual(decided.state.scenarios, { sc1: { seconds: 90 + PROVISIONING_HEADROOM_S, at: T0 + 7000 } });
  });
});
