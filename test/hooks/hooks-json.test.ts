// hooks/hooks.json is generated from the policy, matches the entries and the
// committed bundles, and the pinned Claude Code accepts it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { hookCommand, hookSpecs, renderHooksJson } from "../../src/hooks/hooks-json.js";
import { SCENARIO_TOOL } from "../../src/hooks/scenario-duration.js";
import { claudeToolNames, startTools, statusTools } from "../../src/policy/index.js";
import { REPO_ROOT } from "./hook-process.js";

const spec = (name: string) => hookSpecs().find((s) => s.name === name)!;

describe("hooks.json", () => {
  it("is committed fresh", () => {
    assert.equal(readFileSync(join(REPO_ROOT, "hooks", "hooks.json"), "utf8"), renderHooksJson());
    const run = spawnSync(process.execPath, ["--import", "tsx", join(REPO_ROOT, "src", "hooks", "hooks-json.ts"), "--check"], { cwd: REPO_ROOT, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
  });

  it("matches both Claude Code names of every policy tool, by exact name", () => {
    const cases: [string, string[]][] = [
      ["plan-after-start", startTools()],
      ["pace-guard", statusTools()],
      ["poll-outcome", statusTools()],
      ["record-scenario", [SCENARIO_TOOL]],
    ];
    for (const [name, tools] of cases) {
      const names = spec(name).matcher.split("|");
      assert.deepEqual(names.sort(), tools.flatMap(claudeToolNames).sort(), name);
      for (const tool of tools) assert.ok(names.includes(`mcp__octoperf__${tool}`) && names.includes(`mcp__plugin_octoperf_octoperf__${tool}`));
    }
    assert.equal(spec("record-schedule").matcher, "CronCreate|CronDelete|Monitor|TaskStop");
    for (const { matcher } of hookSpecs()) assert.match(matcher, /^[A-Za-z0-9_|-]+$/, "letters, digits, _ and | only: exact names, not a regex");
    assert.equal(spec("pace-guard").event, "PreToolUse");
  });

  it("has one entry, one bundle and one hooks.json command per hook", () => {
    const names = hookSpecs().map((s) => s.name).sort();
    assert.deepEqual(readdirSync(join(REPO_ROOT, "src", "hooks", "entries")).map((f) => f.replace(/\.ts$/, "")).sort(), names);
    assert.deepEqual(readdirSync(join(REPO_ROOT, "scripts", "hooks")).map((f) => f.replace(/\.cjs$/, "")).sort(), names);
    const json = JSON.parse(renderHooksJson()) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    const commands = Object.values(json.hooks).flatMap((groups) => groups.flatMap((g) => g.hooks.map((h) => h.command)));
    assert.deepEqual(commands.sort(), names.map(hookCommand).sort());
    assert.equal(hookCommand("pace-guard"), 'node "${CLAUDE_PLUGIN_ROOT}/scripts/hooks/pace-guard.cjs"');
  });

  it("is accepted by the pinned Claude Code, which sees every hook", () => {
    const dir = mkdtempSync(join(tmpdir(), "octoperf-validate-"));
    const plugin = join(dir, "plugin");
    mkdirSync(join(plugin, ".claude-plugin"), { recursive: true });
    mkdirSync(join(plugin, "hooks"));
    mkdirSync(join(dir, "home"));
    writeFileSync(join(plugin, ".claude-plugin", "plugin.json"), JSON.stringify({ name: "octoperf", version: "0.0.0", description: "hooks check" }));
    copyFileSync(join(REPO_ROOT, "hooks", "hooks.json"), join(plugin, "hooks", "hooks.json"));
    cpSync(join(REPO_ROOT, "scripts", "hooks"), join(plugin, "scripts", "hooks"), { recursive: true });
    const run = spawnSync(join(REPO_ROOT, "node_modules", ".bin", "claude"), ["plugin", "validate", plugin, "--json"], {
      env: { PATH: process.env.PATH, HOME: join(dir, "home") },
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { success: boolean; manifest: { errors: unknown[] }; provides: { hooks: { event: string; matcher: string; command: string }[] } };
    assert.equal(report.success, true);
    assert.deepEqual(report.manifest.errors, []);
    assert.deepEqual(
      report.provides.hooks.map((h) => [h.event, h.matcher, h.command]).sort(),
      hookSpecs().map((s) => [s.event, s.matcher, hookCommand(s.name)]).sort(),
    );
  });
});
