// The scenario-4 flow: a run that aborts half-way. Poll progress at once,
// wait a cadence (the run aborts meanwhile), read progress again (frozen),
// wait again, read the state (ABORTED), then try progress once more.
import { text, tool, toolSearch, type Reply, type Step, type Turn } from "../harness/script.js";
import { octoTool, type ServerForm } from "../harness/session.js";
import { runPlan, SMOKE_SCENARIO, SMOKE_SPEED } from "./scenario-run.js";

export const ABORT_PERCENT = 50;
export const ABORT_FAULT = `abort@${ABORT_PERCENT}`;
export { SMOKE_SPEED as ABORT_SPEED };

export interface AbortFlowState {
  scenario: unknown;
  benchResultId: string | undefined;
}

function json(turn: Turn): unknown {
  return JSON.parse(turn.toolResult?.text ?? "null");
}

export function abortedRunFlow(form: ServerForm): { steps: Step[]; state: AbortFlowState; allowedTools: string[]; prompt: string } {
  const name = (tool: string) => octoTool(form, tool);
  const state: AbortFlowState = { scenario: undefined, benchResultId: undefined };
  const handle = () => ({ benchResultId: state.benchResultId ?? "" });
  const progress = (): Reply => tool(name("get_bench_status"), handle());
  const wait = (): Reply => tool("Bash", { command: `sleep ${runPlan(state.scenario).cadenceSeconds}` });
  const steps: Step[] = [
    toolSearch([name("get_scenario"), name("run_scenario"), name("get_bench_result"), name("get_bench_status")]),
    tool(name("get_scenario"), { scenarioId: SMOKE_SCENARIO }),
    (turn) => {
      state.scenario = json(turn);
      return tool(name("run_scenario"), { scenarioId: SMOKE_SCENARIO });
    },
    (turn) => {
      const ids = (json(turn) as { benchResultIds?: unknown }).benchResultIds;
      if (!Array.isArray(ids) || ids.length === 0) throw new Error("run_scenario gave no benchResultIds");
      state.benchResultId = String(ids[0]);
      return progress();
    },
    wait,
    progress,
    wait,
    () => tool(name("get_bench_result"), handle()),
    progress,
    text("The run aborted."),
  ];
  const allowedTools = [name("get_scenario"), name("run_scenario"), name("get_bench_result"), name("get_bench_status"), "ToolSearch", "Bash"];
  return { steps, state, allowedTools, prompt: `Run the OctoPerf scenario ${SMOKE_SCENARIO} and watch it.` };
}
