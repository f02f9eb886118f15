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
// A strategy is data plus a script: its `after` steps, its tools and the
// session's environment. Two need nothing from the model: the background
// watcher the plugin's hooks run (with an API key: the watcher reaches the
// simulator's REST API, a process of its own sharing the state file) and
// the hooks' cadence timer (without credentials). Monitor and /loop are what
// the model arranges itself when the background hooks are off, so those
// sessions turn them off.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { operation, planWait, pollTargets, terminalValues, type WaitPlan } from "../../../src/policy/index.js";
import { expectedRunSeconds } from "../../../src/policy/profiles.js";
import { cronCreateArgs, monitorArgs } from "../../../src/calls/wait-calls.js";
import { countWait, firstResultOf, type MeasuredWait } from "./interactive-count.js";
import { startInteractive, type InteractiveSession } from "./interactive.js";
import type { MessagesRequest } from "./messages.js";
import { newTexts } from "./requests.js";
import { repeat, text, tool, toolSearch, type Reply, type Step, type Turn } from "./script.js";
import { SIMULATOR_SCRIPT } from "./plugin-variant.js";
import { realEndOf, startRestSimulator, TEST_OCTOPERF_KEY, type RestSimulator } from "./rest-simulator.js";
import { BACKGROUND_HOOKS_OFF, octoTool } from "./session.js";

export { BACKGROUND_HOOKS_OFF } from "./session.js";

export const RUN_OPERATION = operation("scenario-run");
const name = (t: string) => octoTool("bundled", t);

/** What a strategy's script knows and reports back. */
export interface WaitContext {
  /** The loaded plugin folder (what ${CLAUDE_PLUGIN_ROOT} stands for). */
  readonly pluginRoot: () => string;
  /** The simulator state file shared with any watcher. */
  readonly statePath: string;
  readonly speed: number;
  /** The REST simulator's URL, for a strategy that asks for one. */
  readonly restUrl: () => string;
  benchResultIds: string[];
  plan: WaitPlan | undefined;
  /** Set by the script once the terminal state was seen and the wait cleaned up. */
  finished: boolean;
  /** The terminal state(s) the model saw, e.g. "FINISHED". */
  outcome: string;
  /** When the request that first showed the model the outcome arrived (real epoch ms). */
  noticedAt: number | undefined;
}

export interface WaitStrategy {
  readonly id: string;
  readonly label: string;
  /** Claude Code tools the strategy uses (loaded through ToolSearch and allowed). */
  readonly tools: readonly string[];
  /** Whether the watcher may be offered (an API key or a login): changes the plan the hooks give. */
  readonly watcher: boolean;
  /** The watcher reaches the simulator's REST API with a test key (a REST simulator is started for the session). */
  readonly rest?: boolean;
  /** The session's environment (beyond the harness's own). */
  env(context: WaitContext): Record<string, string>;
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

const OUTCOME_LINE = /octoperf-wait: \S+ (succeeded|failed|partial)\b[^<\n]*/;
/** A tool call the client still draws as in flight (2.1.330: "● Calling plugin:octoperf:octoperf…"). */
const CALL_IN_FLIGHT = /Calling \S+…/;

/**
 * The screen once the client has drawn the last call's result: the model's
 * request can come before the TUI repaints it (seen under load). Bounded, and
 * only waited for when the run finished.
 */
async function settledScreen(session: InteractiveSession, finished: boolean): Promise<string> {
  const until = Date.now() + 20_000;
  let screen = await session.screen();
  while (finished && CALL_IN_FLIGHT.test(screen) && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 200));
    screen = await session.screen();
  }
  return screen;
}

/**
 * The one-wake wait with credentials: the hooks run the watcher in the
 * background after run_scenario; the model ends its turn and is woken once,
 * with the watcher's final line. Nothing to arm, nothing to clean up.
 */
export const BACKGROUND: WaitStrategy = {
  id: "background",
  label: "background watcher (hooks)",
  tools: [],
  watcher: true,
  rest: true,
  env: (context) => ({
    OCTOPERF_API_KEY: TEST_OCTOPERF_KEY,
    OCTOPERF_API_URL: context.restUrl(),
    OCTOPERF_WAIT_TIME_SCALE: String(context.speed),
    OCTOPERF_HOOKS_TIME_SCALE: String(context.speed),
  }),
  after(context) {
    return [
      (turn) => {
        const plan = newTexts(turn.request).join("\n");
        if (!plan.includes("A background watcher run by this plugin's hooks now waits")) throw new Error(`no background watcher in the plan: ${plan.slice(0, 600)}`);
        return text("A background watcher waits on the run; I will report when it wakes me.");
      },
      repeat(10, (turn) => {
        const line = OUTCOME_LINE.exec(newTexts(turn.request).join("\n"))?.[0];
        if (!line) return text("Noted.");
        context.outcome = terminalIn(line).join(", ") || "(no state)";
        context.noticedAt ??= Date.now();
        context.finished = true;
        return text(`The run ended: ${context.outcome}.`);
      }),
    ];
  },
};

