// The pinned Claude Code accepts the generated hooks/hooks.json and sees
// every hook of the registry, each running the one bundle with its name.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { hookCommand } from "../../src/build/hooks-json.js";
import { FAILURE_EVENT } from "../../src/hooks/claude/input.js";
import { HOOKS } from "../../src/hooks/runtime/registry.js";
import { CLAUDE_BIN, REPO_ROOT } from "./harness/run-claude.js";

test("claude plugin validate accepts hooks.json and sees every hook", () => {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-validate-"));
  const plugin = join(dir, "plugin");
  mkdirSync(join(plugin, ".claude-plugin"), { recursive: true });
  mkdirSync(join(plugin, "hooks"));
  mkdirSync(join(dir, "home"));
  writeFileSync(join(plugin, ".claude-plugin", "plugin.json"), JSON.stringify({ name: "octoperf", version: "0.0.0", description: "hooks check" }));
  copyFileSync(join(REPO_ROOT, "hooks", "hooks.json"), join(plugin, "hooks", "hooks.json"));
  cpSync(join(REPO_ROOT, "scripts", "hooks"), join(plugin, "scripts", "hooks"), { recursive: true });
  const run = spawnSync(CLAUDE_BIN, ["plugin", "validate", plugin, "--json"], {
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
    [
      ...HOOKS.map((s) => [s.event, s.matcher || undefined, hookCommand(s.name)]),
      // A failed call of a status tool runs the same poll hooks (PostToolUseFailure, measured on 2.1.330).
      ...HOOKS.filter((s) => "onFailureToo" in s && s.onFailureToo).map((s) => [FAILURE_EVENT, s.matcher, hookCommand(s.name)]),
    ].sort(),
  );
});
