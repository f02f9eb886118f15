// The real Claude Code client loads every skill of the plugin: the inventory
// of `plugin details`, the `plugin list --json` entry, and the skill listing a
// model is shown in a headless session (name and description). The client's
// own always-on estimate stays within issue 15's budget.
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { PLUGIN_NAME, SKILL_NAMES } from "../../../src/policy/index.js";
import { listingEntries } from "../harness/listing.js";
import { parseAlwaysOn } from "../harness/plugin-details.js";
import { claudeEnv, REPO_ROOT, runClaudeRaw, withTempDir } from "../harness/run-claude.js";
import { text } from "../harness/script.js";
import { describeRun, runSession } from "../harness/session.js";
import { readSkill } from "../../skills/skill-files.js";

/** `claude --plugin-dir <repo> <args>` in a temp HOME, no model involved. */
function claudeHere(args: readonly string[]) {
  return withTempDir("octoperf-skills-home-", (home) =>
    runClaudeRaw(["--plugin-dir", REPO_ROOT, ...args], {
      home,
      cwd: home,
      env: claudeEnv(home, { modelUrl: "http://127.0.0.1:9" }),
      timeoutMs: 30_000,
    }),
  );
}

/** Issue 15: skills and commands together, as `claude plugin details` estimates them. */
const ALWAYS_ON_BUDGET_TOKENS = 1000;

describe("the real client loads every skill", () => {
  test("plugin details lists every skill, and the always-on estimate is within budget", async (t) => {
    const result = await claudeHere(["plugin", "details", PLUGIN_NAME]);
    const inventory = /Skills \((\d+)\)\s+(.+)/.exec(result.stdout);
    assert.ok(inventory, result.stdout + result.stderr);
    const listed = inventory[2]!.split(",").map((s) => s.trim());
    assert.equal(Number(inventory[1]), listed.length);
    // Claude Code 2.1.330 counts commands/*.md among the skills of this inventory.
    const commands = existsSync(join(REPO_ROOT, "commands"))
      ? readdirSync(join(REPO_ROOT, "commands")).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3))
      : [];
    assert.deepEqual(listed.filter((name) => !commands.includes(name)).sort(), [...SKILL_NAMES].sort());
    const alwaysOn = parseAlwaysOn(result.stdout);
    t.diagnostic(`claude plugin details: always-on ~${alwaysOn ?? "?"} tokens for ${listed.length} skills and commands`);
    assert.ok(alwaysOn !== undefined, result.stdout);
    assert.ok(alwaysOn <= ALWAYS_ON_BUDGET_TOKENS, `always-on ~${alwaysOn} tokens`);
  });

  test("plugin list --json shows the plugin enabled from the directory", async () => {
    const result = await claudeHere(["plugin", "list", "--json"]);
    const plugins = JSON.parse(result.stdout) as { id: string; enabled: boolean; installPath: string }[];
    const entry = plugins.find((p) => p.id.startsWith(`${PLUGIN_NAME}@`));
    assert.ok(entry, result.stdout);
    assert.equal(entry.enabled, true);
    assert.equal(entry.installPath, REPO_ROOT);
  });

  test("a session lists every skill with its description", async () => {
    const record = await runSession({ prompt: "hello", steps: [text("hello")], plugin: { mcp: "none" } });
    const first = record.model.requests[0];
    assert.ok(first, describeRun(record));
    const entries = listingEntries(first);
    for (const name of SKILL_NAMES) {
      const entry = entries.find((e) => e.name === `${PLUGIN_NAME}:${name}`);
      assert.ok(entry, `${name} not listed: ${entries.map((e) => e.name).join(", ")}`);
      assert.ok(entry.description.startsWith(readSkill(name).description.trim()), `${name} listed as: ${entry.description}`);
    }
  });
});
