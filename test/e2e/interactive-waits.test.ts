// What a whole wait costs in model requests, measured in interactive sessions
// of the real client with the real plugin and the simulator. Where the
// plugin's background hooks run: the watcher they run with credentials (a
// 2-hour run at 600x: one wake) and their cadence timer without (a 90-second
// run at 6x: a wake per poll, none to set up or clean up). With the hooks
// off, what the model arranges itself: Monitor running the watcher (a
// 10-minute run and a 2-hour run, which outlasts Monitor's 30-minute cap) and
// /loop through CronCreate (a 90-second run at 2x, so still running at the
// first poll; cron's step is a whole minute of real time, so this one takes
// up to about a minute and a half). The sessions run at once. The figures
// are printed as a table.
import assert from "node:assert/strict";
import { after, describe, test, type TestContext } from "node:test";
import { lastToolResult, newTexts } from "./harness/requests.js";
import { waitTable, type MeasuredWait } from "./harness/interactive-count.js";
import { BACKGROUND, LOOP, MONITOR, TIMER, measureInteractiveWait, type InteractiveWaitRecord, type WaitRun } from "./harness/interactive-waits.js";
import { planWait } from "../../src/policy/index.js";

const measured: MeasuredWait[] = [];
const REARM_LINE = /Re-arm: call Monitor again with command: /;

async function measure(t: TestContext, run: WaitRun): Promise<InteractiveWaitRecord> {
  const record = await measureInteractiveWait(run);
  const { transcript: _transcript, screen, problems, ...row } = record;
  t.diagnostic(waitTable([row]).split("\n").at(-1) ?? "");
  assert.deepEqual(problems, [], `the wait went wrong\n${screen}`);
  measured.push(row);
  return record;
}

function toolCalls(record: InteractiveWaitRecord, tool: string): number {
  return record.transcript.filter((request) => lastToolResult(request)?.toolName === tool).length;
}

