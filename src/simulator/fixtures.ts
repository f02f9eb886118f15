// The sample workspace the simulator serves: a project, virtual users and
// scenarios whose load profiles set how long their runs take. A scenario is
// served as OctoPerf serves it today, on REST and MCP alike: `userProfiles[]`
// with a `load` of `@type` "UserProfileLoadRampUp" in milliseconds
// (abstracta/jmeter-java-dsl jmeter-java-dsl-octoperf/.../api/UserProfile.java).

export interface RampUpLoad {
  readonly "@type": "UserProfileLoadRampUp";
  readonly plateauVus: number;
  readonly delayMs: number;
  readonly rampUpMs: number;
  readonly plateauMs: number;
}

export interface UserProfile {
  readonly name: string;
  readonly virtualUserId: string;
  readonly providerId: string;
  readonly location: string;
  readonly load: RampUpLoad;
}

export interface Scenario {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly userProfiles: readonly UserProfile[];
}

export interface SampleScenario {
  readonly scenario: Scenario;
  /** Bench results one run creates (OctoPerf can create several per run). */
  readonly resultsPerRun: number;
}

export interface VirtualUser {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  /** Simulated seconds one validation iteration runs. */
  readonly iterationSeconds: number;
}

export interface Fixtures {
  readonly projectId: string;
  readonly virtualUsers: readonly VirtualUser[];
  readonly scenarios: readonly SampleScenario[];
}

export const SAMPLE_PROJECT_ID = "proj-demo";
export const SAMPLE_PROVIDER_ID = "provider-aws";
export const SAMPLE_LOCATION = "eu-west-3";
/** The scenario `npm start` runs: two results, about 9.5 minutes. */
export const DEMO_SCENARIO_ID = "scn-checkout";

/** A ramp-up load: `users` reached after `rampUpSec`, held for `plateauSec`. */
export function rampUp(users: number, rampUpSec: number, plateauSec: number): RampUpLoad {
  return { "@type": "UserProfileLoadRampUp", plateauVus: users, delayMs: 0, rampUpMs: rampUpSec * 1000, plateauMs: plateauSec * 1000 };
}

function profile(name: string, virtualUserId: string, load: RampUpLoad): UserProfile {
  return { name, virtualUserId, providerId: SAMPLE_PROVIDER_ID, location: SAMPLE_LOCATION, load };
}

/** A scenario with one profile lasting `seconds` (a tenth of it ramping up). */
export function scenarioOfLength(id: string, seconds: number, resultsPerRun = 1): SampleScenario {
  const ramp = Math.floor(seconds / 10);
  return {
    resultsPerRun,
    scenario: {
      id,
      projectId: SAMPLE_PROJECT_ID,
      name: `${id} (${seconds} s of load)`,
      description: "Generated scenario of a fixed length.",
      userProfiles: [profile("load", "vu-browse", rampUp(50, ramp, seconds - ramp))],
    },
  };
}

export const SAMPLE_FIXTURES: Fixtures = {
  projectId: SAMPLE_PROJECT_ID,
  virtualUsers: [
    { id: "vu-browse", projectId: SAMPLE_PROJECT_ID, name: "Browse catalogue (JMeter)", iterationSeconds: 5 },
    { id: "vu-checkout", projectId: SAMPLE_PROJECT_ID, name: "Checkout (JMeter)", iterationSeconds: 5 },
    { id: "vu-probe", projectId: SAMPLE_PROJECT_ID, name: "Checkout probe (Playwright)", iterationSeconds: 35 },
  ],
  scenarios: [
    scenarioOfLength("scn-smoke", 60),
    {
      resultsPerRun: 2,
      scenario: {
        id: DEMO_SCENARIO_ID,
        projectId: SAMPLE_PROJECT_ID,
        name: "Checkout under load, with a browser probe",
        description: "200 JMeter users on checkout plus one Playwright probe; two load generators, one bench result each.",
        userProfiles: [
          profile("checkout load", "vu-checkout", rampUp(200, 60, 480)),
          profile("browser probe", "vu-probe", rampUp(1, 0, 480)),
        ],
      },
    },
    scenarioOfLength("scn-soak", 7200),
  ],
};
