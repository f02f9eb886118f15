// The background hooks as Claude Code runs them: the committed bundle, each
// call its own process, the real watcher (scripts/octoperf-wait.mjs, found
// next to the bundle) polling the simulator's REST API on 127.0.0.1 with a
// test key. The simulator's clock runs `SPEED` times faster, and the hooks'
// and the watcher's clocks with it (their test seams), so a 10-minute run
// takes two seconds. No claude binary here: test/e2e/ has the real client.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { SpeedClock } from "../../src/simulator/clock.js";
import { scenarioOfLength } from "../../src/simulator/fixtures.js";
import { startHttp, type RunningSimulator } from "../../src/simulator/http.js";
import { Platform } from "../../src/simulator/platform.js";
import { PROVISIONING_HEADROOM_S } from "../../src/policy/index.js";
import { markedProcesses } from "../e2e/harness/interactive.js";
import { adoptedWaiter, contextOf, denialOf, expansion, post, pre, recordedState, runBundle, runBundleAsync, structured, tempDataDir, toolName, until } from "./hook-calls.js";

const SPEED = 300;
const API_KEY = "sk-octoperf-bundle-test-1c9e";
const MARKER = "OCTOPERF_BUNDLE_TEST";

let platform: Platform;
let server: RunningSimulator;
before(async () => {
  platform = new Platform({ clock: new SpeedClock(SPEED) });
  // 10 minutes in all: the policy's default for a scenario run, so the plan and the run agree.
  platform.addScenario(scenarioOfLength("scn-ten", 600 - PROVISIONING_HEADROOM_S));
  platform.addScenario(scenarioOfLength("scn-long", 3600));
  server = await startHttp({ platform, apiKey: API_KEY });
});
after(async () => server.close());

function start(scenarioId: string): { stdin: string; id: string } {
  const id = String(platform.runScenario(scenarioId).benchResultIds[0]);
  return { id, stdin: post(toolName("run_scenario", 1), { scenarioId }, structured({ benchResultIds: [id] })) };
}

/** A session's environment: the hooks' and the watcher's clocks on the simulator's, a marker on every process. */
function env(credentials: boolean, marker: string): Record<string, string> {
  return {
    OCTOPERF_HOOKS_TIME_SCALE: String(SPEED),
    OCTOPERF_WAIT_TIME_SCALE: String(SPEED),
    [MARKER]: marker,
    ...(credentials ? { OCTOPERF_API_KEY: API_KEY, OCTOPERF_API_URL: server.url } : {}),
  };
}

