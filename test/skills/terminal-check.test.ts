// The terminal-check region: one line, rendered from the policy, that a
// workflow skill uses for "is this work over?" pre-flight checks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { OPERATIONS } from "../../src/policy/index.js";
import { REGION_RENDERERS } from "../../src/render/blocks/index.js";
import { terminalCheck } from "../../src/render/blocks/terminal-check.js";

test("is registered with the generator", () => {
  assert.equal(REGION_RENDERERS["terminal-check"], terminalCheck);
});

for (const op of OPERATIONS) {
  test(`${op.id}: names the status call and every terminal and in-flight value of the policy`, () => {
    const line = terminalCheck({ operation: op.id });
    assert.ok(line.startsWith("> **Over (policy):** "));
    assert.ok(line.includes(`\`${op.status.tool}(`), line);
    for (const acceptor of op.terminal) assert.ok(line.includes(`\`${acceptor.value}\``), `${acceptor.value} missing`);
    for (const value of op.inFlight) assert.ok(line.includes(`\`${value}\``), `${value} missing`);
    assert.doesNotMatch(line, /get_bench_status/);
  });
}

test("an unknown or missing operation is an error", () => {
  assert.throws(() => terminalCheck({ operation: "nope" }), /terminal-check needs operation=/);
  assert.throws(() => terminalCheck({}), /terminal-check needs operation=/);
});
