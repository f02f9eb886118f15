// Waits longer than Monitor's 30-minute cap: the watcher prints the exact
// command to re-arm with just before the cap, and the continuation finishes.
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import assert from "node:assert/strict";
import { alternativeTargets, MONITOR_MAX_TIMEOUT_MS, planWait, pollTargets, operation } from "../../src/policy/index.js";
import { monitorArgs, WATCHER_COMMAND } from "../../src/calls/wait-calls.js";
import { splitCommand } from "../../src/watcher/mcp-backend.js";
import { REARM_MARGIN_S } from "../../src/watcher/watch.js";
import { simulator } from "./harness.js";

test("monitorArgs passes --window when the deadline outlasts Monitor's cap, and only then", () => {
  const targets = pollTargets(operation("scenario-run"), ["b1"]);
  const long = monitorArgs(planWait({ operation: "scenario-run", expectedSeconds: 7200, watcher: true }), targets);
  assert.equal(long.timeout_ms, MONITOR_MAX_TIMEOUT_MS);
  assert.match(long.command, / --window 30m$/);
  const short = monitorArgs(planWait({ operation: "scenario-run", expectedSeconds: 300, watcher: true }), targets);
  assert.ok(!short.command.includes("--window"));
});

test("a 2-hour run: re-arm lines before each 30-minute window, then the outcome", async () => {
  const { platform, watch, clock } = await simulator();
  const [id] = platform.runScenario("scn-soak").benchResultIds as [string];
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 7230, watcher: true });
  let argv = splitCommand(monitorArgs(plan, pollTargets(plan.operation, [id])).command).slice(2);
  const lines: string[] = [];
  for (let window = 0; window < 10; window += 1) {
    const started = clock.now();
    const outcome = await watch(argv);
    lines.push(...outcome.lines);
    if (outcome.code !== 2) {
      assert.equal(outcome.code, 0);
      break;
    }
    assert.ok(clock.now() - started < MONITOR_MAX_TIMEOUT_MS - (REARM_MARGIN_S - 10) * 1000, "the line comes before Monitor's cap");
    const rearm = outcome.lines.at(-1)!;
    assert.match(rearm, /still in flight after 2\dm.*Re-arm: call Monitor again with command: /);
    const command = rearm.slice(rearm.indexOf("command: ") + "command: ".length);
    assert.ok(command.startsWith(WATCHER_COMMAND));
    argv = splitCommand(command).slice(2);
  }
  const rearms = lines.filter((l) => l.includes("Re-arm"));
  assert.equal(rearms.length, 4, lines.join("\n"));
  assert.match(lines.at(-1)!, /scenario-run succeeded: bench-0002 FINISHED/);
  assert.equal(lines.filter((l) => l.includes("under way")).length, 1, "a re-armed watch does not announce the run again");
  assert.match(rearms[0]!, / --resumed$/);
  assert.match(rearms[1]!, /--expected 1h\d+m\d*s? --deadline \dh\d+m\d*s? --window 30m/);
  assert.ok(clock.now() - platform.endsAt(id) <= 10_000, "detected within one 10-s interval");
});

test("a validation watched by its benchResultId takes the bench form the REST backend follows", async () => {
  const op = operation("validation");
  const plan = planWait({ operation: "validation", watcher: true });
  const viaBench = monitorArgs(plan, alternativeTargets(op, ["bench-0007"]));
  assert.match(viaBench.command, / bench bench-0007 --operation validation --expected 30s --deadline 5m$/);
  const viaProject = monitorArgs(plan, pollTargets(op, ["bench-0007"], { projectId: "proj-demo", virtualUserId: "vu-browse" }));
  assert.match(viaProject.command, / validation proj-demo vu-browse --expected 30s/);
  const { platform, watch } = await simulator();
  const { benchResultId } = platform.validate("proj-demo", "vu-browse", 1);
  const outcome = await watch(splitCommand(monitorArgs(plan, alternativeTargets(op, [benchResultId])).command).slice(2));
  assert.equal(outcome.code, 0);
});

test("the re-arm line names the watcher's own script by its absolute path: a Monitor or Bash shell has no CLAUDE_PLUGIN_ROOT", async () => {
  const { platform, watch } = await simulator();
  const [id] = platform.runScenario("scn-soak").benchResultIds as [string];
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 7230, watcher: true });
  const argv = splitCommand(monitorArgs(plan, pollTargets(plan.operation, [id])).command).slice(2);
  for (const [self, shown] of [
    ["/opt/plugins/octoperf/scripts/octoperf-wait.mjs", "node /opt/plugins/octoperf/scripts/octoperf-wait.mjs bench "],
    ["/home/a b/it's/scripts/octoperf-wait.mjs", "node '/home/a b/it'\\''s/scripts/octoperf-wait.mjs' bench "],
  ] as const) {
    const outcome = await watch(argv, undefined, { self });
    const rearm = outcome.lines.at(-1)!;
    const command = rearm.slice(rearm.indexOf("command: ") + "command: ".length);
    assert.ok(command.startsWith(shown), command);
    assert.ok(!command.includes("CLAUDE_PLUGIN_ROOT"));
    const word = command.slice("node ".length, command.indexOf(" bench "));
    assert.equal(execFileSync("sh", ["-c", `printf '%s' ${word}`], { encoding: "utf8" }), self, "a shell reads the path back as it is");
  }
});
