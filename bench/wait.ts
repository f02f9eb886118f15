// npm run bench:wait: what waiting costs, per strategy, for 1-minute,
// 10-minute and 2-hour runs that succeed or abort at 50 %, on the simulator's
// manual clock. The /loop, ScheduleWakeup and cadence-timer numbers come from
// the policy's realisations polled against the simulator; the Monitor and
// background-watcher numbers from the real watcher over REST on 127.0.0.1,
// run with the arguments the plan and the hooks give it. Writes
// docs/bench-wait.svg, then runs the measured half (wait-measured.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDuration, LOOP_SETUP_TURNS, MAX_BACKGROUND_WAIT_S, nextPollGap, operation, planWait, pollTargets, PROVISIONING_HEADROOM_S, realisation, type RealisationId } from "../src/policy/index.js";
import { describeCall, monitorArgs, pollPrompt, scheduleWakeupArgs, watcherArgs } from "../src/calls/wait-calls.js";
import { catalogTools } from "../src/simulator/catalog.js";
import { ManualClock } from "../src/simulator/clock.js";
import { parseFaults } from "../src/simulator/faults.js";
import { scenarioOfLength } from "../src/simulator/fixtures.js";
import { startHttp } from "../src/simulator/http.js";
import { callTool } from "../src/simulator/mcp-server.js";
import { Platform } from "../src/simulator/platform.js";
import { SIMULATED_TOOLS } from "../src/simulator/tools.js";
import { splitCommand } from "../src/watcher/mcp-backend.js";
import { steppedClock } from "../src/watcher/clock.js";
import { run } from "../src/watcher/run.js";
import { renderChart, type ChartSeries } from "./wait-chart.js";
import { printMeasuredWaits } from "./wait-measured.js";

/** Assumed wall time of one model turn that calls a tool (a tight loop can go no faster). */
const MODEL_TURN_S = 5;
/** Assumed tokens of the model's own short text in a turn ("still running"). */
const REPLY_TOKENS = 15;
/** Assumed wrapper tokens of a Monitor event (<task-notification> ... </task-notification>). */
const NOTIFICATION_TOKENS = 40;
const tokens = (text: string): number => Math.ceil(text.length / 4);
/** The watcher's request timeouts run this many times faster than the simulated clock (they never fire here). */
const TIMER_COMPRESSION = 100;

const RUN_LENGTHS_S = [60, 600, 7200];
const OUTCOMES = [
  { name: "success", faults: "" },
  { name: "abort at 50%", faults: "abort@50" },
] as const;
type Strategy = "tight" | "loop" | "wakeup" | "timer" | "monitor" | "background";
const STRATEGIES: ReadonlyArray<{ id: Strategy; label: string; color: string; dash?: string }> = [
  { id: "tight", label: "tight loop, no delay", color: "#d62728" },
  { id: "loop", label: "policy via /loop (hooks off)", color: "#ff7f0e" },
  { id: "wakeup", label: "policy via ScheduleWakeup (hooks off)", color: "#9467bd", dash: "6 4" },
  { id: "timer", label: "hooks' cadence timer, no credentials", color: "#8c564b", dash: "2 3" },
  { id: "monitor", label: "watcher via Monitor (hooks off)", color: "#2ca02c" },
  { id: "background", label: "hooks' background watcher", color: "#1f77b4" },
];

interface Measure {
  readonly turns: number;
  readonly tokens: number;
  readonly latencyS: number;
}

/**
 * Where the first poll falls relative to the run's start, as a share of the
 * strategy's interval: a run ends at an arbitrary point between two polls, so
 * each case is replayed at these phases (mean and worst case reported).
 */
const PHASES = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95];

const op = operation("scenario-run");
const tools = new Map(catalogTools(SIMULATED_TOOLS).map((t) => [t.name, t]));

