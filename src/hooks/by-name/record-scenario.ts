// PostToolUse on get_scenario: remember how long a run of this scenario is
// expected to take (longest load profile plus headroom), so the plan after a
// run_scenario of it uses that instead of the default. No text is injected.
import { bareToolName, expectedRunSeconds, isHandle, LOAD_PROFILES_TOOL, MAX_DURATION_S } from "../../policy/index.js";
import type { Decide } from "../claude/decision.js";
import { readToolResult } from "../claude/tool-response.js";

export const decideScenario: Decide<"PostToolUse"> = (input, state, ctx) => {
  if (bareToolName(input.toolName) !== LOAD_PROFILES_TOOL) return { state, note: `not ${LOAD_PROFILES_TOOL}` };
  const scenarioId = input.toolInput.scenarioId;
  const result = readToolResult(input.toolResponse);
  if (!isHandle(scenarioId) || result.kind !== "object" || result.isError) return { state };
  const seconds = expectedRunSeconds(result.value) ?? expectedRunSeconds(result.value.scenario);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_DURATION_S) return { state };
  return { state: { ...state, scenarios: { ...state.scenarios, [scenarioId]: { seconds, at: ctx.now } } } };
};