describe("waits measured in interactive sessions", { concurrency: true }, () => {
  test("the hooks' background watcher, a 2-hour run: one wake, with the outcome, and nothing armed", { timeout: 180_000 }, async (t) => {
    const record = await measure(t, { strategy: BACKGROUND, scenarioId: "scn-soak", speed: 600, timeoutMs: 120_000 });
    assert.equal(record.outcome, "FINISHED");
    // run_scenario's answer (the model ends its turn) and the one wake.
    assert.deepEqual({ requests: record.requests, wakes: record.wakes, toolTurns: record.toolTurns }, { requests: 2, wakes: 1, toolTurns: 1 });
    // The user saw the wait start, in one line under the call (the hook's systemMessage), and none of the model's plan.
    assert.match(record.screen, /says: OctoPerf scenario-run \S+: a background watcher waits; one wake with the outcome; deadline /);
    assert.doesNotMatch(record.screen, /end your turn/);
  });

  test("the hooks' cadence timer, a 90-second run at 6x: each wake asks for one poll, nothing to set up or delete", { timeout: 180_000 }, async (t) => {
    const record = await measure(t, { strategy: TIMER, scenarioId: "scn-smoke", speed: 6, timeoutMs: 120_000 });
    // What the model is told, whatever the machine's speed: the run's end, or (a machine so slow that the client's own
    // seconds, sped up 6x, outlast the deadline) the deadline, in a wake; never silence.
    assert.ok(["FINISHED", "past its deadline (told)"].includes(record.outcome), record.outcome);
    const plan = planWait({ operation: "scenario-run", expectedSeconds: record.runSeconds, hooks: true });
    assert.equal(plan.chosen.id, "cadence-timer");
    // run_scenario's answer, then per poll its answer, and per poll but the first a wake (the deadline's wake asks for none): nothing else.
    const polls = record.outcome === "FINISHED" ? record.wakes + 1 : record.wakes;
    assert.equal(record.toolTurns, 1 + polls);
    assert.equal(record.requests, 1 + polls + record.wakes);
    // At most one wake per cadence: about ten for a run of its expected length (fewer when the client's latency stretches a cycle).
    assert.ok(record.wakes >= 1 && record.wakes <= plan.chosen.estimatedTurns / 2, `${record.wakes} wakes`);
    assert.equal(toolCalls(record, "CronCreate") + toolCalls(record, "Monitor"), 0);
    // Each poll's answer put one line on the user's screen; the last one, the outcome.
    if (record.outcome === "FINISHED") assert.match(record.screen, /says: OctoPerf scenario-run \S+: FINISHED \(succeeded\) after /);
  });

  test("Monitor + watcher, a 10-minute run: the watcher's lines are the only wakes", { timeout: 180_000 }, async (t) => {
    const record = await measure(t, { strategy: MONITOR, scenarioId: "scn-checkout", speed: 60, timeoutMs: 120_000 });
    assert.equal(record.outcome, "FINISHED");
    assert.equal(toolCalls(record, "Monitor"), 1, "armed once, never re-armed");
    // run_scenario's answer (the model arms Monitor) and Monitor's answer; every other request is a wake.
    assert.equal(record.toolTurns, 2);
    // The under-way line and the outcome line (with the end of the stream), one wake each; merged, one.
    assert.ok(record.wakes >= 1 && record.wakes <= 3, `${record.wakes} wakes`);
  });

  test("Monitor + watcher, a 2-hour run: re-armed at each 30-minute window", { timeout: 180_000 }, async (t) => {
    const record = await measure(t, { strategy: MONITOR, scenarioId: "scn-soak", speed: 200, timeoutMs: 150_000 });
    assert.equal(record.outcome, "FINISHED");
    const arms = toolCalls(record, "Monitor");
    // How many windows ran out depends on each re-arm's real latency (200 times faster in service time), so the oracle is
    // the events: every window that ended without the outcome printed a re-arm line, and each line brought one Monitor call.
    const rearmLines = record.transcript.filter((request) => newTexts(request).some((said) => REARM_LINE.test(said))).length;
    // A 2-hour run outlasts one 30-minute window, whatever the latency.
    assert.ok(rearmLines >= 1, `no window ran out in a 2-hour run (${arms} arms)`);
    assert.equal(arms, 1 + rearmLines, `${arms} arms for ${rearmLines} re-arm lines`);
    assert.equal(record.toolTurns, 1 + arms);
    // Each window ends with a wake that carries the re-arm line; the first line and the outcome wake too.
    assert.ok(record.wakes >= arms + 1, `${record.wakes} wakes for ${arms} windows`);
  });

  test("/loop through CronCreate, a 90-second run at 2x: a poll per firing, and no job left", { timeout: 240_000 }, async (t) => {
    // 2x: the run lasts 45 s of real time, so the poll made at once (after run_scenario's and CronCreate's requests, slow
    // on a loaded machine) still finds it running and the loop must fire; cron's first firing comes within a minute anyway.
    const record = await measure(t, { strategy: LOOP, scenarioId: "scn-smoke", speed: 2, timeoutMs: 200_000 });
    assert.equal(record.outcome, "FINISHED");
    assert.ok(record.wakes >= 1, "the loop never fired");
    // Per firing: the wake and its poll's answer. Once: CronCreate's and the first poll's answers,
    // run_scenario's (the model creates the job), CronDelete's and CronList's.
    assert.ok(record.requests >= 5 + 2 * record.wakes, `${record.requests} requests for ${record.wakes} firings`);
    const listed = lastToolResult(record.transcript.at(-1)!);
    assert.equal(listed?.toolName, "CronList");
    assert.match(listed?.text ?? "", /No scheduled jobs/);
  });
});

after(() => {
  if (measured.length > 0) process.stdout.write(`measured waits (interactive, real client):\n${waitTable(measured)}\n`);
});
