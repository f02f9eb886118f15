// The plugin passes the official validator, including the plugin-directory
// submission checks, with warnings treated as errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const root = join(import.meta.dirname, "..", "..", "..");
const claude = join(root, "node_modules", ".bin", "claude");
const run = promisify(execFile);

async function validate(...args: string[]): Promise<{ code: number; output: string }> {
  const home = mkdtempSync(join(tmpdir(), "octoperf-validate-"));
  try {
    const { stdout, stderr } = await run(claude, ["plugin", "validate", ...args, root], {
      env: { PATH: process.env.PATH, HOME: home },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

test("claude plugin validate --strict --profile directory passes with no warnings", async () => {
  const { code, output } = await validate("--strict", "--profile", "directory");
  assert.equal(code, 0, output);
  assert.doesNotMatch(output, /warning|problem/i, output);
});

test("the manifest declares the hosts the plugin reaches and the validator sees the same", async () => {
  const manifest = JSON.parse(readFileSync(join(root, ".claude-plugin", "plugin.json"), "utf8")) as { name: string; network?: { hosts?: string[] } };
  assert.equal(manifest.name, "octoperf");
  assert.deepEqual(manifest.network?.hosts, ["api.octoperf.com"]);
  const { output } = await validate("--strict");
  assert.match(output, /Hosts: api\.octoperf\.com/);
});

test("the shipped .mcp.json wires OctoPerf's hosted server", () => {
  const mcp = JSON.parse(readFileSync(join(root, ".mcp.json"), "utf8")) as { mcpServers: Record<string, { type: string; url: string }> };
  assert.deepEqual(mcp.mcpServers.octoperf, { type: "http", url: "https://api.octoperf.com/mcp" });
});
