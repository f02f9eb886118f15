// Scenario 6: the hooks keep working (fail open) when the OctoPerf server
// answers garbage: HTML instead of JSON, hostile ids, truncated JSON, wrong
// types. No call is blocked by a hook bug, nothing hostile reaches a shell or
// the injected text, and a sane start afterwards still gets its plan and pace.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { garbageServer, textAnswer, type GarbageAnswers } from "./harness/garbage-server.js";
import { hookContexts, toolResults } from "./harness/requests.js";
import { text, tool, toolSearch } from "./harness/script.js";
import { HOOKS } from "../../src/hooks/runtime/registry.js";
import { BACKGROUND_HOOKS_OFF, describeRun, hookProblems, hookRuns, octoTool, runSession } from "./harness/session.js";

const FORM = "user";
const RUN = octoTool(FORM, "run_scenario");
const POLL = octoTool(FORM, "get_bench_result");
const SANE_HANDLE = "bench-ok-1";

let dir: string;
let marker: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "octoperf-e2e-garbage-"));
  marker = join(dir, "pwned");
});
after(async () => rm(dir, { recursive: true, force: true }));

function hostile(): string[] {
  return [`$(touch ${marker})`, `\`touch ${marker}\``, `a"; touch ${marker}; echo "`, "line\nbreak", "x".repeat(5000)];
}

function answers(): GarbageAnswers {
  return {
    run_scenario: [
      textAnswer("<html><body><h1>502 Bad Gateway</h1></body></html>"),
      textAnswer(JSON.stringify({ benchReportId: "report-1", benchResultIds: hostile() })),
      textAnswer(JSON.stringify({ benchReportId: "report-ok", benchResultIds: [SANE_HANDLE] })),
    ],
    get_bench_result: [
      textAnswer('{"id": "bench-ok-1", "state": '),
      textAnswer(JSON.stringify({ id: SANE_HANDLE, state: `FINISHED"; touch ${marker}`, progress: "100%" })),
    ],
  };
}

test("scenario 6: hooks fail open on garbage and keep working", async () => {
  const answersPath = join(dir, "answers.json");
  await writeFile(answersPath, JSON.stringify(answers()));
  const record = await runSession({
    prompt: "Run scenario scn-smoke.",
    plugin: { mcp: FORM, server: garbageServer(answersPath) },
    allowedTools: [RUN, POLL, "ToolSearch"],
    // The quick hooks on garbage; the background ones fail open in test/hooks/fail-open.test.ts.
    env: BACKGROUND_HOOKS_OFF,
    steps: [
      toolSearch([RUN, POLL]),
      tool(RUN, { scenarioId: "scn-smoke" }),
      tool(RUN, { scenarioId: "scn-smoke" }),
      tool(POLL, { benchResultId: hostile()[0] ?? "" }),
      tool(RUN, { scenarioId: "scn-smoke" }),
      tool(POLL, { benchResultId: SANE_HANDLE }),
      tool(POLL, { benchResultId: SANE_HANDLE }),
      text("done"),
    ],
    timeoutMs: 90_000,
  });
  record.model.assertComplete();
  assert.equal(record.result.code, 0, describeRun(record));
  const last = record.model.requests.at(-1);
  assert.ok(last);
  const results = toolResults(last).filter((r) => r.toolName === RUN || r.toolName === POLL);
  assert.equal(results.length, 6, describeRun(record));
  const [html, hostileStart, hostilePoll, saneStart, firstPoll, secondPoll] = results;
  assert.ok(html && hostileStart && hostilePoll && saneStart && firstPoll && secondPoll);

  // Every hook ran and exited 0 with nothing or a JSON decision on stdout.
  assert.deepEqual(hookProblems(record), []);
  // Every hook on run_scenario (the plan, and the background one, here turned off and exiting 0 at once), on every call.
  const onStart = HOOKS.filter((spec) => spec.event === "PostToolUse" && spec.matcher.split("|").includes(RUN)).length;
  assert.equal(hookRuns(record, "PostToolUse", RUN), 3 * onStart, "the start hooks did not run on every run_scenario");
  assert.equal(hookRuns(record, "PreToolUse", POLL), 3, "the pace guard did not run on every poll");
  assert.ok(hookRuns(record, "PostToolUse", POLL) >= 2, "the outcome hook did not run on the polls");

  // Nothing hostile ran anywhere.
  assert.equal(existsSync(marker), false, "a hostile value reached a shell");

  // Every garbage answer reached the model as the server sent it: no hook blocked or broke it.
  for (const view of [html, hostileStart, hostilePoll, saneStart, firstPoll]) {
    assert.equal(view.isError, false, `${view.toolName} was blocked: ${view.text.slice(0, 300)}`);
    for (const line of view.alongside) assert.doesNotMatch(line, /hook (error|failed)|non-blocking/i, line.slice(0, 300));
  }
  assert.match(html.text, /502 Bad Gateway/);

  // Injected text repeats a hostile value only set apart in guillemets, capped: never as the plugin's own words.
  const injected = hookContexts(results.flatMap((r) => r.alongside)).map((c) => c.text);
  for (const text of injected) {
    const ours = text.replace(/«[^«»\n]*»/g, "«»");
    assert.ok(!ours.includes("touch"), `hostile text injected: ${text.slice(0, 300)}`);
    assert.ok(!ours.includes("$("), text.slice(0, 300));
    assert.ok(!ours.includes("xxxxxxxxxxxxxxxxxxxx"), "a 5000-character id was injected");
    for (const quoted of text.match(/«[^«»\n]*»/g) ?? []) assert.ok(quoted.length <= 202, `uncapped: ${quoted.slice(0, 300)}`);
    assert.ok(text.length < 10_000);
  }

  // After all that, the hooks still work: a sane start gets its plan, and an
  // immediate second poll of it is refused with the seconds left.
  const plan = hookContexts(saneStart.alongside).find((c) => c.tool === RUN);
  assert.ok(plan?.text.includes(`get_bench_result(benchResultId=${SANE_HANDLE})`), `no plan after the sane start: ${plan?.text ?? "(none)"}`);
  // A state that only looks like FINISHED is unknown, so in flight: the next
  // poll is refused as too soon, not as already ended.
  assert.equal(secondPoll.isError, true, `the pace guard let an immediate poll through: ${secondPoll.text}`);
  assert.match(secondPoll.text, /again in \d+ s\b/);
  assert.ok(!secondPoll.text.includes("touch"), secondPoll.text.slice(0, 300));
});
