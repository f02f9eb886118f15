// /octoperf:stop-wait in an interactive session of the real client: while the
// hooks' background watcher waits on a 2-hour run, the user types the
// command; the UserPromptExpansion hook ends the watcher before the model
// reads the command, the model is shown what was ended, and nobody is woken
// afterwards: the hook and its watcher are gone. (The single wake and the
// timer are measured in interactive-waits.test.ts.)
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { SESSION_MARKER, markedProcesses, startInteractive } from "./harness/interactive.js";
import { newTexts } from "./harness/requests.js";
import { startRestSimulator, TEST_OCTOPERF_KEY } from "./harness/rest-simulator.js";
import { text, tool, toolSearch } from "./harness/script.js";
import { octoTool } from "./harness/session.js";

const RUN = octoTool("bundled", "run_scenario");
const SPEED = 60;

/** The session's processes that belong to a background wait: the background hook (and the shell Claude Code runs it with), and the watcher. */
async function waitProcesses(marker: string): Promise<{ hooks: number; watchers: number }> {
  const found = { hooks: 0, watchers: 0 };
  for (const pid of await markedProcesses(SESSION_MARKER, marker)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "latin1").catch(() => "");
    if (cmdline.includes("octoperf-wait.mjs")) found.watchers += 1;
    else if (cmdline.includes("wait-in-background")) found.hooks += 1;
  }
  return found;
}

const running = async (marker: string) => {
  const { hooks, watchers } = await waitProcesses(marker);
  return hooks > 0 && watchers > 0;
};
const gone = async (marker: string) => {
  const { hooks, watchers } = await waitProcesses(marker);
  return hooks === 0 && watchers === 0;
};

test("interactive: /octoperf:stop-wait ends the hooks' background watcher, and nobody is woken", { timeout: 150_000 }, async () => {
  const stateDir = await mkdtemp(join(tmpdir(), "octoperf-e2e-stop-"));
  const statePath = join(stateDir, "state.json");
  const rest = await startRestSimulator({ statePath, speed: SPEED });
  let ids: string[] = [];
  let stopSaid = "";
  const session = await startInteractive({
    prompt: "Run scn-soak.",
    plugin: { mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } },
    allowedTools: ["ToolSearch", RUN],
    env: { OCTOPERF_API_KEY: TEST_OCTOPERF_KEY, OCTOPERF_API_URL: rest.url, OCTOPERF_WAIT_TIME_SCALE: String(SPEED), OCTOPERF_HOOKS_TIME_SCALE: String(SPEED) },
    steps: [
      toolSearch([RUN]),
      tool(RUN, { scenarioId: "scn-soak" }),
      (turn) => {
        ids = ((JSON.parse(turn.toolResult?.text ?? "{}") as { benchResultIds?: unknown[] }).benchResultIds ?? []).map(String);
        return text("A background watcher waits on the run.");
      },
      (turn) => {
        stopSaid = newTexts(turn.request).join("\n");
        return text("Stopped waiting; the run goes on.");
      },
    ],
  });
  try {
    await session.waitForRequests(3, 60_000);
    // The background hook records its watcher and starts it.
    for (let tries = 0; !(await running(session.marker)) && tries < 600; tries += 1) await new Promise((done) => setTimeout(done, 100));
    assert.ok(await running(session.marker), "no background hook and watcher running");
    await session.sendKeys(`/octoperf:stop-wait ${ids[0] ?? ""}`);
    await session.waitForRequests(4, 60_000);
    assert.match(stopSaid, new RegExp(`octoperf stop-wait: ended the background watcher on get_bench_result\\(benchResultId=${ids[0]}\\) \\(process \\d+\\)\\.`));
    for (let tries = 0; !(await gone(session.marker)) && tries < 600; tries += 1) await new Promise((done) => setTimeout(done, 100));
    assert.deepEqual(await waitProcesses(session.marker), { hooks: 0, watchers: 0 }, "the hook or its watcher outlived the stop");
    // Nothing wakes the model afterwards (a stopped hook exits 0).
    await new Promise((done) => setTimeout(done, 3000));
    assert.equal(session.model.requests.length, 4, "the model was woken after the stop");
    assert.deepEqual(session.model.problems, []);
  } finally {
    await session.stop();
    await rest.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
});
