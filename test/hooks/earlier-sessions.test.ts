// Work an earlier session left pending (src/hooks/session/earlier.ts), through
// the runner from source on a real state folder: a new session in the same
// project hears of it once, at its start, and takes none of it; /octoperf:wait
// typed there with its handle moves it over (one write in the giving
// session's file, then one in the taker's), unless a live waiter of its own
// session holds it; a move stopped half-way is finished the next time.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseWaitArguments, waitCommands, type NamedWork } from "../../src/calls/wait-arguments.js";
import type { SessionState, WaiterRecord } from "../../src/hooks/session/state.js";
import { BACKGROUND_OFF, expansion, post, recordedState, runHook, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

const OLD = "0a0a0a0a-1111-4222-8333-444444444444";
const NEW = "0b0b0b0b-5555-4666-8777-888888888888";
const PROJECT = "/work/shop";
const at = (seconds: number) => T0 + seconds * 1000;

function sessionStart(session: string, source: string): string {
  return JSON.stringify({ session_id: session, transcript_path: `/tmp/claude/projects/shop/${session}.jsonl`, cwd: PROJECT, hook_event_name: "SessionStart", source });
}

/** A session of `project` (CLAUDE_PROJECT_DIR, as 2.1.330 sets it for hooks), its background hooks off unless said. */
const options = (data: string, seconds: number, project = PROJECT) => ({ data, now: at(seconds), env: { ...BACKGROUND_OFF, CLAUDE_PROJECT_DIR: project } });

/** The old session starts a two-bench run and polls it once: RUNNING. */
function oldRun(data: string): void {
  runHook("plan-after-start", post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchResultIds: ["b1", "b2"] }), OLD), options(data, 0));
  pollOld(data, 60, "RUNNING");
}

function pollOld(data: string, seconds: number, state: string): void {
  runHook("pace-guard", JSON.stringify({ session_id: OLD, hook_event_name: "PreToolUse", tool_name: toolName("get_bench_result"), tool_input: { benchResultId: "b1" } }), options(data, seconds));
  runHook("poll-outcome", post(toolName("get_bench_result"), { benchResultId: "b1" }, structured({ id: "b1", state }), OLD), options(data, seconds));
}

function contextOfStart(run: { stdout: string }): string | undefined {
  if (run.stdout.trim() === "") return undefined;
  const out = (JSON.parse(run.stdout) as { hookSpecificOutput?: { hookEventName?: string; additionalContext?: string } }).hookSpecificOutput;
  assert.equal(out?.hookEventName, "SessionStart");
  return out?.additionalContext;
}

function stateOf(data: string, session: string): SessionState {
  const state = recordedState(data, session);
  assert.ok(state, `${session} has a state file`);
  return state;
}

describe("a new session in a project where an earlier one left work pending", () => {
  it("is told once, at its start, what is pending there and how to take it over, and nothing is taken", () => {
    const data = tempDataDir();
    oldRun(data);
    assert.equal(stateOf(data, OLD).project, PROJECT, "the works are recorded with their project");
    const told = contextOfStart(runHook("pick-up-waits", sessionStart(NEW, "startup"), options(data, 600)));
    assert.equal(
      told,
      "OctoPerf: an earlier session in this project left work pending: get_bench_result(benchResultId=b1) (scenario-run, last seen RUNNING 9m ago, deadline in 10m) and " +
        "get_bench_result(benchResultId=b2) (scenario-run, started 10m ago, not seen running yet, deadline in 10m). " +
        "Mention it if it bears on what the user asks; do not poll or wait on it unless they ask. If they ask, `/octoperf:wait b1 b2` takes them over here.",
    );
    assert.deepEqual(Object.keys(stateOf(data, OLD).works).sort(), ["get_bench_result:b1", "get_bench_result:b2"], "the old session keeps its works");
    assert.equal(recordedState(data, NEW), undefined, "the new session writes nothing for being told");
    assert.equal(contextOfStart(runHook("pick-up-waits", sessionStart(NEW, "clear"), options(data, 600))), told, "after /clear too");
  });

  it("hears nothing of another project's work, of ended or released work, or on a resume", () => {
    const data = tempDataDir();
    oldRun(data);
    assert.equal(runHook("pick-up-waits", sessionStart(NEW, "startup"), options(data, 600, "/work/other")).stdout, "");
    assert.equal(runHook("pick-up-waits", sessionStart(NEW, "resume"), options(data, 600)).stdout, "");
    pollOld(data, 620, "FINISHED");
    assert.equal(stateOf(data, OLD).works["get_bench_result:b1"]?.terminal?.value, "FINISHED");
    assert.match(contextOfStart(runHook("pick-up-waits", sessionStart(NEW, "startup"), options(data, 630))) ?? "", /left a wait pending: get_bench_result\(benchResultId=b2\)/);
    // As /octoperf:stop-wait leaves it: released since its last touch.
    const old = stateOf(data, OLD);
    const b2 = old.works["get_bench_result:b2"]!;
    writeFileSync(join(data, "hooks", `${OLD}.json`), JSON.stringify({ ...old, works: { ...old.works, "get_bench_result:b2": { ...b2, releasedAt: at(630) } } }));
    assert.equal(runHook("pick-up-waits", sessionStart(NEW, "startup"), options(data, 640)).stdout, "");
  });

  it("is not misled by a file that does not validate", () => {
    const data = tempDataDir();
    oldRun(data);
    writeFileSync(join(data, "hooks", "0c0c0c0c-9999-4aaa-8bbb-cccccccccccc.json"), '{"version":1,"works":{"x":1}}');
    assert.match(contextOfStart(runHook("pick-up-waits", sessionStart(NEW, "startup"), options(data, 600))) ?? "", /b1 b2/);
  });
});

