// Scenarios (creation, edits), schedules and run pre-flight (plans, subscriptions).
import { bool, id, int, list, obj, oneOf, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

const job = str("Scheduled job id");
const rampUp = {
  "projectId?": id.project,
  scenarioName: str("Name of the new scenario"),
  users: int("Concurrent virtual users", { minimum: 1 }),
  rampUpSec: int("Ramp-up duration in seconds"),
  holdForSec: int("Hold (plateau) duration in seconds"),
  virtualUserIds: list(id.virtualUser, "Virtual users of the profile", { minItems: 1 }),
  providerId: id.provider,
  "regions?": list(str("Location"), "Locations to spread the load over"),
};
const scheduled = obj({ "id?": job, nextRun: int("Next fire time (epoch ms)") });

export const SCENARIO_TOOLS: readonly ToolDefinition[] = [
  tool("create_scenario_ramp_up", "Create a scenario with one profile that ramps up then holds.", obj(rampUp)),
  tool("create_scenario_ramp_up_down", "Create a scenario with one profile that ramps up, holds, then ramps down.", obj({ ...rampUp, rampDownSec: int("Ramp-down duration in seconds") })),
  tool("create_scenario_stairs", "Create a scenario whose load climbs in equal steps.", obj({ ...rampUp, stepCount: int("Number of steps", { minimum: 1 }) })),
  tool("update_scenario", "Replace a scenario with a new definition.", obj({ scenarioId: id.scenario, scenario: anyObject("The full scenario") })),
  tool("patch_scenario", "Change part of a scenario.", obj({ scenarioId: id.scenario, patch: anyObject("Fields to change") })),
  tool("update_user_profile", "Change one user profile (load, virtual user, location) of a scenario.", obj({ scenarioId: id.scenario, profileIndex: int("Profile position"), profile: anyObject("New profile") })),
  tool("delete_scenario", "Delete a scenario.", obj({ scenarioId: id.scenario })),
  tool(
    "schedule_scenario_once",
    "Schedule one run of a scenario at a given instant (ISO-8601 with an offset).",
    obj({ scenarioId: id.scenario, runAt: str("When to run, ISO-8601 with offset", { format: "date-time" }), name: str("Job name"), "templateId?": id.template }),
    scheduled,
  ),
  tool(
    "schedule_scenario_cron",
    "Schedule recurring runs with a Unix 5-field cron expression evaluated in UTC (Quartz syntax is refused).",
    obj({ scenarioId: id.scenario, expression: str("Unix 5-field cron, UTC"), name: str("Job name"), "templateId?": id.template }),
    scheduled,
  ),
  tool(
    "list_scheduled_jobs_by_project",
    "List the scheduled runs of a project with their trigger and next fire time.",
    obj({ projectId: id.project }),
    obj({ jobs: list(obj({ id: job, scenarioId: id.scenario, name: str("Job name"), trigger: str("Cron expression or instant"), enabled: bool("Whether it fires"), "nextRun?": int("Next fire time (epoch ms)") }), "Jobs") }),
  ),
  tool("enable_scheduled_job", "Turn a scheduled job back on.", obj({ jobId: job })),
  tool("disable_scheduled_job", "Stop a scheduled job from firing without deleting it.", obj({ jobId: job })),
  tool("delete_scheduled_job", "Delete a scheduled job.", obj({ jobId: job })),
  tool(
    "get_scenario_matching_plans",
    "Tell which of the account's plans can run a scenario, and with what limits.",
    obj({ scenarioId: id.scenario }),
    obj({ plans: list(obj({ "name?": str("Plan"), "parallelRunsSupported?": bool("Runs can overlap"), "maxTestsPerRun?": int("Tests per run"), "virtualUsers?": int("Virtual users allowed") }), "Plans able to run it; empty when none") }),
  ),
  tool(
    "list_active_subscriptions",
    "List the account's subscriptions and their limits (users, real-browser users, profiles, duration, tests left).",
    obj({}),
    obj({
      subscriptions: list(
        obj({
          status: oneOf(["active", "trialing", "cancel_at_period_end"], "Subscription status"),
          "maxConcurrentUsers?": int("Concurrent users"),
          "maxRealBrowserUsers?": int("Real-browser users"),
          "maxProfilesPerScenario?": int("Profiles per scenario"),
          "maxTestDurationSec?": int("Longest test in seconds"),
          "remainingTests?": int("Tests left"),
        }),
        "Subscriptions",
      ),
    }),
  ),
];