/** The model polls get_bench_result at fixed steps, or at the steps `gapAfter` gives from the seconds since the start; each poll costs `turnsPerPoll` turns. */
function modelPolling(platform: Platform, clock: ManualClock, id: string, intervalS: number | ((elapsedS: number) => number), turnsPerPoll: number, extraTokens: number): Measure {
  const startedAt = clock.now();
  const gapAfter = typeof intervalS === "number" ? () => intervalS : intervalS;
  const callText = JSON.stringify({ name: `mcp__octoperf__${op.status.tool}`, input: { benchResultId: id } });
  let polls = 0;
  let used = 0;
  for (;;) {
    const result = callTool({ platform }, tools, op.status.tool, { benchResultId: id });
    const text = (result.content[0] as { text: string }).text;
    polls += 1;
    used += tokens(callText) + tokens(text) + REPLY_TOKENS * turnsPerPoll + extraTokens;
    const state = (result.structuredContent as { state: string }).state;
    if (op.terminal.some((a) => a.value === state)) {
      return { turns: polls * turnsPerPoll, tokens: used, latencyS: (clock.now() - platform.endsAt(id)) / 1000 };
    }
    clock.advance(gapAfter((clock.now() - startedAt) / 1000) * 1000);
  }
}

async function monitorWatch(platform: Platform, clock: ManualClock, id: string, expectedS: number): Promise<Measure> {
  const sim = await startHttp({ platform, apiKey: "bench-key" });
  try {
    const plan = planWait({ operation: op.id, expectedSeconds: expectedS, watcher: true });
    const first = monitorArgs(plan, pollTargets(op, [id]));
    let argv = splitCommand(first.command).slice(2);
    let turns = 0;
    let used = tokens(JSON.stringify(first));
    let detectedAt = Number.NaN;
    for (;;) {
      let stdout = "";
      const code = await run({
        argv,
        env: { OCTOPERF_API_KEY: "bench-key", OCTOPERF_API_URL: sim.url },
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        clock: steppedClock(clock, TIMER_COMPRESSION),
        random: () => 0.5,
      });
      const lines = stdout.split("\n").filter((l) => l.length > 0);
      // Each line wakes the model once; so does the end of the watch.
      turns += lines.length + 1;
      used += lines.reduce((sum, l) => sum + NOTIFICATION_TOKENS + tokens(l) + REPLY_TOKENS, 0) + NOTIFICATION_TOKENS + REPLY_TOKENS;
      const rearm = lines.at(-1)?.match(/Re-arm: call Monitor again with command: (.*)$/);
      if (code === 2 && rearm) {
        argv = splitCommand(rearm[1]!).slice(2);
        used += tokens(JSON.stringify({ command: rearm[1] }));
        continue;
      }
      detectedAt = clock.now();
      break;
    }
    return { turns, tokens: used, latencyS: (detectedAt - platform.endsAt(id)) / 1000 };
  } finally {
    await sim.close();
  }
}

/**
 * The hooks' background watcher: the watcher run with the arguments the
 * start hook gives it (its deadline cut to one background wait). The model
 * is woken once, at its end; a run that outlasts one background wait costs a
 * wake and a poll (which starts the next) per further wait.
 */
async function backgroundWatch(platform: Platform, clock: ManualClock, id: string, expectedS: number): Promise<Measure> {
  const sim = await startHttp({ platform, apiKey: "bench-key" });
  try {
    const plan = planWait({ operation: op.id, expectedSeconds: expectedS, watcher: true, hooks: true });
    let deadlineLeft = plan.deadlineSeconds;
    let expectedLeft = plan.expectedSeconds;
    const targets = pollTargets(op, [id]);
    let turns = 0;
    let used = 0;
    for (;;) {
      const waitS = Math.min(deadlineLeft, MAX_BACKGROUND_WAIT_S);
      const started = clock.now();
      let stdout = "";
      const code = await run({
        argv: watcherArgs({ ...plan, expectedSeconds: expectedLeft, deadlineSeconds: waitS }, targets),
        env: { OCTOPERF_API_KEY: "bench-key", OCTOPERF_API_URL: sim.url },
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        clock: steppedClock(clock, TIMER_COMPRESSION),
        random: () => 0.5,
      });
      const line = stdout.split("\n").filter((l) => l.length > 0).at(-1) ?? "";
      // One wake with the hook's line.
      turns += 1;
      used += NOTIFICATION_TOKENS + tokens(line) + REPLY_TOKENS;
      const elapsedS = (clock.now() - started) / 1000;
      if (code === 2 && waitS < deadlineLeft) {
        // The line says how to go on: one poll, which starts the next background wait.
        turns += 1;
        used += tokens(JSON.stringify({ name: `mcp__octoperf__${op.status.tool}`, input: { benchResultId: id } })) + 40 + REPLY_TOKENS;
        deadlineLeft -= elapsedS;
        expectedLeft = Math.max(plan.cadenceSeconds, expectedLeft - elapsedS);
        continue;
      }
      return { turns, tokens: used, latencyS: (clock.now() - platform.endsAt(id)) / 1000 };
    }
  } finally {
    await sim.close();
  }
}

