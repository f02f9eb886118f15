// What the plugin costs the model in the scenario-3 flow (run a scenario,
// poll, get refused, wait, poll to the end, cancel the loop), measured on the
// requests the real Claude Code client sends to a scripted model:
//   baseline  the OctoPerf simulator configured by the user, no plugin;
//   plugin    the same server, plus the plugin (--plugin-dir);
//   bundled   the plugin with its own .mcp.json starting the simulator.
// For each request: what the model had just done, the request's size, and the
// characters of system prompt, tool list and hook text the plugin added.
// Run: npm run bench:e2e
import { SMOKE_SPEED, scenarioRunFlow } from "../test/e2e/flows/scenario-run.js";
import type { MessagesRequest } from "../test/e2e/harness/messages.js";
import { hookTexts, lastToolResult, systemPromptChars, toolListChars, visibleText } from "../test/e2e/harness/requests.js";
import { pluginCost } from "../test/e2e/harness/plugin-details.js";
import { buildPluginVariant } from "../test/e2e/harness/plugin-variant.js";
import { BACKGROUND_HOOKS_OFF, runSession, type ServerForm, type SessionRecord } from "../test/e2e/harness/session.js";
import { PLUGIN_NAME } from "../src/policy/index.js";

interface Variant {
  readonly label: string;
  readonly form: ServerForm;
  readonly plugin: boolean;
}

const VARIANTS: readonly Variant[] = [
  { label: "baseline", form: "user", plugin: false },
  { label: "plugin", form: "user", plugin: true },
  { label: "bundled", form: "bundled", plugin: true },
];

interface Row {
  readonly after: string;
  readonly total: number;
  readonly system: number;
  readonly tools: number;
  readonly hook: number;
}

function rowOf(request: MessagesRequest): Row {
  const result = lastToolResult(request);
  const after = result ? `${(result.toolName ?? "?").replace(/^mcp__(plugin_octoperf_)?octoperf__/, "")}${result.isError ? " (refused)" : ""}` : "prompt";
  const hook = hookTexts(request).reduce((sum, text) => sum + text.length, 0);
  return { after, total: visibleText(request).length, system: systemPromptChars(request), tools: toolListChars(request), hook };
}

async function measure(variant: Variant): Promise<{ variant: Variant; record: SessionRecord }> {
  const flow = scenarioRunFlow(variant.form);
  const simulator = { speed: SMOKE_SPEED };
  const record = await runSession({
    prompt: flow.prompt,
    steps: flow.steps,
    allowedTools: flow.allowedTools,
    // Without the plugin the user's server is still configured; the plugin copy is just not loaded.
    plugin: { mcp: variant.form, simulator },
    loadPlugin: variant.plugin,
    // The flow loops by itself (the scripted model does the same with and without the plugin): the background hooks stay off.
    env: BACKGROUND_HOOKS_OFF,
    timeoutMs: 180_000,
  });
  return { variant, record };
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

/** The baseline request to compare a request with: the same step of the flow. */
function baseFor(baseRows: readonly Row[], index: number): Row {
  const row = baseRows[Math.min(index, baseRows.length - 1)];
  if (!row) throw new Error("the baseline run sent no request");
  return row;
}

interface Added {
  readonly system: number;
  readonly tools: number;
  readonly hook: number;
}

function addedBy(row: Row, base: Row): Added {
  return { system: row.system - base.system, tools: row.tools - base.tools, hook: row.hook - base.hook };
}

function printRun(label: string, rows: readonly Row[], baseRows: readonly Row[]): void {
  console.log(`\n${label}: ${rows.length} model requests`);
  console.log(`${"#".padStart(3)}  ${"after".padEnd(26)}${pad("request", 9)}${pad("+system", 9)}${pad("+tools", 8)}${pad("+hook", 7)}`);
  rows.forEach((row, index) => {
    const added = addedBy(row, baseFor(baseRows, index));
    console.log(`${pad(index + 1, 3)}  ${row.after.padEnd(26)}${pad(row.total, 9)}${pad(added.system, 9)}${pad(added.tools, 8)}${pad(added.hook, 7)}`);
  });
}

async function main(): Promise<void> {
  const runs = await Promise.all(VARIANTS.map(measure));
  const rowsOf = (record: SessionRecord) => record.model.requests.map(rowOf);
  const baseline = runs.find((r) => !r.variant.plugin);
  if (!baseline) throw new Error("no baseline run");
  const baseRows = rowsOf(baseline.record);
  console.log("Scenario-3 flow through claude -p and a scripted model (characters; ~4 per token).");
  console.log("request: characters the model is shown (system prompt, tool definitions, messages).");
  console.log("+system / +tools / +hook: characters the plugin added to that request's system prompt (skill and");
  console.log("command listing), tool list, and hook text (context and refusals, which accumulate), against the");
  console.log("same step of the baseline flow.");
  const summary: string[] = [];
  for (const { variant, record } of runs) {
    const problems = record.model.problems;
    if (problems.length > 0 || record.result.code !== 0) {
      console.log(`\n${variant.label}: the run went wrong (exit ${String(record.result.code)}): ${problems.join("; ")}`);
      process.exitCode = 1;
      continue;
    }
    const rows = rowsOf(record);
    printRun(`${variant.label} (${variant.form} server${variant.plugin ? ", plugin" : ", no plugin"})`, rows, baseRows);
    const added = rows.map((row, index) => addedBy(row, baseFor(baseRows, index)));
    const sum = (pick: (a: Added) => number) => added.reduce((total, a) => total + pick(a), 0);
    const all = sum((a) => a.system + a.tools + a.hook);
    const total = rows.reduce((acc, row) => acc + row.total, 0);
    const hookNew = rows.at(-1)?.hook ?? 0;
    summary.push(
      `${variant.label.padEnd(9)} ${pad(rows.length, 3)} requests, ${pad(total, 8)} chars in all; plugin added ${pad(all, 7)} (~${Math.round(all / 4)} tokens): ` +
        `system ${sum((a) => a.system)}, tools ${sum((a) => a.tools)}, hook ${sum((a) => a.hook)} (${hookNew} distinct chars of hook text)`,
    );
  }
  console.log("\nSummary (over all requests of the flow)");
  for (const line of summary) console.log(line);
  const variant = await buildPluginVariant({ mcp: "none" });
  try {
    const cost = await pluginCost(variant.dir, PLUGIN_NAME);
    console.log(`Claude Code's own estimate (claude plugin details): ~${cost.alwaysOnTokens ?? "?"} tokens always on per session.`);
  } finally {
    await variant.dispose();
  }
}

await main();
