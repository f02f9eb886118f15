// The simulator as an MCP server, through the SDK's own client: in memory,
// over stdio (the CLI as a child process) and over Streamable HTTP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import catalogJson from "../../schemas/octoperf/tools.json" with { type: "json" };
import { operation, statusTools, OPERATIONS } from "../../src/policy/index.js";
import { ManualClock } from "../../src/simulator/clock.js";
import { parseFaults, UNKNOWN_STATE } from "../../src/simulator/faults.js";
import { startHttp } from "../../src/simulator/http.js";
import { buildServer } from "../../src/simulator/mcp-server.js";
import { Platform } from "../../src/simulator/platform.js";
import { SIMULATED_TOOLS } from "../../src/simulator/tools.js";

const root = join(import.meta.dirname, "..", "..");
const catalog = (catalogJson as unknown as { tools: Array<{ name: string; inputSchema: unknown; outputSchema?: unknown }> }).tools;

async function inMemory(faults = "") {
  const clock = new ManualClock();
  const platform = new Platform({ clock, faults: parseFaults(faults) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await buildServer({ platform }).connect(serverSide);
  const client = new Client({ name: "test", version: "1" });
  await client.connect(clientSide);
  return { clock, platform, client };
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

test("serves the catalog's schemas for every start, status and follow-up tool the workflows need", async () => {
  const { client } = await inMemory();
  const { tools } = await client.listTools();
  const needed = [...OPERATIONS.map((op) => op.startTool), ...statusTools(), "get_scenario", "stop_bench_result", "list_bench_result_files", "get_bench_report"];
  for (const name of needed) {
    const served = tools.find((t) => t.name === name);
    const entry = catalog.find((t) => t.name === name);
    assert.ok(served && entry, `${name} is served`);
    assert.deepEqual(served.inputSchema, entry.inputSchema, name);
    assert.deepEqual(served.outputSchema, entry.outputSchema, name);
  }
  assert.deepEqual(tools.map((t) => t.name).sort(), [...SIMULATED_TOOLS].sort());
});

test("results are structured (checked by the client against the output schema) and mirrored as text", async () => {
  const { client, clock, platform } = await inMemory();
  const started = await call(client, "run_scenario", { scenarioId: "scn-checkout" });
  const ids = (started.structuredContent as { benchResultIds: string[] }).benchResultIds;
  assert.equal(ids.length, 2);
  assert.deepEqual(JSON.parse((started.content[0] as { text: string }).text), started.structuredContent);
  clock.advance(platform.endsAt(ids[0]!) - clock.now());
  const result = await call(client, "get_bench_result", { benchResultId: ids[0] });
  assert.equal((result.structuredContent as { state: string }).state, "FINISHED");
  const status = await call(client, "get_bench_status", { benchResultId: ids[0] });
  assert.deepEqual(status.structuredContent, { progress: 100 });
});

test("the scenario comes in today's shape; progress-fraction serves get_bench_status on the 0-1 scale", async () => {
  const { client, clock, platform } = await inMemory("progress-fraction");
  const scenario = (await call(client, "get_scenario", { scenarioId: "scn-smoke" })).structuredContent as { userProfiles: Array<{ load: Record<string, unknown> }> };
  assert.deepEqual(scenario.userProfiles[0]!.load, { "@type": "UserProfileLoadRampUp", plateauVus: 50, delayMs: 0, rampUpMs: 6000, plateauMs: 54_000 });
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  clock.advance(platform.endsAt(id) - clock.now());
  assert.deepEqual((await call(client, "get_bench_status", { benchResultId: id })).structuredContent, { progress: 1 });
});

test("bad arguments and unknown ids are tool errors with a message to act on", async () => {
  const { client } = await inMemory();
  const unknown = await call(client, "get_bench_result", { benchResultId: "bench-zzzz" });
  assert.equal(unknown.isError, true);
  assert.match((unknown.content[0] as { text: string }).text, /No bench result with id "bench-zzzz"\. Use an id from benchResultIds/);
  const missing = await call(client, "run_scenario", {});
  assert.match((missing.content[0] as { text: string }).text, /run_scenario needs scenarioId/);
  const extra = await call(client, "get_task_result", { taskId: "t1", id: "x" });
  assert.match((extra.content[0] as { text: string }).text, /has no argument "id"; it takes taskId/);
  const typed = await call(client, "validate_virtual_user", { projectId: "proj-demo", virtualUserId: "vu-browse", providerId: "p", location: "l", iterations: "2" });
  assert.match((typed.content[0] as { text: string }).text, /iterations must be an integer, got string/);
  const tool = await call(client, "delete_everything", {});
  assert.match((tool.content[0] as { text: string }).text, /Unknown tool "delete_everything"/);
});

test("with the unknown-state fault, the served state enum names the new state and results carry it", async () => {
  const { client, clock } = await inMemory("unknown-state");
  const { tools } = await client.listTools();
  const schema = tools.find((t) => t.name === "get_bench_result")!.outputSchema as unknown as { properties: { state: { enum: string[] } } };
  assert.ok(schema.properties.state.enum.includes(UNKNOWN_STATE));
  const started = await call(client, "run_scenario", { scenarioId: "scn-smoke" });
  const [id] = (started.structuredContent as { benchResultIds: string[] }).benchResultIds;
  clock.advance(7000);
  const result = await call(client, "get_bench_result", { benchResultId: id });
  assert.equal((result.structuredContent as { state: string }).state, UNKNOWN_STATE);
  assert.ok(!operation("scenario-run").inFlight.includes(UNKNOWN_STATE));
});

test("over stdio: the CLI child answers tools/list and tool calls", async () => {
  const transport = new StdioClientTransport({ command: process.execPath, args: ["--import", "tsx", join(root, "src/simulator/cli.ts"), "--stdio", "--speed", "60"], cwd: root, stderr: "pipe" });
  const client = new Client({ name: "test", version: "1" });
  await client.connect(transport);
  try {
    assert.ok((await client.listTools()).tools.some((t) => t.name === "get_task_result"));
    const started = await call(client, "run_scenario", { scenarioId: "scn-smoke" });
    const [id] = (started.structuredContent as { benchResultIds: string[] }).benchResultIds;
    const result = await call(client, "get_bench_result", { benchResultId: id });
    assert.ok(["CREATED", "PENDING", "SCALING"].includes((result.structuredContent as { state: string }).state));
  } finally {
    await client.close();
  }
});

test("over Streamable HTTP at /mcp, next to the REST API", async () => {
  const clock = new ManualClock();
  const sim = await startHttp({ platform: new Platform({ clock }), apiKey: "k-123456" });
  const client = new Client({ name: "test", version: "1" });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(`${sim.url}/mcp`)));
    const started = await call(client, "run_scenario", { scenarioId: "scn-smoke" });
    const [id] = (started.structuredContent as { benchResultIds: string[] }).benchResultIds;
    clock.advance(3_600_000);
    const result = await call(client, "get_bench_result", { benchResultId: id });
    assert.equal((result.structuredContent as { state: string }).state, "FINISHED");
    const rest = await fetch(`${sim.url}/runtime/bench-results/${id}`, { headers: { authorization: "Bearer k-123456" } });
    assert.equal(((await rest.json()) as { state: string }).state, "FINISHED", "both faces share one platform");
  } finally {
    await client.close();
    await sim.close();
  }
});
