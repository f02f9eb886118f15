// Expected run time of a scenario from its load profiles: the longest
// profile's delay + ramp-up + hold + ramp-down, plus provisioning headroom.
// OctoPerf shows these in seconds (rampUpSec...) or, in the raw scenario, in
// milliseconds (rampUpMs, plateauMs...).

export const PROVISIONING_HEADROOM_S = 30;

type Json = unknown;

const SECOND_FIELDS = { delay: ["delaySec"], rampUp: ["rampUpSec"], hold: ["holdForSec", "plateauSec"], rampDown: ["rampDownSec"] } as const;
const MILLI_FIELDS = { delay: ["delayMs"], rampUp: ["rampUpMs"], hold: ["holdForMs", "plateauMs"], rampDown: ["rampDownMs"] } as const;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function numberField(record: Record<string, Json>, names: readonly string[]): number | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

/** Seconds of one load strategy, or undefined when it has no timing fields. */
export function strategySeconds(strategy: Json): number | undefined {
  if (!isRecord(strategy)) return undefined;
  let total = 0;
  let seen = false;
  for (const part of ["delay", "rampUp", "hold", "rampDown"] as const) {
    const sec = numberField(strategy, SECOND_FIELDS[part]);
    const ms = sec === undefined ? numberField(strategy, MILLI_FIELDS[part]) : undefined;
    if (sec !== undefined) {
      total += sec;
      seen = true;
    } else if (ms !== undefined) {
      total += ms / 1000;
      seen = true;
    }
  }
  // Stairs and custom shapes may only list points: use the last point's time.
  if (!seen && Array.isArray(strategy.points) && strategy.points.length > 0) {
    const last = strategy.points[strategy.points.length - 1];
    if (isRecord(last)) {
      const ms = numberField(last, ["timeMs", "durationMs"]);
      const sec = numberField(last, ["timeSec", "durationSec"]);
      if (sec !== undefined) return sec;
      if (ms !== undefined) return ms / 1000;
    }
  }
  return seen ? total : undefined;
}

/** Longest profile in seconds, or undefined when no profile has timings. */
export function longestProfileSeconds(scenario: Json): number | undefined {
  if (!isRecord(scenario) || !Array.isArray(scenario.userProfiles)) return undefined;
  let longest: number | undefined;
  for (const profile of scenario.userProfiles) {
    if (!isRecord(profile)) continue;
    const seconds = strategySeconds(profile.loadStrategy) ?? strategySeconds(profile.load) ?? strategySeconds(profile);
    if (seconds !== undefined && (longest === undefined || seconds > longest)) longest = seconds;
  }
  return longest;
}

/** Expected duration of a run of this scenario (whole seconds), headroom included. */
export function expectedRunSeconds(scenario: Json): number | undefined {
  const longest = longestProfileSeconds(scenario);
  return longest === undefined ? undefined : Math.ceil(longest + PROVISIONING_HEADROOM_S);
}
