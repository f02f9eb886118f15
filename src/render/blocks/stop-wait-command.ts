// Generated regions of commands/stop-wait.md: usage, the argument rule and
// how this plugin's waits end: the background ones by its hooks as the
// command is typed (src/hooks/by-name/stop-waits.ts), the loops and monitors the
// model set up by their ids (recognised from the very text /octoperf:wait and
// the skills give them).
import { HANDLE_PATTERN } from "../../policy/handles.js";
import { operation } from "../../policy/operations.js";
import { planWait } from "../../policy/plan.js";
import { cronCreateArgs, monitorArgs, scheduleWakeupArgs } from "../../calls/wait-calls.js";
import { code } from "../../calls/words.js";
import { sampleTargets } from "./claude-code.js";
import { parseStopArgument, STOP_LINE_PREFIX } from "../../calls/stop-wait-arguments.js";
import { DEFAULT_KIND, KIND_RULES } from "../../calls/wait-arguments.js";

export { parseStopArgument, type StopParse } from "../../calls/stop-wait-arguments.js";

export const STOP_WAIT_USAGE = "/octoperf:stop-wait [handle]";
export const STOP_WAIT_EXAMPLES: readonly string[] = ["BENCH_RESULT_ID", "task:TASK_ID", ""];

/** The first word every poll prompt, wake-up prompt and Monitor description of this plugin starts with. */
export function waitMarkers(): { prompt: string; description: string } {
  const prompts = new Set<string>();
  const descriptions = new Set<string>();
  for (const rule of KIND_RULES) {
    const op = operation(rule.operation);
    const plan = planWait({ operation: op.id, watcher: true });
    const targets = sampleTargets(op.id);
    prompts.add(cronCreateArgs(plan, targets).prompt.split(" ")[0]!);
    prompts.add(scheduleWakeupArgs(plan, targets).prompt.split(" ")[0]!);
    descriptions.add(monitorArgs(plan, targets).description.split(" ")[0]!);
  }
  if (prompts.size !== 1 || descriptions.size !== 1) throw new Error("poll prompts or monitor descriptions no longer share one first word");
  return { prompt: [...prompts][0]!, description: [...descriptions][0]! };
}

export function stopWaitUsage(): string {
  const lines = STOP_WAIT_EXAMPLES.map((args) => {
    const parsed = parseStopArgument(args);
    if (!parsed.ok) throw new Error(`stop-wait example "${args}" does not parse: ${parsed.problem}`);
    const command = code(`/octoperf:stop-wait${args ? ` ${args}` : ""}`);
    return parsed.ids.length === 0 ? `- ${command}: every wait of this plugin in this session.` : `- ${command}: the waits that name ${parsed.ids.map(code).join(" and ")}.`;
  });
  return [`Usage: ${code(STOP_WAIT_USAGE)}`, "", "Examples:", ...lines].join("\n");
}

export function stopWaitSteps(): string {
  const { prompt, description } = waitMarkers();
  const forms = KIND_RULES.map((r) => code(r.prefix + r.shape)).join(", ");
  return [
    `1. **Check the argument first.** Empty, or one handle: ${forms}, or a bare id (a ${DEFAULT_KIND} result). Each id matches ${code(HANDLE_PATTERN.source)}. Anything else (several words, quotes, ${code("$")}, backticks, line breaks): answer with the usage line and an example, and stop. Never pass it to a shell.`,
    `2. **Background waits.** This plugin's hooks end their background watchers and poll timers themselves when the command is typed, before you read this, and say what they ended in a line starting with ${code(STOP_LINE_PREFIX)} (shown above as hook output). Report it. With no such line, the hooks are off and ran none.`,
    `3. **Loops.** Call CronList. A job is this plugin's when its ${code("prompt")} starts with ${code(`${prompt} `)}; with a handle, keep only the jobs whose prompt holds that id as a whole word. CronDelete each by its ${code("id")}.`,
    `4. **Monitors and background commands.** Look back in this conversation for Monitor calls whose ${code("description")} starts with ${code(`${description} `)} (and names the id, with a handle) and that have not ended, and background Bash calls with such a ${code("description")}; call TaskStop with each task id they returned.`,
    `5. **Wake-ups.** If a ScheduleWakeup of this conversation has a prompt starting with ${code(`${prompt} `)} (and naming the id), call ScheduleWakeup with ${code('{"stop": true}')}.`,
    "6. **Report** every id you ended, by kind, or that nothing of this plugin was waiting. This ends the waiting only: the OctoPerf run or task goes on (stopping a run is `stop_bench_result`, a separate decision).",
  ].join("\n");
}
