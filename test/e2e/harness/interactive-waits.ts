// A whole wait in an interactive session of the real client, with the real
// plugin and the OctoPerf simulator, for each waiting strategy the model can
// use today; counted with interactive-count.ts. The scripted model reads the
// scenario, runs it, then waits the strategy's way and answers every wake
// like a model that follows the plan would, until the run's terminal state
// is seen and the wait is cleaned up.
//
// The simulator Claude Code starts (.mcp.json of the test variant) and the
// one a watcher starts share one state file (--state), so both see the same
// run on the same clock; --speed shortens the run, and the watcher's
// --time-scale keeps its own clock (cadence, deadline, Monitor window) on
// the simulator's.
//
// A strategy is data plus a script: add one (the background watcher hook,
// the no-credential timer) by writing its `after` steps and its tools.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { operation, planWait, pollTargets, terminalValues, type WaitPlan } from "../../../src/policy/index.js";
import { expectedRunSeconds } from "../../../src/policy/profiles.js";
import { cronCreateArgs, monitorArgs, WATCHER_COMMAND } from "../../../src/render/wait-instructions.js";
import { countWait, firstResultOf, type MeasuredWait } from "./interactive-count.js";
import { startInteractive } from "./interactive.js";
import type { MessagesRequest } from "./messages.js";
import { newTexts } from "./requests.js";
import { repeat, text, tool, toolSearch, type Reply, type Step, type Turn } from "./script.js";
import { octoTool } from "./session.js";
import { SIMULATOR_SCRIPT } from "./plugin-variant.js";

export const RUN_OPERATION = operation("scenario-run");
const name = (t: string) => octoTool("bundled", t);

/** What a strategy's script knows and reports back. */
export interface WaitContext {
  /** The loaded plugin folder (what ${CLAUDE_PLUGIN_ROOT} stands for). */
  readonly pluginRoot: () => string;
  /** The simulator state file shared with any watcher. */
  readonly statePath: string;
  readonly speed: number;
  benchResultIds: string[];
  plan: WaitPlan | undefined;
  /** Set by the script once the terminal state was seen and the wait cleaned up. */
  finished: boolean;
  /** The terminal state(s) the model saw, e.g. "FINISHED". */
  outcome: string;
}

export interface WaitStrategy {
  readonly id: string;
  readonly label: string;
  /** Claude Code tools the strategy uses (loaded through ToolSearch and allowed). */
  readonly tools: readonly string[];
  /** Whether the watcher may be offered (an API key or a login): changes the plan the hooks give. */
  readonly watcher: boolean;
  /** The steps from the request carrying run_scenario's result to the end. */
  after(context: WaitContext): Step[];
}

export interface WaitRun {
  readonly strategy: WaitStrategy;
  /** A simulator scenario: scn-smoke (60 s of load), scn-checkout (9 min, two bench results), scn-soak (2 h). */
  readonly scenarioId: string;
  readonly speed: number;
  /** Give up after this long (ms of real time). */
  readonly timeoutMs: number;
}

function json(turn: Turn): Record<string, unknown> {
  const raw = turn.toolResult?.text ?? "";
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new Error(`not JSON: ${raw.slice(0, 200)}`);
  }
}

function terminalIn(textValue: string): string[] {
  return terminalValues(RUN_OPERATION).filter((value) => new RegExp(`\\b${value}\\b`).test(textValue));
}

function withRoot(command: string, root: string): string {
  return command.split("${CLAUDE_PLUGIN_ROOT}").join(root);
}

/**
 * The watcher under Monitor, as the plan teaches when credentials exist. The
 * backend is the simulator over stdio (what a login or key would reach),
 * sharing the run through the state file. Each watcher line is a wake; when
 * the deadline outlasts Monitor's 30-minute cap the watcher prints a re-arm
 * line before the window ends and the model calls Monitor again.
 */
export const MONITOR: WaitStrategy = {
  id: "monitor",
  label: "Monitor + watcher",
  tools: ["Monitor"],
  watcher: true,
  after(context) {
    let task = "";
    let outcome = "";
    const backend = () =>
      `--mcp-command "${process.execPath} ${context.pluginRoot()}/${SIMULATOR_SCRIPT} --stdio --state ${context.statePath}" --time-scale ${context.speed}`;
    const arm = (command: string, description: string): Reply =>
      tool("Monitor", { description, timeout_ms: monitorArgs(context.plan!, pollTargets(RUN_OPERATION, context.benchResultIds)).timeout_ms, command });
    return [
      () => {
        const args = monitorArgs(context.plan!, pollTargets(RUN_OPERATION, context.benchResultIds));
        return arm(`${withRoot(args.command, context.pluginRoot())} ${backend()}`, args.description);
      },
      repeat(60, (turn) => {
        if (turn.toolResult?.toolName === "Monitor") {
          task = /\btask ([0-9a-z]+)/.exec(turn.toolResult.text)?.[1] ?? "";
          return text("Watching.");
        }
        const said = newTexts(turn.request).join("\n");
        const rearm = /Re-arm: call Monitor again with command: ([^<\n]+)/.exec(said)?.[1];
        if (rearm) return arm(withRoot(rearm.trim(), context.pluginRoot()), "OctoPerf scenario-run (re-armed)");
        const events = [...said.matchAll(/<event>([^<]*)<\/event>/g)].map((m) => m[1] ?? "");
        const last = events.find((line) => /octoperf-wait: \S+ (succeeded|failed|partial)\b/.test(line));
        if (last) outcome = terminalIn(last).join(", ") || "(no state)";
        if (outcome && task && new RegExp(`<task-id>${task}</task-id>[\\s\\S]*<status>`).test(said)) {
          context.outcome = outcome;
          context.finished = true;
          return text(`The run ended: ${outcome}.`);
        }
        return text("Noted.");
      }),
    ];
  },
};

