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
    // At 600x, real start-up time counts 600 times over: every deadline here is 2 h (12 real seconds).
    const rest = await runNode([WAIT, "bench", ...(await start()), "--scenario", "scn-smoke", "--deadline", "2h", "--time-scale", "600", "--verbose"], { OCTOPERF_API_KEY: KEY, OCTOPERF_API_URL: url });
    assert.equal(rest.code, 0, rest.stderr);
    assert.match(rest.stderr, /every 9 s, deadline 7200 s\n/, "the scenario read over REST: 60 s of load, 90 s expected, so a 9-s cadence");
    assert.doesNotMatch(rest.stderr, /not an outcome the policy knows/);
    assert.match(rest.stdout.trim().split("\n").at(-1)!, /^octoperf-wait: scenario-run succeeded: bench-\w+ FINISHED/);
    assert.ok(!(rest.stdout + rest.stderr).includes(KEY));

    const stdio = await runNode([WAIT, "bench", ...(await start()), "--expected", "90s", "--deadline", "2h", "--time-scale", "600", "--mcp-command", `"${process.execPath}" "${SIM}" --stdio --state "${state}"`]);
    assert.equal(stdio.code, 0, stdio.stderr);

    const http = await runNode([WAIT, "bench", ...(await start()), "--expected", "90s", "--deadline", "2h", "--time-scale", "600", "--mcp-url", `${url}/mcp`]);
    assert.equal(http.code, 0, http.stderr);

    const wrong = await runNode([WAIT, "bench", "bench-0002"], { OCTOPERF_API_KEY: "sk-not-the-key-000", OCTOPERF_API_URL: url });
    assert.equal(wrong.code, 3);
    assert.ok(!(wrong.stdout + wrong.stderr).includes("sk-not-the-key-000"));
  } finally {
    sim.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bundle: against a server that never answers, --deadline holds in real time (time-scaled 20x: 60 s in 3 s)", async () => {
  const { createServer } = await import("node:http");
  let asked = 0;
  const server = createServer(() => void (asked += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const started = Date.now();
    const result = await runNode([WAIT, "bench", "b1", "--expected", "10m", "--deadline", "60s", "--time-scale", "20"], { OCTOPERF_API_KEY: KEY, OCTOPERF_API_URL: url });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.stdout.split("\n").filter(Boolean), [
      "octoperf-wait: scenario-run deadline passed after 1m (expected 10m): b1 (no answer yet). Next: check get_bench_result(b1); stop a stuck run, or wait again with a later --deadline.",
    ]);
    assert.equal(asked, 1);
    // The deadline holds in real time: not before it (a busy machine only makes it later).
    assert.ok(seconds >= 2.9, `${seconds} s for a 3-s deadline`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
