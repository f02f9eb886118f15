import { test } from "node:test";
import assert from "node:assert/strict";
import { HandleError, handleProblem, isHandle, validateHandle } from "../../src/policy/handles.js";
import { operation } from "../../src/policy/operations.js";
import { pollTargets } from "../../src/policy/targets.js";

const HOSTILE = [
  `abc"; rm -rf ~ #`,
  "abc'def",
  "abc`id`",
  "$(curl evil)",
  "abc$HOME",
  "abc\ndef",
  "abc\r\ndef",
  "a b",
  "../etc/passwd",
  "abc;def",
  "abc|def",
  "abc&def",
  "<script>",
  "\u0000abc",
  "é",
  "-rf",
  "x".repeat(10_000),
  "",
];

test("real-looking OctoPerf ids are handles", () => {
  for (const id of ["AWx9kQz1YbT0", "b3f1c2d4-5e6f-7081-92a3-b4c5d6e7f809", "task_42", "1"]) {
    assert.equal(validateHandle("benchResultId", id), id);
  }
});

test("hostile values are refused with the field and the problem", () => {
  for (const value of HOSTILE) {
    assert.equal(isHandle(value), false, `accepted ${JSON.stringify(value.slice(0, 30))}`);
    assert.throws(
      () => validateHandle("benchResultId", value),
      (error: unknown) => error instanceof HandleError && error.field === "benchResultId" && error.message.startsWith("benchResultId: "),
    );
  }
});

test("error messages never echo control characters or the whole of a huge value", () => {
  const problem = handleProblem(`ab"\n$(x)${"y".repeat(9000)}`) ?? "";
  assert.ok(problem.length < 200, `message is ${problem.length} chars`);
  assert.ok(!problem.includes("\n"));
  assert.match(handleProblem("abc\ndef") ?? "", /line break/);
  assert.match(handleProblem("x".repeat(65)) ?? "", /65 characters/);
  assert.match(handleProblem(42) ?? "", /must be a string, got number/);
  assert.match(handleProblem(null) ?? "", /got null/);
});

test("poll targets validate every argument, from the result and from the start input", () => {
  const run = operation("scenario-run");
  const targets = pollTargets(run, ["r1", "r2"]);
  assert.deepEqual(
    targets.map((t) => t.key),
    ["get_bench_result:r1", "get_bench_result:r2"],
  );
  assert.throws(() => pollTargets(run, ["r1", "r2$(x)"]), /benchResultIds\[1\]/);
  const validation = operation("validation");
  assert.deepEqual(pollTargets(validation, ["b1"], { projectId: "p1", virtualUserId: "v1" })[0]?.args, { projectId: "p1", virtualUserId: "v1" });
  assert.throws(() => pollTargets(validation, ["b1"], { projectId: "p1", virtualUserId: "v1'; x" }), /virtualUserId/);
  assert.throws(() => pollTargets(validation, ["b1"], { projectId: "p1" }), /virtualUserId: must be a string, got undefined/);
});
