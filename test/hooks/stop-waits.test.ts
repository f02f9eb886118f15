// /octoperf:stop-wait typed: the UserPromptExpansion hook's decision on its
// own (which background waiters end, the line the model is shown), then
// through the runner from source, where the waiters' processes are signalled.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { UserPromptExpansionInput } from "../../src/hooks/claude/input.js";
import { emptyState, type SessionState, type WaiterRecord } from "../../src/hooks/session/state.js";
import { decideStopWaits } from "../../src/hooks/by-name/stop-waits.js";
import { workRecord } from "./fixtures/work-record.js";
import { ctxAt, expansion, post, runHook, SESSION, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

const typed = (commandArgs: string, commandName = "octoperf:stop-wait"): UserPromptExpansionInput => ({ event: "UserPromptExpansion", sessionId: SESSION, commandName, commandArgs });

const b1 = "get_bench_result:b1";
const v1 = "get_virtual_user_validation:p1/v1";
const waiter = (kind: WaiterRecord["kind"], pid: number, works: string[]): WaiterRecord => ({ kind, pid, token: `t${pid}`, works, at: T0, until: T0 + 600_000 });

function session(waiters: WaiterRecord[]): SessionState {
  const validation = { ...workRecord("vb1", T0), op: "validation" as const, tool: "get_virtual_user_validation", args: { projectId: "p1", virtualUserId: "v1" }, group: v1 };
  return { ...emptyState(), works: { [b1]: workRecord("b1", T0), [v1]: validation }, aliases: { [b1]: b1, [v1]: v1 }, waiters };
}

describe("stop-waits decide", () => {
  const all = [waiter("watcher", 11, [b1]), waiter("timer", 12, [v1]), waiter("watcher", 13, [b1])];

  it("ends the live waiters that name the handle, forgets dead ones, and says what it ended", () => {
    const decided = decideStopWaits(typed("b1"), session(all), ctxAt(5, { alive: [11, 12] }));
    assert.deepEqual(decided.stop?.map((w) => w.pid), [11]);
    assert.deepEqual(decided.state.waiters?.map((w) => w.pid), [12]);
    assert.deepEqual(decided.decision, {
      kind: "say",
      text: "octoperf stop-wait: ended the background watcher on get_bench_result(benchResultId=b1) (process 11). They wake nobody now; the OctoPerf work itself goes on.",
    });
  });

  it("takes a handle in every form /octoperf:wait takes", () => {
    for (const [args, pids] of [["bench:b1", [11]], ["validation:p1/v1", [12]], ["vb1", [12]], ["", [11, 12]]] as const) {
      assert.deepEqual(decideStopWaits(typed(args), session(all), ctxAt(5, { alive: [11, 12] })).stop?.map((w) => w.pid), [...pids], args);
    }
  });

  it("says when nothing of the hooks was waiting", () => {
    const decided = decideStopWaits(typed("task:t7"), session(all), ctxAt(5, { alive: [11, 12] }));
    assert.equal(decided.stop, undefined);
    assert.equal(decided.decision?.text, "octoperf stop-wait: no background wait of this plugin's hooks was running in this session for t7.");
  });

  it("ends nothing for an argument the command refuses, or for another command", () => {
    const state = session(all);
    for (const args of ["b1 b2", "$(id)", "b1;rm", "10m", "'b1'"]) {
      const decided = decideStopWaits(typed(args), state, ctxAt(5, { alive: [11, 12] }));
      assert.deepEqual([decided.state, decided.stop, decided.decision], [state, undefined, undefined], args);
    }
    assert.equal(decideStopWaits(typed("b1", "octoperf:wait"), state, ctxAt(5, { alive: [11] })).stop, undefined);
    // The alias the installer writes is the same command.
    assert.deepEqual(decideStopWaits(typed("b1", "octoperf-stop-wait"), state, ctxAt(5, { alive: [11] })).stop?.map((w) => w.pid), [11]);
  });
});

describe("stop-waits through the runner", () => {
  it("signals each waiter's process once its record is gone, and prints the line as plain stdout", () => {
    const data = tempDataDir();
    const stopped: number[] = [];
    // A start recorded by the hooks, then a background watcher on it held by this (live) process.
    runHook("plan-after-start", post(toolName("run_scenario"), { scenarioId: "s" }, structured({ benchResultIds: ["b1"] })), { data, now: T0 });
    const file = join(data, "hooks", `${SESSION}.json`);
    const state = JSON.parse(readFileSync(file, "utf8")) as SessionState;
    writeFileSync(file, JSON.stringify({ ...state, waiters: [waiter("watcher", process.pid, [b1])] }));
    const run = runHook("stop-waits", expansion("octoperf:stop-wait", "b1"), { data, now: T0 + 1000, stopWaiter: (w) => (stopped.push(w.pid), true) });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `octoperf stop-wait: ended the background watcher on get_bench_result(benchResultId=b1) (process ${process.pid}). They wake nobody now; the OctoPerf work itself goes on.\n`);
    assert.deepEqual(stopped, [process.pid]);
    assert.equal((JSON.parse(readFileSync(file, "utf8")) as SessionState).waiters, undefined);
  });
});
