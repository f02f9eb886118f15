// Generated regions of the slash commands (commands/*.md), by marker name.
import type { RegionRenderer } from "../regions.js";
import { cadenceArgumentRule, cadenceRules, cadenceUsage } from "./cadence-command.js";
import { loginSteps, loginUsage } from "./login-command.js";
import { stopWaitSteps, stopWaitUsage } from "./stop-wait-command.js";
import { waitArgumentRules, waitSteps, waitUsage } from "./wait-command.js";

export const COMMAND_RENDERERS: Readonly<Record<string, RegionRenderer>> = {
  "wait-usage": waitUsage,
  "wait-arguments": waitArgumentRules,
  "wait-steps": waitSteps,
  "cadence-usage": cadenceUsage,
  "cadence-argument": cadenceArgumentRule,
  "cadence-rules": cadenceRules,
  "stop-wait-usage": stopWaitUsage,
  "stop-wait-steps": stopWaitSteps,
  "login-usage": loginUsage,
  "login-steps": loginSteps,
};
