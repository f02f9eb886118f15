// Every hook fails open: bad stdin, foreign tools, the wrong event, an
// unknown hook name, a corrupt, locked or unwritable state, a hook turned
// off: exit 0, nothing on stdout, at most one line on stderr. A background
// hook then wakes nobody and never starts its wait. From source, then a few
// of the same through the committed bundle.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { HOOKS, type HookSpec } from "../../src/hooks/runtime/registry.js";
import type { JobRunner } from "../../src/hooks/runtime/background-shell.js";
import { lockWaitMs } from "../../src/hooks/runtime/core.js";
import { contextOf, expansion, post, pre, runBackground, runBundle, runGuard, runHook, SESSION, structured, T0, tempDataDir, toolName, turnEnd, virtualWaitIO, type HookRun } from "./hook-calls.js";

/** A background hook that fails open never starts its wait. */
const NEVER: JobRunner = {
  run: () => {
    throw new Error("a hook that should have failed open started its wait");
  },
};

/** Run any hook from source: a background one to its end, its wait refused. */
function runAny(spec: HookSpec, stdin: string, options: Parameters<typeof runHook>[2]): Promise<HookRun> {
  if (spec.kind === "guard") return runGuard(stdin, options);
  return spec.kind === "background" ? runBackground(spec.name, stdin, { ...options, jobs: NEVER }) : Promise.resolve(runHook(spec.name, stdin, options));
}

/** What a hook says when it decides nothing on an input it does not handle. */
const quiet = (spec: HookSpec): string => (spec.kind === "quick" ? "(no decision)" : "(nobody woken)");

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
const POLL = pre(toolName("get_bench_result"), { benchResultId: "b1" });

const BAD_STDIN: [string, string][] = [
  ["empty stdin", ""],
  ["text", "hello"],
  ["a JSON array", "[1,2]"],
  ["truncated JSON", START.slice(0, 40)],
  ["no session id", JSON.stringify({ hook_event_name: "PostToolUse", tool_name: "x", tool_input: {} })],
  ["a path as session id", JSON.stringify({ session_id: "../../etc/passwd", hook_event_name: "PreToolUse", tool_name: "x", tool_input: {} })],
  ["another event", JSON.stringify({ session_id: SESSION, hook_event_name: "Notification" })],
  ["tool_input not an object", JSON.stringify({ session_id: SESSION, hook_event_name: "PreToolUse", tool_name: "x", tool_input: "rm -rf" })],
];

/** A call of something the hook does not handle, on its own event. */
function foreign(spec: HookSpec): string {
  if (spec.event === "Stop") return turnEnd();
  if (spec.event === "UserPromptExpansion") return expansion("octoperf:wait", "b1");
  return spec.event === "PreToolUse" ? pre("Bash", { command: "ls" }) : post("Bash", { command: "ls" }, "ok");
}

/** A call the hook does handle, for the turned-off case. */
function handled(spec: HookSpec): string {
  if (spec.event === "Stop") return turnEnd();
  if (spec.event === "UserPromptExpansion") return expansion("octoperf:stop-wait", "");
  return spec.event === "PreToolUse" ? POLL : START;
}

