// Start-to-exit time of each hook (the one bundle, run with the hook's name),
// next to a bare `node -e ''` run in the same loop (interleaved, so machine
// noise hits both alike). Claude Code starts a hook process on every matching
// tool call: the ratio is what the plugin adds to that call. Target: <= 1.5.
// The background hooks run apart from the session (asyncRewake: nothing waits
// for their start-up, and in -p their wait dwarfs it); they are timed on a
// call where they decide at once that there is nothing to wait for (no
// credentials after a start, a final poll), shown apart and not held to the
// target: they load the background bundle besides the hook bundle.
// Then the worst input a hook can get: a 150,000-line text answer to a status
// poll, which must be read in a bounded prefix, far within the hook timeout.
// Usage: npm run bench:hooks [-- --runs 51]
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HOOK_BUNDLE } from "../src/build/hooks-json.js";
import { HOOKS } from "../src/hooks/runtime/registry.js";
import { claudeToolNames } from "../src/policy/index.js";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const TARGET_RATIO = 1.5;
const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag > 0 ? Math.max(5, Number(process.argv[runsFlag + 1]) || 31) : 31;
const SESSION = "0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b";
const NOW = Date.UTC(2026, 0, 1);
/** The answer that took 24.9 s with a quadratic line regex. */
const LONG_ANSWER_LINES = 150_000;

const octo = (tool: string) => claudeToolNames(tool)[1]!;
const event = (hook_event_name: string, tool_name: string, tool_input: object, tool_response?: unknown) =>
  JSON.stringify({ session_id: SESSION, hook_event_name, tool_name, tool_input, tool_response, tool_use_id: "toolu_bench", cwd: "/tmp" });

/** A realistic call for each hook; the state holds a started run, so each hook does its full work. */
const STDIN: Record<string, string> = {
  "plan-after-start": event("PostToolUse", octo("run_scenario"), { scenarioId: "sc1" }, JSON.stringify({ benchReportId: "r1", benchResultIds: ["b1", "b2"] })),
  "pace-guard": event("PreToolUse", octo("get_bench_result"), { benchResultId: "b1" }),
  "poll-outcome": event("PostToolUse", octo("get_bench_result"), { benchResultId: "b2" }, [{ type: "text", text: '{"state":"RUNNING"}' }]),
  "record-schedule": event("PostToolUse", "CronCreate", { cron: "* * * * *", prompt: "call get_bench_result(benchResultId=b1)" }, JSON.stringify({ id: "c1" })),
  "record-scenario": event("PostToolUse", octo("get_scenario"), { scenarioId: "sc1" }, JSON.stringify({ userProfiles: [{ loadStrategy: { holdForSec: 300 } }] })),
  "wait-in-background": event("PostToolUse", octo("run_scenario"), { scenarioId: "sc1" }, JSON.stringify({ benchReportId: "r1", benchResultIds: ["b1", "b2"] })),
  "wake-after-poll": event("PostToolUse", octo("get_bench_result"), { benchResultId: "b2" }, [{ type: "text", text: '{"state":"FINISHED"}' }]),
  "condition-pace": event("PreToolUse", octo("list_provider_agents"), { providerId: "prov1" }),
  "condition-outcome": event("PostToolUse", octo("list_provider_agents"), { providerId: "prov1" }, JSON.stringify({ agents: [{ id: "a1", state: "STARTING" }] })),
  "stop-waits": JSON.stringify({
    session_id: SESSION,
    hook_event_name: "UserPromptExpansion",
    expansion_type: "slash_command",
    command_name: "octoperf:stop-wait",
    command_args: "b1",
    command_source: "plugin",
    cwd: "/tmp",
  }),
};

function timeOnce(args: string[], input: string, env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { input, env, stdio: ["pipe", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${String(run.status)}: ${run.stderr.toString()}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  const data = mkdtempSync(join(tmpdir(), "octoperf-bench-hooks-"));
  const env = { PATH: process.env.PATH, CLAUDE_PLUGIN_DATA: data, OCTOPERF_HOOKS_TEST_NOW: String(NOW) };
  const hook = (name: string) => [join(ROOT, HOOK_BUNDLE), name];
  timeOnce(hook("plan-after-start"), STDIN["plan-after-start"]!, env); // state with a started run
  console.log(`hook start-to-exit, median of ${RUNS} runs, node ${process.version}\n`);
  console.log(`${"hook".padEnd(18)} ${"hook ms".padStart(8)} ${"node -e '' ms".padStart(14)} ${"ratio".padStart(6)} ${"paired".padStart(7)}`);
  let worst = 0;
  for (const { name, kind } of [...HOOKS].sort((a, b) => Number(a.kind === "background") - Number(b.kind === "background"))) {
    const hooked: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(timeOnce(["-e", ""], "", env));
      hooked.push(timeOnce(hook(name), STDIN[name] ?? "", env));
    }
    const ratio = median(hooked) / median(bare);
    // The median of each hook run over the bare run just before it: steadier when the machine is busy.
    const paired = median(hooked.map((ms, i) => ms / bare[i]!));
    if (kind !== "background") worst = Math.max(worst, ratio);
    console.log(
      `${name.padEnd(18)} ${median(hooked).toFixed(1).padStart(8)} ${median(bare).toFixed(1).padStart(14)} ${ratio.toFixed(2).padStart(6)} ${paired.toFixed(2).padStart(7)}${kind === "background" ? "  (background)" : ""}`,
    );
  }
  console.log(`\nratio = median hook / median node -e ''; paired = median of (hook run / the bare run before it)`);
  console.log(`worst ratio of the hooks a tool call waits for ${worst.toFixed(2)} (target <= ${TARGET_RATIO}): ${worst <= TARGET_RATIO ? "met" : "NOT met"}`);

  const longAnswer = event("PostToolUse", octo("get_bench_result"), { benchResultId: "b2" }, [{ type: "text", text: "\n".repeat(LONG_ANSWER_LINES) }]);
  const long = Array.from({ length: 5 }, () => timeOnce(hook("poll-outcome"), longAnswer, env));
  console.log(`\npoll-outcome on a ${LONG_ANSWER_LINES.toLocaleString("en")}-line text answer: ${median(long).toFixed(1)} ms (median of 5; hook timeout 10 s)`);
}

main();
