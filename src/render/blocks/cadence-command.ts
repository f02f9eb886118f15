// Generated regions of commands/cadence.md: usage, the argument rule, and how
// a cadence turns into Claude Code instructions, computed from the plan.
import { CADENCE_DIVISOR, CADENCE_MAX_S, CADENCE_MIN_S, cadenceFor } from "../../policy/cadence.js";
import { DurationError, formatDuration, MAX_DURATION_S, parseDuration } from "../../policy/duration.js";
import { planWait, type RealisationChoice } from "../../policy/plan.js";
import { realisation, WATCHER_MAX_INTERVAL_S } from "../../policy/realisations.js";
import { TIMER_SCHEDULE_RULE } from "../../policy/schedule.js";
import { loopInterval } from "../../calls/wait-calls.js";
import { table } from "../markdown.js";
import { code } from "../../calls/words.js";
import { LOGIN_COMMAND } from "../../auth/hosted.js";

export const CADENCE_USAGE = "/octoperf:cadence [duration]";
/** At most this many characters; only digits and the units d, h, m, s. */
export const CADENCE_ARGUMENT = /^[0-9dhms]{1,24}$/;
export const CADENCE_EXAMPLES: readonly string[] = ["10m", "90s", "1h30m", ""];

export type CadenceParse =
  | { readonly ok: true; readonly seconds?: number }
  | { readonly ok: false; readonly problem: string };

/** The argument of /octoperf:cadence: nothing (the whole table) or one duration. */
export function parseCadenceArgument(text: string): CadenceParse {
  const value = text.trim();
  if (value.length === 0) return { ok: true };
  if (!CADENCE_ARGUMENT.test(value)) return { ok: false, problem: "give one duration such as 90s, 10m or 1h30m (digits and d, h, m, s only)" };
  try {
    return { ok: true, seconds: parseDuration(value, "duration") };
  } catch (error) {
    if (error instanceof DurationError) return { ok: false, problem: error.message };
    throw error;
  }
}

function howWithoutWatcher(choice: RealisationChoice, n: string): string {
  if (choice.id === "claude-sleep") return `${code(`sleep ${n}`)} as its own Bash call between two polls`;
  if (choice.id === "loop") return `${code(`/loop ${loopInterval(choice.intervalSeconds)} <poll prompt>`)}, i.e. CronCreate every ${formatDuration(choice.intervalSeconds)}${choice.exact ? "" : ` (slower than N: cron counts whole minutes)`}`;
  return realisation(choice.id).title;
}

export function cadenceUsage(): string {
  const lines = CADENCE_EXAMPLES.map((args) => {
    const parsed = parseCadenceArgument(args);
    if (!parsed.ok) throw new Error(`cadence example "${args}" does not parse: ${parsed.problem}`);
    const command = code(`/octoperf:cadence${args ? ` ${args}` : ""}`);
    return parsed.seconds === undefined
      ? `- ${command}: the whole table.`
      : `- ${command}: N = ${cadenceFor(parsed.seconds)} s for ${formatDuration(parsed.seconds)}, and the instructions for it.`;
  });
  return [`Usage: ${code(CADENCE_USAGE)}`, "", "Examples:", ...lines].join("\n");
}

export function cadenceArgumentRule(): string {
  return [
    `No argument: show the whole table below. Otherwise the argument must be one duration of at most 24 characters matching ${code(CADENCE_ARGUMENT.source)}: a bare number is seconds, units go d, h, m, s in that order (${code("90s")}, ${code("10m")}, ${code("1h30m")}), more than 0 and at most ${formatDuration(MAX_DURATION_S)}.`,
    "Anything else: answer with the usage line, one example and what is wrong, and stop. Never pass the argument to a shell.",
  ].join("\n");
}

/** Consecutive cadences that the plan realises the same way, without the watcher. */
function choiceRanges(): { from: number; to: number; choice: RealisationChoice }[] {
  const ranges: { from: number; to: number; choice: RealisationChoice }[] = [];
  for (let n = CADENCE_MIN_S; n <= CADENCE_MAX_S; n += 1) {
    const choice = planWait({ operation: "scenario-run", expectedSeconds: n * CADENCE_DIVISOR }).chosen;
    const last = ranges.at(-1);
    if (last && last.choice.id === choice.id && (choice.id === "claude-sleep" || last.choice.intervalSeconds === choice.intervalSeconds)) last.to = n;
    else ranges.push({ from: n, to: n, choice });
  }
  return ranges;
}

export function cadenceRules(): string {
  const rows = choiceRanges().map(({ from, to, choice }) => {
    const span = from === to ? `${from} s` : `${from}-${to} s`;
    return [span, howWithoutWatcher(choice, from === to ? `${from}` : "N"), `${realisation(choice.id).turnsPerCycle} per poll`];
  });
  const timer = realisation("cadence-timer");
  return [
    `N = expected duration / ${CADENCE_DIVISOR}, rounded, kept within [${CADENCE_MIN_S} s, ${CADENCE_MAX_S} s].`,
    "",
    `With this plugin's hooks (the usual case), the model sets up nothing: with ${code("OCTOPERF_API_KEY")} or ${code(LOGIN_COMMAND)} the hooks run the watcher in the background (it polls every N seconds but at least every ${WATCHER_MAX_INTERVAL_S} s, outside the model) and wake the model once, with the outcome; without, the model polls and the hooks wake it for the next one, ${TIMER_SCHEDULE_RULE} (${timer.turnsPerCycle} turns a poll).`,
    "",
    "With the hooks off, this is how Claude Code polls every N seconds:",
    "",
    table(["N", "without the watcher", "model turns"], rows),
    "",
    `With credentials and the hooks off, the watcher under Monitor, or in a background Bash, does it instead (${realisation("monitor").title}; ${realisation("background-bash").title}).`,
  ].join("\n");
}
