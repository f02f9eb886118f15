// Expected run time of a scenario from its load profiles: the longest
// profile's length, plus provisioning headroom. A profile whose length cannot
// be worked out makes the whole estimate unknown (the longest may be that
// one), with a reason; callers then ask for an explicit duration instead of
// guessing one.
//
// The shapes read, each with where it is published (facts only):
// - today's REST scenario (GET /runtime/scenarios/{id}): `userProfiles[].load`, an
//   `@type` "UserProfileLoadRampUp" with `delayMs`, `rampUpMs`, `plateauMs`, `plateauVus`.
//   abstracta/jmeter-java-dsl jmeter-java-dsl-octoperf/.../octoperf/api/UserProfile.java
//   (commit 51a077d4, Dec 2025, "due change of api").
// - the MCP tool get_scenario: `userProfiles[].loadStrategy` or `.load`, millisecond fields
//   `delayMs`, `rampUpMs`, `plateauMs`, `rampDownMs` (also `plateauVus`, `stepCount`, `points`);
//   seconds fields `rampUpSec`, `holdForSec`, `rampDownSec` on some answers.
//   OctoPerf's public agent guide and skills (shared/reference/octoperf.md, octoperf-tools.md).
// - older REST scenarios: `userLoads[].strategy`, `@type` "UserLoadOctoPerf" with
//   `points[].timeInMs` (time offsets; the last one ends the load).
//   OctoPerf/octoperf-maven-plugin README.md, "scenario.json".
// - older REST scenarios: `userLoads[].strategy`, `@type` "UserLoadRampup" with `delay`,
//   `rampup`, `peak` in milliseconds.
//   abstracta/jmeter-java-dsl .../octoperf/api/UserLoad.java before commit 51a077d4.
// What is not published (stairs profiles, other `@type`s) is unknown: see assumptions.ts
// (assumption:unpublished-profiles).
import { MAX_DURATION_S } from "./duration.js";
import { quoted } from "./untrusted-text.js";

/** Provisioning and teardown on top of the load (assumption:provisioning-headroom). */
export const PROVISIONING_HEADROOM_S = 30;
/** The read-only tool whose answer holds a scenario's load profiles. */
export const LOAD_PROFILES_TOOL = "get_scenario";
/** More profiles or points than this are not read (bounded work per answer). */
export const MAX_PROFILES = 1000;
export const MAX_POINTS = 10_000;

export type LoadLength = { readonly kind: "known"; readonly seconds: number } | { readonly kind: "unknown"; readonly reason: string };

type Json = unknown;
type JsonRecord = Readonly<Record<string, Json>>;

/** The `@type`s whose length is published, and the fields that make it up (rampDownMs: assumption:ramp-down-field). */
const RAMP_TYPES: Readonly<Record<string, { readonly ms: readonly string[] }>> = {
  UserProfileLoadRampUp: { ms: ["delayMs", "rampUpMs", "plateauMs", "rampDownMs"] },
  UserLoadRampup: { ms: ["delay", "rampup", "peak"] },
};
const POINTS_TYPE = "UserLoadOctoPerf";
/** Without an `@type` (the MCP answer): each part in seconds, else in milliseconds (assumption:seconds-fields). */
const UNTYPED_PARTS: ReadonlyArray<{ readonly sec?: string; readonly ms: string }> = [
  { ms: "delayMs" },
  { sec: "rampUpSec", ms: "rampUpMs" },
  { sec: "holdForSec", ms: "plateauMs" },
  { sec: "rampDownSec", ms: "rampDownMs" },
];
/** Fields of profiles whose length depends on rules that are not published. */
const STEP_FIELDS = ["stepCount", "steps"];

const known = (seconds: number): LoadLength => ({ kind: "known", seconds });
const unknown = (reason: string): LoadLength => ({ kind: "unknown", reason });

