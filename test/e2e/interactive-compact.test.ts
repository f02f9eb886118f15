// After a compaction the model still knows what is pending, in the
// interactive client (2.1.330, tmux): a session with an API key starts a run,
// and the hooks' background watcher waits on it. `/compact` is typed while
// it waits: the client asks the model for a summary (this scripted one drops
// the run from it), then runs the SessionStart hooks with source "compact".
// The next request the model gets carries pick-up-waits' one line: which
// handles are pending, and that the hooks hold them and will wake it. The
// watcher lives on through the compaction and wakes the session once, with
// the outcome. Every wait here is on an event: a process, a model request.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { waitFor } from "./harness/hook-state.js";
import { SESSION_MARKER, startInteractive, waitingProcesses } from "./harness/interactive.js";
import type { MessagesRequest } from "./harness/messages.js";
import { startRestSimulator, TEST_OCTOPERF_KEY } from "./harness/rest-simulator.js";
import { repeat, text, tool, toolSearch } from "./harness/script.js";
import { octoTool } from "./harness/session.js";

const RUN = octoTool("bundled", "run_scenario");
// The demo scenario (about 10 minutes, two bench results) at 5x: about two minutes of real time, so the
// watcher still waits when the compaction is done, even on a loaded machine (it takes a few seconds).
const SCENARIO = "scn-checkout";
const SPEED = 5;
const PENDING_LINE = /OctoPerf waits still pending: [^"]*This plugin's hooks hold them and wake you: do not poll before you are woken\./;

const watchers = async (marker: string): Promise<number> => (await waitingProcesses(SESSION_MARKER, marker)).filter((name) => name === "octoperf-wait.mjs").length;
const all = (request: MessagesRequest): string => JSON.stringify(request.messages);
/** The client's request for a summary, as 2.1.330 words it (it comes with the tools, as a main-loop request). */
const SUMMARY_ASK = /Your task is to create a detailed summary of the conversation/;
const asksSummary = (request: MessagesRequest): boolean => SUMMARY_ASK.test(JSON.stringify(request.messages.slice(-3)));

test("interactive: after /compact the next request says what is pending and who holds it, and the watcher's one wake follows", { timeout: 480_000 }, async () => {
  const stateDir = await mkdtemp(join(tmpdir(), "octoperf-e2e-compact-"));
  const statePath = join(stateDir, "state.json");
  const rest = await startRestSimulator({ statePath, speed: SPEED });
  let ids: string[] = [];
  let summaries = 0;
  let asked = "";
  let woken = "";
  const session = await startInteractive({
    prompt: `Run ${SCENARIO}.`,
    plugin: { mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } },
    allowedTools: ["ToolSearch", RUN],
    extraArgs: ["--session-id", randomUUID()],
    env: { OCTOPERF_API_KEY: TEST_OCTOPERF_KEY, OCTOPERF_API_URL: rest.url, OCTOPERF_WAIT_TIME_SCALE: String(SPEED), OCTOPERF_HOOKS_TIME_SCALE: String(SPEED) },
    steps: [
      toolSearch([RUN]),
      tool(RUN, { scenarioId: SCENARIO }),
      (turn) => {
        ids = ((JSON.parse(turn.toolResult?.text ?? "{}") as { benchResultIds?: unknown[] }).benchResultIds ?? []).map(String);
        return text("A background watcher waits on the run.");
      },
      // A summary that forgets the run, as a long conversation's may.
      repeat(2, (turn) => {
        if (!asksSummary(turn.request)) return undefined;
        summaries++;
        return text("<analysis>A greeting.</analysis>\n<summary>1. Primary Request: the user said hello; nothing else happened.</summary>");
      }),
      (turn) => {
        asked = all(turn.request);
        return text("The hooks hold the run; I will be woken.");
      },
      (turn) => {
        woken = all(turn.request);
        return text("The run finished.");
      },
    ],
  });
  try {
    await session.waitForRequests(3, 90_000);
    await waitFor("the background watcher", async () => ((await watchers(session.marker)) === 1 ? true : undefined));
    const before = session.model.requests.length + session.model.sideRequests.length;
    await session.sendKeys("/compact");
    await waitFor("the summary request", async () => (session.model.requests.length + session.model.sideRequests.length > before ? true : undefined));
    // The compaction is done once the client takes a prompt again: the next one is ours.
    await waitFor("the compaction to end", async () => (/Compacted|compacted/.test(await session.screen()) ? true : undefined));
    await session.sendKeys("What is pending?");
    await waitFor("the first request after the compaction", async () => (asked !== "" ? true : undefined));
    assert.equal(summaries, 1, "the client asked for a summary, once");
    assert.doesNotMatch(asked, SUMMARY_ASK);
    assert.match(asked, PENDING_LINE, "the compacted conversation hears what is pending");
    for (const id of ids) assert.match(asked, new RegExp(`get_bench_result\\(benchResultId=${id}\\)`));
    assert.equal(await watchers(session.marker), 1, "the watcher lives on through the compaction");
    await waitFor("the wake", async () => (woken !== "" ? true : undefined), 300_000);
    // One wake: once the watcher and its hook are gone, nothing else comes.
    await waitFor("the watcher to end", async () => ((await watchers(session.marker)) === 0 ? true : undefined));
    assert.equal(session.model.requests.length, 6, "one wake, nothing after it");
    for (const id of ids) assert.match(woken, new RegExp(`octoperf-wait: scenario-run succeeded: [^"]*${id} FINISHED`));
    assert.deepEqual(session.model.problems, []);
  } finally {
    await session.stop();
    await rest.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
});
