// How calls are spelled in skills, as the rules find them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claudeCalls, loopCommands, loopSeconds } from "../../src/lint/claude-calls.js";
import { buildContext } from "../../src/lint/context.js";
import { scanMarkdown } from "../../src/lint/markdown.js";
import { toolRefs } from "../../src/lint/octoperf-calls.js";
import type { LintFile } from "../../src/lint/types.js";
import { REPO_ROOT } from "../../src/schemas/catalog.js";

const context = buildContext({ root: REPO_ROOT });
const file = (text: string): LintFile => ({ path: "/x/SKILL.md", relPath: "x/SKILL.md", kind: "skill-support", skill: "x", text, scan: scanMarkdown(text) });

describe("spelling conventions", () => {
  it("finds tools with named arguments, optional brackets and both MCP prefixes", () => {
    const refs = toolRefs(file("Run `run_scenario(scenarioId[, templateId])`, then `mcp__plugin_octoperf_octoperf__get_bench_result`.\n"), context);
    assert.deepEqual(refs.map((r) => [r.name, r.args?.map((a) => a.name)]), [["run_scenario", ["scenarioId", "templateId"]], ["get_bench_result", undefined]]);
  });

  it("ignores snake_case that is no tool (Claude Code fields, JSON keys, paths)", () => {
    const refs = toolRefs(file('Set `run_in_background` and `timeout_ms`; `{"run_scenario_x": 1}`; `scripts/get_thing.sh`.\n'), context);
    assert.deepEqual(refs, []);
  });

  it("reads fields after a reading verb, across a wrapped line, up to the sentence end", () => {
    const refs = toolRefs(file("`download_bench_result_file(benchResultId, filename)` returns\n`url`, `method` and `expiresAt`. Then `other`.\n"), context);
    assert.deepEqual(refs[0]!.reads.map((r) => `${r.line}:${r.text}`), ["2:url", "2:method", "2:expiresAt"]);
  });

  it("reads arrows and comparisons inside one code span", () => {
    const refs = toolRefs(file("`get_task_result(taskId) -> status == SUCCESS`\n"), context);
    assert.deepEqual(refs[0]!.reads.map((r) => `${r.kind}:${r.text}`), ["field:status", "literal:SUCCESS"]);
  });

  it("ties a fenced JSON block to the first Claude Code tool named on the line before it", () => {
    const calls = claudeCalls(file('Or `CronCreate` yourself, keeping the `id` for `CronDelete`:\n\n```json\n{"cron": "* * * * *", "prompt": "p"}\n```\n'));
    assert.deepEqual(calls.map((c) => [c.tool, c.line]), [["CronCreate", 4]]);
  });

  it("parses /loop intervals as the bundled skill does", () => {
    assert.equal(loopSeconds("5m"), 300);
    assert.equal(loopSeconds("5min"), undefined);
    const loops = loopCommands(file("`/loop check the run every 2m`\n"));
    assert.deepEqual(loops.map((l) => [l.token, l.seconds]), [["2m", 120]]);
  });
});
