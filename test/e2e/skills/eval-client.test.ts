// The real `claude plugin eval` (pinned 2.1.330) reads our eval suite: every
// case.yaml loads, and the OctoPerf mock (tool list + agent responder) loads
// with every catalog tool. No model credential is given, so no case runs past
// the login check; that is all these tests need.
import assert from "node:assert/strict";
import { chmod, cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { readCatalog } from "../../../src/schemas/catalog.js";
import { copyPluginTree } from "../harness/plugin-variant.js";
import { runClaudeRaw, type ClaudeResult } from "../harness/run-claude.js";

let base: string;
let plugin: string;

/** No credential and no inherited Claude or Anthropic settings: the client stops at login. */
function offlineEnv(home: string, tmp: string): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, TMPDIR: tmp, DISABLE_AUTOUPDATER: "1", DISABLE_TELEMETRY: "1" };
}

async function evalRun(args: readonly string[]): Promise<ClaudeResult> {
  const home = await mkdtemp(join(base, "home-"));
  const tmp = await mkdtemp(join(base, "tmp-"));
  const out = await mkdtemp(join(base, "out-"));
  const result = await runClaudeRaw(
    ["plugin", "eval", ".", "--trust-plugin", "--runs", "1", "--ablation", "none", "--no-publish", "--output-dir", out, "--report", join(out, "report.html"), ...args],
    { home, cwd: plugin, env: offlineEnv(home, tmp), timeoutMs: 90_000 },
  );
  // The client keeps a run's sandbox when the run fails and closes its modes: open them to remove it.
  for (const entry of await readdir(tmp)) await chmod(join(tmp, entry), 0o700).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  return result;
}

const output = (result: ClaudeResult) => `${result.stdout}\n${result.stderr}`;

describe("claude plugin eval reads the suite", () => {
  before(async () => {
    base = await mkdtemp(join(tmpdir(), "octoperf-evals-"));
    plugin = join(base, "octoperf");
    await copyPluginTree(plugin);
  });
  after(async () => rm(base, { recursive: true, force: true }));

  // With no --case filter the client parses every case first, then stops at
  // the first run for want of a login. (A --case glob that matches nothing
  // parses nothing, so it cannot serve as a dry run.)
  test("every case.yaml loads", async () => {
    const text = output(await evalRun([]));
    assert.match(text, /Plugin under test: "octoperf"/, text);
    assert.doesNotMatch(text, /invalid case\.yaml|Couldn't load/, text);
  });

  test("a malformed case is reported by the same command (the check can fail)", async () => {
    const broken = join(plugin, "evals", "zz-broken-case");
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, "case.yaml"), 'schema_version: "1.0"\nname: zz-broken-case\nexecution:\n  prompt: hi\ngraders:\n  - name: a\n    type: tool_usedd\n    tool: Skill\n');
    try {
      const text = output(await evalRun([]));
      assert.match(text, /zz-broken-case\/case\.yaml: invalid case\.yaml/, text);
      assert.match(text, /Couldn't load 1 case file/, text);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  test("the OctoPerf mock shadows the plugin's server with every catalog tool", async () => {
    const result = await evalRun(["--case", "triage-nearmiss-export-pdf", "--allow-tools", "mcp__plugin_octoperf_octoperf"]);
    const text = output(result);
    const mocked = /mocked: octoperf\(([^)]*)\)/.exec(text);
    assert.ok(mocked, text);
    const served = new Set(mocked[1]!.split(", ").map((entry) => entry.split("=")[0]));
    for (const tool of readCatalog().tools) assert.ok(served.has(tool.name), `${tool.name} is not mocked`);
    assert.doesNotMatch(text, /no _tools\.json entry|not granted|NOT started/, text);
  });
});
