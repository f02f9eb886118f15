// A wait outlives its session, in the real client (`-p`, 2.1.330): a session
// starts a run with no credentials, polls it and waits (the hooks' timer holds
// -p until the next poll is due); the client is SIGKILLed mid-wait. Its hooks
// are left running by the client and end themselves, waking nobody. While
// the session is closed the run ends. `claude -p --resume <id>` then tells
// the model, at its first prompt, which handle was pending, its last value
// and to poll it once: that one poll gives the outcome. Every wait here is on
// an event: a record of the hooks, an answer of the simulator, an exit.
// Resumed past the deadline, the first prompt hears that the work ran past
// it, and is not told to poll and wait again.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { hookStates, waitFor } from "./harness/hook-state.js";
import { killMarkedClient, markedProcesses } from "./harness/interactive.js";
import { buildPluginVariant } from "./harness/plugin-variant.js";
import { newTexts } from "./harness/requests.js";
import { startRestSimulator, TEST_OCTOPERF_KEY } from "./harness/rest-simulator.js";
import { text, tool, toolSearch, type Turn } from "./harness/script.js";
import { describeRun, octoTool, runScripted } from "./harness/session.js";

const RUN = octoTool("bundled", "run_scenario");
const POLL = octoTool("bundled", "get_bench_result");
const MARKER = "OCTOPERF_E2E_RESUME";
const SPEED = 6;

const json = (turn: Turn): Record<string, unknown> => JSON.parse(turn.toolResult?.text ?? "{}") as Record<string, unknown>;

/** A -p session that starts scn-smoke, polls it once and is SIGKILLed while the hooks' timer waits; its bench result id. */
async function killedMidWait(run: { pluginDir: string; home: string; cwd: string; env: Record<string, string>; allowedTools: string[]; timeoutMs: number }, session: string, marker: string): Promise<string> {
  let id = "";
  const first = runScripted({ ...run, prompt: "Run scn-smoke.", extraArgs: ["--session-id", session] }, [
    toolSearch([RUN, POLL]),
    tool(RUN, { scenarioId: "scn-smoke" }),
    (turn) => {
      id = String((json(turn).benchResultIds as unknown[])[0]);
      return tool(POLL, { benchResultId: id });
    },
    () => text("Still running."),
    () => text("Still running."),
  ]);
  // The poll's timer holds -p: once it has adopted its claim, the client is killed outright.
  await waitFor("the timer of the first poll", async () => (await hookStates(run.home, session))[0]?.waiters?.find((w) => w.kind === "timer" && !w.claimed));
  await killMarkedClient(MARKER, marker);
  const killed = await first;
  assert.notEqual(killed.result.code, 0, describeRun(killed));
  // Left running by the client, the hooks end themselves (orphan-watch.ts); the work stays pending.
  await waitFor("the orphaned hooks to end", async () => ((await markedProcesses(MARKER, marker)).length === 0 ? true : undefined));
  const left = (await hookStates(run.home, session))[0];
  assert.equal(left?.waiters, undefined);
  assert.equal(left?.works[`get_bench_result:${id}`]?.terminal, undefined);
  return id;
}