/**
 * The policy's loop without credentials: CronCreate with the plan's cron
 * (whole minutes), one poll at once, then one poll per firing until the run
 * is terminal; CronDelete; CronList to show no loop is left.
 */
export const LOOP: WaitStrategy = {
  id: "loop",
  label: "/loop (CronCreate)",
  tools: ["CronCreate", "CronDelete", "CronList"],
  watcher: false,
  after(context) {
    let job = "";
    const poll = (): Reply => tool(name("get_bench_result"), { benchResultId: context.benchResultIds[0] ?? "" });
    return [
      () => tool("CronCreate", { ...cronCreateArgs(context.plan!, pollTargets(RUN_OPERATION, context.benchResultIds)) }),
      (turn) => {
        job = /\bjob ([0-9a-z]+)\b/i.exec(turn.toolResult?.text ?? "")?.[1] ?? "";
        if (!job) throw new Error(`CronCreate gave no job id: ${turn.toolResult?.text.slice(0, 200) ?? "(no result)"}`);
        return poll();
      },
      repeat(60, (turn) => {
        const result = turn.toolResult;
        if (result?.toolName === "CronList") {
          context.finished = true;
          return text(`The run ended: ${context.outcome}.`);
        }
        if (result?.toolName === "CronDelete") return tool("CronList", {});
        if (result?.toolName === name("get_bench_result")) {
          const state = result.isError ? undefined : (json(turn).state as string | undefined);
          if (state !== undefined && terminalValues(RUN_OPERATION).includes(state)) {
            context.outcome = state;
            return tool("CronDelete", { id: job });
          }
          return text("Still running; the loop will poll again.");
        }
        // A firing of the loop: its prompt asks for one poll.
        return poll();
      }),
    ];
  },
};

export interface InteractiveWaitRecord extends MeasuredWait {
  readonly problems: readonly string[];
  /** The pane at the end, for failure messages. */
  readonly screen: string;
  /** Every main-loop request the model received. */
  readonly transcript: readonly MessagesRequest[];
}

/** Run a whole wait in an interactive session and count what it cost. */
export async function measureInteractiveWait(run: WaitRun): Promise<InteractiveWaitRecord> {
  const stateDir = await mkdtemp(join(tmpdir(), "octoperf-e2e-state-"));
  let root = "";
  const context: WaitContext = {
    pluginRoot: () => root,
    statePath: join(stateDir, "state.json"),
    speed: run.speed,
    benchResultIds: [],
    plan: undefined,
    finished: false,
    outcome: "",
  };
  let scenario: unknown;
  const steps: Step[] = [
    toolSearch([name("get_scenario"), name("run_scenario"), name("get_bench_result"), ...run.strategy.tools]),
    tool(name("get_scenario"), { scenarioId: run.scenarioId }),
    (turn) => {
      scenario = json(turn);
      return tool(name("run_scenario"), { scenarioId: run.scenarioId });
    },
    ...run.strategy.after(context).map((step, index): Step => {
      if (index > 0 || typeof step !== "function") return step;
      return (turn: Turn) => {
        const ids = json(turn).benchResultIds;
        if (!Array.isArray(ids) || ids.length === 0) throw new Error("run_scenario gave no benchResultIds");
        context.benchResultIds = ids.map(String);
        context.plan = planWait({ operation: RUN_OPERATION.id, expectedSeconds: expectedRunSeconds(scenario) ?? RUN_OPERATION.expectedSeconds, watcher: run.strategy.watcher });
        return step(turn);
      };
    }),
  ];
  const started = Date.now();
  const session = await startInteractive({
    prompt: `Run the OctoPerf scenario ${run.scenarioId} and tell me when it is done.`,
    steps,
    plugin: { mcp: "bundled", simulator: { speed: run.speed, extraArgs: ["--state", context.statePath] } },
    allowedTools: ["ToolSearch", name("get_scenario"), name("run_scenario"), name("get_bench_result"), ...run.strategy.tools],
  });
  root = session.pluginRoot ?? "";
  try {
    const until = Date.now() + run.timeoutMs;
    while (!context.finished && session.model.problems.length === 0 && Date.now() < until) await new Promise((done) => setTimeout(done, 100));
    const screen = await session.screen();
    const requests = session.model.requests;
    const from = firstResultOf(requests, name("run_scenario"));
    const count = countWait(requests, from);
    const problems = [...session.model.problems];
    if (!context.finished) problems.push(`the wait did not finish within ${run.timeoutMs} ms`);
    const times = session.model.receivedAt;
    return {
      strategy: run.strategy.label,
      runSeconds: context.plan?.expectedSeconds ?? 0,
      speed: run.speed,
      ...count,
      waitMs: (times.at(-1) ?? started) - (times[from] ?? started),
      sessionMs: Date.now() - started,
      outcome: context.outcome || "(none)",
      problems,
      screen,
      transcript: [...requests],
    };
  } finally {
    await session.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
}
