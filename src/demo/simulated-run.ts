// `npm start`: the main job on the embedded simulator. It plays the agent's
// part (read the scenario, start it, plan the wait) and then waits with the
// real watcher over REST, time-compressed, and reads the next step's first
// evidence when the run fails.
import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { classify, expectedRunSeconds, formatDuration, LOAD_PROFILES_TOOL, nextPollGap, operation, planWait, pollTargets, realisation, timerScheduleText, type PollTarget, type WaitPlan } from "../policy/index.js";
import { loopLine, monitorArgs, watcherArgs } from "../calls/wait-calls.js";
import { SpeedClock } from "../simulator/clock.js";
import { NO_FAULTS, type FaultPlan } from "../simulator/faults.js";
import { DEMO_SCENARIO_ID } from "../simulator/fixtures.js";
import { startHttp } from "../simulator/http.js";
import { buildServer } from "../simulator/mcp-server.js";
import { Platform } from "../simulator/platform.js";
import { ENDINGS } from "../watcher/errors.js";
import { run, type Stream } from "../watcher/run.js";

export const DEMO_SPEED = 60;

export interface DemoOptions {
  readonly faults?: FaultPlan;
  readonly speed?: number;
  /**
   * False: the user has no API key and no sign-in (--no-credentials). The
   * demo then plays the hooks' timer path: the model polls, woken one
   * cadence after each poll. Default true: the hooks' background watcher.
   */
  readonly credentials?: boolean;
  readonly stdout: Stream;
  readonly stderr: Stream;
}

type Structured = Readonly<Record<string, unknown>>;

async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<Structured> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return (result.structuredContent ?? {}) as Structured;
}

/** "[+4m10s]": simulated time since the run started. */
function stamp(platform: Platform): () => string {
  const start = platform.now();
  return () => `[+${formatDuration(Math.round((platform.now() - start) / 1000)).padEnd(6)}]`;
}

/** Run the demo; resolves to the watcher's exit code. */
export async function runDemo(options: DemoOptions): Promise<number> {
  const speed = options.speed ?? DEMO_SPEED;
  const say = (line = ""): void => void options.stdout.write(`${line}\n`);
  const apiKey = randomBytes(12).toString("hex");
  const platform = new Platform({ clock: new SpeedClock(speed), faults: options.faults ?? NO_FAULTS });
  const sim = await startHttp({ platform, apiKey });
  const client = new Client({ name: "octoperf-demo", version: "0.1.0" });
  try {
    say(`OctoPerf simulator on ${sim.url} (MCP at /mcp, REST beside it), clock at ${speed}x: no account needed.`);
    // The agent's own MCP calls go in memory, so HTTP faults (--fault 5xx@N...) hit only the watcher.
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await buildServer({ platform }).connect(serverSide);
    await client.connect(clientSide);
    const scenario = await callTool(client, LOAD_PROFILES_TOOL, { scenarioId: DEMO_SCENARIO_ID });
    const expected = expectedRunSeconds(scenario);
    if (expected === undefined) throw new Error(`the demo scenario ${DEMO_SCENARIO_ID} has no load length`);
    say(`1. ${LOAD_PROFILES_TOOL} ${DEMO_SCENARIO_ID}: "${String(scenario.name)}", longest profile + provisioning = ${formatDuration(expected)}`);
    const started = await callTool(client, "run_scenario", { scenarioId: DEMO_SCENARIO_ID });
    const ids = started.benchResultIds as string[];
    say(`2. run_scenario: benchReportId ${String(started.benchReportId)}, benchResultIds ${ids.join(", ")}`);
    const op = operation("scenario-run");
    const targets = pollTargets(op, ids);
    const credentials = options.credentials !== false;
    const plan = planWait({ operation: op.id, expectedSeconds: expected, watcher: credentials, hooks: true });
    for (const line of planLines(plan, targets, credentials)) say(line);
    if (!credentials) {
      const code = await timerWait(client, plan, ids, speed, say, stamp(platform));
      if (code !== 0) await showEvidence(client, ids, say);
      return code;
    }
    say(`4. waiting with the watcher, as the hooks run it (${formatDuration(expected)} of simulated time, about ${Math.ceil(expected / speed)} s here).`);
    say(`   Under Monitor only the "octoperf-wait:" lines reach the model; (stderr) lines are diagnostics.`);
    const argv = [...watcherArgs(plan, targets), "--progress", "25", "--verbose", "--time-scale", String(speed)];
    const env = { OCTOPERF_API_KEY: apiKey, OCTOPERF_API_URL: sim.url };
    const clock = stamp(platform);
    const watcherOut: Stream = {
      isTTY: options.stdout.isTTY,
      write: (text: string) => options.stdout.write(text.startsWith("\r") ? text : `   ${clock()} ${text}`),
    };
    // The watcher's diagnostics (state changes, retries, unknown states) shown as asides, except on a terminal.
    const watcherErr: Stream = {
      write: (text: string) => (options.stdout.isTTY ? true : options.stdout.write(`   ${clock()}   (stderr) ${text.replace(/^octoperf-wait: /, "")}`)),
    };
    const code = await run({ argv, env, stdout: watcherOut, stderr: watcherErr });
    const row = ENDINGS.find((r) => r.code === code);
    say(`5. the watcher exited ${code} (${row?.kind ?? "?"}: ${row?.meaning ?? ""}).`);
    if (code !== 0) await showEvidence(client, ids, say);
    return code;
  } finally {
    await client.close().catch(() => undefined);
    await sim.close();
  }
}

