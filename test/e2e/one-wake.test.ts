// The one-wake wait in the real client, `-p` (headless): the background hooks
// are asyncRewake PostToolUse hooks, and in -p Claude Code 2.1.330 waits for
// such a hook before its next model request, then hands over its stderr. So:
// - with credentials (a test key, the simulator's REST API): the request
//   that carries run_scenario's answer also carries the plan and the
//   watcher's outcome line: the run holds the session until it ends, and no
//   model turn goes to waiting;
// - without: the answer of a poll that is not final comes one cadence (N)
//   later, with the line that names the next poll;
// - /octoperf:stop-wait, typed in the same session (`--resume` from a second
//   client while the first one waits), ends the background wait: the first
//   session goes on at once, with no outcome line.
// Interactive sessions: interactive-one-wake.test.ts and interactive-waits.test.ts.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { operation, planWait, terminalValues } from "../../src/policy/index.js";
import { expectedRunSeconds } from "../../src/policy/profiles.js";
import { markedProcesses } from "./harness/interactive.js";
import { buildPluginVariant } from "./harness/plugin-variant.js";
import { newTexts, toolResults } from "./harness/requests.js";
import { startRestSimulator, TEST_OCTOPERF_KEY } from "./harness/rest-simulator.js";
import { runScripted } from "./harness/session.js";
import { text, tool, toolSearch, type Step, type Turn } from "./harness/script.js";
import { describeRun, hookProblems, octoTool } from "./harness/session.js";

const RUN = octoTool("bundled", "run_scenario");
const SCENARIO = octoTool("bundled", "get_scenario");
const POLL = octoTool("bundled", "get_bench_result");
const MARKER = "OCTOPERF_E2E_ONE_WAKE";

function json(turn: Turn): Record<string, unknown> {
  return JSON.parse(turn.toolResult?.text ?? "{}") as Record<string, unknown>;
}

interface Setup {
  readonly statePath: string;
  readonly pluginDir: string;
  readonly home: string;
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly marker: string;
  dispose(): Promise<void>;
}

