// A new session (not a resume) in a project where an earlier one left a run
// pending, in the interactive client (2.1.330, tmux): a session with an API
// key starts a run and is SIGKILLed mid-wait (its hooks and watcher end
// themselves). A new session started in the same folder hears of the run in
// its first request, once, and takes nothing over. `/octoperf:wait <ids>`
// typed there moves the run to it (hook take-over-waits); its one poll arms
// this session's watcher, which wakes it once with the outcome. Every wait
// here is on an event: a process, a model request.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { hookStates, waitFor } from "./harness/hook-state.js";
import { SESSION_MARKER, startInteractive, waitingProcesses } from "./harness/interactive.js";
import { newTexts } from "./harness/requests.js";
import { startRestSimulator, TEST_OCTOPERF_KEY } from "./harness/rest-simulator.js";
import { text, tool, toolSearch } from "./harness/script.js";
import { octoTool } from "./harness/session.js";

const RUN = octoTool("bundled", "run_scenario");
const GET = octoTool("bundled", "get_bench_result");
// The demo scenario (about 9.5 minutes, two bench results) at 8x: about 70 s of real time, so the run
// is still going when the first client is killed, and most likely when the second one polls.
const SCENARIO = "scn-checkout";
const SPEED = 8;

test("interactive: a new session hears of an earlier one's pending run, and /octoperf:wait takes it over with one wake", { timeout: 300_000 }, async () => {
  const stateDir = await mkdtemp(join(tmpdir(), "octoperf-e2e-takeover-"));
  const statePath = join(stateDir, "state.json");
  const rest = await startRestSimulator({ statePath, speed: SPEED });
  const first = randomUUID();
  const second = randomUUID();
  let ids: string[] = [];
  let told = "";
  let expanded = "";
  const after: string[] = [];
  const session = await startInteractive({
    prompt: `Run ${SCENARIO}.`,
    plugin: { mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } },
    allowedTools: ["ToolSearch", RUN, GET],
    extraArgs: ["--session-id", first],
    env: { OCTOPERF_API_KEY: TEST_OCTOPERF_KEY, OCTOPERF_API_URL: rest.url, OCTOPERF_WAIT_TIME_SCALE: String(SPEED), OCTOPERF_HOOKS_TIME_SCALE: String(SPEED) },
    steps: [
      toolSearch([RUN]),
      tool(RUN, { scenarioId: SCENARIO }),
      (turn) => {
        ids = ((JSON.parse(turn.toolResult?.text ?? "{}") as { benchResultIds?: unknown[] }).benchResultIds ?? []).map(String);
        return text("A background watcher waits on the run.");
      },
      // The new session's first request: what it was told at its start.
      (turn) => {
        told = turn.request.messages.map((m) => JSON.stringify(m.content)).join("\n");
        return text("A run from an earlier session is still pending.");
      },
      // /octoperf:wait expanded, with the take-over line.
      (turn) => {
        expanded = JSON.stringify(turn.request.messages.at(-1)?.content ?? "");
        return toolSearch([GET]);
      },
      () => tool(GET, { benchResultId: ids[0] ?? "" }),
      (turn) => {
        after.push(...newTexts(turn.request), turn.toolResult?.text ?? "");
        return text("This session's hooks follow the run now.");
      },
      // The wake.
      (turn) => {
        after.push(...newTexts(turn.request));
        return text("The run finished.");
      },
    ],
  });
  try {
    await session.waitForRequests(3, 90_000);
    await waitFor("the first session's watcher", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).includes("octoperf-wait.mjs") ? true : undefined));
    await session.killClient();
    await waitFor("the orphaned wait to end", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).length === 0 ? true : undefined));
    assert.equal(ids.length, 2);

    await session.relaunch({ prompt: "Hello again.", extraArgs: ["--session-id", second] });
    await session.waitForRequests(4, 90_000);
    assert.match(told, /an earlier session in this project left work pending/, "told at its start");
    for (const id of ids) assert.match(told, new RegExp(`benchResultId=${id}`));
    assert.match(told, new RegExp(`/octoperf:wait ${ids.join(" ")}`));
    const before = (await hookStates(session.home, first))[0];
    assert.equal(Object.keys(before?.works ?? {}).length, 2, "being told takes nothing over");

    await session.sendKeys(`/octoperf:wait ${ids.join(" ")}`);
    await session.waitForRequests(5, 90_000);
    assert.match(expanded, /octoperf wait: this session took over from an earlier one/, "the take-over line reaches the model with the command");
    const gave = (await hookStates(session.home, first))[0];
    assert.deepEqual(Object.keys(gave?.works ?? {}), [], "the run left the first session");
    const took = (await hookStates(session.home, second))[0];
    assert.deepEqual(Object.keys(took?.works ?? {}).sort(), ids.map((id) => `get_bench_result:${id}`).sort());

    await session.waitForRequests(8, 150_000);
    const seen = after.join("\n");
    for (const id of ids) assert.match(seen, new RegExp(`${id}[^\\n]*FINISHED|FINISHED[^\\n]*${id}`), `the outcome of ${id} is delivered`);
    await waitFor("the second session's wait to end", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).length === 0 ? true : undefined));
    await session.waitForRequests(8, 1000);
    assert.equal(session.model.requests.length, 8, "one wake, nothing after it");
    assert.deepEqual(session.model.problems, []);
  } finally {
    await session.stop();
    await rest.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
});
