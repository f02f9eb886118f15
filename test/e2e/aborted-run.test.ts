// Scenario 4: a run that aborts. A frozen get_bench_status percentage is not
// taken as the end; get_bench_result shows ABORTED and the hook routes the
// failure to scenario diagnosis. Bundled server through --plugin-dir.
import assert from "node:assert/strict";
import { test } from "node:test";
import { operation } from "../../src/policy/index.js";
import { ABORT_FAULT, ABORT_PERCENT, ABORT_SPEED, abortedRunFlow } from "./flows/aborted-run.js";
import { hookContexts, toolResults, type ToolResultView } from "./harness/requests.js";
import { BACKGROUND_HOOKS_OFF, describeRun, hookProblems, octoTool, runSession } from "./harness/session.js";

const FORM = "bundled";
const RUN = operation("scenario-run");

function progressOf(view: ToolResultView): number {
  const value = (JSON.parse(view.text) as { progress?: unknown }).progress;
  assert.equal(typeof value, "number", view.text);
  return value as number;
}

function contexts(view: ToolResultView): string {
  return hookContexts(view.alongside)
    .map((c) => c.text)
    .join("\n");
}

test("scenario 4: an aborted run routes to scenario diagnosis; frozen progress is not the end", async () => {
  const flow = abortedRunFlow(FORM);
  const record = await runSession({
    prompt: flow.prompt,
    steps: flow.steps,
    allowedTools: flow.allowedTools,
    plugin: { mcp: FORM, simulator: { speed: ABORT_SPEED, faults: [ABORT_FAULT] } },
    // The flow sleeps between polls itself: a session whose background hooks are off.
    env: BACKGROUND_HOOKS_OFF,
    timeoutMs: 120_000,
  });
  record.model.assertComplete();
  assert.deepEqual(hookProblems(record), [], "a hook crashed or printed something that is not a decision");
  const last = record.model.requests.at(-1);
  assert.ok(last, describeRun(record));
  const all = toolResults(last);
  const progress = all.filter((r) => r.toolName === octoTool(FORM, "get_bench_status"));
  const [early, frozen, afterEnd] = progress;
  assert.ok(early && frozen && afterEnd, `expected three progress polls\n${describeRun(record)}`);

  // The second reading comes a whole cadence (9 real s, 135 simulated s at this speed) after
  // the first, past the run's nominal end (90 s): elapsed-time progress would read 100, but
  // it froze where the run aborted.
  assert.equal(early.isError, false, early.text);
  assert.equal(frozen.isError, false, `the progress poll after a cadence was refused: ${frozen.text}`);
  assert.ok(progressOf(early) <= ABORT_PERCENT, early.text);
  assert.equal(Math.round(progressOf(frozen)), ABORT_PERCENT, frozen.text);
  // The frozen reading is not taken as an ending: no outcome is injected with it...
  for (const acceptor of RUN.terminal) {
    assert.ok(!contexts(frozen).includes(acceptor.value), `progress was read as ${acceptor.value}: ${contexts(frozen)}`);
  }
  // ...and the state poll that follows is allowed: the plugin still counts the run as in flight.
  const state = all.find((r) => r.toolName === octoTool(FORM, "get_bench_result"));
  assert.ok(state, "no get_bench_result");
  assert.equal(state.isError, false, `the state poll was refused: ${state.text}`);
  assert.match(state.text, /"state"\s*:\s*"ABORTED"/);

  // The failure route names the scenario diagnosis skill and its first step.
  const aborted = RUN.terminal.find((a) => a.value === "ABORTED");
  assert.ok(aborted?.next.skill === "octoperf-scenario-diagnosis");
  const outcome = contexts(state);
  assert.ok(outcome.includes("ABORTED"), `no outcome after ABORTED: ${outcome}`);
  assert.ok(outcome.includes(aborted.outcome), outcome);
  assert.ok(outcome.includes(aborted.next.skill), `the failure route does not name ${aborted.next.skill}: ${outcome}`);

  // Progress after the end is refused as well: the run is over.
  assert.equal(afterEnd.isError, true, `a progress poll after the end passed: ${afterEnd.text}`);
  assert.ok(afterEnd.text.includes("ABORTED"), afterEnd.text);
});
