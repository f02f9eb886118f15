// PostToolUse on get_scenario: remember how long a run of this scenario is
// expected to take (longest load profile plus headroom), so the plan after a
// run_scenario of it uses that instead of the default. No text is injected.
import { bareToolName, expectedRunSeconds, isHandle, MAX_DURATION_S } from "../policy/index.js";
import type { DecideContext, Decided } from "./decision.js";
import type { ToolHookInput } from "./input.js";
import type { SessionState } from "./state.js";
import { readToolResult } from "./tool-response.js";

/** The OctoPerf tool whose result gives a scenario's load profiles. */
export const SCENARIO_TOOL = "get_scenario";

export function decideScenario(input: ToolHookInput, state: SessionState, ctx: DecideContext): Decided {
  if (bareToolName(input.toolName) !== SCENARIO_TOOL || input.event !== "PostToolUse") return { state, note: `not ${SCENARIO_TOOL}` };
  const scenarioId = input.toolInput.scenarioId;
  const result = readToolResult(input.toolResponse);
  if (!isHandle(scenarioId) || result.kind !== "object" || result.isError) return { state };
  const seconds = expectedRunSeconds(result.value) ?? expectedRunSeconds(result.value.scenario);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_DURATION_S) return { state };
  return { state: { ...state, scenarios: { ...state.scenarios, [scenarioId]: { seconds, at: ctx.now } } } };
}
