// hooks/hooks.json is generated from the hook registry: fresh, one command
// per hook, all running the one bundle with the hook's name, with matchers
// from the policy. (That the pinned Claude Code accepts it is checked by
// test/e2e/hooks-json-validate.test.ts, which needs the claude binary.)
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { HOOK_BUNDLE, hookCommand, renderHooksJson } from "../../src/build/hooks-json.js";
import { BACKGROUND_HOOK_NAMES, HOOK_TIMEOUT_S, HOOKS, type HookSpec } from "../../src/hooks/runtime/registry.js";
import { LOAD_PROFILES_TOOL as SCENARIO_TOOL } from "../../src/policy/index.js";
import { STOP_WAIT_COMMANDS } from "../../src/hooks/claude/claude-tools.js";
import { claudeToolNames, MAX_BACKGROUND_WAIT_S, MAX_TIMER_SLEEP_S, startTools, statusTools } from "../../src/policy/index.js";
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
      ["wait-in-background", startTools()],
      ["pace-guard", statusTools()],
      ["poll-outcome", statusTools()],
      ["wake-after-poll", statusTools()],
      ["record-scenario", [SCENARIO_TOOL]],
    ];
    for (const [name, tools] of cases) {
      const names = spec(name).matcher.split("|");
      assert.deepEqual(names.sort(), tools.flatMap(claudeToolNames).sort(), name);
      for (const tool of tools) assert.ok(names.includes(`mcp__octoperf__${tool}`) && names.includes(`mcp__plugin_octoperf_octoperf__${tool}`));
    }
    assert.equal(spec("record-schedule").matcher, "CronCreate|CronDelete|Monitor|TaskStop");
    // Stop, SessionStart and UserPromptSubmit hooks here run on every such event: no matcher is written.
    const unmatched = ["Stop", "SessionStart", "UserPromptSubmit"];
    for (const event of unmatched) {
      for (const entry of (JSON.parse(renderHooksJson()) as HooksJson).hooks[event]!) assert.deepEqual(Object.keys(entry).sort(), ["hooks"], event);
    }
    for (const { matcher, event } of HOOKS.filter((s) => s.event !== "UserPromptExpansion" && !unmatched.includes(s.event))) {
      assert.match(matcher, /^[A-Za-z0-9_|-]+$/, `${event}: letters, digits, _ and | only: exact names, not a regex`);
    }
    assert.equal(spec("pace-guard").event, "PreToolUse");
    // A command name holds ':', which makes the matcher a regex: anchored, it matches the two names of the command and nothing else.
    const stop = new RegExp(spec("stop-waits").matcher);
    for (const name of STOP_WAIT_COMMANDS) assert.ok(stop.test(name), name);
    for (const name of ["octoperf:stop-waits", "xoctoperf:stop-wait", "octoperf:wait", "octoperf:stop"]) assert.ok(!stop.test(name), name);
  });

  it("runs the one bundle with each hook's name; beside it, only the background code it loads", () => {
    assert.deepEqual(readdirSync(join(REPO_ROOT, "scripts", "hooks")).sort(), ["octoperf-hook-background.cjs", "octoperf-hook.cjs"]);
    const json = JSON.parse(renderHooksJson()) as HooksJson;
    const commands = Object.values(json.hooks).flatMap((groups) => groups.flatMap((g) => g.hooks.map((h) => h.command)));
    // The hooks that also take a failed call appear a second time, under PostToolUseFailure.
    const failing = HOOKS.filter((s) => "onFailureToo" in s && s.onFailureToo);
    assert.deepEqual(failing.map((s) => s.name).sort(), ["poll-outcome", "wake-after-poll"]);
    assert.deepEqual(json.hooks.PostToolUseFailure!.map((g) => g.hooks[0]!.command).sort(), failing.map((s) => hookCommand(s.name)).sort());
    assert.deepEqual(commands.sort(), [...HOOKS, ...failing].map((s) => hookCommand(s.name)).sort());
    assert.equal(hookCommand("pace-guard"), 'node "${CLAUDE_PLUGIN_ROOT}/scripts/hooks/octoperf-hook.cjs" pace-guard');
    assert.equal(HOOK_BUNDLE, "scripts/hooks/octoperf-hook.cjs");
  });

  it("carries each hook's own command options", () => {
    const json = JSON.parse(renderHooksJson()) as HooksJson;
    const rendered = Object.values(json.hooks)
      .flat()
      .map((group) => group.hooks[0]!);
    const inBackground = [...BACKGROUND_HOOK_NAMES, "guard-turn-end"];
    const background = rendered.filter((hook) => inBackground.some((name) => String(hook.command).endsWith(` ${name}`)));
    // wake-after-poll runs on a failed poll too.
    assert.equal(background.length, inBackground.length + 1);
    for (const hook of rendered) {
      if (background.includes(hook)) {
        // In the background, waking the model at exit 2, for longer than any background wait or timer.
        assert.deepEqual(Object.keys(hook).sort(), ["asyncRewake", "command", "timeout", "type"]);
        assert.equal(hook.asyncRewake, true);
        assert.ok((hook.timeout as number) > MAX_BACKGROUND_WAIT_S && (hook.timeout as number) > MAX_TIMER_SLEEP_S);
      } else {
        assert.deepEqual(Object.keys(hook).sort(), ["command", "timeout", "type"]);
        assert.equal(hook.timeout, HOOK_TIMEOUT_S);
      }
    }
    // Any options a hook is given reach hooks.json as they are.
    const other = { ...spec("poll-outcome"), name: "other-wait", options: { timeout: 7200, async: true } } as HookSpec;
    const alone = JSON.parse(renderHooksJson([other])) as HooksJson;
    assert.deepEqual(alone.hooks.PostToolUse?.[0]?.hooks, [{ type: "command", command: hookCommand("other-wait"), timeout: 7200, async: true }]);
  });

  it("refuses a hook name that a command line could misread", () => {
    for (const name of ["a b", "x;rm", "$(id)", "Upper", ""]) {
      assert.throws(() => renderHooksJson([{ ...spec("pace-guard"), name } as HookSpec]), /not a plain word/, name);
    }
  });
});
