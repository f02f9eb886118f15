// The session lock held by another process for 10 s (a stuck hook, a slow
// disk): a quick hook gives up after its bound and fails open (the tool call
// goes on), but the background hook of the same poll waits on, arms its
// timer when the lock comes free, and wakes the model: the promise made
// stands. From source, with real files; waiting for the lock moves a virtual
// clock (virtualWaitIO), so nothing here sleeps.
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { JobRunner } from "../../src/hooks/runtime/background-shell.js";
import { MAX_LOCK_WAIT_MS } from "../../src/hooks/runtime/core.js";
import { BACKGROUND_LOCK_WAIT_S } from "../../src/policy/index.js";
import { post, pre, runBackground, runHook, SESSION, structured, T0, tempDataDir, toolName, virtualWaitIO } from "./hook-calls.js";

const HELD_MS = 10_000;
const IMMEDIATE: JobRunner = { run: async () => ({ kind: "timer", stopped: false }) };

describe("the session lock held by another process for 10 s", () => {
  it("the background hook waits it out and still wakes the model; a quick hook gives up at its bound and fails open", async () => {
    const data = tempDataDir();
    runHook("plan-after-start", post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchResultIds: ["b1"] })), { data, now: T0 });
    runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), { data, now: T0 + 5000 });
    const lock = join(data, "hooks", `${SESSION}.json.lock`);
    // Held by a process that lives (the one that started this test), until 10 s have been waited.
    writeFileSync(lock, `${process.ppid} heldtoken\n`);
    const quick = virtualWaitIO();
    const answer = post(toolName("get_bench_result"), { benchResultId: "b1" }, structured({ id: "b1", state: "RUNNING" }));
    const refused = runHook("poll-outcome", answer, { data, now: T0 + 6000, store: quick });
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /locked by another hook .*failing open/);
    assert.ok(quick.waitedMs() <= MAX_LOCK_WAIT_MS + 100, `a quick hook waited ${quick.waitedMs()} ms`);

    const slow = virtualWaitIO();
    const store = { ...slow, sleep: (ms: number) => (slow.sleep(ms), slow.waitedMs() >= HELD_MS && rmSync(lock, { force: true }), undefined) };
    const run = await runBackground("wake-after-poll", answer, { data, now: T0 + 6000, later: T0 + 65_000, store, jobs: IMMEDIATE });
    assert.ok(slow.waitedMs() >= HELD_MS && slow.waitedMs() < BACKGROUND_LOCK_WAIT_S * 1000, `waited ${slow.waitedMs()} ms`);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^OctoPerf scenario-run: the next poll is due: call get_bench_result\(benchResultId=b1\) now\./);
  });
});
