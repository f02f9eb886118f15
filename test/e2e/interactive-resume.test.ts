// A wait outlives its session, in the interactive client (2.1.330, tmux): a
// session with an API key starts a run; the hooks' background watcher waits
// on it; the client is SIGKILLed mid-wait (its hooks and watcher then end
// themselves, waking nobody), the run still going.
// `claude --resume <id>`, with no prompt typed, then delivers the outcome
// with one wake: the SessionStart hook rewatch-on-resume runs the watcher
// again and wakes the idle session with its line. Without a key, the hooks'
// timer waits; killed the same way, the run ends while the client is closed,
// and the resumed session's first prompt hears what was pending and to poll
// once: that one poll gives the outcome. Every wait here is on an event: a
// process, an answer of the simulator, a model request.
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
const POLL = octoTool("bundled", "get_bench_result");
// The demo scenario: about 9.5 minutes, two bench results; at 12x about 50 s of real time, so the first
// watcher is still waiting when the client is killed, and the resumed one waits for the rest.
const SCENARIO = "scn-checkout";
const SPEED = 12;

test("interactive: killed mid-wait, resumed with no prompt: one wake brings the outcome", { timeout: 240_000 }, async () => {
  const stateDir = await mkdtemp(join(tmpdir(), "octoperf-e2e-iresume-"));
  const statePath = join(stateDir, "state.json");
  const rest = await startRestSimulator({ statePath, speed: SPEED });
  const sessionId = randomUUID();
  let ids: string[] = [];
  let woken = "";
  const session = await startInteractive({
    prompt: `Run ${SCENARIO}.`,
    plugin: { mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } },
    allowedTools: ["ToolSearch", RUN],
    extraArgs: ["--session-id", sessionId],
    env: { OCTOPERF_API_KEY: TEST_OCTOPERF_KEY, OCTOPERF_API_URL: rest.url, OCTOPERF_WAIT_TIME_SCALE: String(SPEED), OCTOPERF_HOOKS_TIME_SCALE: String(SPEED) },
    steps: [
      toolSearch([RUN]),
      tool(RUN, { scenarioId: SCENARIO }),
      (turn) => {
        ids = ((JSON.parse(turn.toolResult?.text ?? "{}") as { benchResultIds?: unknown[] }).benchResultIds ?? []).map(String);
        return text("A background watcher waits on the run.");
      },
      // The resumed session's first request: the wake.
      (turn) => {
        woken = newTexts(turn.request).join("\n");
        return text("The run finished.");
      },
    ],
  });
  try {
    await session.waitForRequests(3, 90_000);
    await waitFor("the background watcher", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).includes("octoperf-wait.mjs") ? true : undefined));
    await session.killClient();
    // Left running by the killed client, the hooks and the watcher end themselves (orphan-watch.ts).
    await waitFor("the orphaned wait to end", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).length === 0 ? true : undefined));
    const left = (await hookStates(session.home, sessionId))[0];
    assert.deepEqual(Object.values(left?.works ?? {}).map((w) => w.terminal), ids.map(() => undefined), "the run is still pending when the session ends");

    await session.relaunch({ extraArgs: ["--resume", sessionId] });
    await session.waitForRequests(4, 150_000);
    assert.match(woken, /SessionStart:resume/, "woken by the resume's watcher");
    assert.equal(ids.length, 2);
    for (const id of ids) assert.match(woken, new RegExp(`octoperf-wait: scenario-run succeeded: .*${id} FINISHED`));
    // One wake: once the watcher's hook and every other waiter are gone, nothing else comes.
    await waitFor("the resumed wait to end", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).length === 0 ? true : undefined));
    await session.waitForRequests(4, 1000);
    assert.equal(session.model.requests.length, 4, "one wake, nothing after it");
    assert.deepEqual(session.model.problems, []);
  } finally {
    await session.stop();
    await rest.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
});

test("interactive, no key: killed mid-wait, the run ends, resumed: the first prompt hears what was pending, and one poll gives the outcome", { timeout: 240_000 }, async () => {
  const stateDir = await mkdtemp(join(tmpdir(), "octoperf-e2e-iresume-nokey-"));
  const statePath = join(stateDir, "state.json");
  // Only to see the run end from here: the session gets no key.
  const rest = await startRestSimulator({ statePath, speed: SPEED });
  const sessionId = randomUUID();
  let ids: string[] = [];
  let told = "";
  let outcome = "";
  const session = await startInteractive({
    prompt: `Run ${SCENARIO}.`,
    plugin: { mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } },
    allowedTools: ["ToolSearch", RUN, POLL],
    extraArgs: ["--session-id", sessionId],
    // The hooks' clock runs in real time: the timer's wake is a minute away, so it cannot come before the kill.
    env: {},
    steps: [
      toolSearch([RUN, POLL]),
      tool(RUN, { scenarioId: SCENARIO }),
      // The plan's one poll now; after it, the hooks' timer waits for the next.
      (turn) => {
        ids = ((JSON.parse(turn.toolResult?.text ?? "{}") as { benchResultIds?: unknown[] }).benchResultIds ?? []).map(String);
        return tool(POLL, { benchResultId: ids[0] ?? "" });
      },
      () => text("Still running; the hooks wake me when the next poll is due."),
      // The resumed session's first prompt.
      (turn) => {
        told = newTexts(turn.request).join("\n");
        return toolSearch([POLL]);
      },
      // "Poll each once now".
      () => tool(POLL, { benchResultId: ids[0] ?? "" }),
      (turn) => {
        outcome = [turn.toolResult?.text ?? "", ...newTexts(turn.request)].join("\n");
        return tool(POLL, { benchResultId: ids[1] ?? "" });
      },
      (turn) => {
        outcome += [turn.toolResult?.text ?? "", ...newTexts(turn.request)].join("\n");
        return text("The run finished.");
      },
    ],
  });
  try {
    await session.waitForRequests(4, 90_000);
    await waitFor("the hooks' timer", async () => (Object.values((await hookStates(session.home, sessionId))[0]?.waiters ?? []).some((w) => w.kind === "timer" && !w.claimed) ? true : undefined));
    await session.killClient();
    await waitFor("the orphaned hooks to end", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).length === 0 ? true : undefined));
    await waitFor("the run to end", async () => {
      const answers = await Promise.all(ids.map((id) => fetch(`${rest.url}/runtime/bench-results/${id}`, { headers: { authorization: `Bearer ${TEST_OCTOPERF_KEY}` } }).then((r) => r.json() as Promise<{ state?: string }>, () => undefined)));
      return answers.every((a) => a?.state === "FINISHED") ? true : undefined;
    }, 150_000);

    await session.relaunch({ prompt: "Is it done?", extraArgs: ["--resume", sessionId] });
    await session.waitForRequests(8, 90_000);
    assert.equal(ids.length, 2);
    assert.match(told, /this session was resumed with waits still pending, and nothing waits on them since the last session ended: .*Poll each once now/);
    for (const id of ids) assert.match(outcome, new RegExp(`get_bench_result\\(benchResultId=${id}\\) ended FINISHED`));
    // Both polls final: nothing waits, nothing wakes.
    await waitFor("the resumed session's hooks to end", async () => ((await waitingProcesses(SESSION_MARKER, session.marker)).length === 0 ? true : undefined));
    await session.waitForRequests(8, 1000);
    assert.equal(session.model.requests.length, 8, "two polls, no wake");
    assert.deepEqual(session.model.problems, []);
  } finally {
    await session.stop();
    await rest.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
});