function isRecord(value: Json): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: Json): string {
  if (typeof value === "string") return quoted(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** A duration field: absent (undefined), a valid number, or a problem. */
function durationField(record: JsonRecord, name: string): number | undefined | { problem: string } {
  if (!(name in record) || record[name] === null) return undefined;
  const value = record[name];
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  return { problem: `${name} is ${describe(value)}, not a duration` };
}

function sumFields(record: JsonRecord, parts: ReadonlyArray<{ readonly sec?: string; readonly ms: string }>): LoadLength {
  let total = 0;
  let seen = false;
  for (const part of parts) {
    const sec = part.sec === undefined ? undefined : durationField(record, part.sec);
    const ms = durationField(record, part.ms);
    for (const value of [sec, ms]) if (typeof value === "object") return unknown(value.problem);
    if (typeof sec === "number") total += sec;
    else if (typeof ms === "number") total += ms / 1000;
    else continue;
    seen = true;
  }
  return seen ? known(total) : unknown("it has no timing fields");
}

/** The load ends at its last point (assumption:points-are-offsets). */
function pointsLength(points: readonly Json[]): LoadLength {
  if (points.length === 0) return unknown("its points are empty");
  if (points.length > MAX_POINTS) return unknown(`it has ${points.length} points (at most ${MAX_POINTS} are read)`);
  let last = 0;
  for (const point of points) {
    const time = isRecord(point) ? durationField(point, "timeInMs") : undefined;
    if (typeof time !== "number") return unknown(typeof time === "object" ? time.problem : "a point has no timeInMs");
    last = Math.max(last, time);
  }
  return known(last / 1000);
}

/** Seconds of one load (strategy) object. */
export function loadLength(load: Json): LoadLength {
  if (!isRecord(load)) return unknown("it has no load");
  const type = load["@type"];
  if (type !== undefined && typeof type !== "string") return unknown("its @type is not a string");
  const step = STEP_FIELDS.find((name) => name in load);
  if (step !== undefined) return unknown(`it is a stepped load (${step}), whose total length is not published`);
  if (type === POINTS_TYPE || (type === undefined && Array.isArray(load.points))) {
    return Array.isArray(load.points) ? pointsLength(load.points) : unknown(`a ${type} load has no points`);
  }
  if (type !== undefined) {
    const ramp = RAMP_TYPES[type];
    if (!ramp) return unknown(`its load type ${quoted(type)} is not one whose length is published`);
    return sumFields(load, ramp.ms.map((ms) => ({ ms })));
  }
  return sumFields(load, UNTYPED_PARTS);
}

function profileLoad(profile: JsonRecord): Json {
  return profile.load ?? profile.loadStrategy ?? profile.strategy;
}

/** Longest profile in seconds, or why it cannot be known. */
export function scenarioLoadLength(scenario: Json): LoadLength {
  if (!isRecord(scenario)) return unknown("the scenario is not an object");
  const profiles = Array.isArray(scenario.userProfiles) ? scenario.userProfiles : Array.isArray(scenario.userLoads) ? scenario.userLoads : undefined;
  if (profiles === undefined || profiles.length === 0) return unknown("the scenario has no load profiles (userProfiles or userLoads)");
  if (profiles.length > MAX_PROFILES) return unknown(`the scenario has ${profiles.length} profiles (at most ${MAX_PROFILES} are read)`);
  let longest = 0;
  for (const [index, profile] of profiles.entries()) {
    const length = isRecord(profile) ? loadLength(profileLoad(profile)) : unknown("it is not an object");
    if (length.kind === "unknown") {
      const name = isRecord(profile) && typeof profile.name === "string" && profile.name !== "" ? ` ${quoted(profile.name)}` : "";
      return unknown(`profile ${index + 1}${name}: ${length.reason}`);
    }
    longest = Math.max(longest, length.seconds);
  }
  if (longest > MAX_DURATION_S) return unknown(`its longest profile lasts ${Math.round(longest)} s, more than the 7-day maximum`);
  return known(longest);
}

/** Longest profile in seconds, or undefined when it cannot be known. */
export function longestProfileSeconds(scenario: Json): number | undefined {
  const length = scenarioLoadLength(scenario);
  return length.kind === "known" ? length.seconds : undefined;
}

/** Expected duration of a run of this scenario (whole seconds, headroom included), or why it cannot be known. */
export function expectedRun(scenario: Json): LoadLength {
  const length = scenarioLoadLength(scenario);
  return length.kind === "known" ? known(Math.ceil(length.seconds + PROVISIONING_HEADROOM_S)) : length;
}

/** Expected duration of a run of this scenario (whole seconds), headroom included, or undefined. */
export function expectedRunSeconds(scenario: Json): number | undefined {
  const length = expectedRun(scenario);
  return length.kind === "known" ? length.seconds : undefined;
}