// One at a time: the quick hooks run with spawnSync, which would hold up the other tests' waits for a record.
describe("the background hooks from the committed bundle", () => {
  it("with a key: the watcher waits in the background, polls are refused meanwhile, one line wakes the model at the end, and the end is recorded", async () => {
    const data = tempDataDir();
    const marker = randomUUID();
    const { id, stdin } = start("scn-ten");
    const options = { data, env: env(true, marker) };
    assert.match(contextOf(runBundle("plan-after-start", stdin, options)) ?? "", /A background watcher run by this plugin's hooks now waits/);
    // The start race: the quick hook has claimed the wait before it returned, so a poll before the background hook is
    // even started is refused with the same words as later, and no second waiter can be armed.
    const poll = pre(toolName("get_bench_result", 1), { benchResultId: id });
    assert.match(denialOf(runBundle("pace-guard", poll, options)) ?? "", /^Not now: a background watcher of this plugin's hooks \(starting\) is waiting on /);
    const background = runBundleAsync("wait-in-background", stdin, options);
    await until("the background hook to adopt the claim", () => adoptedWaiter(data, "watcher"));
    assert.match(denialOf(runBundle("pace-guard", poll, options)) ?? "", /^Not now: a background watcher of this plugin's hooks \(process \d+\)/);
    assert.equal(recordedState(data)?.waiters?.length, 1, "one waiter: the claim became the watcher");
    const run = await background;
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, "");
    const lines = run.stderr.split("\n").filter((line) => line.length > 0);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, new RegExp(`^octoperf-wait: scenario-run succeeded: ${id} FINISHED \\(the run completed\\)\\. Next: `));
    assert.match(denialOf(runBundle("pace-guard", poll, options)) ?? "", new RegExp(`^Already ended: get_bench_result\\(benchResultId=${id}\\) is FINISHED`), "the end the watcher saw is recorded");
    assert.deepEqual(await markedProcesses(MARKER, marker), [], "nothing of the wait is left running");
  });

  it("without credentials: after a poll that is not final, the timer wakes the model when the next is due", async () => {
    const data = tempDataDir();
    const { id, stdin } = start("scn-ten");
    // The decision clock is fixed (the timer still sleeps its 60 s at 300x): on a loaded machine the processes' own
    // seconds, sped up 300x, would otherwise carry the poll past the 20-minute deadline.
    const options = { data, env: env(false, randomUUID()), now: Date.now() };
    assert.match(contextOf(runBundle("plan-after-start", stdin, options)) ?? "", /the next poll is due \(every 60 s\)/);
    assert.equal(runBundle("pace-guard", pre(toolName("get_bench_result", 1), { benchResultId: id }), options).stdout, "");
    const polled = Date.now();
    const run = await runBundleAsync("wake-after-poll", post(toolName("get_bench_result", 1), { benchResultId: id }, structured({ id, state: "PENDING" })), options);
    const took = Date.now() - polled;
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, `OctoPerf scenario-run: the next poll is due: call get_bench_result(benchResultId=${id}) now. While it runs, this plugin's hooks wake you again at the next one; set up nothing else.\n`);
    // 60 simulated seconds at 300x: 200 ms at least (a lower bound only: a busy machine makes it longer, never shorter).
    assert.ok(took >= 150, `${took} ms`);
  });

  it("/octoperf:stop-wait ends the background watcher: the hook exits without waking the model, and its watcher is gone", async () => {
    const data = tempDataDir();
    const marker = randomUUID();
    const { id, stdin } = start("scn-long");
    const options = { data, env: env(true, marker) };
    runBundle("plan-after-start", stdin, options);
    const background = runBundleAsync("wait-in-background", stdin, options);
    await until("the background hook to adopt the claim", () => adoptedWaiter(data, "watcher"));
    const stop = runBundle("stop-waits", expansion("octoperf:stop-wait", id), options);
    assert.match(stop.stdout, new RegExp(`^octoperf stop-wait: ended the background watcher on get_bench_result\\(benchResultId=${id}\\) \\(process \\d+\\)\\. `));
    const run = await background;
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.stderr, /octoperf-wait:/);
    assert.deepEqual(await markedProcesses(MARKER, marker), [], "the watcher went with its hook");
  });

  it("/octoperf:stop-wait typed during the start cancels the claim: the watcher never starts, and nobody is woken", async () => {
    const data = tempDataDir();
    const marker = randomUUID();
    const { id, stdin } = start("scn-long");
    const options = { data, env: env(true, marker) };
    runBundle("plan-after-start", stdin, options);
    const stop = runBundle("stop-waits", expansion("octoperf:stop-wait", id), options);
    assert.match(stop.stdout, new RegExp(`^octoperf stop-wait: ended the background watcher on get_bench_result\\(benchResultId=${id}\\) \\(about to start\\)\\. `));
    const run = await runBundleAsync("wait-in-background", stdin, options);
    assert.deepEqual([run.status, run.stderr], [0, "octoperf wait-in-background: /octoperf:stop-wait ended this wait before it started (nobody woken)\n"]);
    assert.equal(recordedState(data)?.waiters, undefined, "nothing waits");
    assert.deepEqual(await markedProcesses(MARKER, marker), [], "no watcher was started");
  });
});
