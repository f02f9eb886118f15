// The cadence table: expected duration -> N -> how Claude Code realises it,
// with this plugin's background hooks and without them.
import { CADENCE_RULE, CADENCE_TABLE_DURATIONS, cadenceFor } from "../../policy/cadence.js";
import { formatDuration } from "../../policy/duration.js";
import { MAX_BACKGROUND_WAIT_S } from "../../policy/background.js";
import { planWait, type RealisationChoice } from "../../policy/plan.js";
import { realisation } from "../../policy/realisations.js";
import { EARLY_POLL_GAP_MAX_S, startsCoarse, TIMER_SCHEDULE_RULE } from "../../policy/schedule.js";
import { loopInterval } from "../../calls/wait-calls.js";
import { table } from "../markdown.js";
import { code } from "../../calls/words.js";
import { LOGIN_COMMAND } from "../../auth/hosted.js";

/** How a choice without the watcher polls a wait of `expected` seconds at cadence N, in a table cell. */
function pollingCell(choice: RealisationChoice, expected: number, n: number): string {
  switch (choice.id) {
    case "cadence-timer":
      return startsCoarse(expected, n) ? `woken <= ${EARLY_POLL_GAP_MAX_S} s apart, then ${n} s` : `woken ${n} s apart`;
    case "claude-sleep":
      return `${code(`sleep ${n}`)} between polls`;
    case "loop":
      return `${code(`/loop ${loopInterval(n)}`)}${choice.exact ? "" : ` (every ${formatDuration(choice.intervalSeconds)}, not ${n} s)`}`;
    default:
      return realisation(choice.id).title;
  }
}

export function cadenceTable(): string {
  const rows = CADENCE_TABLE_DURATIONS.map((seconds) => {
    const n = cadenceFor(seconds);
    const hooks = planWait({ operation: "scenario-run", expectedSeconds: seconds, hooks: true }).chosen;
    const plain = planWait({ operation: "scenario-run", expectedSeconds: seconds }).chosen;
    return [formatDuration(seconds), `${n} s`, pollingCell(hooks, seconds, n), `${hooks.estimatedTurns}`, pollingCell(plain, seconds, n), `${plain.estimatedTurns}`];
  });
  const hour = 3600;
  const background = realisation("background-watcher");
  return [
    `${CADENCE_RULE}. Without credentials the hooks wake the model for each poll, ${TIMER_SCHEDULE_RULE}:`,
    "",
    table(["expected", "N", "with this plugin's hooks", "model turns", "hooks off", "model turns"], rows),
    "",
    `With an API key or ${code(LOGIN_COMMAND)}, the hooks run the watcher in the background and wake the model once, with the outcome: ` +
      `${background.turns(2 * hour, 10)} turn for any run up to ${formatDuration(MAX_BACKGROUND_WAIT_S)}. ` +
      `With the hooks off, the watcher under Monitor (${realisation("monitor").turns(1800, 10)} turns per 30 minutes) or in a background Bash (${realisation("background-bash").turns(2 * hour, 10)} turns per 2 hours).`,
  ].join("\n");
}
