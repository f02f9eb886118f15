import { test } from "node:test";
import assert from "node:assert/strict";
import { CADENCE_TABLE_DURATIONS, cadenceFor } from "../../src/policy/cadence.js";
import { formatDuration } from "../../src/policy/duration.js";
import { planWait } from "../../src/policy/plan.js";
import { OPERATIONS, deadlineFor } from "../../src/policy/operations.js";
import { cadenceTable } from "../../src/render/blocks/cadence.js";
import { operationsTable, terminalConditions } from "../../src/render/blocks/operations.js";
import { waitSnippet } from "../../src/render/blocks/wait-snippet.js";

function rows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| ---"))
    .slice(1)
    .map((line) => line.slice(2, -2).split(" | "));
}

test("each row of the cadence table says what the policy computes, with the hooks and without", () => {
  const table = rows(cadenceTable());
  assert.equal(table.length, CADENCE_TABLE_DURATIONS.length);
  CADENCE_TABLE_DURATIONS.forEach((seconds, index) => {
    const [expected, n, hooked = "", hookedTurns, how = "", turns] = table[index]!;
    const withHooks = planWait({ operation: "scenario-run", expectedSeconds: seconds, hooks: true });
    const plan = planWait({ operation: "scenario-run", expectedSeconds: seconds });
    assert.equal(expected, formatDuration(seconds));
    assert.equal(n, `${cadenceFor(seconds)} s`);
    // With the hooks, the timer: a minute apart at most until the expected end, then N (one step when N is a minute).
    assert.equal(withHooks.chosen.id, "cadence-timer");
    assert.equal(hooked, cadenceFor(seconds) < 60 ? `woken <= 60 s apart, then ${cadenceFor(seconds)} s` : "woken 60 s apart");
    assert.equal(hookedTurns, String(withHooks.chosen.estimatedTurns));
    assert.equal(turns, String(plan.chosen.estimatedTurns));
    if (plan.chosen.id === "claude-sleep") assert.equal(how, `\`sleep ${plan.cadenceSeconds}\` between polls`);
    else {
      assert.ok(how.startsWith("`/loop 1m`"), how);
      assert.equal(how.includes("not "), !plan.chosen.exact, how);
    }
  });
});

test("the operations table has one row per operation with its terminal values, default expected time, deadline and note", () => {
  const table = rows(operationsTable());
  assert.equal(table.length, OPERATIONS.length);
  OPERATIONS.forEach((op, index) => {
    const row = table[index]!;
    assert.ok(row[0]!.includes(op.startTool));
    for (const acceptor of op.terminal) assert.ok(row[3]!.includes(`\`${acceptor.value}\` ${acceptor.outcome}`), `${op.id} ${acceptor.value}`);
    assert.equal(row[4], `${formatDuration(op.expectedSeconds)} / ${formatDuration(deadlineFor(op, op.expectedSeconds))}; ${op.expectedNote}`);
  });
});

test("terminal conditions never present the progress tool as a terminal check", () => {
  const text = terminalConditions();
  const progressLine = text.split("\n").find((line) => line.startsWith("- `get_bench_status`"));
  assert.ok(progressLine?.includes("never a terminal check"));
  assert.ok(!/get_bench_status[^\n]*done when/.test(text));
});

test("the wait snippet names the policy's poll, terminal values and failure skills", () => {
  const snippet = waitSnippet({ operation: "pdf-batch-export" });
  assert.match(snippet, /`get_task_result\(taskId\)` every 12 s/);
  assert.match(snippet, /`PARTIAL` \(partial\)/);
  assert.match(snippet, /`octoperf-export-bench-report-pdf`/);
  assert.throws(() => waitSnippet({ operation: "nope" }), /wait-snippet needs operation=/);
  assert.throws(() => waitSnippet({}), /wait-snippet needs operation=/);
});