test("-p: killed mid-wait, resumed: the first prompt hears what was pending, and one poll gives the outcome", { timeout: 240_000 }, async () => {
  const base = await mkdtemp(join(tmpdir(), "octoperf-e2e-resume-"));
  const statePath = join(base, "state.json");
  const variant = await buildPluginVariant({ mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } });
  // Only to watch the run end from here: the sessions get no key.
  const rest = await startRestSimulator({ statePath, speed: SPEED });
  const home = join(base, "home");
  const cwd = join(base, "work");
  await Promise.all([mkdir(home), mkdir(cwd)]);
  const marker = randomUUID();
  const env = { [MARKER]: marker };
  const session = randomUUID();
  const run = { pluginDir: variant.dir, home, cwd, env, allowedTools: ["ToolSearch", RUN, POLL], timeoutMs: 150_000 };
  try {
    const id = await killedMidWait(run, session, marker);
    // The run ends while the session is closed.
    await waitFor("the run to end", async () => {
      const answer = await fetch(`${rest.url}/runtime/bench-results/${id}`, { headers: { authorization: `Bearer ${TEST_OCTOPERF_KEY}` } }).catch(() => undefined);
      const body = (await answer?.json().catch(() => undefined)) as { state?: string } | undefined;
      return body?.state === "FINISHED" ? true : undefined;
    });

    let told = "";
    let outcome = "";
    const resumed = await runScripted({ ...run, prompt: "Is it done?", extraArgs: ["--resume", session] }, [
      (turn) => {
        told = newTexts(turn.request).join("\n");
        return toolSearch([POLL]);
      },
      () => tool(POLL, { benchResultId: id }),
      (turn) => {
        outcome = [turn.toolResult?.text ?? "", ...newTexts(turn.request)].join("\n");
        return text("It finished.");
      },
    ]);
    resumed.model.assertComplete();
    assert.match(told, new RegExp(`this session was resumed with a wait still pending.*get_bench_result\\(benchResultId=${id}\\) \\(scenario-run, last seen [A-Z]+ .* ago, deadline in .*\\)\\. Poll it once now`));
    assert.match(outcome, new RegExp(`OctoPerf scenario-run: get_bench_result\\(benchResultId=${id}\\) ended FINISHED`));
    assert.equal(resumed.model.requests.length, 3, "one poll, and no wake: nothing else");
    assert.deepEqual(await markedProcesses(MARKER, marker), [], "nothing of the plugin outlives the session");
  } finally {
    await rest.stop();
    await variant.dispose();
    await rm(base, { recursive: true, force: true });
  }
});

test("-p: killed mid-wait, resumed past the deadline: the first prompt hears the work is past it, and is not told to wait", { timeout: 240_000 }, async () => {
  const base = await mkdtemp(join(tmpdir(), "octoperf-e2e-resume-late-"));
  const statePath = join(base, "state.json");
  const variant = await buildPluginVariant({ mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } });
  const home = join(base, "home");
  const cwd = join(base, "work");
  await Promise.all([mkdir(home), mkdir(cwd)]);
  const marker = randomUUID();
  const session = randomUUID();
  const run = { pluginDir: variant.dir, home, cwd, env: { [MARKER]: marker }, allowedTools: ["ToolSearch", RUN, POLL], timeoutMs: 150_000 };
  try {
    const id = await killedMidWait(run, session, marker);
    const work = (await hookStates(home, session))[0]?.works[`get_bench_result:${id}`];
    assert.ok(work, "the work is recorded");
    // The lid opens three hours after the deadline: the hooks' clock says so (OCTOPERF_HOOKS_TEST_NOW, a test seam).
    const late = String(work.deadlineAt + 3 * 3600 * 1000);
    let told = "";
    const resumed = await runScripted({ ...run, env: { ...run.env, OCTOPERF_HOOKS_TEST_NOW: late }, prompt: "Is it done?", extraArgs: ["--resume", session] }, [
      (turn) => {
        told = newTexts(turn.request).join("\n");
        return text("It ran past its deadline; diagnosing.");
      },
    ]);
    resumed.model.assertComplete();
    assert.match(told, new RegExp(`OctoPerf scenario-run: get_bench_result\\(benchResultId=${id}\\) has run past its deadline of .*Stop waiting`));
    assert.doesNotMatch(told, /Poll it once now|wake you/, "not resumed blindly");
    assert.equal(resumed.model.requests.length, 1, "no wake after it");
    assert.deepEqual(await markedProcesses(MARKER, marker), [], "nothing of the plugin outlives the session");
  } finally {
    await variant.dispose();
    await rm(base, { recursive: true, force: true });
  }
});
