// allowed-tools in practice: with the real client in -p mode (where any
// permission prompt is a denial), /octoperf:wait may schedule, cancel and
// monitor without a prompt; a command that does not grant them is refused.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runClaude } from "./claude-run.js";
import type { Step } from "./scripted-model.js";

interface Block {
  readonly type?: string;
  readonly text?: string;
  readonly content?: unknown;
  readonly is_error?: boolean;
  readonly tool_use_id?: string;
}

function toolResults(request: unknown): Block[] {
  const messages = (request as { messages?: { content: string | Block[] }[] }).messages ?? [];
  return messages.flatMap((m) => (Array.isArray(m.content) ? m.content.filter((b) => b.type === "tool_result") : []));
}

const resultText = (block: Block): string => (typeof block.content === "string" ? block.content : JSON.stringify(block.content));

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
    { tool: "ToolSearch", input: { query: "select:CronCreate,CronList,CronDelete,Monitor,TaskStop" } },
    { tool: "CronCreate", input: { cron: "* * * * *", prompt: "octoperf scenario-run: call get_bench_result(benchResultId=B1). When state is FINISHED, ABORTED or ERROR for every handle, CronDelete this job and report the outcome; otherwise say nothing more.", recurring: true } },
    (request) => {
      const last = toolResults(request).at(-1);
      const id = last ? /\b([0-9a-f]{8})\b/.exec(resultText(last))?.[1] : undefined;
      return { tool: "CronDelete", input: { id: id ?? "00000000" } };
    },
    { tool: "Monitor", input: { description: "OctoPerf scenario-run B1", timeout_ms: 60_000, command: `node "${pluginDir}/scripts/octoperf-wait.mjs" bench B1 --expected 1m --deadline 2m` } },
    { text: "done" },
  ];
}

async function attempt(command: string): Promise<{ denials: unknown[]; results: Block[] }> {
  const pluginDir = pluginCopy();
  const cwd = mkdtempSync(join(tmpdir(), "octoperf-perm-cwd-"));
  const run = await runClaude(command, { pluginDir, cwd, script: script(pluginDir), env: { OCTOPERF_API_KEY: "" } });
  const summary = JSON.parse(run.stdout) as { permission_denials?: unknown[] };
  // The request after the Monitor call holds every earlier tool result.
  const results = toolResults(run.requests[4]).filter((b) => b.tool_use_id !== "toolu_scripted_0");
  return { denials: summary.permission_denials ?? [], results };
}

test("/octoperf:wait may use CronCreate, CronDelete and Monitor without a prompt; /octoperf:cadence may not", { timeout: 180_000 }, async () => {
  const [wait, cadence] = await Promise.all([attempt("/octoperf:wait B1"), attempt("/octoperf:cadence 10m")]);
  assert.deepEqual(wait.denials, []);
  assert.equal(wait.results.length, 3);
  for (const result of wait.results) assert.ok(!result.is_error, `refused: ${resultText(result)}`);
  assert.match(resultText(wait.results[0]!), /Scheduled|job/i);
  assert.match(resultText(wait.results[2]!), /Monitor started/);
  // The control: cadence grants nothing, so the same calls are refused.
  assert.ok(cadence.denials.length >= 1, "cadence was let through");
  assert.ok(cadence.results.some((r) => r.is_error));
});
