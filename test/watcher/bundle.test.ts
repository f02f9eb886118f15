// The committed, dependency-free bundles an installed plugin runs: the
// simulator serving REST over HTTP and the watcher waiting on it, as child
// processes, plus the watcher driving the simulator bundle over stdio.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";

const root = join(import.meta.dirname, "..", "..");
const WAIT = join(root, "scripts", "octoperf-wait.mjs");
const SIM = join(root, "scripts", "octoperf-simulator.mjs");
const KEY = "sk-bundle-test-93b1f0";

function runNode(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return once(child, "close").then(([code]) => ({ code: code as number | null, stdout, stderr }));
}

test("bundles: the watcher waits on the simulator over REST, over stdio and over MCP HTTP", async () => {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-bundles-"));
  const state = join(dir, "state.json");
  const sim = spawn(process.execPath, [SIM, "--http", "0", "--speed", "600", "--api-key", KEY, "--state", state]);
  try {
    const [first] = (await once(sim.stdout, "data")) as [Buffer];
    const url = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(first.toString())![1]!;
    const start = async () => {
      const response = await fetch(`${url}/runtime/scenarios/run/scn-smoke`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
      return ((await response.json()) as { benchResultIds: string[] }).benchResultIds;
    };
    const rest = await runNode([WAIT, "bench", ...(await start()), "--expected", "90s", "--time-scale", "600", "--verbose"], { OCTOPERF_API_KEY: KEY, OCTOPERF_API_URL: url });
    assert.equal(rest.code, 0, rest.stderr);
    assert.match(rest.stdout.trim().split("\n").at(-1)!, /^octoperf-wait: scenario-run succeeded: bench-\w+ FINISHED/);
    assert.ok(!(rest.stdout + rest.stderr).includes(KEY));

    const stdio = await runNode([WAIT, "bench", ...(await start()), "--expected", "90s", "--time-scale", "600", "--mcp-command", `"${process.execPath}" "${SIM}" --stdio --state "${state}"`]);
    assert.equal(stdio.code, 0, stdio.stderr);

    const http = await runNode([WAIT, "bench", ...(await start()), "--expected", "90s", "--time-scale", "600", "--mcp-url", `${url}/mcp`]);
    assert.equal(http.code, 0, http.stderr);

    const wrong = await runNode([WAIT, "bench", "bench-0002"], { OCTOPERF_API_KEY: "sk-not-the-key-000", OCTOPERF_API_URL: url });
    assert.equal(wrong.code, 3);
    assert.ok(!(wrong.stdout + wrong.stderr).includes("sk-not-the-key-000"));
  } finally {
    sim.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
