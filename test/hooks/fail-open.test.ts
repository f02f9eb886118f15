// Every bundled hook fails open: bad stdin, foreign tools, a corrupt, locked
// or unwritable state, a hook turned off: exit 0, nothing on stdout, at most
// one line on stderr.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { hookSpecs } from "../../src/hooks/hooks-json.js";
import { contextOf, post, pre, runHook, SESSION, structured, T0, tempDataDir, toolName, type HookRun } from "./hook-process.js";

function assertOpen(run: HookRun, name: string, stderr: RegExp | "" = /./): void {
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, "", `${name} decided: ${run.stdout}`);
  if (stderr === "") assert.equal(run.stderr, "");
  else {
    assert.match(run.stderr, stderr);
    assert.equal(run.stderr.trimEnd().split("\n").length, 1, `one line: ${run.stderr}`);
    assert.ok(run.stderr.startsWith(`octoperf ${name}: `), run.stderr);
  }
}

const START = post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchReportId: "r1", benchResultIds: ["b1"] }));

describe("fail open", () => {
  const badStdin: [string, string][] = [
    ["empty stdin", ""],
    ["text", "hello"],
    ["a JSON array", "[1,2]"],
    ["truncated JSON", START.slice(0, 40)],
    ["no session id", JSON.stringify({ hook_event_name: "PostToolUse", tool_name: "x", tool_input: {} })],
    ["a path as session id", JSON.stringify({ session_id: "../../etc/passwd", hook_event_name: "PreToolUse", tool_name: "x", tool_input: {} })],
    ["another event", JSON.stringify({ session_id: SESSION, hook_event_name: "Stop" })],
    ["tool_input not an object", JSON.stringify({ session_id: SESSION, hook_event_name: "PreToolUse", tool_name: "x", tool_input: "rm -rf" })],
  ];
  for (const { name } of hookSpecs()) {
    for (const [label, stdin] of badStdin) {
      it(`${name}: ${label}`, () => assertOpen(runHook(name, stdin, { data: tempDataDir(), now: T0 }), name, /failing open, no decision/));
    }
    it(`${name}: a tool it does not handle`, () => {
      const run = runHook(name, post("Bash", { command: "ls" }, "ok"), { data: tempDataDir(), now: T0 });
      assertOpen(run, name, /\(no decision\)\n$/);
    });
    it(`${name}: turned off by OCTOPERF_HOOKS_DISABLE`, () => {
      for (const value of [name, `other, ${name}`, "all"]) {
        assertOpen(runHook(name, START, { data: tempDataDir(), now: T0, env: { OCTOPERF_HOOKS_DISABLE: value } }), name, "");
      }
    });
  }

  it("gives no decision when the state file is corrupt, resets it, then works again", () => {
    const data = tempDataDir();
    mkdirSync(join(data, "hooks"));
    writeFileSync(join(data, "hooks", `${SESSION}.json`), '{"version":1,"works":');
    assertOpen(runHook("plan-after-start", START, { data, now: T0 }), "plan-after-start", /state file was corrupt; it has been reset/);
    assert.ok(contextOf(runHook("plan-after-start", START, { data, now: T0 })));
    assert.ok(JSON.parse(readFileSync(join(data, "hooks", `${SESSION}.json`), "utf8")).works["get_bench_result:b1"]);
  });

  it("gives no decision when the state cannot be written", () => {
    const data = tempDataDir();
    writeFileSync(join(data, "hooks"), "a file where the state dir should be");
    assertOpen(runHook("plan-after-start", START, { data, now: T0 }), "plan-after-start", /failing open/);
  });

  it("gives no decision when another hook holds the session lock", () => {
    const data = tempDataDir();
    runHook("plan-after-start", START, { data, now: T0 });
    runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), { data, now: T0 });
    mkdirSync(join(data, "hooks", `${SESSION}.json.lock`));
    // Without the lock this second poll would be refused as too soon.
    assertOpen(runHook("pace-guard", pre(toolName("get_bench_result"), { benchResultId: "b1" }), { data, now: T0 + 1000 }), "pace-guard", /locked by another hook/);
  });

  it("never echoes hostile input on stderr", () => {
    const hostile = JSON.stringify({ session_id: "$(touch /tmp/x)`id`", hook_event_name: "PreToolUse", tool_name: "x", tool_input: {} });
    const run = runHook("pace-guard", hostile, { data: tempDataDir(), now: T0 });
    assertOpen(run, "pace-guard");
    assert.doesNotMatch(run.stderr, /[`$]/);
  });
});
