// Every "end your turn; you will be woken" is kept, decision by decision
// (pure, a fixed clock): the timer never falls past the deadline silently, a
// start with several handles is waited on until the last one ends, the quick
// hook claims the wait before the model reads it, the background hook adopts
// the claim (never a second waiter), /octoperf:stop-wait cancels it, a failed
// poll is a poll, and the turn-end guard wakes the model for any owed work
// that nothing holds. The processes behind the records are proved by their
// start identity, so a reused pid holds nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { armAfterStart } from "../../src/hooks/by-name/wait-in-background.js";
import { armAfterPoll } from "../../src/hooks/by-name/wake-after-poll.js";
import { settle, type TimerJob } from "../../src/hooks/wait/one-wake.js";
import { adopt } from "../../src/hooks/runtime/background-shell.js";
import { claimAfterPoll, claimAfterStart } from "../../src/hooks/wait/claims.js";
import type { DecideContext } from "../../src/hooks/claude/decision.js";
import { parseHookInput, type PostToolUseInput } from "../../src/hooks/claude/input.js";
import { decideOutcome } from "../../src/hooks/by-name/poll-outcome.js";
import { decidePace } from "../../src/hooks/by-name/pace-guard.js";
import { decideStart } from "../../src/hooks/by-name/plan-after-start.js";
import { emptyState, type GuardRecord, type SessionState, type WaiterRecord, type WorkRecord } from "../../src/hooks/session/state.js";
import { decideStopWaits } from "../../src/hooks/by-name/stop-waits.js";
import { guardStep } from "../../src/hooks/by-name/guard-turn-end.js";
import { CLAIM_TTL_S, LATE_WAKE_GRACE_S } from "../../src/policy/index.js";
import { workRecord } from "./fixtures/work-record.js";
import { ctxAt, SESSION, structured, T0, toolName } from "./hook-calls.js";