describe("/octoperf:wait in the new session", () => {
  it("takes the named work over: it leaves the old session in one write and is this session's from its next poll", () => {
    const data = tempDataDir();
    oldRun(data);
    const said = runHook("take-over-waits", expansion("octoperf:wait", "b1", NEW), options(data, 600));
    assert.equal(
      said.stdout,
      "octoperf wait: this session took over from an earlier one get_bench_result(benchResultId=b1) (scenario-run, last seen RUNNING 9m ago, deadline in 10m). " +
        "Poll it once now (step 2): this plugin's hooks follow it from that poll on and wake you; do not start a watcher of your own.\n",
    );
    const old = stateOf(data, OLD);
    assert.deepEqual(Object.keys(old.works), ["get_bench_result:b2"], "b1 left the old session");
    assert.deepEqual(old.movedOut?.map((m) => [m.key, m.to]), [["get_bench_result:b1", NEW]]);
    const mine = stateOf(data, NEW);
    assert.deepEqual(Object.keys(mine.works), ["get_bench_result:b1"]);
    assert.equal(mine.works["get_bench_result:b1"]?.deadlineAt, old.movedOut?.[0]?.work.deadlineAt, "the deadline it had");
    assert.equal(mine.works["get_bench_result:b1"]?.freePoll, true, "the command's poll passes the pace");
    assert.equal(mine.project, PROJECT);
    // The command's poll is this session's now: its answer is recorded here, and the old session no longer knows the handle.
    runHook("pace-guard", JSON.stringify({ session_id: NEW, hook_event_name: "PreToolUse", tool_name: toolName("get_bench_result"), tool_input: { benchResultId: "b1" } }), options(data, 601));
    const outcome = runHook("poll-outcome", post(toolName("get_bench_result"), { benchResultId: "b1" }, structured({ id: "b1", state: "FINISHED" }), NEW), options(data, 602));
    assert.match(outcome.stdout, /scenario-run/);
    assert.equal(stateOf(data, NEW).works["get_bench_result:b1"]?.terminal?.value, "FINISHED");
    assert.equal(runHook("poll-outcome", post(toolName("get_bench_result"), { benchResultId: "b1" }, structured({ id: "b1", state: "FINISHED" }), OLD), options(data, 603)).stdout, "");
    // Asked again, there is nothing left to take.
    const again = runHook("take-over-waits", expansion("octoperf:wait", "b1", NEW), options(data, 610));
    assert.equal(again.stdout, "");
    // And the next new session hears only of b2.
    assert.match(contextOfStart(runHook("pick-up-waits", sessionStart("0d0d0d0d-1111-4222-8333-444444444444", "startup"), options(data, 620))) ?? "", /left a wait pending: get_bench_result\(benchResultId=b2\).*`\/octoperf:wait b2` takes it over here\.$/);
  });

  it("the session that gave the work away, resumed, hears where it went, once, and waits for what it kept", () => {
    const data = tempDataDir();
    oldRun(data);
    runHook("take-over-waits", expansion("octoperf:wait", "b1", NEW), options(data, 600));
    runHook("pick-up-waits", sessionStart(OLD, "resume"), options(data, 700));
    const prompt = JSON.stringify({ session_id: OLD, hook_event_name: "UserPromptSubmit", prompt: "Is it done?" });
    const told = runHook("tell-pending", prompt, options(data, 701));
    const text = (JSON.parse(told.stdout) as { hookSpecificOutput: { additionalContext: string } }).hookSpecificOutput.additionalContext;
    assert.match(text, /^OctoPerf: while this session was closed, another session took over get_bench_result\(benchResultId=b1\) \(\/octoperf:wait typed there\): that session follows it/);
    assert.match(text, /\nOctoPerf: this session was resumed with a wait still pending, and nothing waits on it since the last session ended: get_bench_result\(benchResultId=b2\)/);
    assert.doesNotMatch(text.split("\n")[1] ?? "", /b1/);
    runHook("pick-up-waits", sessionStart(OLD, "resume"), options(data, 800));
    assert.doesNotMatch(runHook("tell-pending", prompt, options(data, 801)).stdout, /took over/, "said once");
  });

  it("leaves work that a live waiter of its own session holds, and says so", () => {
    const data = tempDataDir();
    oldRun(data);
    const file = join(data, "hooks", `${OLD}.json`);
    const live: WaiterRecord = { kind: "watcher", pid: process.pid, token: "live1", works: ["get_bench_result:b1"], at: at(60), until: at(100_000) };
    writeFileSync(file, JSON.stringify({ ...stateOf(data, OLD), waiters: [live] }));
    const told = contextOfStart(runHook("pick-up-waits", sessionStart(NEW, "startup"), options(data, 600)));
    assert.match(told ?? "", /b1\) \(scenario-run, last seen RUNNING 9m ago, deadline in 10m, followed by its own session's waiter\)/);
    assert.match(told ?? "", /`\/octoperf:wait b2` takes it over here\.$/, "only what nothing holds is offered");
    const said = runHook("take-over-waits", expansion("octoperf:wait", "b1 b2", NEW), options(data, 600));
    assert.match(said.stdout, /took over from an earlier one get_bench_result\(benchResultId=b2\) /);
    assert.match(said.stdout, /\noctoperf wait: get_bench_result\(benchResultId=b1\) is followed by the session that started it, whose own waiter wakes it: not taken over\./);
    assert.deepEqual(Object.keys(stateOf(data, OLD).works), ["get_bench_result:b1"]);
    assert.deepEqual(Object.keys(stateOf(data, NEW).works), ["get_bench_result:b2"]);
  });

  it("finishes a move stopped between its two writes", () => {
    const data = tempDataDir();
    oldRun(data);
    runHook("take-over-waits", expansion("octoperf:wait", "b1", NEW), options(data, 600));
    // As if the taker had stopped after the giving session's write.
    writeFileSync(join(data, "hooks", `${NEW}.json`), JSON.stringify({ version: 1, works: {}, aliases: {}, schedules: [], scenarios: {} }));
    const said = runHook("take-over-waits", expansion("octoperf:wait", "b1", NEW), options(data, 700));
    assert.match(said.stdout, /took over from an earlier one get_bench_result\(benchResultId=b1\)/);
    assert.deepEqual(Object.keys(stateOf(data, NEW).works), ["get_bench_result:b1"]);
  });

  it("takes nothing on arguments the command refuses, or on another command", () => {
    const data = tempDataDir();
    oldRun(data);
    for (const [command, args] of [["octoperf:wait", "b1; rm -rf ~"], ["octoperf:wait", "$(b1)"], ["octoperf:wait", "b1 task:t1"], ["octoperf:login", "b1"]] as const) {
      assert.equal(runHook("take-over-waits", expansion(command, args, NEW), options(data, 600)).stdout, "", `${command} ${args}`);
    }
    assert.equal(Object.keys(stateOf(data, OLD).works).length, 2);
    assert.equal(recordedState(data, NEW), undefined);
  });

  it("takes a validation by its project and virtual user, through the user-level alias too", () => {
    const data = tempDataDir();
    runHook("plan-after-start", post(toolName("validate_virtual_user"), { projectId: "p1", virtualUserId: "v1", providerId: "pr", location: "l", iterations: 1 }, structured({ benchResultId: "vb1", state: "CREATED" }), OLD), options(data, 0));
    const told = contextOfStart(runHook("pick-up-waits", sessionStart(NEW, "startup"), options(data, 10)));
    assert.match(told ?? "", /`\/octoperf:wait validation:p1\/v1` takes it over here\.$/);
    assert.match(runHook("take-over-waits", expansion("octoperf-wait", "validation:p1/v1", NEW), options(data, 10)).stdout, /took over from an earlier one get_virtual_user_validation\(projectId=p1, virtualUserId=v1\)/);
  });
});

describe("the commands that name pending work", () => {
  it("need one per kind and one per validation, and each parses as /octoperf:wait's arguments", () => {
    const works: NamedWork[] = [
      { op: "scenario-run" as const, handle: "b1", args: { benchResultId: "b1" } },
      { op: "pdf-export" as const, handle: "t1", args: { taskId: "t1" } },
      { op: "scenario-run" as const, handle: "b2", args: { benchResultId: "b2" } },
      { op: "validation" as const, handle: "vb1", args: { projectId: "p1", virtualUserId: "v1" } },
      { op: "validation" as const, handle: "vb2", args: { projectId: "p1", virtualUserId: "v2" } },
    ];
    const commands = waitCommands(works);
    assert.deepEqual(commands, ["/octoperf:wait b1 b2", "/octoperf:wait task:t1", "/octoperf:wait validation:p1/v1", "/octoperf:wait validation:p1/v2"]);
    for (const command of commands) assert.equal(parseWaitArguments(command.slice("/octoperf:wait ".length)).ok, true, command);
  });
});
