// The scenario-3 flow as a script: read the scenario, run it, set up the loop
// the plan teaches, poll at once, poll again at once, wait the seconds the
// pace guard names, poll until the run ends, cancel the loop with the id the
// outcome gives, and poll once more. The script adapts to what it reads, so
// the same flow also runs without the plugin (for the benchmark's baseline).
import { operation, planWait, pollTargets, terminalValues } from "../../../src/policy/index.js";
import { expectedRunSeconds } from "../../../src/policy/profiles.js";
import { cronCreateArgs } from "../../../src/calls/wait-calls.js";
import { hookContexts } from "../harness/requests.js";
import { repeat, text, tool, toolSearch, type Reply, type Step, type Turn } from "../harness/script.js";
import { octoTool, type ServerForm } from "../harness/session.js";

export const RUN_OPERATION = operation("scenario-run");
/** The simulator's 60-second scenario: 90 s expected with provisioning, so a 9 s cadence. */
export const SMOKE_SCENARIO = "scn-smoke";
/** At this speed a smoke run lasts 6 real seconds: still running for the first polls, over after one cadence. */
export const SMOKE_SPEED = 15;

export interface RunFlowState {
  scenario: unknown;
  benchResultIds: string[];
  jobId: string | undefined;
  /** The CronDelete id the plugin named, if it did. */
  namedJobId: string | undefined;
}

function json(turn: Turn): unknown {
  const raw = turn.toolResult?.text ?? "";
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error(`not JSON: ${raw.slice(0, 200)}`);
  }
}

function stateOf(turn: Turn): string | undefined {
  if (turn.toolResult?.isError) return undefined;
  const value = json(turn) as { state?: unknown };
  return typeof value.state === "string" ? value.state : undefined;
}

function justWaited(turn: Turn): boolean {
  return turn.toolResult?.toolName === "Bash";
}

/** The plan the policy makes for a run of this scenario (the default duration when unknown). */
export function runPlan(scenario: unknown) {
  return planWait({ operation: RUN_OPERATION.id, expectedSeconds: expectedRunSeconds(scenario) ?? RUN_OPERATION.expectedSeconds });
}

export function scenarioRunFlow(form: ServerForm): { steps: Step[]; state: RunFlowState; allowedTools: string[]; prompt: string } {
  const name = (tool: string) => octoTool(form, tool);
  const state: RunFlowState = { scenario: undefined, benchResultIds: [], jobId: undefined, namedJobId: undefined };
  const poll = (): Reply => tool(name("get_bench_result"), { benchResultId: state.benchResultIds[0] ?? "" });
  const cadence = (): number => runPlan(state.scenario).cadenceSeconds;
  const steps: Step[] = [
    toolSearch([name("get_scenario"), name("run_scenario"), name("get_bench_result"), "CronCreate", "CronDelete"]),
    tool(name("get_scenario"), { scenarioId: SMOKE_SCENARIO }),
    (turn) => {
      state.scenario = json(turn);
      return tool(name("run_scenario"), { scenarioId: SMOKE_SCENARIO });
    },
    (turn) => {
      const started = json(turn) as { benchResultIds?: unknown };
      if (!Array.isArray(started.benchResultIds) || started.benchResultIds.length === 0) throw new Error("run_scenario gave no benchResultIds");
      state.benchResultIds = started.benchResultIds.map(String);
      return tool("CronCreate", { ...cronCreateArgs(runPlan(state.scenario), pollTargets(RUN_OPERATION, state.benchResultIds)) });
    },
    (turn) => {
      state.jobId = /\bjob ([0-9a-z]+)\b/i.exec(turn.toolResult?.text ?? "")?.[1];
      return poll();
    },
    poll,
    (turn) => {
      const left = /again in (\d+) s\b/.exec(turn.toolResult?.text ?? "")?.[1];
      return tool("Bash", { command: `sleep ${left ?? cadence()}` });
    },
    // Poll, and while the run is not over, wait one cadence and poll again.
    repeat(8, (turn) => {
      if (justWaited(turn)) return poll();
      const current = stateOf(turn);
      if (current !== undefined && terminalValues(RUN_OPERATION).includes(current)) return undefined;
      return tool("Bash", { command: `sleep ${cadence()}` });
    }),
    (turn) => {
      const contexts = hookContexts(turn.toolResult?.alongside ?? []).map((c) => c.text).join("\n");
      state.namedJobId = /CronDelete \{"id":"([^"]+)"\}/.exec(contexts)?.[1];
      return tool("CronDelete", { id: state.namedJobId ?? state.jobId ?? "" });
    },
    poll,
    text("The run is over."),
  ];
  const allowedTools = [name("get_scenario"), name("run_scenario"), name("get_bench_result"), "ToolSearch", "CronCreate", "CronDelete", "Bash"];
  return { steps, state, allowedTools, prompt: `Run the OctoPerf scenario ${SMOKE_SCENARIO} and tell me when it is done.` };
}
