// The watcher with the MCP backend: Streamable HTTP against the in-process
// simulator (manual clock), and stdio against the simulator CLI as a child
// (its clock at high speed, the watcher's time scaled to match).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { TASK_FAILURE_MESSAGES } from "../../src/simulator/tasks.js";
import { UNKNOWN_STATE } from "../../src/simulator/faults.js";
import { run } from "../../src/watcher/run.js";
import { API_KEY, simulator } from "./harness.js";

const SIM_CLI = join(import.meta.dirname, "..", "..", "src", "simulator", "cli.ts");

async function overHttp(faults: string) {
  const sim = await simulator(faults);
  const mcp = (argv: string[]) => sim.watch([...argv, "--mcp-url", `${sim.server.url}/mcp`], {});
  return { ...sim, mcp };
}

test("MCP over HTTP: success, with the scenario read through get_scenario", async () => {
  const { platform, mcp } = await overHttp("");
  const ids = platform.runScenario("scn-checkout").benchResultIds;
  const outcome = await mcp(["bench", ...ids, "--scenario", "scn-checkout"]);
  assert.equal(outcome.code, 0);
  assert.equal(outcome.lines.length, 2);
  assert.match(outcome.lines[1]!, /^octoperf-wait: scenario-run succeeded: bench-0002 FINISHED .*, bench-0003 FINISHED/);
});

test("MCP over HTTP: abort, error during scaling, unknown state", async () => {
  for (const [fault, code, pattern] of [
    ["abort", 1, /failed: bench-\w+ ABORTED/],
    ["error-scaling", 1, /failed: bench-\w+ ERROR/],
    ["unknown-state", 0, new RegExp(`succeeded: .*saw ${UNKNOWN_STATE}`)],
  ] as const) {
    const { platform, mcp } = await overHttp(fault);
    const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
    const outcome = await mcp(["bench", id, "--interval", "3s"]);
    assert.equal(outcome.code, code, fault);
    assert.match(outcome.lines.at(-1)!, pattern, fault);
  }
});

test("MCP over HTTP: validation through get_virtual_user_validation", async () => {
  const { platform, mcp } = await overHttp("");
  platform.validate("proj-demo", "vu-browse", 2);
  const outcome = await mcp(["validation", "proj-demo", "vu-browse"]);
  assert.equal(outcome.code, 0);
  assert.match(outcome.lines.at(-1)!, /^octoperf-wait: validation succeeded: proj-demo\/vu-browse FINISHED/);
});

test("MCP over HTTP: failed task with its message, stuck task to the deadline", async () => {
  const failing = await overHttp("task-fail");
  const { taskId } = failing.platform.applyCorrelations("proj-demo", "vu-browse");
  const failed = await failing.mcp(["task", taskId, "--operation", "correlation"]);
  assert.equal(failed.code, 1);
  assert.ok(failed.lines[0]!.includes(JSON.stringify(TASK_FAILURE_MESSAGES.correlation)));
  const stuck = await overHttp("task-stuck");
  const other = stuck.platform.applyCorrelations("proj-demo", "vu-browse").taskId;
  const outcome = await stuck.mcp(["task", other, "--deadline", "1m"]);
  assert.equal(outcome.code, 2);
});

test("MCP over HTTP: 5xx and dropped connections are retried; an outage for good is exit 5", async () => {
  for (const fault of ["5xx@4-5", "drop@4-5", "429@4"]) {
    const { platform, mcp } = await overHttp(fault);
    const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
    const outcome = await mcp(["bench", id]);
    assert.equal(outcome.code, 0, fault);
    assert.match(outcome.stderr, /could not reach the MCP server .*; retry 1/, fault);
  }
  const { platform, mcp } = await overHttp("5xx@4-999");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await mcp(["bench", id]);
  assert.equal(outcome.code, 5);
});

test("MCP over HTTP: slow responses still give the outcome", async () => {
  const { platform, mcp } = await overHttp("slow@20");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await mcp(["bench", id, "--expected", "90s"]);
  assert.equal(outcome.code, 0);
});

test("MCP over HTTP: an unknown id is exit 4 with the server's message", async () => {
  const { mcp } = await overHttp("");
  const outcome = await mcp(["bench", "bench-zzzz"]);
  assert.equal(outcome.code, 4);
  assert.match(outcome.lines[0]!, /unknown-handle: get_bench_result: No bench result with id "bench-zzzz"/);
});

test("MCP over HTTP: a key in the environment is sent but never printed", async () => {
  const { platform, watch, server } = await overHttp("5xx@2-999");
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  const outcome = await watch(["bench", id, "--mcp-url", `${server.url}/mcp`, "--verbose"], { OCTOPERF_API_KEY: API_KEY });
  assert.equal(outcome.code, 5);
  assert.ok(!(outcome.stdout + outcome.stderr).includes(API_KEY));
});

async function startOverStdio(statePath: string, extra: string): Promise<string[]> {
  const client = new Client({ name: "test", version: "1" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ["--import", "tsx", SIM_CLI, "--stdio", "--state", statePath, ...extra.split(" ").filter(Boolean)], stderr: "pipe" }));
  try {
    const started = await client.callTool({ name: "run_scenario", arguments: { scenarioId: "scn-smoke" } });
    return (started.structuredContent as { benchResultIds: string[] }).benchResultIds;
  } finally {
    await client.close();
  }
}

test("MCP over stdio: the watcher starts its own simulator child, which shares the run through --state", async () => {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-wait-"));
  try {
    for (const [fault, code, pattern] of [
      ["", 0, /^octoperf-wait: scenario-run succeeded: bench-0002 FINISHED/],
      ["--fault abort", 1, /^octoperf-wait: scenario-run failed: bench-0002 ABORTED/],
    ] as const) {
      const statePath = join(dir, `state-${fault ? "abort" : "ok"}.json`);
      const ids = await startOverStdio(statePath, `--speed 600 ${fault}`);
      let stdout = "";
      const command = `"${process.execPath}" --import tsx "${SIM_CLI}" --stdio --state "${statePath}"`;
      const exit = await run({
        argv: ["bench", ...ids, "--expected", "90s", "--time-scale", "600", "--mcp-command", command],
        env: {},
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
      });
      assert.equal(exit, code, fault);
      assert.match(stdout.trim().split("\n").at(-1)!, pattern, fault);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("MCP over stdio: a command that is no MCP server is unreachable (exit 5)", async () => {
  let stdout = "";
  const exit = await run({
    argv: ["bench", "bench-0002", "--retries", "2", "--mcp-command", `"${process.execPath}" -e "process.exit(0)"`],
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
    sleep: async () => {},
  });
  assert.equal(exit, 5);
  assert.match(stdout, /service unreachable: could not reach the MCP server/);
});