let calls = 0;
const post = (tool: string, toolInput: Record<string, unknown>, toolResponse: unknown, toolUseId = `toolu_${++calls}`): PostToolUseInput => ({
  event: "PostToolUse",
  sessionId: SESSION,
  toolName: toolName(tool),
  toolInput,
  toolResponse,
  toolUseId,
});
const pre = (tool: string, toolInput: Record<string, unknown>) => ({ event: "PreToolUse" as const, sessionId: SESSION, toolName: toolName(tool), toolInput });
const poll = (id: string, state: string, call?: string) => post("get_bench_result", { benchResultId: id }, structured({ id, state }), call);
const key = (id: string) => `get_bench_result:${id}`;
const START = (call = "toolu_start") => post("run_scenario", { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1", "b2"] }), call);

/** Handles of one start (one group), each polled at T0 + `polledAt` s. */
function started(ids: readonly string[], changes: Partial<WorkRecord> = {}, waiters: WaiterRecord[] = []): SessionState {
  const works = Object.fromEntries(ids.map((id) => [key(id), { ...workRecord(id, T0), group: key(ids[0]!), lastPollAt: T0 + 5000, ...changes }]));
  const aliases = Object.fromEntries(ids.map((id) => [key(id), key(id)]));
  return { ...emptyState(), works, aliases, ...(waiters.length > 0 ? { waiters } : {}) };
}

const timer = (pid: number, changes: Partial<WaiterRecord> = {}): WaiterRecord => ({
  kind: "timer",
  pid,
  proof: `t${pid}`,
  token: `tok${pid}`,
  works: [key("b1")],
  at: T0 + 5000,
  until: T0 + 65_000,
  pollAt: T0 + 5000,
  ...changes,
});

/** A context where the listed pids live with the proof `t<pid>` (anything else is another process). */
function proved(seconds: number, pids: readonly number[] = [], extra: Parameters<typeof ctxAt>[1] = {}): DecideContext {
  return { ...ctxAt(seconds, extra), alive: (pid, proof) => pids.includes(pid) && (proof === undefined || proof === `t${pid}`) };
}

describe("the deadline always wakes", () => {
  it("a timer armed shortly before the deadline is due at the deadline, and its wake names it", () => {
    // Polled at 1,150 s of a 1,200 s deadline, cadence 60 s: not due at 1,210 s, but at 1,200 s.
    const state = started(["b1"], { lastPollAt: T0 + 1_150_000 });
    const armed = armAfterPoll(poll("b1", "RUNNING"), state, ctxAt(1150));
    const job = armed.job as TimerJob;
    assert.equal(job.dueAt, T0 + 1_200_000);
    const settled = settle(job, { kind: "timer", stopped: false }, armed.state, ctxAt(1200));
    assert.match(settled.wake ?? "", /^OctoPerf scenario-run: get_bench_result\(benchResultId=b1\) has run past its deadline of 20m \(20m since the start\)\. Stop waiting: /);
    assert.match(settled.wake ?? "", /ask the user before calling stop_bench_result/);
  });

  it("a timer that fires late, past the deadline (a suspended machine), still wakes, with the deadline", () => {
    const armed = armAfterPoll(poll("b1", "RUNNING"), started(["b1"]), ctxAt(6));
    assert.match(settle(armed.job!, { kind: "timer", stopped: false }, armed.state, ctxAt(5000)).wake ?? "", /has run past its deadline of 20m \(1h23m20s since the start\)/);
  });
});

describe("a start with several handles is waited on until the last one ends", () => {
  it("a poll that ends one handle arms a timer for the others, due one cadence after their own last poll", () => {
    const state = started(["b1", "b2"], {}, []);
    const withB2 = { ...state, works: { ...state.works, [key("b2")]: { ...state.works[key("b2")]!, lastPollAt: T0 + 20_000 } } };
    const job = armAfterPoll(poll("b1", "FINISHED"), withB2, ctxAt(30)).job as TimerJob;
    assert.deepEqual({ works: job.works, dueAt: job.dueAt }, { works: [key("b2")], dueAt: T0 + 80_000 });
    // Its wake asks for the handle that still runs.
    const ended = { ...withB2, works: { ...withB2.works, [key("b1")]: { ...withB2.works[key("b1")]!, terminal: { value: "FINISHED", outcome: "succeeded" as const, at: T0 + 30_000 } } } };
    const armed = armAfterPoll(poll("b1", "FINISHED"), ended, ctxAt(30));
    assert.match(settle(armed.job!, { kind: "timer", stopped: false }, armed.state, ctxAt(80)).wake ?? "", /^OctoPerf scenario-run: the next poll is due: call get_bench_result\(benchResultId=b2\) now\./);
  });

  it("the last handle's end arms nothing", () => {
    const state = started(["b1", "b2"], { terminal: { value: "FINISHED", outcome: "succeeded", at: T0 } });
    assert.equal(armAfterPoll(poll("b1", "FINISHED"), state, ctxAt(30)).job, undefined);
  });
});

describe("the quick hook claims the wait before the model reads it", () => {
  it("after a start with a key: a claim of the call holds the works, and a poll meanwhile is refused as held", () => {
    const decided = claimAfterStart(decideStart)(START(), emptyState(), ctxAt(0, { apiKey: true }));
    assert.deepEqual(
      decided.state.waiters?.map((w) => ({ kind: w.kind, pid: w.pid, claimed: w.claimed, call: w.call, works: w.works })),
      [{ kind: "watcher", pid: 0, claimed: true, call: "toolu_start", works: [key("b1"), key("b2")] }],
    );
    const refused = decidePace(pre("get_bench_result", { benchResultId: "b1" }), decided.state, ctxAt(1, { apiKey: true }));
    assert.match(refused.decision?.reason ?? "", /^Not now: a background watcher of this plugin's hooks \(starting\) is waiting on get_bench_result\(benchResultId=b1\)/);
  });

  it("the background hook adopts it: one waiter, with its pid, proof and token; armed again, it would add none", () => {
    const claimed = claimAfterStart(decideStart)(START(), emptyState(), ctxAt(0, { apiKey: true })).state;
    const adopted = adopt(armAfterStart, START(), claimed, { ...ctxAt(0, { apiKey: true }), token: "bgtok", pid: 777 }, "t777");
    assert.ok(adopted.job);
    assert.deepEqual(adopted.state.waiters?.map((w) => [w.pid, w.proof, w.token, w.claimed, w.call]), [[777, "t777", "bgtok", undefined, "toolu_start"]]);
    // Another start of the same works while the watcher lives adds no second waiter.
    const again = armAfterStart(START("toolu_other"), adopted.state, { ...proved(1, [777], { apiKey: true }) });
    assert.equal(again.job, undefined);
    assert.match(again.note ?? "", /already holds/);
  });

  it("whichever hook runs first, one record results: the quick hook claims nothing once the background hook adopted", () => {
    const first = adopt(armAfterStart, START(), emptyState(), { ...ctxAt(0, { apiKey: true }), token: "bgtok", pid: 777 }, "t777");
    const quick = claimAfterStart(decideStart)(START(), first.state, ctxAt(0, { apiKey: true }));
    assert.deepEqual(quick.state.waiters?.map((w) => w.token), ["bgtok"]);
  });

  it("after a poll that is not final, without credentials: a timer claim, which refuses an early poll until it is adopted or expires", () => {
    const state = started(["b1"]);
    const decided = claimAfterPoll(decideOutcome)(poll("b1", "RUNNING", "toolu_p1"), state, ctxAt(6));
    const claim = decided.state.waiters?.[0];
    assert.deepEqual([claim?.kind, claim?.claimed, claim?.call], ["timer", true, "toolu_p1"]);
    assert.match(decidePace(pre("get_bench_result", { benchResultId: "b1" }), decided.state, ctxAt(10)).decision?.reason ?? "", /^Too soon: .*This plugin's hooks will wake you when it is due: end your turn\./);
    // Never adopted: past CLAIM_TTL_S it holds nothing, and an early poll passes (its answer arms a new wait).
    assert.equal(decidePace(pre("get_bench_result", { benchResultId: "b1" }), decided.state, ctxAt(6 + CLAIM_TTL_S + 1)).decision, undefined);
  });

  it("a claim the background hook will not carry out is dropped, so it never looks held", () => {
    const state = started(["b1"], {}, [{ ...timer(0), pid: 0, proof: undefined, claimed: true, call: "toolu_p2" }]);
    const armed = adopt(armAfterPoll, poll("b1", "FINISHED", "toolu_p2"), state, ctxAt(6), "t1");
    assert.deepEqual([armed.job, armed.state.waiters], [undefined, undefined]);
  });
});

describe("/octoperf:stop-wait during the start", () => {
  const typed = (args: string) => ({ event: "UserPromptExpansion" as const, sessionId: SESSION, commandName: "octoperf:stop-wait", commandArgs: args });

  it("cancels the claim: the background hook then starts nothing, and the works are owed no wake", () => {
    const claimed = claimAfterStart(decideStart)(START(), emptyState(), ctxAt(0, { apiKey: true })).state;
    const stopped = decideStopWaits(typed("b1"), claimed, ctxAt(1));
    assert.match(stopped.decision?.text ?? "", /ended the background watcher on get_bench_result\(benchResultId=b1\) and get_bench_result\(benchResultId=b2\) \(about to start\)/);
    assert.equal(stopped.stop, undefined, "a claim has no process to signal");
    assert.deepEqual(stopped.state.cancelled, ["toolu_start"]);
    const late = adopt(armAfterStart, START(), stopped.state, ctxAt(2, { apiKey: true }), "t9");
    assert.equal(late.job, undefined);
    assert.match(late.note ?? "", /ended this wait before it started/);
    const guard = guardStep(stopped.state, ctxAt(3, { apiKey: true }), { pid: 5, token: "g1", at: T0 + 3000 }, true);
    assert.deepEqual([guard.wake, guard.done], [undefined, true]);
  });
});

describe("processes known for sure", () => {
  it("a reused pid (alive, another start) holds nothing: polls pass, and stop-wait signals nothing", () => {
    const state = started(["b1"], {}, [{ ...timer(31), kind: "watcher", until: T0 + 9_000_000 }]);
    const reused: DecideContext = { ...ctxAt(10), alive: (pid, proof) => pid === 31 && proof === "t-someone-else" };
    assert.equal(decidePace(pre("get_bench_result", { benchResultId: "b1" }), state, reused).decision, undefined);
    const stop = decideStopWaits({ event: "UserPromptExpansion", sessionId: SESSION, commandName: "octoperf:stop-wait", commandArgs: "" }, state, reused);
    assert.equal(stop.stop, undefined);
  });

  it("a waiter past its `until` and the grace no longer counts, even alive (a stopped process)", () => {
    const state = started(["b1"], {}, [timer(31)]);
    assert.equal(decidePace(pre("get_bench_result", { benchResultId: "b1" }), state, proved(20, [31])).decision?.kind, "deny");
    assert.equal(decidePace(pre("get_bench_result", { benchResultId: "b1" }), state, proved(65 + LATE_WAKE_GRACE_S + 1, [31])).decision, undefined);
  });
});

describe("a failed poll is a poll", () => {
  const failure = JSON.stringify({
    session_id: SESSION,
    hook_event_name: "PostToolUseFailure",
    tool_name: toolName("get_bench_result"),
    tool_input: { benchResultId: "b1" },
    tool_use_id: "toolu_fail1",
    error: 'MCP server "octoperf" tool "get_bench_result" timed out after 10s',
    is_interrupt: false,
  });

  it("reaches the poll hooks as a poll whose answer could not be read: counted, said, and followed by a timer", () => {
    const input = parseHookInput(failure);
    assert.equal(input.event, "PostToolUse");
    if (input.event !== "PostToolUse") return;
    assert.deepEqual([input.toolUseId, input.toolResponse, input.failure], ["toolu_fail1", undefined, 'MCP server "octoperf" tool "get_bench_result" timed out after 10s']);
    const decided = claimAfterPoll(decideOutcome)(input, started(["b1"]), ctxAt(6));
    assert.equal(
      decided.decision?.kind === "context" ? decided.decision.text : undefined,
      "The call failed (Claude Code said: «MCP server \"octoperf\" tool \"get_bench_result\" timed out after 10s»): it counts as a poll whose answer could not be read; b1 counts as still in flight, and its deadline still applies.",
    );
    assert.equal(decided.state.waiters?.[0]?.kind, "timer");
    assert.equal(armAfterPoll(input, started(["b1"]), ctxAt(6)).job?.kind, "timer");
  });
});

describe("the turn-end guard", () => {
  const me = (seconds: number): GuardRecord => ({ pid: 900, proof: "t900", token: "guard1", at: T0 + seconds * 1000 });

  it("wakes the model at once for owed work that nothing holds, once per poll", () => {
    const step = guardStep(started(["b1"]), ctxAt(10), me(10), true);
    assert.equal(
      step.wake,
      "OctoPerf scenario-run: the wait on get_bench_result(benchResultId=b1) could not go on: nothing was waiting on it when your turn ended. " +
        "Poll it now; if it is not final, end your turn: this plugin's hooks wake you at the next poll.",
    );
    assert.equal(step.state.works[key("b1")]?.guardedAt, T0 + 10_000);
    const again = guardStep(step.state, ctxAt(11), me(11), true);
    assert.deepEqual([again.wake, again.done], [undefined, true], "told once: not again until the model polls");
  });

  it("stays beside a live timer, and retires once its wake is given", () => {
    const state = started(["b1"], {}, [timer(31)]);
    const first = guardStep(state, proved(10, [31]), me(10), true);
    assert.deepEqual([first.wake, first.done, first.state.guard?.token], [undefined, false, "guard1"]);
    // The timer settles: its record goes, the work is marked woken.
    const woken = { ...first.state, waiters: undefined, works: { [key("b1")]: { ...first.state.works[key("b1")]!, wokenAt: T0 + 65_000 } } };
    assert.deepEqual(guardStep(woken, proved(66, []), me(10), false), { state: woken, done: true, note: "nothing is owed a wake" });
  });

  it("wakes the model when the timer it stands beside is killed (SIGKILL, OOM): the wait goes on", () => {
    const state = guardStep(started(["b1"], {}, [timer(31)]), proved(10, [31]), me(10), true).state;
    const step = guardStep(state, proved(20, []), me(10), false);
    assert.match(step.wake ?? "", /could not go on: the hooks' poll timer \(process 31\) ended without waking you\. Poll it now;/);
    assert.equal(step.state.waiters, undefined, "the dead record went");
  });

  it("wakes the model when the timer is well past its time (stopped, or a suspended machine); the timer, resumed, finds itself replaced", () => {
    const state = guardStep(started(["b1"], {}, [timer(31)]), proved(10, [31]), me(10), true).state;
    assert.equal(guardStep(state, proved(65 + LATE_WAKE_GRACE_S, [31]), me(10), false).wake, undefined, "within the grace");
    const step = guardStep(state, proved(65 + LATE_WAKE_GRACE_S + 1, [31]), me(10), false);
    assert.match(step.wake ?? "", /the hooks' poll timer \(process 31\) is well past its time/);
    const job: TimerJob = { kind: "timer", token: "tok31", op: "scenario-run", works: [key("b1")], dueAt: T0 + 65_000, pollAt: T0 + 5000, cadenceSeconds: 60 };
    assert.equal(settle(job, { kind: "timer", stopped: false }, step.state, ctxAt(200)).wake, undefined, "one wake, not two");
  });

  it("wakes the model when a claim is never adopted (the background bundle did not load), with the hooks-off way to wait", () => {
    const claimed = claimAfterPoll(decideOutcome)(poll("b1", "RUNNING", "toolu_p3"), started(["b1"]), ctxAt(6)).state;
    const first = guardStep(claimed, ctxAt(7), me(7), true);
    assert.equal(first.done, false);
    const step = guardStep(first.state, ctxAt(6 + CLAIM_TTL_S + 1), me(7), false);
    assert.match(step.wake ?? "", /could not go on: the hooks' poll timer was promised but its background hook did not start within 30 s\. Poll it now; then wait without this plugin's background hooks: /);
    assert.equal(step.state.works[key("b1")]?.backgroundFailedAt, T0 + 37_000);
    // From then on the hooks pace it the hooks-off way: an early poll is refused with that way.
    const polled = { ...step.state, works: { [key("b1")]: { ...step.state.works[key("b1")]!, lastPollAt: T0 + 40_000 } } };
    assert.match(decidePace(pre("get_bench_result", { benchResultId: "b1" }), polled, ctxAt(45)).decision?.reason ?? "", /^Too soon: /);
    assert.equal(armAfterPoll(poll("b1", "RUNNING"), polled, ctxAt(45)).job, undefined);
  });

  it("names the deadline for lost work past it, and says it once", () => {
    const step = guardStep(started(["b1"]), ctxAt(1300), me(1300), true);
    assert.match(step.wake ?? "", /^OctoPerf scenario-run: get_bench_result\(benchResultId=b1\) has run past its deadline of 20m \(21m40s since the start\)\. /);
    assert.equal(guardStep(step.state, ctxAt(1301), me(1301), true).wake, undefined);
  });

  it("retires when a newer turn's guard takes over, leaves work the user released or that ended, and trusts the model's own loop", () => {
    const state = guardStep(started(["b1"], {}, [timer(31)]), proved(10, [31]), me(10), true).state;
    const newer = guardStep(state, proved(11, [31]), { ...me(11), token: "guard2" }, true).state;
    assert.deepEqual(guardStep(newer, proved(12, []), me(10), false), { state: newer, done: true, note: "a newer turn's guard took over" });
    const released = started(["b1"], { releasedAt: T0 + 8000 });
    assert.equal(guardStep(released, ctxAt(10), me(10), true).wake, undefined);
    const looped = { ...started(["b1"]), schedules: [{ kind: "cron" as const, id: "job1", works: [key("b1")], at: T0 }] };
    assert.equal(guardStep(looped, ctxAt(10), me(10), true).wake, undefined);
    assert.equal(guardStep(started(["b1"]), ctxAt(10, { hooks: false }), me(10), true).wake, undefined, "with the background hooks off, the model waits its own way");
  });
});

