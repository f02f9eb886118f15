import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_BACKGROUND_WAIT_S } from "../../src/policy/background.js";
import { CLAUDE_MAX_SLEEP_S, CLAUDE_SLEEP_REFUSAL_THRESHOLD_S, MONITOR_MAX_TIMEOUT_MS } from "../../src/policy/harness.js";
import { planWait } from "../../src/policy/plan.js";

test("short waits in Claude Code use a standalone sleep under the refusal threshold", () => {
  const plan = planWait({ operation: "validation", expectedSeconds: 30 });
  assert.equal(plan.cadenceSeconds, 3);
  assert.equal(plan.chosen.id, "claude-sleep");
  assert.ok(plan.chosen.intervalSeconds < CLAUDE_SLEEP_REFUSAL_THRESHOLD_S);
});

test("a cadence above the sleep limit falls back to /loop's whole minute and says it is not exact", () => {
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 300 });
  assert.equal(plan.cadenceSeconds, 30);
  assert.equal(plan.chosen.id, "loop");
  assert.equal(plan.chosen.intervalSeconds, 60);
  assert.equal(plan.chosen.exact, false);
  assert.ok(plan.options.every((o) => o.id !== "claude-sleep"));
});

test("at the sleep limit itself the sleep is still chosen; one above it is not", () => {
  assert.equal(planWait({ operation: "scenario-run", expectedSeconds: CLAUDE_MAX_SLEEP_S * 10 }).chosen.id, "claude-sleep");
  assert.equal(planWait({ operation: "scenario-run", expectedSeconds: (CLAUDE_MAX_SLEEP_S + 1) * 10 }).chosen.id, "loop");
});

test("a 10-minute run polls every minute with /loop, cheaper than ScheduleWakeup", () => {
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 600 });
  assert.equal(plan.chosen.id, "loop");
  assert.equal(plan.chosen.exact, true);
  const wakeup = plan.options.find((o) => o.id === "wakeup");
  assert.ok(wakeup && wakeup.estimatedTurns > plan.chosen.estimatedTurns);
});

test("the watcher wins whenever it can reach OctoPerf, and is offered only then", () => {
  for (const expectedSeconds of [30, 300, 600, 1800, 7200]) {
    const withKey = planWait({ operation: "scenario-run", expectedSeconds, watcher: true });
    // Monitor for a wait within its 30-minute window; beyond, one background Bash call costs less than re-arming Monitor.
    assert.equal(withKey.chosen.id, expectedSeconds < MONITOR_MAX_TIMEOUT_MS / 1000 ? "monitor" : "background-bash", `${expectedSeconds}`);
    assert.ok(withKey.chosen.intervalSeconds <= 10);
    const without = planWait({ operation: "scenario-run", expectedSeconds });
    assert.ok(without.options.every((o) => o.id !== "monitor" && o.id !== "background-bash" && o.id !== "background-watcher"));
  }
  assert.ok(planWait({ operation: "scenario-run", expectedSeconds: 600, watcher: true }).chosen.estimatedTurns <= 3);
});

test("where the hooks run, the background watcher needs no turn but its one wake, for any run up to its limit", () => {
  for (const expectedSeconds of [30, 600, 7200, MAX_BACKGROUND_WAIT_S - 1]) {
    const plan = planWait({ operation: "scenario-run", expectedSeconds, watcher: true, hooks: true });
    assert.equal(plan.chosen.id, "background-watcher");
    assert.equal(plan.chosen.estimatedTurns, 1);
  }
  // A run longer than one background wait: a wake and a poll more per extra wait.
  assert.equal(planWait({ operation: "scenario-run", expectedSeconds: MAX_BACKGROUND_WAIT_S + 60, watcher: true, hooks: true }).chosen.estimatedTurns, 3);
  // Without the hooks it is never offered; without credentials neither.
  assert.ok(planWait({ operation: "scenario-run", watcher: true }).options.every((o) => o.id !== "background-watcher"));
  assert.ok(planWait({ operation: "scenario-run", hooks: true }).options.every((o) => o.id !== "background-watcher"));
});

test("where the hooks run without credentials, the timer is chosen and costs no more turns than /loop, at any N", () => {
  for (const expectedSeconds of [30, 60, 90, 240, 250, 300, 590, 600, 7200]) {
    const plan = planWait({ operation: "scenario-run", expectedSeconds, hooks: true });
    assert.equal(plan.chosen.id, "cadence-timer", `${expectedSeconds}`);
    // Near the expected end it polls every N.
    assert.equal(plan.chosen.intervalSeconds, plan.cadenceSeconds);
    assert.equal(plan.chosen.exact, true);
    // A loop costs its polls (two turns each), its CronCreate and its CronDelete; the timer only its polls.
    const loop = plan.options.find((o) => o.id === "loop")!;
    assert.ok(plan.chosen.estimatedTurns <= loop.estimatedTurns, `${expectedSeconds} s: timer ${plan.chosen.estimatedTurns} turns, /loop ${loop.estimatedTurns}`);
  }
});

test("a generic agent gets a bounded sleep of exactly N", () => {
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 600, harness: "generic" });
  assert.equal(plan.chosen.id, "sleep");
  assert.equal(plan.chosen.intervalSeconds, 60);
});

test("deadlines follow the operation and grow with long runs", () => {
  assert.equal(planWait({ operation: "pdf-export" }).deadlineSeconds, 300);
  assert.equal(planWait({ operation: "correlation" }).deadlineSeconds, 120);
  assert.equal(planWait({ operation: "report-data" }).deadlineSeconds, 900);
  const long = planWait({ operation: "scenario-run", expectedSeconds: 7200 });
  assert.equal(long.deadlineSeconds, 7200 + 1800);
  assert.equal(planWait({ operation: "scenario-run", expectedSeconds: 600, deadlineSeconds: 999 }).deadlineSeconds, 999);
  assert.ok(MONITOR_MAX_TIMEOUT_MS / 1000 < long.deadlineSeconds, "long runs outlast one Monitor window");
});
