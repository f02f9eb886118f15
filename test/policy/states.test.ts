import { test } from "node:test";
import assert from "node:assert/strict";
import { BENCH_IN_FLIGHT, BENCH_PATH, BENCH_STATES, BENCH_TERMINAL, BENCH_TRANSITIONS, isLegalBenchTransition } from "../../src/policy/states.js";

test("the happy path follows legal transitions from CREATED to FINISHED", () => {
  assert.equal(BENCH_PATH[0], "CREATED");
  assert.equal(BENCH_PATH.at(-1), "FINISHED");
  for (let i = 1; i < BENCH_PATH.length; i += 1) assert.ok(isLegalBenchTransition(BENCH_PATH[i - 1]!, BENCH_PATH[i]!));
});

test("terminal states have no way out and in-flight states all have one", () => {
  for (const state of BENCH_TERMINAL) assert.deepEqual(BENCH_TRANSITIONS[state], []);
  for (const state of BENCH_IN_FLIGHT) assert.ok(BENCH_TRANSITIONS[state].length > 0, state);
  assert.equal(BENCH_IN_FLIGHT.length + BENCH_TERMINAL.length, BENCH_STATES.length);
});

test("a run only errors before it runs, and can be stopped at any live state", () => {
  assert.ok(isLegalBenchTransition("INITIALIZING", "ERROR"));
  assert.ok(isLegalBenchTransition("SCALING", "ERROR"));
  assert.ok(!isLegalBenchTransition("RUNNING", "ERROR"));
  for (const state of BENCH_IN_FLIGHT) assert.ok(isLegalBenchTransition(state, "ABORTED"), state);
  assert.ok(!isLegalBenchTransition("FINISHED", "RUNNING"));
  assert.ok(!isLegalBenchTransition("CREATED", "RUNNING"));
});

test("SCHEDULED is in flight, between PENDING and SCALING as jenkinsci/octoperf-plugin orders it, and may be skipped", () => {
  assert.ok((BENCH_IN_FLIGHT as readonly string[]).includes("SCHEDULED"));
  assert.deepEqual(BENCH_PATH.slice(BENCH_PATH.indexOf("PENDING"), BENCH_PATH.indexOf("SCALING") + 1), ["PENDING", "SCHEDULED", "SCALING"]);
  assert.ok(isLegalBenchTransition("PENDING", "SCHEDULED"));
  assert.ok(isLegalBenchTransition("PENDING", "SCALING"), "OctoPerf's Maven client and jmeter-java-dsl have no SCHEDULED");
  assert.ok(!isLegalBenchTransition("SCHEDULED", "PENDING"), "a state never goes back");
});