/**
 * Without credentials: the model polls once, ends its turn after each poll
 * that is not final, and the hooks wake it exactly N after each poll, with
 * the call to make. Nothing to arm, nothing to clean up.
 */
export const TIMER: WaitStrategy = {
  id: "timer",
  label: "cadence timer (hooks)",
  tools: [],
  watcher: false,
  env: (context) => ({ OCTOPERF_HOOKS_TIME_SCALE: String(context.speed) }),
  after(context) {
    const poll = (): Reply => tool(name("get_bench_result"), { benchResultId: context.benchResultIds[0] ?? "" });
    return [
      () => poll(),
      repeat(400, (turn) => {
        const result = turn.toolResult;
        if (result?.toolName === name("get_bench_result")) {
          const state = result.isError ? undefined : (json(turn).state as string | undefined);
          if (state !== undefined && terminalValues(RUN_OPERATION).includes(state)) {
            context.outcome = state;
            context.noticedAt ??= Date.now();
            context.finished = true;
            return text(`The run ended: ${state}.`);
          }
          return text("Still running; the hooks will wake me for the next poll.");
        }
        const said = newTexts(turn.request).join("\n");
        // However slow the machine, the wait ends in a wake the model can act on: the next poll, a lost wait to resume, or the deadline.
        if (/has run past (its|their) deadline/.test(said)) {
          context.outcome = "past its deadline (told)";
          context.noticedAt ??= Date.now();
          context.finished = true;
          return text("It ran past its deadline; I stop waiting and tell you.");
        }
        if (/the next poll is due|could not go on: .*Poll (it|them) now/.test(said)) return poll();
        return text("Noted.");
      }),
    ];
  },
};

/**
 * The watcher under Monitor, as the plan teaches when credentials exist. The
 * backend is the simulator over stdio (what a login or key would reach),
 * sharing the run through the state file. Each watcher line is a wake; when
 * the deadline outlasts Monitor's 30-minute cap the watcher prints a re-arm
 * line before the window ends and the model calls Monitor again.
 */
export const MONITOR: WaitStrategy = {
  id: "monitor",
  label: "Monitor + watcher (hooks off)",
  tools: ["Monitor"],
  watcher: true,
  env: () => ({ ...BACKGROUND_HOOKS_OFF }),
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
        const last = events.find((line) => OUTCOME_LINE.test(line));
        if (last) {
          outcome = terminalIn(last).join(", ") || "(no state)";
          context.noticedAt ??= Date.now();
        }
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
  label: "/loop (CronCreate, hooks off)",
  tools: ["CronCreate", "CronDelete", "CronList"],
  watcher: false,
  env: () => ({ ...BACKGROUND_HOOKS_OFF }),
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
            context.noticedAt ??= Date.now();
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
  /** Real seconds from the run's terminal state to the request that brought the outcome to the model. */
  readonly noticedAfterS: number | undefined;
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
  let rest: RestSimulator | undefined;
  const context: WaitContext = {
    pluginRoot: () => root,
    statePath: join(stateDir, "state.json"),
    speed: run.speed,
    restUrl: () => {
      if (!rest) throw new Error("this strategy has no REST simulator");
      return rest.url;
    },
    benchResultIds: [],
    plan: undefined,
    finished: false,
    outcome: "",
    noticedAt: undefined,
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
  if (run.strategy.rest) rest = await startRestSimulator({ statePath: context.statePath, speed: run.speed });
  const session = await startInteractive({
    prompt: `Run the OctoPerf scenario ${run.scenarioId} and tell me when it is done.`,
    steps,
    plugin: { mcp: "bundled", simulator: { speed: run.speed, extraArgs: ["--state", context.statePath] } },
    allowedTools: ["ToolSearch", name("get_scenario"), name("run_scenario"), name("get_bench_result"), ...run.strategy.tools],
    env: run.strategy.env(context),
  }).catch(async (error: unknown) => {
    await rest?.stop();
    throw error;
  });
  root = session.pluginRoot ?? "";
  try {
    const until = Date.now() + run.timeoutMs;
    while (!context.finished && session.model.problems.length === 0 && Date.now() < until) await new Promise((done) => setTimeout(done, 100));
    const screen = await settledScreen(session, context.finished);
    const requests = session.model.requests;
    const from = firstResultOf(requests, name("run_scenario"));
    const count = countWait(requests, from);
    const problems = [...session.model.problems];
    if (!context.finished) problems.push(`the wait did not finish within ${run.timeoutMs} ms`);
    const times = session.model.receivedAt;
    const ends = context.benchResultIds.map((id) => realEndOf(context.statePath, id));
    const noticed = context.noticedAt;
    return {
      strategy: run.strategy.label,
      runSeconds: context.plan?.expectedSeconds ?? 0,
      speed: run.speed,
      ...count,
      waitMs: (times.at(-1) ?? started) - (times[from] ?? started),
      sessionMs: Date.now() - started,
      outcome: context.outcome || "(none)",
      noticedAfterS: noticed === undefined || ends.length === 0 ? undefined : (noticed - Math.max(...ends)) / 1000,
      problems,
      screen,
      transcript: [...requests],
    };
  } finally {
    await session.stop();
    await rest?.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
}