function intervalOf(strategy: Strategy, lengthS: number): number {
  if (strategy === "tight") return MODEL_TURN_S;
  const plan = planWait({ operation: op.id, expectedSeconds: lengthS, watcher: true, hooks: true });
  const id: RealisationId = strategy === "timer" ? "cadence-timer" : strategy === "background" ? "background-watcher" : strategy;
  return plan.options.find((o) => o.id === id)!.intervalSeconds;
}

async function measure(strategy: Strategy, lengthS: number, faults: string, phase: number): Promise<Measure> {
  const clock = new ManualClock();
  const platform = new Platform({ clock, faults: parseFaults(faults) });
  const sample = scenarioOfLength(`scn-${lengthS}`, lengthS - PROVISIONING_HEADROOM_S);
  platform.addScenario(sample);
  const [id] = platform.runScenario(sample.scenario.id).benchResultIds as [string];
  const runStartedAt = clock.now();
  const plan = planWait({ operation: op.id, expectedSeconds: lengthS, watcher: true, hooks: true });
  const option = (r: RealisationId) => plan.options.find((o) => o.id === r)!;
  const targets = pollTargets(op, [id]);
  clock.advance(Math.round(phase * intervalOf(strategy, lengthS) * 1000));
  switch (strategy) {
    case "tight":
      return modelPolling(platform, clock, id, MODEL_TURN_S, 1, 0);
    case "loop": {
      // Plus the CronCreate that sets the loop up and the CronDelete that ends it.
      const polled = modelPolling(platform, clock, id, option("loop").intervalSeconds, realisation("loop").turnsPerCycle, tokens(pollPrompt(op, targets)));
      return { ...polled, turns: polled.turns + LOOP_SETUP_TURNS };
    }
    case "wakeup":
      return modelPolling(platform, clock, id, option("wakeup").intervalSeconds, realisation("wakeup").turnsPerCycle, tokens(JSON.stringify(scheduleWakeupArgs(plan, targets))) + tokens(pollPrompt(op, targets)));
    case "timer": {
      // Each wake carries the hook's line naming the call; nothing to set up, nothing to delete. The gaps are the
      // policy's schedule, counted from the run's start (the clock was advanced by the first poll's phase already).
      const line = `OctoPerf ${op.id}: the next poll is due: call ${describeCall(targets[0]!)} now. While it runs, this plugin's hooks wake you again at the next one; set up nothing else.`;
      const phaseS = (clock.now() - runStartedAt) / 1000;
      const gap = (elapsedS: number) => nextPollGap(phaseS + elapsedS, plan.expectedSeconds, plan.cadenceSeconds);
      return modelPolling(platform, clock, id, gap, realisation("cadence-timer").turnsPerCycle, tokens(line) + NOTIFICATION_TOKENS);
    }
    case "monitor":
      return monitorWatch(platform, clock, id, lengthS);
    case "background":
      return backgroundWatch(platform, clock, id, lengthS);
  }
}

