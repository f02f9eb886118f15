// What a sentence claims, read apart from its words: comparisons against a
// mark, progress's full mark as an end, paces said as spacing or frequency.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { comparisons, fullMarkAsEnd, paces } from "../../src/lint/claims.js";

describe("claims", () => {
  it("reads a value under a mark and a value at it, in words or signs", () => {
    assert.deepEqual(
      comparisons("less than 1, below 100 %, reaches 1.0, >= 100").map((c) => [c.side, c.value]),
      [["below", 1], ["below", 100], ["at", 1], ["at", 100]],
    );
  });

  it("makes the full mark the end either way round, and only the full mark", () => {
    assert.equal(fullMarkAsEnd("as long as it reads less than 1, keep polling")?.side, "below");
    assert.equal(fullMarkAsEnd("the run is done once progress reaches 100 %")?.side, "at");
    assert.equal(fullMarkAsEnd("keep polling while it is below 0.5"), undefined);
    assert.equal(fullMarkAsEnd("progress reaches 1.0 and the user sees it"), undefined);
  });

  it("reads a pace as seconds between two polls", () => {
    assert.deepEqual(
      paces("at 2-second intervals, 90 s apart, twice a second, every half second").map((p) => p.seconds),
      [2, 90, 0.5, 0.5],
    );
  });
});