describe("fail open", () => {
  for (const spec of HOOKS) {
    const { name, event } = spec;
    for (const [label, stdin] of BAD_STDIN) {
      it(`${name}: ${label}`, async () => assertOpen(await runAny(spec, stdin, { data: tempDataDir(), now: T0 }), name, /failing open, no decision/));
    }
    it(`${name}: a call it does not handle`, async () => {
      const run = await runAny(spec, foreign(spec), { data: tempDataDir(), now: T0 });
      assertOpen(run, name, new RegExp(`${quiet(spec).replace(/[()]/g, "\\$&")}\n$`));
    });
    it(`${name}: an event it does not run on`, async () => {
      const stdin = event === "PreToolUse" ? post(toolName("get_bench_result"), { benchResultId: "b1" }, structured({ state: "FINISHED" })) : POLL;
      assertOpen(await runAny(spec, stdin, { data: tempDataDir(), now: T0 }), name, new RegExp(`: not a ${event} event \\((no decision|nobody woken)\\)\\n$`));
    });
    it(`${name}: turned off by OCTOPERF_HOOKS_DISABLE`, async () => {
      for (const value of [name, `other, ${name}`, "all"]) {
        assertOpen(await runAny(spec, handled(spec), { data: tempDataDir(), now: T0, env: { OCTOPERF_HOOKS_DISABLE: value } }), name, "");
      }
    });
  }

  it("turns both background hooks off when either is", async () => {
    for (const spec of HOOKS.filter((s) => s.kind === "background")) {
      for (const value of ["wait-in-background", "wake-after-poll"]) {
        const stdin = spec.name === "wait-in-background" ? START : post(toolName("get_bench_result"), { benchResultId: "b1" }, structured({ state: "RUNNING" }));
        assertOpen(await runAny(spec, stdin, { data: tempDataDir(), now: T0, env: { OCTOPERF_HOOKS_DISABLE: value, OCTOPERF_API_KEY: "k" } }), spec.name, "");
      }
    }
  });

  it("gives no decision for a hook name it does not know, and never echoes it raw", () => {
    for (const name of ["", "pace_guard", "$(id)\nsecond line"]) {
      const run = runHook(name, POLL, { data: tempDataDir(), now: T0 });
      assertOpen(run, "hook", /^octoperf hook: no hook named "(?:[^"\\\n]|\\.)*" \(failing open, no decision\)\n$/);
    }
  });

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

  it("waits for a live hook holding the session lock, then gives no decision", () => {
    const data = tempDataDir();
    runHook("plan-after-start", START, { data, now: T0 });
    runHook("pace-guard", POLL, { data, now: T0 });
    // The lock of a process that is alive (the one that started this test).
    writeFileSync(join(data, "hooks", `${SESSION}.json.lock`), `${process.ppid} livetoken\n`);
    const store = virtualWaitIO();
    // Without the lock this second poll would be refused as too soon.
    const run = runHook("pace-guard", POLL, { data, now: T0 + 1000, store });
    assertOpen(run, "pace-guard", new RegExp(`locked by another hook \\(process ${process.ppid}, still running\\)`));
    const spec = HOOKS.find((s) => s.name === "pace-guard")!;
    assert.ok(store.waitedMs() > lockWaitMs(spec) / 2, `waited ${store.waitedMs()} ms`);
    assert.ok(lockWaitMs(spec) < spec.options.timeout * 1000, "gives up well within its own timeout");
  });

  it("never echoes hostile input on stderr", () => {
    const hostile = JSON.stringify({ session_id: "$(touch /tmp/x)`id`", hook_event_name: "PreToolUse", tool_name: "x", tool_input: {} });
    const run = runHook("pace-guard", hostile, { data: tempDataDir(), now: T0 });
    assertOpen(run, "pace-guard");
    assert.doesNotMatch(run.stderr, /[`$]/);
  });
});

describe("fail open, through the committed bundle", () => {
  it("bad stdin, a foreign tool, an unknown or missing hook name", () => {
    const data = tempDataDir();
    assertOpen(runBundle("pace-guard", "hello", { data, now: T0 }), "pace-guard", /stdin is not JSON \(failing open, no decision\)/);
    assertOpen(runBundle("poll-outcome", post("Bash", { command: "ls" }, "ok"), { data, now: T0 }), "poll-outcome", /not a status tool of the policy \(no decision\)/);
    assertOpen(runBundle("no-such-hook", POLL, { data, now: T0 }), "hook", /no hook named "no-such-hook"/);
    assertOpen(runBundle("", POLL, { data, now: T0 }), "hook", /no hook named ""/);
  });
});
