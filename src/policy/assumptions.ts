// What the plugin still assumes about OctoPerf, in one place. Everything else
// it knows about the service names its source next to the code (an OctoPerf
// open-source client, its docs or its public agent guide). Each entry is
// referenced from the code that relies on it by its tag, `assumption:<id>`,
// and test/policy/assumptions.test.ts checks both ways, so an entry cannot go
// stale and a reliance cannot go unlisted. Pure data.

export interface Assumption {
  readonly id: string;
  /** What is assumed, in one sentence. */
  readonly assumed: string;
  /** Why, and what happens if it is wrong. */
  readonly because: string;
}

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: "ramp-down-field",
    assumed: "A UserProfileLoadRampUp load may carry rampDownMs, added to its length when present.",
    because: "jmeter-java-dsl's class has no ramp-down, but OctoPerf's agent guide lists rampDownMs among get_scenario's fields; an absent field adds nothing.",
  },
  {
    id: "seconds-fields",
    assumed: "A get_scenario answer may give rampUpSec, holdForSec and rampDownSec in seconds instead of the millisecond fields; a part in seconds wins over its millisecond twin.",
    because: "shared/reference/octoperf.md says both appear; OctoPerf's tool list names only the millisecond fields.",
  },
  {
    id: "unpublished-profiles",
    assumed: "Only UserProfileLoadRampUp, UserLoadRampup and UserLoadOctoPerf loads have a known length; a stepped load (stepCount, steps) or any other @type has none.",
    because: "no OctoPerf client publishes how those add up; the watcher then asks for --expected rather than guess.",
  },
  {
    id: "points-are-offsets",
    assumed: "points[].timeInMs are offsets from the start of the load; the largest ends it.",
    because: "octoperf-maven-plugin's README describes its 0 ms / 300000 ms example as a 5-minute test.",
  },
  {
    id: "provisioning-headroom",
    assumed: "A run takes its longest load profile plus about 30 s of provisioning and teardown.",
    because: "OctoPerf's agent guide says about 30 s; a longer start only moves the under-way line, the deadline has slack.",
  },
  {
    id: "scheduled-position",
    assumed: "SCHEDULED comes between PENDING and SCALING and may be skipped.",
    because: "only jenkinsci/octoperf-plugin's enum has it (in that order); the Maven client and jmeter-java-dsl do not.",
  },
  {
    id: "unpublished-task-results",
    assumed: "Over REST, a correlation, report-data or JTL import task, and a partial batch export, end with a result @type no client publishes; the watcher cannot see them succeed and says so.",
    because: "only FailedTaskResult and PrintReportTaskResult are published; the simulator answers SimulatorUnpublishedTaskResult there. Over MCP get_task_result's status tells.",
  },
  {
    id: "failed-without-trace",
    assumed: "A FailedTaskResult is a failure even without its stackTrace.",
    because: "the type itself says the task failed (OctoPerf's class requires the trace); the line then has no reason to quote.",
  },
  {
    id: "mcp-progress-scale",
    assumed: "MCP progress above 1 is a percentage; values of 1 or less after a tenth of the expected time in RUNNING are a fraction; before that none is shown.",
    because: "OctoPerf's docs give both 0-1 and 0-100; progress is display only, so a wrong guess costs a progress line, never an outcome.",
  },
  {
    id: "mcp-error-wording",
    assumed: "An MCP tool error whose text says 'not found' or 'no ... with id' means an unknown id; 'unauthorized' or 'forbidden' means refused access; 'must' or 'needs' a bad argument; anything else is retried.",
    because: "OctoPerf does not publish its tool error texts; a wrong sort retries, then ends unreachable.",
  },
  {
    id: "api-key-charset",
    assumed: "An OctoPerf API key is visible ASCII without spaces.",
    because: "such keys are generated tokens; anything else (a line break, a non-ASCII letter) is a copy mistake and is refused before any request.",
  },
];

export function assumption(id: string): Assumption | undefined {
  return ASSUMPTIONS.find((a) => a.id === id);
}
