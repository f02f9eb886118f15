// The order in which to choose a way to wait in Claude Code, with every
// number taken from the policy: first what this plugin's hooks do on their
// own, then what the model arranges itself when they are off.
import { formatDuration } from "../../policy/duration.js";
import { MAX_BACKGROUND_WAIT_S } from "../../policy/background.js";
import {
  BASH_BACKGROUND_MAX_TIMEOUT_MS,
  CLAUDE_MAX_SLEEP_S,
  CLAUDE_SLEEP_REFUSAL_THRESHOLD_S,
  MONITOR_MAX_TIMEOUT_MS,
  SCHEDULE_WAKEUP_MAX_S,
  SCHEDULE_WAKEUP_MIN_S,
} from "../../policy/harness.js";
import { realisation } from "../../policy/realisations.js";
import { LOGIN_COMMAND } from "../../auth/hosted.js";
import { CRON_FLOOR_S } from "../../policy/harness.js";
import { cronForInterval, loopInterval } from "../../calls/wait-calls.js";

export function claudeCodeChoice(): string {
  return [
    `1. **This plugin's hooks injected a plan after the start**: follow it; it says which of these two it is.`,
    `   - **A background watcher waits** (an API key or \`${LOGIN_COMMAND}\`): end your turn. It wakes you once, with the outcome of every handle and the next step (up to ${formatDuration(MAX_BACKGROUND_WAIT_S)}; a longer run gets a line that says how to go on). Polls are refused meanwhile.`,
    `   - **Otherwise** poll once, then end your turn after each poll that is not final: the hooks wake you when the next is due, with the call to make (${realisation("cadence-timer").turnsPerCycle} turns a poll, nothing to set up or delete).`,
    "   Set up no `/loop`, `Monitor`, `CronCreate` or `sleep` then.",
    `2. **No plan came** (the hooks are off): before the first poll, choose as [reference.md](reference.md) says under "With the hooks off".`,
  ].join("\n");
}

/**
 * What the model arranges itself when the hooks are off, cheapest first: in
 * the skill's supporting file, since only sessions without the hooks need it
 * (keeping the body the model reads on every wait short).
 */
export function claudeCodeHooksOff(): string {
  const monitorMinutes = MONITOR_MAX_TIMEOUT_MS / 60_000;
  const bashHours = BASH_BACKGROUND_MAX_TIMEOUT_MS / 3_600_000;
  const loop = realisation("loop");
  const wakeup = realisation("wakeup");
  // Monitor's cost for one window: the turns of a wait that fits in it.
  const monitorTurns = realisation("monitor").turns(MONITOR_MAX_TIMEOUT_MS / 1000 - 1, 1);
  const floor = formatDuration(CRON_FLOOR_S);
  return [
    `1. **\`OCTOPERF_API_KEY\` is set or you signed in**: run the watcher under \`Monitor\` (about ${monitorTurns} turns a wait; it stops after ${monitorMinutes} minutes, so start it again when it prints a re-arm line), or in a \`Bash\` call with \`run_in_background: true\` (up to ${bashHours} h; it wakes you once when it exits, then read its last line).`,
    `2. **N <= ${CLAUDE_MAX_SLEEP_S} s**: poll, a standalone Bash \`sleep N\`, poll again (${realisation("claude-sleep").turnsPerCycle} turns a cycle). Claude Code refuses \`sleep ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S}\` and longer.`,
    `3. **Otherwise** \`/loop ${loopInterval(CRON_FLOOR_S)} <poll prompt>\`, or \`CronCreate\` with cron \`${cronForInterval(CRON_FLOOR_S).cron}\`, keeping the returned \`id\` (${loop.turnsPerCycle} turns a cycle). Cron's finest step is ${floor}: when N is under ${CRON_FLOOR_S} s, say the loop polls every ${CRON_FLOOR_S} s, not every N.`,
    `4. \`ScheduleWakeup\` (${SCHEDULE_WAKEUP_MIN_S}-${SCHEDULE_WAKEUP_MAX_S} s, ${wakeup.turnsPerCycle} turns a cycle) only when the loop must pace itself.`,
  ].join("\n");
}
