// A wait outlives its session, in the real client (`-p`, 2.1.330), with an
// API key: a session starts a run and its hooks' background watcher waits on
// it (holding -p); the client is SIGKILLed mid-wait, and the hooks and the
// watcher it left end themselves, waking nobody. `claude -p --resume <id>`
// follows it again while the run still goes: the first prompt hears what was
// pending and to poll once (an unattended resume arms nothing at its start:
// rewatch-on-resume.ts); that poll's hook runs the watcher again, and -p
// hands the poll's answer over with the watcher's outcome line, once. Every
// wait here is on an event: a process, a record of the hooks, an exit.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { operation } from "../../src/policy/index.js";
import { hookStates, waitFor } from "./harness/hook-state.js";
import { killMarkedClient, markedProcesses, waitingProcesses } from "./harness/interactive.js";
import { buildPluginVariant } from "./harness/plugin-variant.js";
import { newTexts } from "./harness/requests.js";
import { startRestSimulator, TEST_OCTOPERF_KEY } from "./harness/rest-simulator.js";
import { text, tool, toolSearch } from "./harness/script.js";
import { describeRun, octoTool, runScripted } from "./harness/session.js";

const RUN = octoTool("bundled", "run_scenario");
const POLL = octoTool("bundled", "get_bench_result");
const MARKER = "OCTOPERF_E2E_RESUME_WATCHER";
// The demo scenario (about 10 minutes, two bench results) at 4x: about two and a half minutes of real
// time, so the run still goes when the resumed session polls, even on a loaded machine (the kill, the
// orphaned hooks' end and the resume take well under a minute there).
const SCENARIO = "scn-checkout";
const SPEED = 4;

test("-p with an API key: killed mid-wait, resumed: one poll, then the watcher's one wake with the outcome", { timeout: 600_000 }, async () => {
  const base = await mkdtemp(join(tmpdir(), "octoperf-e2e-resume-watcher-"));
  const statePath = join(base, "state.json");
  const variant = await buildPluginVariant({ mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } });
  const rest = await startRestSimulator({ statePath, speed: SPEED });
  const home = join(base, "home");
  const cwd = join(base, "work");
  await Promise.all([mkdir(home), mkdir(cwd)]);
  const marker = randomUUID();
  const env = { [MARKER]: marker, OCTOPERF_API_KEY: TEST_OCTOPERF_KEY, OCTOPERF_API_URL: rest.url, OCTOPERF_WAIT_TIME_SCALE: String(SPEED), OCTOPERF_HOOKS_TIME_SCALE: String(SPEED) };
  const session = randomUUID();
  const run = { pluginDir: variant.dir, home, cwd, env, allowedTools: ["ToolSearch", RUN, POLL], timeoutMs: 400_000 };
  try {
    // In -p the client holds the start's answer until its background hook ends (one-wake.test.ts), so the
    // model never sees it: the client is killed while the watcher waits, and the ids come from the hooks' record.
    const first = runScripted({ ...run, prompt: `Run ${SCENARIO}.`, extraArgs: ["--session-id", session] }, [
      toolSearch([RUN]),
      tool(RUN, { scenarioId: SCENARIO }),
      () => text("(never asked: the kill comes first)"),
    ]);
    await waitFor("the first session's watcher", async () => ((await waitingProcesses(MARKER, marker)).includes("octoperf-wait.mjs") ? true : undefined));
    await killMarkedClient(MARKER, marker);
    const killed = await first;
    assert.notEqual(killed.result.code, 0, describeRun(killed));
    await waitFor("the orphaned wait to end", async () => ((await waitingProcesses(MARKER, marker)).length === 0 ? true : undefined));
    const left = (await hookStates(home, session))[0];
    const ids = Object.values(left?.works ?? {}).map((w) => w.handle);
    assert.equal(ids.length, 2, "the run's two bench results are recorded");
    assert.deepEqual(Object.values(left?.works ?? {}).map((w) => w.terminal), [undefined, undefined], "the run is pending when the session ends");

    let told = "";
    let answered = "";
    const resumed = await runScripted({ ...run, prompt: "Is it done?", extraArgs: ["--resume", session] }, [
      (turn) => {
        told = newTexts(turn.request).join("\n");
        return toolSearch([POLL]);
      },
      // The handle as the resume's line names it: the model never saw the start's answer.
      () => tool(POLL, { benchResultId: /benchResultId=([A-Za-z0-9_-]+)\)/.exec(told)?.[1] ?? "" }),
      (turn) => {
        answered = [turn.toolResult?.text ?? "", ...newTexts(turn.request)].join("\n");
        return text("The run finished.");
      },
    ]);
    resumed.model.assertComplete();
    assert.equal(resumed.result.code, 0, describeRun(resumed));
    assert.match(told, /this session was resumed with waits still pending.*Poll each once now/s);
    for (const id of ids) assert.match(told, new RegExp(`benchResultId=${id}\\)`));
    const state = /"state":\s*"([A-Z_]+)"/.exec(answered)?.[1] ?? "";
    assert.ok(operation("scenario-run").inFlight.includes(state), `the resume's poll finds the run still going (${state})`);
    // The poll's hook ran the watcher again; -p holds the poll's answer until it ends, and hands both over at once.
    for (const id of ids) assert.match(answered, new RegExp(`octoperf-wait: scenario-run succeeded: .*${id} FINISHED`), `the outcome of ${id} comes with the poll`);
    assert.equal(resumed.model.requests.length, 3, "one poll, its answer with the outcome, nothing else");
    assert.deepEqual(await markedProcesses(MARKER, marker), [], "nothing of the plugin outlives the session");
  } finally {
    await rest.stop();
    await variant.dispose();
    await rm(base, { recursive: true, force: true });
  }
});
