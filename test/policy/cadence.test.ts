import { test } from "node:test";
import assert from "node:assert/strict";
import { CADENCE_MAX_S, CADENCE_MIN_S, cadenceFor } from "../../src/policy/cadence.js";
import { DurationError, formatDuration, parseDuration } from "../../src/policy/duration.js";

test("cadence is a tenth of the expected duration inside the clamp", () => {
  assert.equal(cadenceFor(100), 10);
  assert.equal(cadenceFor(300), 30);
  assert.equal(cadenceFor(600), 60);
  assert.equal(cadenceFor(240), 24);
});

test("cadence is clamped to [3 s, 60 s]", () => {
  assert.equal(cadenceFor(0), CADENCE_MIN_S);
  assert.equal(cadenceFor(5), 3);
  assert.equal(cadenceFor(29), 3);
  assert.equal(cadenceFor(601), 60);
  assert.equal(cadenceFor(7 * 24 * 3600), CADENCE_MAX_S);
});

test("cadence never decreases as the expected duration grows", () => {
  let previous = 0;
  for (let seconds = 0; seconds <= 2000; seconds += 1) {
    const n = cadenceFor(seconds);
    assert.ok(n >= previous, `cadence fell from ${previous} to ${n} at ${seconds} s`);
    assert.ok(n >= CADENCE_MIN_S && n <= CADENCE_MAX_S);
    previous = n;
  }
});

test("cadence refuses nonsense durations", () => {
  assert.throws(() => cadenceFor(-1), RangeError);
  assert.throws(() => cadenceFor(Number.NaN), RangeError);
  assert.throws(() => cadenceFor(Number.POSITIVE_INFINITY), RangeError);
});

test("durations parse in the forms users type", () => {
  assert.equal(parseDuration("90"), 90);
  assert.equal(parseDuration("90s"), 90);
  assert.equal(parseDuration("10m"), 600);
  assert.equal(parseDuration("1h30m"), 5400);
  assert.equal(parseDuration("2H"), 7200);
  assert.equal(parseDuration(" 1d "), 86400);
});

test("bad durations get an error naming the field and the problem", () => {
  for (const bad of ["", "ten minutes", "10 m", "5x", "$(rm -rf /)", "m", "1m1h", "0", "0s", "8d", "9".repeat(30)]) {
    assert.throws(
      () => parseDuration(bad, "expected"),
      (error: unknown) => error instanceof DurationError && error.message.startsWith("expected: "),
      `accepted ${JSON.stringify(bad)}`,
    );
  }
});

test("formatDuration is the inverse of parseDuration on its own output", () => {
  for (const seconds of [1, 45, 60, 61, 600, 3599, 3600, 5400, 86400, 90061]) {
    assert.equal(parseDuration(formatDuration(seconds)), seconds);
  }
  assert.equal(formatDuration(5400), "1h30m");
});
