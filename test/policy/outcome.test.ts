import { test } from "node:test";
import assert from "node:assert/strict";
import { classify, isTerminal } from "../../src/policy/outcome.js";
import { OPERATIONS, operationsForStatusTool, statusTools, terminalValues } from "../../src/policy/operations.js";
import { BENCH_STATES, BENCH_TERMINAL, TASK_STATUSES } from "../../src/policy/states.js";
import { SKILL_NAMES } from "../../src/policy/skills.js";

const EXPECTED_TERMINAL: Record<string, Record<string, "succeeded" | "failed" | "partial">> = {
  validation: { FINISHED: "succeeded", ABORTED: "failed", ERROR: "failed" },
  "scenario-run": { FINISHED: "succeeded", ABORTED: "failed", ERROR: "failed" },
  "pdf-export": { SUCCESS: "succeeded", FAILED: "failed" },
  "pdf-batch-export": { SUCCESS: "succeeded", FAILED: "failed", PARTIAL: "partial" },
  correlation: { SUCCESS: "succeeded", FAILED: "failed" },
  "report-data": { SUCCESS: "succeeded", FAILED: "failed" },
  "jtl-import": { SUCCESS: "succeeded", FAILED: "failed" },
};

test("every operation's terminal predicate, against every state and status", () => {
  const everyValue = [...BENCH_STATES, ...TASK_STATUSES];
  for (const op of OPERATIONS) {
    const expected = EXPECTED_TERMINAL[op.id];
    assert.ok(expected, `no expectation for ${op.id}`);
    for (const value of everyValue) {
      const verdict = classify(op, value);
      const outcome: string | undefined = expected[value];
      if (outcome) {
        assert.equal(verdict.kind, "terminal", `${op.id} ${value}`);
        assert.equal(verdict.kind === "terminal" && verdict.outcome, outcome, `${op.id} ${value}`);
      } else {
        assert.equal(verdict.kind, "in-flight", `${op.id} ${value} must not be terminal`);
      }
    }
  }
});

test("bench operations stop exactly on FINISHED, ABORTED and ERROR", () => {
  for (const op of OPERATIONS.filter((o) => o.handle.kind === "benchResultId")) {
    assert.deepEqual(terminalValues(op).sort(), [...BENCH_TERMINAL].sort());
  }
});

test("PARTIAL is terminal only for the batch PDF export", () => {
  for (const op of OPERATIONS) {
    assert.equal(isTerminal(op, "PARTIAL"), op.id === "pdf-batch-export", op.id);
  }
});

test("an unknown or missing value is in flight and flagged, never terminal", () => {
  for (const op of OPERATIONS) {
    for (const value of ["QUEUED", "finished", "Finished", "UNKNOWN", "", undefined, null, 1, true, { state: "FINISHED" }]) {
      const verdict = classify(op, value);
      assert.equal(verdict.kind, "in-flight", `${op.id} ${JSON.stringify(value)}`);
      assert.equal(verdict.kind === "in-flight" && verdict.known, false);
      assert.ok(verdict.kind === "in-flight" && !verdict.known && verdict.note.includes("deadline"));
    }
  }
});

test("known in-flight values are in flight and not flagged", () => {
  for (const op of OPERATIONS) {
    for (const value of op.inFlight) assert.deepEqual(classify(op, value), { kind: "in-flight", value, known: true });
  }
});

test("get_bench_status is progress only and decides nothing", () => {
  const ops = operationsForStatusTool("get_bench_status");
  assert.ok(ops.length > 0);
  for (const op of ops) {
    assert.equal(op.progress?.tool, "get_bench_status");
    assert.equal(op.progress?.decidesTermination, false);
    assert.notEqual(op.status.tool, "get_bench_status");
    assert.ok(op.alternatives.every((alt) => alt.tool !== "get_bench_status"));
  }
  assert.ok(statusTools().includes("get_bench_status"));
});

test("every failure routes to a skill this plugin ships", () => {
  for (const op of OPERATIONS) {
    for (const acceptor of op.terminal.filter((a) => a.outcome !== "succeeded")) {
      assert.ok(acceptor.next.skill && SKILL_NAMES.includes(acceptor.next.skill), `${op.id} ${acceptor.value}`);
    }
  }
  const run = OPERATIONS.find((op) => op.id === "scenario-run")!;
  for (const value of ["ABORTED", "ERROR"]) {
    const verdict = classify(run, value);
    assert.equal(verdict.kind === "terminal" && verdict.next.skill, "octoperf-scenario-diagnosis");
  }
});

test("the operation table passes its zod schema, and the schema rejects a broken rule", async () => {
  const { checkPolicy, OperationSchema } = await import("../../src/policy/schema.js");
  await checkPolicy();
  const good = OPERATIONS[0]!;
  assert.equal(OperationSchema.safeParse({ ...good, startTool: "Run Scenario" }).success, false);
  assert.equal(OperationSchema.safeParse({ ...good, terminal: [] }).success, false);
  assert.equal(OperationSchema.safeParse({ ...good, progress: { tool: "get_bench_status", field: "progress", decidesTermination: true, note: "x" } }).success, false);
  assert.equal(
    OperationSchema.safeParse({ ...good, terminal: [{ ...good.terminal[0]!, next: { skill: "octoperf-nope", action: "x" } }] }).success,
    false,
  );
});
