// Claude Code installs a plugin by copying its files, without npm install.
// Copy the plugin tree without node_modules to a temp dir and run every hook
// from there: each one must work from its committed bundle alone.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { before, describe, it } from "node:test";
import { HOOKS } from "../../src/hooks/runtime/registry.js";
import { BACKGROUND_OFF, contextOf, denialOf, expansion, post, pre, REPO_ROOT, runBundle, structured, T0, tempDataDir, toolName, turnEnd } from "./hook-calls.js";

let root = "";

describe("hooks run from an installed copy", () => {
  before(() => {
    root = join(mkdtempSync(join(tmpdir(), "octoperf-installed-")), "octoperf");
    cpSync(REPO_ROOT, root, {
      recursive: true,
      filter: (path) => {
        const parts = relative(REPO_ROOT, path).split(sep);
        return !parts.includes("node_modules") && parts[0] !== ".git";
      },
    });
  });

  it("has no node_modules anywhere in the copy or above it", () => {
    assert.equal(existsSync(join(root, "node_modules")), false);
    for (let dir = root; dir !== join(dir, ".."); dir = join(dir, "..")) assert.equal(existsSync(join(dir, "node_modules")), false, dir);
  });

  it("the hook bundle imports nothing but Node built-ins", () => {
    for (const file of readdirSync(join(root, "scripts", "hooks"))) {
      const text = readFileSync(join(root, "scripts", "hooks", file), "utf8");
      const specifiers = [...text.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s*["']([^"']+)["']/g), ...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
      for (const specifier of specifiers) assert.match(specifier, /^node:/, `${file} imports ${specifier}`);
      // esbuild marks inlined packages with a "// node_modules/<pkg>/..." comment: the hooks must inline none (zod would cost ~45 ms a call).
      assert.doesNotMatch(text, /^\/\/ node_modules\//m, `${file} inlines a package`);
    }
  });

  it("runs every quick hook of hooks.json from the copy (the background ones: background-bundle.test.ts)", () => {
    const data = tempDataDir();
    // A session with the background hooks off: the model loops by itself.
    const options = (now: number) => ({ data, now, root, env: BACKGROUND_OFF });
    assert.deepEqual(HOOKS.map((s) => s.name).sort(), ["condition-outcome", "condition-pace", "guard-turn-end", "pace-guard", "pick-up-waits", "plan-after-start", "poll-outcome", "record-scenario", "record-schedule", "rewatch-on-resume", "stop-waits", "take-over-waits", "tell-pending", "wait-in-background", "wake-after-poll"]);

    assert.equal(runBundle("record-scenario", post(toolName("get_scenario"), { scenarioId: "sc1" }, structured({ userProfiles: [{ loadStrategy: { holdForSec: 30 } }] })), options(T0)).stdout, "");
    const plan = contextOf(runBundle("plan-after-start", post(toolName("run_scenario", 1), { scenarioId: "sc1" }, structured({ benchResultIds: ["b1", "b2"] })), options(T0)));
    assert.match(plan ?? "", /every 6 s \(expected 1m\)/);
    assert.equal(runBundle("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), options(T0 + 1000)).stdout, "");
    assert.match(denialOf(runBundle("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), options(T0 + 2000))) ?? "", /^Too soon/);
    assert.equal(runBundle("record-schedule", post("CronCreate", { cron: "* * * * *", prompt: "call get_bench_result(benchResultId=b1)" }, structured({ id: "abc123" })), options(T0 + 3000)).stdout, "");
    assert.match(contextOf(runBundle("poll-outcome", post(toolName("get_bench_result"), { benchResultId: "b1" }, structured({ state: "FINISHED" })), options(T0 + 9000))) ?? "", /CronDelete \{"id":"abc123"\}/);
    const stop = runBundle("stop-waits", expansion("octoperf:stop-wait", "b1"), options(T0 + 10_000));
    assert.equal(stop.stdout, "octoperf stop-wait: no background wait of this plugin's hooks was running in this session for b1.\n");
    // A later session takes over b2, which this one left pending.
    const taken = runBundle("take-over-waits", expansion("octoperf:wait", "b2", "6c1d3f2a-9e8b-4d4c-8f7a-1b2c3d4e5f60"), options(T0 + 10_500));
    assert.match(taken.stdout, /^octoperf wait: this session took over from an earlier one get_bench_result\(benchResultId=b2\)/);
    // A wait with no handle: the install command starts its clock, a re-read passes, the next one too soon is refused, UP ends it.
    const arm = contextOf(runBundle("condition-outcome", post(toolName("get_onpremise_agent_command"), { providerId: "prov1", location: "paris" }, structured({ command: "docker run" })), options(T0 + 11_000)));
    assert.match(arm ?? "", /^OctoPerf agents-up: the clock starts now/);
    const read = pre(toolName("list_provider_agents"), { providerId: "prov1" });
    assert.equal(runBundle("condition-pace", read, options(T0 + 12_000)).stdout, "");
    assert.match(denialOf(runBundle("condition-pace", read, options(T0 + 13_000))) ?? "", /^Too soon: the agents-up wait/);
    const up = post(toolName("list_provider_agents"), { providerId: "prov1" }, structured({ agents: [{ id: "a1", state: "UP" }] }));
    assert.match(contextOf(runBundle("condition-outcome", up, options(T0 + 14_000))) ?? "", /^OctoPerf agents-up: is ready/);
    // The turn-end guard runs from the same copy (from the quick bundle: it must not need the background one).
    const guard = runBundle("guard-turn-end", turnEnd(), options(T0 + 15_000));
    assert.deepEqual([guard.status, guard.stdout, guard.stderr], [0, "", "octoperf guard-turn-end: the background hooks are turned off (nobody woken)\n"]);
  });
});
