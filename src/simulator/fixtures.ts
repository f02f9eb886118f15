// The sample workspace the simulator serves: a project, virtual users and
// scenarios whose load profiles set how long their runs take.

export interface LoadStrategy {
  readonly users: number;
  readonly rampUpSec: number;
  readonly holdForSec: number;
  readonly rampDownSec: number;
}

export interface UserProfile {
  readonly name: string;
  readonly virtualUserId: string;
  readonly providerId: string;
  readonly location: string;
  readonly loadStrategy: LoadStrategy;
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

function profile(name: string, virtualUserId: string, load: LoadStrategy): UserProfile {
  return { name, virtualUserId, providerId: SAMPLE_PROVIDER_ID, location: SAMPLE_LOCATION, loadStrategy: load };
}

/** A scenario with one profile lasting `seconds` (ramp-up and ramp-down a tenth each). */
export function scenarioOfLength(id: string, seconds: number, resultsPerRun = 1): SampleScenario {
  const ramp = Math.floor(seconds / 10);
  return {
    resultsPerRun,
    scenario: {
      id,
      projectId: SAMPLE_PROJECT_ID,
      name: `${id} (${seconds} s of load)`,
      description: "Generated scenario of a fixed length.",
      userProfiles: [profile("load", "vu-browse", { users: 50, rampUpSec: ramp, holdForSec: seconds - 2 * ramp, rampDownSec: ramp })],
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
          profile("checkout load", "vu-checkout", { users: 200, rampUpSec: 60, holdForSec: 420, rampDownSec: 60 }),
          profile("browser probe", "vu-probe", { users: 1, rampUpSec: 0, holdForSec: 480, rampDownSec: 0 }),
        ],
      },
    },
    scenarioOfLength("scn-soak", 7200),
  ],
};
