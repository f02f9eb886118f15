// hooks/hooks.json is generated from the hook registry: fresh, one command
// per hook, all running the one bundle with the hook's name, with matchers
// from the policy. (That the pinned Claude Code accepts it is checked by
// test/e2e/hooks-json-validate.test.ts, which needs the claude binary.)
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { HOOK_BUNDLE, hookCommand, renderHooksJson } from "../../src/build/hooks-json.js";
import { HOOK_TIMEOUT_S, HOOKS, type HookSpec } from "../../src/hooks/registry.js";
import { SCENARIO_TOOL } from "../../src/hooks/scenario-duration.js";
import { claudeToolNames, startTools, statusTools } from "../../src/policy/index.js";
import { REPO_ROOT } from "./hook-calls.js";

const spec = (name: string) => HOOKS.find((s) => s.name === name)!;

interface HooksJson {
  hooks: Record<string, { matcher: string; hooks: Record<string, unknown>[] }[]>;
}

describe("hooks.json", () => {
  it("is committed fresh", () => {
    assert.equal(readFileSync(join(REPO_ROOT, "hooks", "hooks.json"), "utf8"), renderHooksJson());
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
    for (const { matcher } of HOOKS) assert.match(matcher, /^[A-Za-z0-9_|-]+$/, "letters, digits, _ and | only: exact names, not a regex");
    assert.equal(spec("pace-guard").event, "PreToolUse");
  });

  it("runs the one bundle with each hook's name, and nothing else is in the bundle's folder", () => {
    assert.deepEqual(readdirSync(join(REPO_ROOT, "scripts", "hooks")), ["octoperf-hook.cjs"]);
    const json = JSON.parse(renderHooksJson()) as HooksJson;
    const commands = Object.values(json.hooks).flatMap((groups) => groups.flatMap((g) => g.hooks.map((h) => h.command)));
    assert.deepEqual(commands.sort(), HOOKS.map((s) => hookCommand(s.name)).sort());
    assert.equal(hookCommand("pace-guard"), 'node "${CLAUDE_PLUGIN_ROOT}/scripts/hooks/octoperf-hook.cjs" pace-guard');
    assert.equal(HOOK_BUNDLE, "scripts/hooks/octoperf-hook.cjs");
  });

  it("carries each hook's own command options", () => {
    const json = JSON.parse(renderHooksJson()) as HooksJson;
    for (const group of Object.values(json.hooks).flat()) assert.deepEqual(Object.keys(group.hooks[0]!).sort(), ["command", "timeout", "type"]);
    assert.ok(HOOKS.every((s) => s.options.timeout === HOOK_TIMEOUT_S));
    // A background hook of the kind the one-wake wait adds: its options reach hooks.json as they are.
    const background: HookSpec = { ...spec("poll-outcome"), name: "background-wait", options: { timeout: 7200, asyncRewake: true } };
    const rendered = JSON.parse(renderHooksJson([background])) as HooksJson;
    assert.deepEqual(rendered.hooks.PostToolUse?.[0]?.hooks, [{ type: "command", command: hookCommand("background-wait"), timeout: 7200, asyncRewake: true }]);
  });

  it("refuses a hook name that a command line could misread", () => {
    for (const name of ["a b", "x;rm", "$(id)", "Upper", ""]) {
      assert.throws(() => renderHooksJson([{ ...spec("pace-guard"), name }]), /not a plain word/, name);
    }
  });
});
