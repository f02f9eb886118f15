// Every generated region the generator knows, by marker name.
import type { RegionRenderer } from "../regions.js";
import { cadenceTable } from "./cadence.js";
import { claudeCodeChoice, claudeCodeHooksOff } from "./choice.js";
import { failureSkills, startTools } from "./operation-lists.js";
import { claudeCodeExample, realisationsTable } from "./claude-code.js";
import { failureRoutes, operationsTable, terminalConditions } from "./operations.js";
import { terminalCheck } from "./terminal-check.js";
import { waitSnippet } from "./wait-snippet.js";
import { COMMAND_RENDERERS } from "./commands.js";
import { ruleTable } from "../../lint/rules-doc.js";
import { conditionWait, conditionWaits } from "./condition-wait.js";
import { faultTable } from "./faults.js";

export const REGION_RENDERERS: Readonly<Record<string, RegionRenderer>> = {
  "cadence-table": cadenceTable,
  "operations-table": operationsTable,
  "terminal-conditions": terminalConditions,
  "failure-routes": failureRoutes,
  realisations: realisationsTable,
  "claude-code-example": claudeCodeExample,
  "wait-snippet": waitSnippet,
  "terminal-check": terminalCheck,
  "start-tools": startTools,
  "failure-skills": failureSkills,
  "claude-code-choice": claudeCodeChoice,
  "claude-code-hooks-off": claudeCodeHooksOff,
  "lint-rules": ruleTable,
  "condition-wait": conditionWait,
  "condition-waits": conditionWaits,
  faults: faultTable,
  ...COMMAND_RENDERERS,
};
