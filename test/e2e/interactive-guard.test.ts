// The turn-end guard in an interactive session of the real client, with no
// credentials: the model polls a 2-hour run and ends its turn; the hooks'
// cadence timer waits for the next poll, and the guard (Stop, asyncRewake)
// stands beside it. The timer is SIGKILLed (as the OOM killer would): the
// client wakes nobody for a killed hook (measured on 2.1.330), so without the
// guard the session would sit idle. The guard wakes the model at once with
// what happened and what to do; the model polls, and the wait goes on with a
// new timer. Every wait here is on an event: a record in the hooks' state, a
// request to the scripted model.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hookStates, waitFor } from "./harness/hook-state.js";
import { startInteractive } from "./harness/interactive.js";
import { newTexts } from "./harness/requests.js";
import { text, tool, toolSearch } from "./harness/script.js";
import { octoTool } from "./harness/session.js";

const RUN = octoTool("bundled", "run_scenario");
const POLL = octoTool("bundled", "get_bench_result");

test("interactive: a SIGKILLed timer does not leave the session idle; the turn-end guard wakes the model, and the wait goes on", { timeout: 240_000 }, async () => {
  let ids: string[] = [];
  let woken = "";
  const poll = () => tool(POLL, { benchResultId: ids[0] ?? "" });
  const session = await startInteractive({
    prompt: "Run scn-soak and tell me when it ends.",
    plugin: { mcp: "bundled", simulator: { speed: 1 } },
    allowedTools: ["ToolSearch", RUN, POLL],
    steps: [
      toolSearch([RUN, POLL]),
      tool(RUN, { scenarioId: "scn-soak" }),
      (turn) => {
        ids = ((JSON.parse(turn.toolResult?.text ?? "{}") as { benchResultIds?: unknown[] }).benchResultIds ?? []).map(String);
        return poll();
      },
      () => text("Still running; the hooks will wake me for the next poll."),
      (turn) => {
        woken = newTexts(turn.request).join("\n");
        return poll();
      },
      () => text("Still running; the hooks will wake me for the next poll."),
    ],
  });
  try {
    await session.waitForRequests(4, 90_000);
    // The timer has adopted its claim (a pid and its proof) and the guard stands beside it.
    const timer = await waitFor(
      "the adopted timer and the guard",
      async () => {
        const state = (await hookStates(session.home)).find((s) => s.guard && s.waiters?.some((w) => w.kind === "timer" && !w.claimed));
        return state?.waiters?.find((w) => w.kind === "timer" && !w.claimed);
      },
      60_000,
    );
    process.kill(timer.pid, "SIGKILL");
    await session.waitForRequests(6, 60_000);
    assert.match(woken, new RegExp(`the wait on get_bench_result\\(benchResultId=${ids[0]}\\) could not go on: the hooks' poll timer \\(process ${timer.pid}\\) ended without waking you\\. Poll it now;`));
    // The model polled: a new timer holds the wait (one waiter, a new process).
    const next = await waitFor(
      "a new timer",
      async () => (await hookStates(session.home)).flatMap((s) => s.waiters ?? []).find((w) => w.kind === "timer" && w.pid !== timer.pid),
      60_000,
    );
    assert.notEqual(next.pid, timer.pid);
    assert.deepEqual(session.model.problems, []);
  } finally {
    await session.stop();
  }
});
