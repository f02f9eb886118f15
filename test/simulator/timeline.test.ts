import { test } from "node:test";
import assert from "node:assert/strict";
import { BENCH_PATH, expectedRunSeconds, isLegalBenchTransition, type BenchState } from "../../src/policy/index.js";
import { NO_FAULTS, parseFaults, UNKNOWN_STATE } from "../../src/simulator/faults.js";
import { SAMPLE_FIXTURES } from "../../src/simulator/fixtures.js";
import { buildTimeline, endedAt, progressAt, stateAt, stopTimeline } from "../../src/simulator/timeline.js";

const T0 = Date.UTC(2026, 0, 1);
const states = (t: ReturnType<typeof buildTimeline>) => t.segments.map((s) => s.state);

test("a clean run walks the policy's happy path through legal transitions", () => {
  const timeline = buildTimeline(T0, 120, NO_FAULTS);
  assert.deepEqual(states(timeline), [...BENCH_PATH]);
  for (let i = 1; i < timeline.segments.length; i += 1) {
    assert.ok(isLegalBenchTransition(timeline.segments[i - 1]!.state as BenchState, timeline.segments[i]!.state as BenchState));
  }
});

test("every sample scenario's run lasts exactly what the policy expects", () => {
  for (const sample of SAMPLE_FIXTURES.scenarios) {
    const expected = expectedRunSeconds(sample.scenario)!;
    const load = expected - 30;
    const timeline = buildTimeline(T0, load, NO_FAULTS);
    assert.equal((endedAt(timeline) - T0) / 1000, expected, sample.scenario.id);
  }
});

test("error-scaling ends the run ERROR during SCALING, before RUNNING", () => {
  const timeline = buildTimeline(T0, 600, parseFaults("error-scaling"));
  assert.deepEqual(states(timeline).slice(-2), ["SCALING", "ERROR"]);
  assert.ok(!states(timeline).includes("RUNNING"));
  assert.equal(progressAt(timeline, T0 + 3_600_000), 0);
});

test("abort stops the run mid-way and its progress freezes there", () => {
  const timeline = buildTimeline(T0, 600, parseFaults("abort"));
  const end = endedAt(timeline);
  assert.equal(stateAt(timeline, end), "ABORTED");
  assert.equal(stateAt(timeline, end - 1), "RUNNING");
  assert.equal(progressAt(timeline, end), 50);
  assert.equal(progressAt(timeline, end + 3_600_000), 50);
});

test("unknown-state inserts a state no policy knows, then carries on", () => {
  const timeline = buildTimeline(T0, 60, parseFaults("unknown-state"));
  const list = states(timeline);
  assert.equal(list[list.indexOf(UNKNOWN_STATE) + 1], "SCALING");
  assert.ok(!(BENCH_PATH as readonly string[]).includes(UNKNOWN_STATE));
  assert.equal(list.at(-1), "FINISHED");
});

test("a stop request ends a live run ABORTED and freezes progress", () => {
  const timeline = buildTimeline(T0, 600, NO_FAULTS);
  const at = timeline.runningFrom! + 60_000;
  const stopped = stopTimeline(timeline, at);
  assert.equal(stateAt(stopped, at), "ABORTED");
  assert.equal(stateAt(stopped, at - 1), "RUNNING");
  const frozen = progressAt(stopped, at);
  assert.ok(frozen > 0 && frozen < 100);
  assert.equal(progressAt(stopped, at + 600_000), frozen);
  const early = stopTimeline(timeline, T0 + 2000);
  assert.equal(progressAt(early, T0 + 3_600_000), 0);
  assert.equal(stopTimeline(stopped, at + 1000), stopped, "a stopped run stays as it is");
});
