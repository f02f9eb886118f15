// The hooks' timer schedule without credentials: coarse (never wider than
// /loop's minute) while the run is short of its expected end, landing a poll
// on that end, then every N.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cadenceFor } from "../../src/policy/cadence.js";
import { EARLY_POLL_GAP_MAX_S, nextPollGap, timerPollsUntilExpectedEnd, timerScheduleText } from "../../src/policy/schedule.js";

/** The elapsed seconds of each poll from the first (at 0) to the first at or past `until`. */
function pollTimes(expected: number, until: number): number[] {
  const n = cadenceFor(expected);
  const times = [0];
  while (times.at(-1)! < until) times.push(times.at(-1)! + nextPollGap(times.at(-1)!, expected, n));
  return times;
}

test("a 1-minute wait polls at the start, on the expected end, then every N", () => {
  assert.deepEqual(pollTimes(60, 80), [0, 60, 66, 72, 78, 84]);
});

test("a 90-second wait takes two equal steps to its end, then N", () => {
  assert.deepEqual(pollTimes(90, 100), [0, 45, 90, 99, 108]);
});

test("a wait whose N is a minute polls every minute from the start", () => {
  for (const expected of [600, 1800, 7200]) {
    const times = pollTimes(expected, expected + 120);
    assert.ok(times.slice(1).every((t, i) => t - times[i]! === 60), `${expected}: ${times.join(",")}`);
  }
});

test("every step lies between N and a minute, and one poll falls on the expected end", () => {
  for (const expected of [10, 30, 45, 59, 60, 61, 119, 121, 299, 300, 301, 599, 600, 3599, 7200]) {
    const n = cadenceFor(expected);
    const times = pollTimes(expected, expected + 5 * n);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.ok(gaps.every((g) => g >= n && g <= Math.max(n, EARLY_POLL_GAP_MAX_S)), `${expected}: ${gaps.join(",")}`);
    // Landing on the end within a second (steps are whole seconds), unless the first step is already N.
    assert.ok(times.some((t) => Math.abs(t - expected) <= 1) || gaps[0] === n, `${expected}: ${times.join(",")}`);
  }
});

test("no more polls before the expected end than /loop's minute would make", () => {
  for (const expected of [30, 60, 90, 300, 600, 7200]) {
    assert.ok(timerPollsUntilExpectedEnd(expected) <= Math.max(1, Math.ceil(expected / 60)), `${expected}`);
  }
});

test("past the expected end, or with an odd elapsed value, the step is N", () => {
  assert.equal(nextPollGap(61, 60, 6), 6);
  assert.equal(nextPollGap(600, 60, 6), 6);
  assert.equal(nextPollGap(Number.NaN, 60, 6), 6);
  // A clock before the start counts as the start.
  assert.equal(nextPollGap(-30, 60, 6), 60);
});

test("the schedule in words gives one step when there is one, two otherwise", () => {
  assert.equal(timerScheduleText(600, 60), "every 60 s");
  assert.equal(timerScheduleText(60, 6), "at most 60 s apart until the expected end, then every 6 s");
});
