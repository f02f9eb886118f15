// Claude Code's tool schemas read from the pinned sdk-tools.d.ts, and the
// policy's harness constants checked against them.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLAUDE_CODE_PACKAGE_DIR, CLAUDE_CODE_TOOLS, limitsFromDoc, propertyLimit, readClaudeCodeSchemas } from "../../src/schemas/claude-code.js";
import { harnessDisagreements } from "../../src/schemas/harness-check.js";
import { lint } from "../../src/lint/engine.js";
import { MONITOR_DEFAULT_TIMEOUT_MS, MONITOR_MAX_TIMEOUT_MS, SCHEDULE_WAKEUP_MAX_S, SCHEDULE_WAKEUP_MIN_S } from "../../src/policy/index.js";

const schemas = readClaudeCodeSchemas();

describe("Claude Code schemas from sdk-tools.d.ts", () => {
  it("reads every wait-related tool of the pinned client", () => {
    const pinned = JSON.parse(readFileSync(join(CLAUDE_CODE_PACKAGE_DIR, "package.json"), "utf8")) as { version: string };
    assert.equal(schemas.version, pinned.version);
    for (const tool of CLAUDE_CODE_TOOLS) assert.equal(schemas.tools[tool].type, "object", tool);
    assert.deepEqual(schemas.tools.CronCreate.required, ["cron", "prompt"]);
    assert.deepEqual(Object.keys(schemas.tools.CronCreate.properties!), ["cron", "prompt", "recurring", "durable"]);
    assert.deepEqual(schemas.tools.CronDelete.required, ["id"]);
    assert.deepEqual(schemas.tools.Monitor.required, ["description", "timeout_ms"]);
    assert.equal(schemas.tools.Monitor.properties!.ws!.type, "object");
  });

  it("turns the doc comments' limits into schema limits that match the policy", () => {
    assert.equal(propertyLimit(schemas, "ScheduleWakeup", "delaySeconds", "minimum"), SCHEDULE_WAKEUP_MIN_S);
    assert.equal(propertyLimit(schemas, "ScheduleWakeup", "delaySeconds", "maximum"), SCHEDULE_WAKEUP_MAX_S);
    assert.equal(propertyLimit(schemas, "Monitor", "timeout_ms", "default"), MONITOR_DEFAULT_TIMEOUT_MS);
    assert.equal(propertyLimit(schemas, "Monitor", "timeout_ms", "maximum"), MONITOR_MAX_TIMEOUT_MS);
    assert.equal(propertyLimit(schemas, "Bash", "timeout", "maximum"), 600000);
    assert.equal(schemas.tools.Bash.properties!.run_in_background!.default, undefined);
    assert.deepEqual(harnessDisagreements(schemas), []);
  });

  it("parses limits as the comments state them", () => {
    assert.deepEqual(limitsFromDoc("Seconds from now. Clamped to [60, 3600] by the runtime."), { minimum: 60, maximum: 3600 });
    assert.deepEqual(limitsFromDoc("Default 300000ms. Deadlines above 1800000ms are capped to 1800000ms."), { maximum: 1800000, default: 300000 });
  });

  it("reports a policy constant that disagrees with a moved pin, on its line", () => {
    const dir = mkdtempSync(join(tmpdir(), "octoperf-claude-pin-"));
    try {
      cpSync(join(CLAUDE_CODE_PACKAGE_DIR, "package.json"), join(dir, "package.json"));
      const moved = readFileSync(join(CLAUDE_CODE_PACKAGE_DIR, "sdk-tools.d.ts"), "utf8").replace("Clamped to [60, 3600]", "Clamped to [30, 7200]");
      writeFileSync(join(dir, "sdk-tools.d.ts"), moved);
      const other = readClaudeCodeSchemas(dir);
      const found = harnessDisagreements(other).map((d) => d.constant);
      assert.deepEqual(found, ["SCHEDULE_WAKEUP_MIN_S", "SCHEDULE_WAKEUP_MAX_S"]);
      const empty = mkdtempSync(join(tmpdir(), "octoperf-empty-root-"));
      try {
        const diagnostics = lint({ root: empty, claudeCode: other });
        assert.deepEqual(diagnostics.map((d) => `${d.path} ${d.ruleId}`), ["src/policy/harness.ts harness-facts", "src/policy/harness.ts harness-facts"]);
        assert.ok(diagnostics.every((d) => d.line > 1));
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
