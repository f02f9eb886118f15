// The one-wake wait through the runner, from source, with one session's state
// on disk: the background hooks arm under the lock, wait (a stand-in job
// runner: nothing waits for real), and settle; the quick hooks see what they
// recorded meanwhile. With credentials: one wake with the watcher's line, and
// polls refused while it waits. Without: a wake exactly one cadence after each
// poll that is not final, silence once the work is final or a newer poll took
// over. /octoperf:stop-wait ends a background wait and nobody is woken.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { BackgroundJob, JobResult, TimerJob, WatchJob } from "../../src/hooks/wait/one-wake.js";
import type { JobRunner } from "../../src/hooks/runtime/background-shell.js";
import { contextOf, denialOf, expansion, post, pre, runBackground, runHook, SESSION, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

const s = (seconds: number) => T0 + seconds * 1000;
const START = post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1"] }));
const POLL = pre(toolName("get_bench_result"), { benchResultId: "b1" });
const answer = (state: string) => post(toolName("get_bench_result", 1), { benchResultId: "b1" }, structured({ id: "b1", state }));
const FINAL = "octoperf-wait: scenario-run succeeded: b1 FINISHED (the run completed). Next: read the bench report; skill: octoperf-bench-reports.";
const KEY = { OCTOPERF_API_KEY: "sk-test-key" };

/** A job runner that hands each job to `during` (where the test looks at the session meanwhile), then ends it with `result`. */
function runner(during: (job: BackgroundJob, signal: AbortSignal) => Promise<JobResult> | JobResult): JobRunner & { jobs: BackgroundJob[] } {
  const jobs: BackgroundJob[] = [];
  return {
    jobs,
    run: async (job, signal) => {
      jobs.push(job);
      return during(job, signal);
    },
  };
}

const NEVER = runner(() => {
  throw new Error("no wait should have started");
});

describe("with credentials: a background watcher, one wake", () => {
  it("refuses polls while it waits, wakes the model once with the watcher's line alone, and records the end it saw", async () => {
    const data = tempDataDir();
    assert.match(contextOf(runHook("plan-after-start", START, { data, now: s(0), env: KEY })) ?? "", /^A background watcher run by this plugin's hooks now waits on get_bench_result\(benchResultId=b1\)/m);
    const jobs = runner((job) => {
      assert.equal(job.kind, "watch");
      assert.deepEqual((job as WatchJob).argv, ["bench", "b1", "--expected", "10m", "--deadline", "20m"]);
      // While the watcher runs (its record names this live process), every poll of the handle is refused.
      const refused = denialOf(runHook("pace-guard", POLL, { data, now: s(30), env: KEY })) ?? "";
      assert.equal(
        refused,
        `Not now: a background watcher of this plugin's hooks (process ${process.pid}) is waiting on get_bench_result(benchResultId=b1) outside the model ` +
          "and will wake you once, with the outcome. End your turn; do not poll and set up nothing else. /octoperf:stop-wait b1 ends it.",
      );
      return { kind: "watch", stopped: false, exitCode: 0, lastLine: FINAL };
    });
    const run = await runBackground("wait-in-background", START, { data, now: s(0), later: s(600), env: KEY, jobs });
    assert.equal(jobs.jobs.length, 1);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `${FINAL}\n`, "one line, and nothing else on stderr");
    assert.equal(run.stdout, "");
    // The watcher saw the end: it is recorded as a poll's answer would be, so a poll changes nothing and is refused with it.
    assert.match(denialOf(runHook("pace-guard", POLL, { data, now: s(601), env: KEY })) ?? "", /^Already ended: get_bench_result\(benchResultId=b1\) is FINISHED \(succeeded: /);
  });

  it("keeps its promise to wake the model when the session state is out of reach", async () => {
    const data = tempDataDir();
    runHook("plan-after-start", START, { data, now: s(0), env: KEY });
    // A live process holds the session lock for the whole run.
    writeFileSync(join(data, "hooks", `${SESSION}.json.lock`), `${process.ppid} livetoken\n`);
    const jobs = runner(() => ({ kind: "watch", stopped: false, exitCode: 0, lastLine: FINAL }));
    const run = await runBackground("wait-in-background", START, { data, now: s(0), env: KEY, jobs });
    assert.deepEqual([run.status, run.stderr], [2, `${FINAL}\n`]);
  });

  it("ends when /octoperf:stop-wait is typed: its process is told to stop, and nobody is woken", async () => {
    const data = tempDataDir();
    runHook("plan-after-start", START, { data, now: s(0), env: KEY });
    const controller = new AbortController();
    let said = "";
    const jobs = runner(
      (_job, signal) =>
        new Promise<JobResult>((done) => {
          signal.addEventListener("abort", () => done({ kind: "watch", stopped: true, exitCode: null, lastLine: undefined }));
          // The user types the command while the watcher waits; the hook signals this background hook.
          const stop = runHook("stop-waits", expansion("octoperf:stop-wait", "b1"), { data, now: s(60), stopWaiter: () => (controller.abort(), true) });
          said = stop.stdout;
        }),
    );
    const run = await runBackground("wait-in-background", START, { data, now: s(0), env: KEY, jobs, signal: controller.signal });
    assert.equal(said, `octoperf stop-wait: ended the background watcher on get_bench_result(benchResultId=b1) (process ${process.pid}). They wake nobody now; the OctoPerf work itself goes on.\n`);
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.stderr, /octoperf-wait|next poll/);
    assert.equal(runHook("pace-guard", POLL, { data, now: s(61), env: KEY }).stdout, "", "polls pass again");
  });
});

describe("without credentials: the timer", () => {
  function started(): string {
    const data = tempDataDir();
    assert.match(contextOf(runHook("plan-after-start", START, { data, now: s(0) })) ?? "", /they wake you when the next poll is due \(every 60 s\)/);
    assert.equal(runHook("pace-guard", POLL, { data, now: s(5) }).stdout, "", "the first poll passes");
    return data;
  }

  it("wakes the model exactly one cadence after a poll that is not final, with the call to make", async () => {
    const data = started();
    const jobs = runner((job) => {
      assert.equal((job as TimerJob).dueAt, s(65));
      // A poll before it is due is refused, pointing at the coming wake.
      assert.match(denialOf(runHook("pace-guard", POLL, { data, now: s(20) })) ?? "", /poll again in 45 s\. This plugin's hooks will wake you when it is due: end your turn\.$/);
      return { kind: "timer", stopped: false };
    });
    const run = await runBackground("wake-after-poll", answer("RUNNING"), { data, now: s(6), later: s(65), jobs });
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      "OctoPerf scenario-run: the next poll is due: call get_bench_result(benchResultId=b1) now. While it runs, this plugin's hooks wake you again at the next one; set up nothing else.\n",
    );
    assert.equal(runHook("pace-guard", POLL, { data, now: s(66) }).stdout, "", "the poll it asks for passes");
  });

  it("stays silent after a final poll, and sets nothing up", async () => {
    const data = started();
    const run = await runBackground("wake-after-poll", answer("FINISHED"), { data, now: s(6), jobs: NEVER });
    assert.deepEqual([run.status, run.stdout], [0, ""]);
    assert.match(run.stderr, /the poll was final \(nobody woken\)\n$/);
  });

  it("gives one wake per cadence: a newer poll's timer takes over from the older one", async () => {
    const data = started();
    let release: () => void = () => undefined;
    const older = runBackground("wake-after-poll", answer("RUNNING"), {
      data,
      now: s(6),
      later: s(65),
      jobs: runner(() => new Promise<JobResult>((done) => (release = () => done({ kind: "timer", stopped: false })))),
    });
    // A second poll (the model polled again, at its cadence): its timer replaces the first one.
    assert.equal(runHook("pace-guard", POLL, { data, now: s(70) }).stdout, "");
    const newer = await runBackground("wake-after-poll", answer("RUNNING"), { data, now: s(71), later: s(130), jobs: runner(() => ({ kind: "timer", stopped: false })) });
    assert.equal(newer.status, 2);
    release();
    const first = await older;
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /a newer poll took over/);
  });

  it("needs the session state: without it, no timer starts", async () => {
    const data = started();
    writeFileSync(join(data, "hooks", `${SESSION}.json.lock`), `${process.ppid} livetoken\n`);
    const run = await runBackground("wake-after-poll", answer("RUNNING"), { data, now: s(6), jobs: NEVER });
    assert.deepEqual([run.status, run.stdout], [0, ""]);
    assert.match(run.stderr, /locked by another hook/);
  });
});
