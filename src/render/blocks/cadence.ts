// The cadence table: expected duration -> N -> how Claude Code realises it.
import { CADENCE_RULE, CADENCE_TABLE_DURATIONS, cadenceFor } from "../../policy/cadence.js";
import { formatDuration } from "../../policy/duration.js";
import { planWait } from "../../policy/plan.js";
import { realisation } from "../../policy/realisations.js";
import { loopInterval } from "../wait-instructions.js";
import { code, table } from "../markdown.js";

export function cadenceTable(): string {
  const rows = CADENCE_TABLE_DURATIONS.map((seconds) => {
    const n = cadenceFor(seconds);
    const plain = planWait({ operation: "scenario-run", expectedSeconds: seconds });
    const chosen = plain.chosen;
    const how =
      chosen.id === "claude-sleep"
        ? `${code(`sleep ${n}`)} between polls`
        : `${code(`/loop ${loopInterval(n)}`)}${chosen.exact ? "" : ` (every ${formatDuration(chosen.intervalSeconds)}, not ${n} s)`}`;
    return [formatDuration(seconds), `${n} s`, how, `${chosen.estimatedTurns}`];
  });
  return [
    `${CADENCE_RULE}.`,
    "",
    table(["expected", "N", "Claude Code without the watcher", "model turns"], rows),
    "",
    `With an API key, the watcher under Monitor replaces all of these (${realisation("monitor").turns(1800, 10)} turns per 30 minutes).`,
  ].join("\n");
}
