import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { planView } from "../../src/demo/plan-view.js";
import { runDemo } from "../../src/demo/simulated-run.js";
import { planWait, realisation } from "../../src/policy/index.js";
import { parseFaults } from "../../src/simulator/faults.js";

const root = join(import.meta.dirname, "..", "..");

async function demo(faults?: string, credentials = true) {
  let stdout = "";
  // 600x: the 9m30s run takes about a second; the watcher keeps a 2-s real margin before its deadline.
  const code = await runDemo({ speed: 600, faults: faults ? parseFaults(faults) : undefined, credentials, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
  return { code, stdout };
}

test("the demo starts a scenario on the simulator and waits for it with the watcher", async () => {
  const { code, stdout } = await demo();
  assert.equal(code, 0);
  assert.match(stdout, /2\. run_scenario: benchReportId report-\w+, benchResultIds bench-0002, bench-0003/);
  assert.match(stdout, /scripts\/octoperf-wait\.mjs" bench bench-0002 bench-0003 --expected 9m30s --deadline 19m30s/);
  assert.match(stdout, /octoperf-wait: scenario-run succeeded: bench-0002 FINISHED .* Next: read the bench report/);
  assert.match(stdout, /5\. the watcher exited 0 \(succeeded/);
});

test("the plan comes first as the hooks carry it out: the background watcher's one wake, then the hooks-off ways", async () => {
  const { stdout } = await demo();
  const lines = stdout.split("\n");
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 570, watcher: true, hooks: true });
  assert.equal(plan.chosen.id, "background-watcher");
  const head = lines.findIndex((l) => l.startsWith("3. plan:"));
  assert.ok(head > 0, stdout);
  assert.equal(lines[head], `3. plan: poll every 57 s, deadline 19m30s; the wait: ${realisation("background-watcher").title}, ${plan.chosen.estimatedTurns} model turn`);
  assert.match(lines[head + 2]!, /^ {3}with the hooks off, cheapest first: monitor ~3, /);
  assert.ok(lines.findIndex((l) => l.includes("Monitor with command")) > head + 2, "the Monitor command comes after the one-wake plan");
});

test("--no-credentials plays the hooks' timer: a poll a cadence, two turns each, counted", async () => {
  const { code, stdout } = await demo(undefined, false);
  assert.equal(code, 0);
  const plan = planWait({ operation: "scenario-run", expectedSeconds: 570, watcher: false, hooks: true });
  assert.equal(plan.chosen.id, "cadence-timer");
  assert.match(stdout, new RegExp(`3\\. plan: poll every 57 s, deadline 19m30s; the wait: ${realisation("cadence-timer").title}, ${plan.chosen.estimatedTurns} model turns`));
  assert.match(stdout, /with the hooks off, cheapest first: loop ~22, /);
  const polls = stdout.split("\n").filter((l) => /\] poll \d+: bench-0002 /.test(l)).length;
  // About ten at one a cadence; fewer when a busy machine stretches each cycle, never more than the run allows.
  assert.ok(polls >= 1 && polls <= 12, `${polls} polls for a 9m30s run at 57 s`);
  assert.match(stdout, new RegExp(`5\\. final after ${polls} polls: ${polls * 2} model turns \\(2 a poll\\), against 1 with an API key or a sign-in\\.`));
  assert.doesNotMatch(stdout, /octoperf-wait: /, "no watcher runs without credentials");
});

test("with --fault abort the demo shows the failure and the first step of its diagnosis", async () => {
  const { code, stdout } = await demo("abort");
  assert.equal(code, 1);
  assert.match(stdout, /scenario-run failed: bench-0002 ABORTED/);
  assert.match(stdout, /next step, bench-0002 ABORTED: list_bench_result_files -> jmeter\.log/);
  assert.match(stdout, /\[ABORTED\] Test aborted/);
});

test("the plan view gives the cadence, the choice and the exact Claude Code instructions", () => {
  const ten = planView(600);
  assert.match(ten, /cadence: {2}poll every 60 s/);
  assert.match(ten, /chosen with the hooks off: monitor with OCTOPERF_API_KEY set, loop without/);
  // The hooks' own waits come first, named and counted by the policy.
  const hooks = ten.indexOf("with this plugin's hooks:");
  assert.ok(hooks > 0 && hooks < ten.indexOf("with the hooks off"), ten);
  assert.match(ten, /an API key or a sign-in +background-watcher +~ +1 model turns/);
  assert.match(ten, /neither +cadence-timer +~ +22 model turns/);
  assert.match(ten, /"command": "node \\"\$\{CLAUDE_PLUGIN_ROOT\}\/scripts\/octoperf-wait\.mjs\\" bench bench-result-1 bench-result-2 --expected 10m --deadline 20m"/);
  assert.match(ten, /\/loop 1m octoperf scenario-run: call get_bench_result\(benchResultId=bench-result-1\)/);
  assert.match(planView(7200), /--window 30m/);
});

test("npm start -- --duration prints the plan without a simulator; bad input exits 2", () => {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(root, "src/main.ts"), "--duration", "2h"], { cwd: root, encoding: "utf8" });
  assert.match(out, /Wait plan for a scenario run of about 2h/);
  assert.throws(() => execFileSync(process.execPath, ["--import", "tsx", join(root, "src/main.ts"), "--duration", "soon"], { cwd: root, stdio: "pipe" }), (e: { status: number }) => e.status === 2);
  assert.throws(
    () => execFileSync(process.execPath, ["--import", "tsx", join(root, "src/main.ts"), "--bogus"], { cwd: root, stdio: "pipe" }),
    (e: { status: number; stderr: Buffer }) => e.status === 2 && /^unknown option --bogus\nnpm start/.test(e.stderr.toString()) && !e.stderr.toString().includes("    at "),
  );
});
