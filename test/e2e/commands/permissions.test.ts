// allowed-tools in practice: with the real client in -p mode (where any
// permission prompt is a denial), /octoperf:wait may schedule, cancel and
// monitor without a prompt; a command that does not grant them is refused.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { toolResults, type ToolResultView } from "../harness/requests.js";
import { text, tool, toolSearch, type Step } from "../harness/script.js";
import { describeRun, runScripted } from "../harness/session.js";

function pluginCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-perm-plugin-"));
  mkdirSync(join(dir, ".claude-plugin"));
  writeFileSync(join(dir, ".claude-plugin", "plugin.json"), JSON.stringify({ name: "octoperf" }));
  cpSync("commands", join(dir, "commands"), { recursive: true });
  cpSync("scripts/octoperf-wait.mjs", join(dir, "scripts", "octoperf-wait.mjs"));
  return dir;
}

function script(pluginDir: string): Step[] {
  return [
    toolSearch(["CronCreate", "CronList", "CronDelete", "Monitor", "TaskStop"]),
    tool("CronCreate", { cron: "* * * * *", prompt: "octoperf scenario-run: call get_bench_result(benchResultId=B1). When state is FINISHED, ABORTED or ERROR for every handle, CronDelete this job and report the outcome; otherwise say nothing more.", recurring: true }),
    (turn) => {
      const id = turn.toolResult ? /\b([0-9a-f]{8})\b/.exec(turn.toolResult.text)?.[1] : undefined;
      return tool("CronDelete", { id: id ?? "00000000" });
    },
    tool("Monitor", { description: "OctoPerf scenario-run B1", timeout_ms: 60_000, command: `node "${pluginDir}/scripts/octoperf-wait.mjs" bench B1 --expected 1m --deadline 2m` }),
    text("done"),
  ];
}

async function attempt(command: string): Promise<{ denials: readonly unknown[]; results: ToolResultView[] }> {
  const pluginDir = pluginCopy();
  const cwd = mkdtempSync(join(tmpdir(), "octoperf-perm-cwd-"));
  const env = { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", OCTOPERF_API_KEY: "" };
  const run = await runScripted({ prompt: command, pluginDir, cwd, env, timeoutMs: 90_000 }, script(pluginDir));
  assert.equal(run.result.code, 0, `${command}: ${describeRun(run)}`);
  const summary = run.result.json;
  assert.ok(summary !== undefined, `${command}: no result event`);
  // The request after the Monitor call holds every earlier tool result.
  const afterMonitor = run.model.requests[4];
  assert.ok(afterMonitor !== undefined, `${command}: no request after the Monitor call: ${describeRun(run)}`);
  const results = toolResults(afterMonitor).filter((r) => r.toolName !== "ToolSearch");
  return { denials: summary.permission_denials ?? [], results };
}

test("/octoperf:wait may use CronCreate, CronDelete and Monitor without a prompt; /octoperf:cadence may not", { timeout: 180_000 }, async () => {
  const [wait, cadence] = await Promise.all([attempt("/octoperf:wait B1"), attempt("/octoperf:cadence 10m")]);
  assert.deepEqual(wait.denials, []);
  assert.equal(wait.results.length, 3);
  for (const result of wait.results) assert.ok(!result.isError, `refused: ${result.text}`);
  assert.match(wait.results[0]!.text, /Scheduled|job/i);
  assert.match(wait.results[2]!.text, /Monitor started/);
  // The control: cadence grants nothing, so the same calls are refused.
  assert.ok(cadence.denials.length >= 1, "cadence was let through");
  assert.ok(cadence.results.some((r) => r.isError));
});
