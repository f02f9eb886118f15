// A /loop interval under a minute (or not in whole minutes) is rounded up by
// cron; a skill must not present it as exact.
import { CRON_FLOOR_S } from "../../policy/index.js";
import { loopCommands } from "../claude-calls.js";
import type { Finding, LintFile, Rule } from "../types.js";

const ROUNDING_RE = /\b(round(?:s|ed)? up|rounded|whole minutes?|not every|becomes|at least (?:a|one) minute|finest step)\b/i;

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  for (const loop of loopCommands(file)) {
    if (loop.generated || loop.seconds === undefined || loop.seconds % CRON_FLOOR_S === 0) continue;
    if (ROUNDING_RE.test(loop.lineText)) continue;
    const real = Math.max(1, Math.ceil(loop.seconds / CRON_FLOOR_S));
    findings.push({
      line: loop.line,
      column: loop.column,
      message: `/loop ${loop.token} runs every ${real} min, not every ${loop.seconds} s (cron's finest step is ${CRON_FLOOR_S} s); write ${real}m or say it is rounded up`,
    });
  }
  return findings;
}

export const policyLoopFloorRule: Rule = {
  id: "policy-loop-floor",
  description: "No /loop interval under a minute (or off whole minutes) presented as exact.",
  check,
};