/** Step 3: the plan this plugin's hooks carry out, then what the model would arrange with the hooks off. */
export function planLines(plan: WaitPlan, targets: readonly PollTarget[], credentials: boolean): string[] {
  const chosen = plan.chosen;
  const turns = (n: number) => `${n} model turn${n === 1 ? "" : "s"}`;
  const head = `3. plan: poll every ${plan.cadenceSeconds} s, deadline ${formatDuration(plan.deadlineSeconds)}; the wait: ${realisation(chosen.id).title}, ${turns(chosen.estimatedTurns)}`;
  const how = credentials
    ? `   (${chosen.id}: ${realisation(chosen.id).resolution}; the model ends its turn after run_scenario and is woken once)`
    : `   (${chosen.id}: ${realisation(chosen.id).resolution}; no API key or sign-in, so the model polls: /octoperf:login in Claude Code gets the one wake)`;
  const off = planWait({ operation: plan.operation.id, expectedSeconds: plan.expectedSeconds, watcher: credentials, hooks: false });
  const lines = [head, how, `   with the hooks off, cheapest first: ${off.options.map((o) => `${o.id} ~${o.estimatedTurns}`).join(", ")} model turns`];
  if (off.chosen.id === "monitor") lines.push(`   e.g. Monitor with command: ${monitorArgs(off, targets).command}`);
  else if (off.chosen.id === "loop") lines.push(`   e.g. ${loopLine(off, targets)}`);
  return lines;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * The hooks' timer path, played here: poll every handle, and after a poll
 * that is not final wait the policy's gap (the hooks' wake) and poll again. Each
 * cycle costs the model the realisation's turns per cycle (the wake and the
 * poll's answer). Resolves to 0 when every run finished, 1 otherwise.
 */
async function timerWait(client: Client, plan: WaitPlan, ids: readonly string[], speed: number, say: (line?: string) => void, clock: () => string): Promise<number> {
  const perCycle = realisation("cadence-timer").turnsPerCycle;
  say(`4. waiting as the hooks' timer does: the model polls, and after each poll that is not final is woken ${timerScheduleText(plan.expectedSeconds, plan.cadenceSeconds)}.`);
  const op = plan.operation;
  const startedAt = Date.now();
  const deadline = startedAt + (plan.deadlineSeconds * 1000) / speed;
  for (let poll = 1; ; poll += 1) {
    const states: string[] = [];
    for (const benchResultId of ids) states.push(String((await callTool(client, op.status.tool, { benchResultId }))[op.status.field]));
    const verdicts = states.map((state) => classify(op, state));
    say(`   ${clock()} poll ${poll}: ${ids.map((id, i) => `${id} ${states[i]}`).join(", ")}`);
    if (verdicts.every((v) => v.kind === "terminal")) {
      const failed = verdicts.some((v) => v.kind === "terminal" && v.outcome !== "succeeded");
      say(`5. final after ${poll} polls: ${poll * perCycle} model turns (${perCycle} a poll), against 1 with an API key or a sign-in.`);
      return failed ? 1 : 0;
    }
    if (Date.now() > deadline) {
      say(`5. the deadline passed after ${poll} polls (${poll * perCycle} model turns).`);
      return 1;
    }
    const elapsedS = ((Date.now() - startedAt) * speed) / 1000;
    await realSleep((nextPollGap(elapsedS, plan.expectedSeconds, plan.cadenceSeconds) * 1000) / speed);
  }
}

/** The failure route's first step: what jmeter.log says about each run that did not finish. */
async function showEvidence(client: Client, ids: readonly string[], say: (line?: string) => void): Promise<void> {
  for (const benchResultId of ids) {
    const state = String((await callTool(client, "get_bench_result", { benchResultId })).state);
    if (state === "FINISHED") continue;
    const files = (await callTool(client, "list_bench_result_files", { benchResultId })).files as string[];
    const log = files.find((f) => f === "jmeter.log");
    if (!log) continue;
    const lines = (await callTool(client, "read_bench_result_file_lines", { benchResultId, filename: log })).lines as string[];
    say(`   next step, ${benchResultId} ${state}: list_bench_result_files -> ${files.join(", ")}; the end of ${log} says:`);
    say(`   ${lines.at(-1) ?? "(empty)"}`);
  }
}