/** A plugin variant whose stdio simulator shares a state file, a HOME and a folder; with credentials, a REST simulator on the same state. */
async function setup(speed: number, credentials: boolean): Promise<Setup> {
  const base = await mkdtemp(join(tmpdir(), "octoperf-e2e-onewake-"));
  const statePath = join(base, "state.json");
  const variant = await buildPluginVariant({ mcp: "bundled", simulator: { speed, extraArgs: ["--state", statePath] } });
  const rest = credentials ? await startRestSimulator({ statePath, speed }) : undefined;
  const marker = randomUUID();
  const home = join(base, "home");
  const cwd = join(base, "work");
  await Promise.all([mkdir(home), mkdir(cwd)]);
  const env: Record<string, string> = {
    OCTOPERF_HOOKS_TIME_SCALE: String(speed),
    OCTOPERF_WAIT_TIME_SCALE: String(speed),
    [MARKER]: marker,
    ...(rest ? { OCTOPERF_API_KEY: TEST_OCTOPERF_KEY, OCTOPERF_API_URL: rest.url } : {}),
  };
  return {
    statePath,
    pluginDir: variant.dir,
    home,
    cwd,
    env,
    marker,
    dispose: async () => {
      await rest?.stop();
      await variant.dispose();
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** Whether a watcher of this session runs (its environment carries the session's marker). */
async function watcherRunning(marker: string): Promise<boolean> {
  for (const pid of await markedProcesses(MARKER, marker)) {
    if ((await readFile(`/proc/${pid}/cmdline`, "latin1").catch(() => "")).includes("octoperf-wait.mjs")) return true;
  }
  return false;
}

/** Read the scenario, start it: the steps every session here begins with. */
function startSteps(scenarioId: string, found: { ids: string[]; scenario?: unknown }): Step[] {
  return [
    toolSearch([SCENARIO, RUN, POLL]),
    tool(SCENARIO, { scenarioId }),
    (turn) => {
      found.scenario = json(turn);
      return tool(RUN, { scenarioId });
    },
  ];
}

describe("the one-wake wait in -p", { concurrency: true }, () => {
  test("with credentials: run_scenario's answer comes with the plan and the outcome line; no turn goes to waiting", { timeout: 180_000 }, async () => {
    const s = await setup(60, true);
    try {
      const found: { ids: string[]; scenario?: unknown } = { ids: [] };
      let answered = "";
      const record = await runScripted(
        { prompt: "Run scn-checkout and tell me the outcome.", pluginDir: s.pluginDir, home: s.home, cwd: s.cwd, env: s.env, allowedTools: ["ToolSearch", SCENARIO, RUN, POLL], timeoutMs: 150_000 },
        [
          ...startSteps("scn-checkout", found),
          (turn) => {
            found.ids = ((json(turn).benchResultIds as unknown[]) ?? []).map(String);
            answered = [turn.toolResult?.text ?? "", ...newTexts(turn.request)].join("\n");
            return text("The run ended; reporting.");
          },
        ],
      );
      record.model.assertComplete();
      assert.equal(record.result.code, 0, describeRun(record));
      assert.equal(found.ids.length, 2, answered.slice(0, 500));
      assert.ok(answered.includes("A background watcher run by this plugin's hooks now waits"), `no plan: ${answered.slice(0, 800)}`);
      const line = /octoperf-wait: scenario-run succeeded: [^\n"]*/.exec(answered)?.[0] ?? "";
      for (const id of found.ids) assert.ok(line.includes(`${id} FINISHED`), `no outcome for ${id} in: ${answered.slice(0, 1500)}`);
      // Four requests in all: the prompt, ToolSearch's answer, get_scenario's, and run_scenario's with the outcome.
      assert.equal(record.model.requests.length, 4);
      assert.deepEqual(await markedProcesses(MARKER, s.marker), []);
    } finally {
      await s.dispose();
    }
  });

  test("without credentials: a poll that is not final is answered when the next is due, with the next poll to make", { timeout: 180_000 }, async () => {
    // The 90-second smoke run lasts 6 s at 15x. The hooks' clock runs at 3x: N (9 s) is 3 real seconds, and the
    // schedule's first step (about half the run, to land on its expected end) about 15.
    const hooksScale = 3;
    const s = await setup(15, false);
    s.env.OCTOPERF_HOOKS_TIME_SCALE = String(hooksScale);
    try {
      const found: { ids: string[]; scenario?: unknown } = { ids: [] };
      let polledAt = 0;
      let firstAnswerAt = 0;
      let firstAnswer = "";
      const states: string[] = [];
      const record = await runScripted(
        { prompt: "Run scn-smoke and tell me the outcome.", pluginDir: s.pluginDir, home: s.home, cwd: s.cwd, env: s.env, allowedTools: ["ToolSearch", SCENARIO, RUN, POLL], timeoutMs: 150_000 },
        [
          ...startSteps("scn-smoke", found),
          (turn) => {
            found.ids = ((json(turn).benchResultIds as unknown[]) ?? []).map(String);
            polledAt = Date.now();
            return tool(POLL, { benchResultId: found.ids[0] ?? "" });
          },
          (turn) => {
            firstAnswerAt = Date.now();
            firstAnswer = newTexts(turn.request).join("\n");
            states.push(String(json(turn).state));
            return tool(POLL, { benchResultId: found.ids[0] ?? "" });
          },
          (turn) => {
            states.push(String(json(turn).state));
            return text("Done.");
          },
        ],
      );
      record.model.assertComplete();
      const plan = planWait({ operation: "scenario-run", expectedSeconds: expectedRunSeconds(found.scenario) ?? 0, hooks: true });
      assert.equal(plan.cadenceSeconds, 9);
      assert.ok(!terminalValues(operation("scenario-run")).includes(states[0] ?? ""), `the first poll was final: ${states[0]}`);
      const waited = (firstAnswerAt - polledAt) / 1000;
      // Never before the cadence, the schedule's smallest step (a busy machine only makes it later).
      assert.ok(waited >= plan.cadenceSeconds / hooksScale - 0.5, `the first poll's answer came after ${waited} s`);
      assert.match(firstAnswer, new RegExp(`the next poll is due: call get_bench_result\\(benchResultId=${found.ids[0]}\\) now\\.`));
      // The second poll is on time (the pace guard lets it through) and final: its answer comes at once, with no wake line.
      assert.equal(states[1], "FINISHED");
      const last = record.model.requests.at(-1)!;
      assert.doesNotMatch(newTexts(last).join("\n"), /next poll is due/);
      assert.equal(toolResults(last).filter((r) => r.toolName === POLL && r.isError).length, 0, "a poll was refused");
      assert.deepEqual(hookProblems(record).filter((p) => !/exit 2,/.test(p)), []);
    } finally {
      await s.dispose();
    }
  });

  test("/octoperf:stop-wait, typed from a second client on the same session, ends the background wait", { timeout: 180_000 }, async () => {
    // A 2-hour run at 60x: two real minutes, far longer than this test.
    const s = await setup(60, true);
    const session = randomUUID();
    try {
      const found: { ids: string[]; scenario?: unknown } = { ids: [] };
      let answered = "";
      let stopSaid = "";
      const waiting = runScripted(
        { prompt: "Run scn-soak.", pluginDir: s.pluginDir, home: s.home, cwd: s.cwd, env: s.env, allowedTools: ["ToolSearch", SCENARIO, RUN], timeoutMs: 150_000, extraArgs: ["--session-id", session] },
        [
          ...startSteps("scn-soak", found),
          (turn) => {
            answered = [turn.toolResult?.text ?? "", ...newTexts(turn.request)].join("\n");
            found.ids = ((json(turn).benchResultIds as unknown[]) ?? []).map(String);
            return text("Stopped waiting.");
          },
        ],
      );
      // Once run_scenario has been called and its background hook has started its watcher:
      for (let tries = 0; !(await watcherRunning(s.marker)) && tries < 600; tries += 1) await new Promise((done) => setTimeout(done, 100));
      assert.ok(await watcherRunning(s.marker), "no background watcher started");
      const stop = await runScripted(
        { prompt: "/octoperf:stop-wait", pluginDir: s.pluginDir, home: s.home, cwd: s.cwd, env: s.env, timeoutMs: 60_000, extraArgs: ["--resume", session] },
        [
          (turn) => {
            stopSaid = newTexts(turn.request).join("\n");
            return text("Ended.");
          },
        ],
      );
      assert.equal(stop.result.code, 0, describeRun(stop));
      const record = await waiting;
      record.model.assertComplete();
      assert.match(stopSaid, /octoperf stop-wait: ended the background watcher on get_bench_result\(benchResultId=\S+\) \(process \d+\)\./);
      assert.ok(answered.includes("A background watcher run by this plugin's hooks now waits"), answered.slice(0, 600));
      assert.doesNotMatch(answered, /octoperf-wait: scenario-run/, "nobody was woken with an outcome");
      // Had the wait gone on, the first session would have been woken with the run's outcome (refused just above).
      assert.deepEqual(await markedProcesses(MARKER, s.marker), []);
    } finally {
      await s.dispose();
    }
  });
});
