// The long part of a background hook with real processes (background-run.ts):
// the watcher found in the plugin's folder and spawned without a shell, its
// arguments passed as they are, its last line kept, its end on a stop; the
// timer's sleep on the (scaled) clock; which processes may be signalled.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { TimerJob, WatchJob } from "../../src/hooks/wait/one-wake.js";
import { sleepUnlessAborted } from "../../src/hooks/runtime/abortable-sleep.js";
import { lastWatcherLine, systemJobRunner } from "../../src/hooks/runtime/system-jobs.js";
import { isProcessAlive } from "../../src/hooks/session/lock.js";

/** A plugin folder whose scripts/octoperf-wait.mjs is `body` (a stand-in for the watcher). */
function pluginWith(body: string): string {
  const root = mkdtempSync(join(tmpdir(), "octoperf-bg-run-"));
  mkdirSync(join(root, "scripts"));
  writeFileSync(join(root, "scripts", "octoperf-wait.mjs"), body);
  return root;
}

const watchJob = (argv: string[], waitSeconds = 600): WatchJob => ({
  kind: "watch",
  token: "t1",
  op: "scenario-run",
  works: ["get_bench_result:b1"],
  handles: ["b1"],
  targets: [],
  watched: [],
  argv,
  waitSeconds,
  deadlineAt: 0,
  startedAt: 0,
  expectedSeconds: 600,
  cadenceSeconds: 60,
});

const never = new AbortController().signal;

describe("running the watcher", () => {
  it("passes each argument as it is (no shell), gives it the hook's environment, and keeps its last watcher line and exit code", async () => {
    const root = pluginWith(
      [
        "console.log('octoperf-wait: under way');",
        "console.log('octoperf-wait: argv ' + JSON.stringify(process.argv.slice(2)) + ' key ' + (process.env.OCTOPERF_API_KEY ? 'set' : 'unset'));",
        "console.log('a last line that is not the watcher\\'s');",
        "process.exitCode = 1;",
      ].join("\n"),
    );
    const runner = systemJobRunner({ pluginRoot: root, env: { PATH: process.env.PATH, OCTOPERF_API_KEY: "k" }, now: Date.now, scale: 1 });
    const argv = ["bench", "b1", "$(touch /tmp/x)", "a b", "--deadline", "20m"];
    const result = await runner.run(watchJob(argv), never);
    assert.deepEqual(result, { kind: "watch", stopped: false, exitCode: 1, lastLine: `octoperf-wait: argv ${JSON.stringify(argv)} key set` });
  });

  it("says so when the watcher is not in the plugin's folder", async () => {
    const runner = systemJobRunner({ pluginRoot: mkdtempSync(join(tmpdir(), "octoperf-bg-empty-")), env: {}, now: Date.now, scale: 1 });
    const result = await runner.run(watchJob(["bench", "b1"]), never);
    assert.equal(result.kind === "watch" ? result.problem : "", "its script scripts/octoperf-wait.mjs is not in the plugin's folder");
  });

  // A watcher that is not ended runs forever: the generous timeout is what catches it.
  it("ends the watcher at once when told to stop", { timeout: 60_000 }, async () => {
    const root = pluginWith("import { writeFileSync } from 'node:fs'; writeFileSync(process.argv[1] + '.pid', String(process.pid)); setInterval(() => {}, 1000);");
    const pidFile = join(root, "scripts", "octoperf-wait.mjs.pid");
    const runner = systemJobRunner({ pluginRoot: root, env: { PATH: process.env.PATH }, now: Date.now, scale: 1 });
    const controller = new AbortController();
    const pending = runner.run(watchJob(["bench", "b1"]), controller.signal);
    // Stop it once it runs (a loaded machine may take a while to start node): its pid file, once written whole, says so.
    // Whatever happens, it is stopped: a stand-in left running would keep this file's process alive for good.
    let pid = 0;
    try {
      const readPid = (): number => (existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8")) || 0 : 0);
      for (let tries = 0; (pid = readPid()) === 0 && tries < 3000; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(pid > 0 && isProcessAlive(pid), "the watcher runs");
    } finally {
      controller.abort();
    }
    const result = await pending;
    assert.equal(result.stopped, true);
    assert.ok(!isProcessAlive(pid), "the watcher is gone");
  });

  it("ends a watcher that outlives its own deadline (a backstop on the same clock)", async () => {
    const root = pluginWith("setInterval(() => {}, 1000);");
    // 10 s of wait plus the margin, on a clock 10,000 times faster: about 31 ms.
    const runner = systemJobRunner({ pluginRoot: root, env: { PATH: process.env.PATH }, now: Date.now, scale: 10_000 });
    const result = await runner.run(watchJob(["bench", "b1"], 10), never);
    assert.deepEqual(result, { kind: "watch", stopped: false, exitCode: null, lastLine: undefined });
  });
});

describe("the timer", () => {
  const timer = (dueAt: number): TimerJob => ({ kind: "timer", token: "t", op: "scenario-run", works: [], dueAt, pollAt: 0, cadenceSeconds: 60 });

  it("sleeps until the poll is due, on the scaled clock", async () => {
    const runner = systemJobRunner({ pluginRoot: undefined, env: {}, now: () => 1_000_000, scale: 100 });
    const started = Date.now();
    // Due in 30 s on a clock 100 times faster: 300 ms.
    assert.deepEqual(await runner.run(timer(1_030_000), never), { kind: "timer", stopped: false });
    const took = Date.now() - started;
    // A lower bound only: a busy machine makes it longer, never shorter.
    assert.ok(took >= 290, `${took} ms`);
  });

  it("stops sleeping when told to", async () => {
    const controller = new AbortController();
    const pending = sleepUnlessAborted(60_000, controller.signal);
    controller.abort();
    assert.equal(await pending, false);
    assert.equal(await sleepUnlessAborted(1, never), true);
  });
});

describe("what a background hook takes from outside", () => {
  it("keeps only the last watcher line, made one safe line", () => {
    assert.equal(lastWatcherLine("octoperf-wait: first\noctoperf-wait: second \u001b[31mred\u001b[0m\u202e\nnoise\n"), "octoperf-wait: second red");
    assert.equal(lastWatcherLine("no watcher here\n"), undefined);
  });

});
