// The order in which to choose a way to wait in Claude Code, with every
// number taken from the policy's harness constants.
import { CLAUDE_MAX_SLEEP_S, CLAUDE_SLEEP_REFUSAL_THRESHOLD_S, MONITOR_MAX_TIMEOUT_MS, SCHEDULE_WAKEUP_MAX_S, SCHEDULE_WAKEUP_MIN_S } from "../../policy/harness.js";
import { realisation } from "../../policy/realisations.js";
import { cronForInterval } from "../wait-instructions.js";

export function claudeCodeChoice(): string {
  const monitorMinutes = MONITOR_MAX_TIMEOUT_MS / 60_000;
  const loop = realisation("loop");
  const wakeup = realisation("wakeup");
  return [
    `1. **\`OCTOPERF_API_KEY\` is set**: run the watcher under \`Monitor\`. It polls outside the model and prints a line only when the run is under way and when it ends: about 3 turns a wait. When it prints a re-arm line (Monitor stops after ${monitorMinutes} minutes), start it again.`,
    `2. **N <= ${CLAUDE_MAX_SLEEP_S} s**: poll, a standalone Bash \`sleep N\`, poll again (${realisation("claude-sleep").turnsPerCycle} turns a cycle). Claude Code refuses \`sleep ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S}\` and longer.`,
    `3. **Otherwise** \`/loop 1m <poll prompt>\`, or \`CronCreate\` with cron \`${cronForInterval(60).cron}\`, keeping the returned \`id\` (${loop.turnsPerCycle} turns a cycle). A minute is cron's finest step: when N is under 60 s, say the loop polls every 60 s, not every N.`,
    `4. \`ScheduleWakeup\` (${SCHEDULE_WAKEUP_MIN_S}-${SCHEDULE_WAKEUP_MAX_S} s, ${wakeup.turnsPerCycle} turns a cycle) only when the loop must pace itself.`,
  ].join("\n");
}
