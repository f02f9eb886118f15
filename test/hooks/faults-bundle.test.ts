// A waiter's process meets a fault, through the committed bundle as Claude
// Code runs it: the cadence timer (wake-after-poll) and the turn-end guard
// (guard-turn-end) are real processes; the guard proves the timer by its pid
// and start identity. The hooks' clock runs 5x (OCTOPERF_HOOKS_TIME_SCALE), so
// a 60 s cadence is 12 s of real time: room for a background hook to start on
// a loaded machine before its timer is due. Every wait is on a record or an exit.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LATE_WAKE_GRACE_S } from "../../src/policy/index.js";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOOK_BUNDLE } from "../../src/build/hooks-json.js";
import { isProcessAlive } from "../../src/hooks/session/lock.js";
import { adoptedWaiter, REPO_ROOT, post, pre, recordedState, runBundle, runBundleAsync, structured, tempDataDir, toolName, turnEnd, until } from "./hook-calls.js";

const ENV = { OCTOPERF_HOOKS_TIME_SCALE: "5" };
const start = post(toolName("run_scenario", 1), { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1"] }));

/** A started run, polled once: the timer runs (adopted: its pid and proof are recorded) and the model ends its turn, with the guard beside it. */
async function waiting(data: string) {
  const options = { data, env: ENV };
  runBundle("plan-after-start", start, options);
  assert.equal(runBundle("pace-guard", pre(toolName("get_bench_result", 1), { benchResultId: "b1" }), options).stdout, "");
  const answer = post(toolName("get_bench_result", 1), { benchResultId: "b1" }, structured({ id: "b1", state: "RUNNING" }));
  runBundle("poll-outcome", answer, options);
  const timerRun = runBundleAsync("wake-after-poll", answer, options);
  const timer = await until("the timer to adopt its claim", () => adoptedWaiter(data, "timer"));
  const guardRun = runBundleAsync("guard-turn-end", turnEnd(), options);
  await until("the guard to stand beside it", () => recordedState(data)?.guard);
  return { timer, timerRun, guardRun };
}

// One at a time: the quick hooks run with spawnSync, which would hold up the other tests' waits for a record that lives only seconds.
describe("faults of a waiter's process", () => {
  it("the timer SIGKILLed: the guard wakes the model at once, naming it, and nothing is left running", async () => {
    const data = tempDataDir();
    const { timer, timerRun, guardRun } = await waiting(data);
    process.kill(timer.pid, "SIGKILL");
    const guard = await guardRun;
    assert.equal(guard.status, 2, guard.stderr);
    assert.equal(
      guard.stderr,
      `OctoPerf scenario-run: the wait on get_bench_result(benchResultId=b1) could not go on: the hooks' poll timer (process ${timer.pid}) ended without waking you. ` +
        "Poll it now; if it is not final, end your turn: this plugin's hooks wake you at the next poll.\n",
    );
    assert.equal((await timerRun).status, null, "killed");
    assert.equal(recordedState(data)?.waiters, undefined, "its record went");
    assert.equal(recordedState(data)?.guard, undefined, "the guard retired");
  });

  it(`the timer SIGSTOPped for twice the cadence: the guard wakes the model once it is ${LATE_WAKE_GRACE_S} s late; resumed, the timer wakes nobody`, async () => {
    const data = tempDataDir();
    const { timer, timerRun, guardRun } = await waiting(data);
    process.kill(timer.pid, "SIGSTOP");
    const guard = await guardRun;
    assert.equal(guard.status, 2, guard.stderr);
    assert.match(guard.stderr, new RegExp(`could not go on: the hooks' poll timer \\(process ${timer.pid}\\) is well past its time \\(a suspended machine or a stopped process\\)\\. Poll it now;`));
    process.kill(timer.pid, "SIGCONT");
    const resumed = await timerRun;
    assert.deepEqual([resumed.status, resumed.stderr], [0, "octoperf wake-after-poll: a newer poll took over, or /octoperf:stop-wait ended it (nobody woken)\n"], "one wake, not two");
  });

  it("the client killed outright (its hooks orphaned): the timer ends by itself within a second or so, and the work stays pending for a resumed session", async () => {
    const data = tempDataDir();
    const options = { data, env: ENV };
    runBundle("plan-after-start", start, options);
    runBundle("pace-guard", pre(toolName("get_bench_result", 1), { benchResultId: "b1" }), options);
    const answer = post(toolName("get_bench_result", 1), { benchResultId: "b1" }, structured({ id: "b1", state: "RUNNING" }));
    runBundle("poll-outcome", answer, options);
    // A stand-in client: a process that starts the hook as its child, then is SIGKILLed.
    const stdinFile = join(data, "stdin.json");
    writeFileSync(stdinFile, answer);
    const script = `const { spawn } = require("node:child_process"); const fs = require("node:fs");
      spawn(process.execPath, [${JSON.stringify(join(REPO_ROOT, HOOK_BUNDLE))}, "wake-after-poll"], { stdio: [fs.openSync(${JSON.stringify(stdinFile)}, "r"), "ignore", fs.openSync(${JSON.stringify(join(data, "hook.err"))}, "w")] });
      setInterval(() => {}, 1000);`;
    const client = spawn(process.execPath, ["-e", script], { env: { PATH: process.env.PATH, CLAUDE_PLUGIN_DATA: data, ...ENV }, stdio: "ignore" });
    let timer;
    try {
      timer = await until("the timer to adopt its claim", () => adoptedWaiter(data, "timer"), 60_000).catch((error: Error) => {
        throw new Error(`${error.message}; the hook said: ${readFileSync(join(data, "hook.err"), "utf8")}`);
      });
    } finally {
      // Whatever happens, the stand-in client goes: left running, it would keep this file's process alive.
      client.kill("SIGKILL");
    }
    await until("the orphaned timer to end its wait", () => recordedState(data)?.waiters === undefined || undefined);
    await until("the orphaned timer's process to be gone", () => !isProcessAlive(timer.pid));
    const work = recordedState(data)?.works["get_bench_result:b1"];
    assert.equal(work?.terminal, undefined, "still pending");
    assert.equal(work?.wokenAt, undefined, "nobody was woken");
  });

  it("the timer's own wake comes first: the guard retires without a word", async () => {
    const data = tempDataDir();
    const { timerRun, guardRun } = await waiting(data);
    const timer = await timerRun;
    assert.equal(timer.status, 2, timer.stderr);
    assert.match(timer.stderr, /^OctoPerf scenario-run: the next poll is due/);
    const guard = await guardRun;
    assert.deepEqual([guard.status, guard.stderr], [0, "octoperf guard-turn-end: nothing is owed a wake (nobody woken)\n"]);
  });
});