async function main(): Promise<void> {
  const rows: string[] = [
    "| run | outcome | strategy | model turns (worst) | ~context tokens | detection latency, mean (worst) |",
    "| --- | --- | --- | ---: | ---: | ---: |",
  ];
  const results = new Map<string, Measure & { worstLatencyS: number }>();
  for (const lengthS of RUN_LENGTHS_S) {
    for (const outcome of OUTCOMES) {
      for (const strategy of STRATEGIES) {
        const runs: Measure[] = [];
        for (const phase of PHASES) runs.push(await measure(strategy.id, lengthS, outcome.faults, phase));
        const m = {
          turns: Math.max(...runs.map((r) => r.turns)),
          tokens: Math.round(runs.reduce((sum, r) => sum + r.tokens, 0) / runs.length),
          latencyS: Math.round((runs.reduce((sum, r) => sum + r.latencyS, 0) / runs.length) * 10) / 10,
          worstLatencyS: Math.max(...runs.map((r) => r.latencyS)),
        };
        results.set(`${strategy.id}/${lengthS}/${outcome.name}`, m);
        rows.push(`| ${formatDuration(lengthS)} | ${outcome.name} | ${strategy.label} | ${m.turns} | ${m.tokens.toLocaleString("en-US")} | ${m.latencyS} s (${m.worstLatencyS} s) |`);
      }
    }
  }
  process.stdout.write(`${rows.join("\n")}\n\n`);
  process.stdout.write(`Each case replayed with the first poll at ${PHASES.length} points of the strategy's interval. Assumptions: a model turn takes ${MODEL_TURN_S} s; tokens = characters / 4 of the real tool calls, results, prompts and watcher lines, plus ${REPLY_TOKENS} per model reply and ${NOTIFICATION_TOKENS} per Monitor notification.\n`);

  const series: ChartSeries[] = STRATEGIES.map((s) => ({
    label: s.label,
    color: s.color,
    dash: s.dash,
    turns: RUN_LENGTHS_S.map((l) => results.get(`${s.id}/${l}/success`)!.turns),
    latency: RUN_LENGTHS_S.map((l) => results.get(`${s.id}/${l}/success`)!.latencyS),
  }));
  const svg = renderChart(RUN_LENGTHS_S.map((l) => `${formatDuration(l)} run`), series, "npm run bench:wait: successful runs on the simulator's clock");
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "bench-wait.svg");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, svg);
  process.stdout.write(`wrote docs/bench-wait.svg\n`);

  const target = OUTCOMES.map((o) => results.get(`monitor/600/${o.name}`)!);
  const ok = target.every((m) => m.turns <= 3 && m.worstLatencyS <= 10);
  process.stdout.write(
    `target (10-min run, watcher via Monitor: <= 3 turns, detected within 10 s): ${ok ? "met" : "MISSED"} (worst cases: ${target.map((m) => `${m.turns} turns, ${m.worstLatencyS} s`).join("; ")})\n`,
  );
  const background = RUN_LENGTHS_S.flatMap((l) => OUTCOMES.map((o) => results.get(`background/${l}/${o.name}`)!));
  const oneWake = background.every((m) => m.turns === 1 && m.worstLatencyS <= 10);
  process.stdout.write(
    `target (with credentials, the hooks' background watcher: 1 turn for every run up to 2h, detected within 10 s): ${oneWake ? "met" : "MISSED"} (worst: ${Math.max(...background.map((m) => m.turns))} turns, ${Math.max(...background.map((m) => m.worstLatencyS))} s)\n`,
  );
  const timerVsLoop = RUN_LENGTHS_S.map((l) => {
    const timer = results.get(`timer/${l}/success`)!;
    const loop = results.get(`loop/${l}/success`)!;
    return `${formatDuration(l)}: timer ${timer.turns} turns (${timer.latencyS} s) vs /loop ${loop.turns} (${loop.latencyS} s)`;
  });
  process.stdout.write(`without credentials, the hooks' timer (the policy's schedule) against /loop (whole minutes, plus its CronCreate and CronDelete): ${timerVsLoop.join("; ")}\n`);
  // The target of the timer without credentials: never more turns than /loop, never noticed later (mean and worst), at every length and outcome.
  const cases = RUN_LENGTHS_S.flatMap((l) => OUTCOMES.map((o) => ({ l, o, timer: results.get(`timer/${l}/${o.name}`)!, loop: results.get(`loop/${l}/${o.name}`)! })));
  const misses = cases.filter(({ timer, loop }) => timer.turns > loop.turns || timer.latencyS > loop.latencyS || timer.worstLatencyS > loop.worstLatencyS);
  process.stdout.write(
    `target (without credentials, the hooks' timer: turns and detection latency, mean and worst, <= /loop's at every length and outcome): ${misses.length === 0 ? "met" : "MISSED"}` +
      (misses.length === 0 ? "\n" : ` (${misses.map(({ l, o, timer, loop }) => `${formatDuration(l)} ${o.name}: ${timer.turns} vs ${loop.turns} turns, ${timer.latencyS} vs ${loop.latencyS} s`).join("; ")})\n`),
  );
  if (!ok || !oneWake || misses.length > 0) process.exitCode = 1;
  if (!process.argv.includes("--model-only") && !(await printMeasuredWaits())) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
