// What a sentence claims, read apart from its words: comparisons against a
// mark, progress's full mark as an end, paces said as spacing or frequency,
// refusals in either voice, the cadence named by where it comes from, and a
// question read with its answer.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CADENCE_REFERENCE_RE, comparisons, fullMarkAsEnd, HANDED_RE, lengthsOf, paces, PERMISSION_RE, REFUSAL_RE, valueAsState, workDurations } from "../../src/lint/claims.js";
import { answerOf, type Sentence } from "../../src/lint/prose.js";

describe("claims", () => {
  it("reads a value under a mark and a value at it, in words or signs", () => {
    assert.deepEqual(
      comparisons("less than 1, below 100 %, reaches 1.0, >= 100").map((c) => [c.side, c.value]),
      [["below", 1], ["below", 100], ["at", 1], ["at", 100]],
    );
    // a question asks with the bare verb
    assert.deepEqual(comparisons("does it read 1.0, show 100 %").map((c) => [c.side, c.value]), [["at", 1], ["at", 100]]);
  });

  it("makes the full mark the end either way round, and only the full mark", () => {
    assert.equal(fullMarkAsEnd("as long as it reads less than 1, keep polling")?.side, "below");
    assert.equal(fullMarkAsEnd("the run is done once progress reaches 100 %")?.side, "at");
    assert.equal(fullMarkAsEnd("keep polling while it is below 0.5"), undefined);
    assert.equal(fullMarkAsEnd("completion of the run is signalled by a 1.0 from the status")?.side, "at", "the end as a noun, the mark as its agent");
    assert.equal(fullMarkAsEnd("progress reaches 1.0 and the user sees it"), undefined);
  });

  it("reads a value short of the full mark as the run's state, ended or not, not as a milestone", () => {
    assert.equal(valueAsState("a reading of 0.9 means the run hasn't finished")?.reading, "not ended");
    assert.equal(valueAsState("when it goes past 95 % the test counts as done")?.reading, "ended");
    assert.equal(valueAsState("above 0.8 the job is over")?.reading, "ended");
    assert.equal(valueAsState("`scenario_run.done_when`: progress is at least 0.99")?.reading, "ended", "a checklist key that names the end");
    assert.equal(valueAsState("until it passes 50 %, tell the user it is early"), undefined, "a milestone of time");
    assert.equal(valueAsState("at 1.0 it is done"), undefined, "the full mark is fullMarkAsEnd's");
    assert.equal(valueAsState("below 2 % of errors the run is done"), undefined, "no comparison of a progress value read as an end from below");
  });

  it("reads a question with its answer, within its block, up to the next question", () => {
    const at = () => ({ line: 1, column: 1 });
    const s = (text: string, block: readonly [number, number]): Sentence => ({ text, line: block[0], column: 1, block, at });
    const all = [s("Under the mark?", [1, 1]), s("Go on;", [1, 1]), s("ask again.", [1, 1]), s("Next?", [1, 1]), s("Yes.", [1, 1]), s("Elsewhere.", [3, 3])];
    assert.equal(answerOf(all, 0), "Go on; ask again. Next?");
    assert.equal(answerOf(all, 3), "Yes.");
    assert.equal(answerOf(all, 1), "", "not a question");
    assert.equal(answerOf([s("Alone?", [1, 1]), s("Another block.", [3, 3])], 0), "", "an answer stays in the question's block");
  });

  it("reads a refusal in the refuser's voice and in the refused thing's, not a refusal negated", () => {
    for (const text of ["it blocks them", "they are never allowed", "it isn't permitted", "they are no longer accepted", "it will never run them", "it does not ever allow it", "it won't run it"]) {
      assert.ok(REFUSAL_RE.test(text), text);
    }
    for (const text of ["it is never refused", "it doesn't block them", "they are not blocked", "it is allowed", "it never fails"]) {
      assert.ok(!REFUSAL_RE.test(text), text);
    }
  });

  it("reads a permission in the third person, not the imperative", () => {
    for (const text of ["it runs a sleep 40", "sleeps are accepted", "it goes through without complaint", "it lets the sleep run"]) assert.ok(PERMISSION_RE.test(text), text);
    for (const text of ["run a sleep 40", "let it sleep"]) assert.ok(!PERMISSION_RE.test(text), text);
  });

  it("reads lengths of a limit in digits or words", () => {
    assert.deepEqual(lengthsOf("up to two hours, 10 minutes, a 30-minute timeout, half an hour, 600000 ms").map((l) => l.seconds), [7200, 600, 1800, 1800]);
  });

  it("tells a value handed to a scheduler from what the scheduler is said to do", () => {
    for (const text of ["pass N as the wake-up delay", "set it to 30 s", "with `delaySeconds` 30", "book it at the cadence"]) assert.ok(HANDED_RE.test(text), text);
    for (const text of ["it wakes the model after 20 s", "it can bring the session back 10 seconds later"]) assert.ok(!HANDED_RE.test(text), text);
  });

  it("reads the cadence named by its source or handed over exactly, not any interval", () => {
    for (const text of ["the interval the table gave you", "the spacing you computed", "the rate the policy picked", "precisely the interval", "the very period", "the table's interval", "that interval"]) {
      assert.ok(CADENCE_REFERENCE_RE.test(text), text);
    }
    for (const text of ["the interval, and read the state", "an interval of two minutes", "exactly one run", "the interval between two runs"]) {
      assert.ok(!CADENCE_REFERENCE_RE.test(text), text);
    }
  });

  it("reads the work's expected duration as an adjective or after the work, not a span of it", () => {
    assert.deepEqual(
      workDurations("a ten-minute scenario run, a 2 min export, an hour-long soak, a run of five minutes or longer").map((d) => [d.seconds, d.bound]),
      [[600, undefined], [120, undefined], [3600, undefined], [300, "at least"]],
    );
    for (const text of ["the first 2 minutes of the run", "such as tests", "poll every 3 s in each test"]) assert.deepEqual(workDurations(text), [], text);
  });

  it("reads a pace as seconds between two polls", () => {
    assert.deepEqual(
      paces("at 2-second intervals, 90 s apart, twice a second, every half second").map((p) => p.seconds),
      [2, 90, 0.5, 0.5],
    );
  });

  it("reads a frequency counted in words or digits, of polls or of times", () => {
    assert.deepEqual(
      paces("four polls a minute; twenty times a minute; 6 checks per minute; twelve status reads an hour").map((p) => p.seconds),
      [15, 3, 10, 300],
    );
  });
});
