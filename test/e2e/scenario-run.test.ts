// Scenario 3: a scenario run seen through the real client with the plugin's
// hooks: the plan arrives as hook context, the first poll passes, an
// immediate second one is refused with the seconds left, a poll after the
// cadence passes, the end brings the outcome and the loop's CronDelete id,
// and a poll after the end is refused. Both tool-name forms: the bundled
// server through a real `claude plugin install`, the user's server through
// --plugin-dir with --mcp-config.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deadlineFor, formatDuration, planWait, terminalValues } from "../../src/policy/index.js";
import { expectedRunSeconds } from "../../src/policy/profiles.js";
import { RUN_OPERATION, SMOKE_SPEED, scenarioRunFlow } from "./flows/scenario-run.js";
import { hookContexts, toolResults, type ToolResultView } from "./harness/requests.js";
import { BACKGROUND_HOOKS_OFF, describeRun, hookProblems, octoTool, runSession, type ServerForm, type SessionRecord } from "./harness/session.js";

const PRE_HOOK_REFUSAL = /^PreToolUse:\S+ hook error: /;

function pollsOf(record: SessionRecord, form: ServerForm): ToolResultView[] {
  const last = record.model.requests.at(-1);
  assert.ok(last, describeRun(record));
  return toolResults(last).filter((r) => r.toolName === octoTool(form, "get_bench_result"));
}

function contextOf(view: ToolResultView | undefined, form: ServerForm, tool: string): string {
  const name = octoTool(form, tool);
  return hookContexts(view?.alongside ?? [])
    .filter((c) => c.tool === name)
    .map((c) => c.text)
    .join("\n");
}

function stateIn(view: ToolResultView): string | undefined {
  const match = /"state"\s*:\s*"([A-Z_]+)"/.exec(view.text);
  return match?.[1];
}

async function checkFlow(form: ServerForm, install: boolean): Promise<void> {
  const flow = scenarioRunFlow(form);
  const record = await runSession({
    prompt: flow.prompt,
    steps: flow.steps,
    allowedTools: flow.allowedTools,
    plugin: { mcp: form, simulator: { speed: SMOKE_SPEED } },
    install,
    // The flow sets up /loop itself: the fallback of a session whose background hooks are off.
    env: BACKGROUND_HOOKS_OFF,
    timeoutMs: 120_000,
  });
  record.model.assertComplete();
  assert.deepEqual(hookProblems(record), [], "a hook crashed or printed something that is not a decision");
  if (install) {
    assert.ok(record.installed, "the plugin was not installed");
    // Everything below ran from an installed copy with no dependencies.
    assert.equal(record.installed.hasNodeModules, false);
  }
  const last = record.model.requests.at(-1);
  assert.ok(last, describeRun(record));
  const handle = flow.state.benchResultIds[0];
  assert.ok(handle, "no bench result id");
  const all = toolResults(last);

  // The plan arrives as hook context right after run_scenario.
  const expected = expectedRunSeconds(flow.state.scenario);
  assert.ok(expected !== undefined);
  const plan = planWait({ operation: RUN_OPERATION.id, expectedSeconds: expected });
  const started = all.find((r) => r.toolName === octoTool(form, "run_scenario"));
  const planText = contextOf(started, form, "run_scenario");
  assert.ok(planText.length > 0, `no plan after run_scenario\n${describeRun(record)}`);
  assert.ok(planText.includes(`get_bench_result(benchResultId=${handle})`), planText);
  assert.ok(planText.includes(`every ${plan.cadenceSeconds} s`), planText);
  for (const value of terminalValues(RUN_OPERATION)) assert.ok(planText.includes(value), `${value} missing from: ${planText}`);
  assert.ok(planText.includes(formatDuration(deadlineFor(RUN_OPERATION, expected))), planText);

  const polls = pollsOf(record, form);
  const [first, second, ...later] = polls;
  assert.ok(first && second, `fewer than two polls\n${describeRun(record)}`);
  // The first poll passes, and the run is still going.
  assert.equal(first.isError, false, first.text);
  assert.ok(!terminalValues(RUN_OPERATION).includes(stateIn(first) ?? ""), `the run was over at the first poll: ${first.text}`);
  // The immediate second poll is refused with the seconds left.
  assert.equal(second.isError, true, `the second poll was not refused: ${second.text}`);
  assert.match(second.text, PRE_HOOK_REFUSAL);
  const left = Number(/again in (\d+) s\b/.exec(second.text)?.[1]);
  assert.ok(left >= 1 && left <= plan.cadenceSeconds, `no seconds left in: ${second.text}`);
  assert.ok(flow.state.jobId && second.text.includes(flow.state.jobId), `the refusal does not name loop job ${flow.state.jobId}`);

  // After the cadence the poll passes; polls go on until the end.
  const afterWait = later[0];
  assert.ok(afterWait, "no poll after the wait");
  assert.equal(afterWait.isError, false, `the poll after the cadence was refused: ${afterWait.text}`);
  const endIndex = later.findIndex((p) => stateIn(p) === "FINISHED");
  const end = later[endIndex];
  assert.ok(end, `the run never showed FINISHED: ${later.map((p) => p.text.slice(0, 80)).join(" | ")}`);
  const outcome = contextOf(end, form, "get_bench_result");
  const acceptor = RUN_OPERATION.terminal.find((a) => a.value === "FINISHED");
  assert.ok(outcome.includes("FINISHED") && outcome.includes(acceptor?.outcome ?? "?"), `no outcome: ${outcome}`);
  if (acceptor?.next.skill) assert.ok(outcome.includes(acceptor.next.skill), outcome);
  assert.equal(flow.state.namedJobId, flow.state.jobId, `the outcome does not give CronDelete {"id":"${flow.state.jobId}"}: ${outcome}`);

  const cancelled = all.find((r) => r.toolName === "CronDelete");
  assert.equal(cancelled?.isError, false, cancelled?.text);
  assert.ok(cancelled?.text.includes(flow.state.jobId ?? "?"), cancelled?.text);

  // A poll after the end is refused.
  const after = later[endIndex + 1];
  assert.ok(after, "no poll after the end");
  assert.equal(after.isError, true, `a poll after the end passed: ${after.text}`);
  assert.match(after.text, PRE_HOOK_REFUSAL);
  assert.ok(after.text.includes("FINISHED"), after.text);
}

describe("scenario 3: a scenario run paced by the hooks", { concurrency: true }, () => {
  test("bundled server (mcp__plugin_octoperf_octoperf__*), plugin installed with claude plugin install", () => checkFlow("bundled", true));
  test("user server (mcp__octoperf__*) through --mcp-config, plugin through --plugin-dir", () => checkFlow("user", false));
});
