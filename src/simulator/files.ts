// Files a simulated run leaves behind; jmeter.log tells why a run stopped.
import { UNKNOWN_STATE } from "./faults.js";
import type { Timeline } from "./timeline.js";

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

const STATE_LINES: Readonly<Record<string, string>> = {
  CREATED: "Bench created",
  PENDING: "Waiting for load generators",
  SCHEDULED: "Scheduled on the cluster",
  [UNKNOWN_STATE]: "Reserving capacity in the provider",
  SCALING: "Starting 2 load generator containers",
  PREPARING: "Uploading test plan and CSV files",
  INITIALIZING: "Starting JMeter engines",
  RUNNING: "Test started: ramping up virtual users",
  FINISHED: "Test finished normally; uploading results",
  ABORTED: "Test aborted: engine stopped after 'Connection reset by peer' on 38% of samples (target unreachable?)",
  ERROR: "ERROR: could not start load generators: no capacity left in eu-west-3 for this plan",
};

/** The lines of jmeter.log up to `now`. */
export function jmeterLog(timeline: Timeline, now: number): string[] {
  return timeline.segments
    .filter((segment) => segment.from <= now)
    .map((segment) => `${stamp(segment.from)} INFO o.a.j.OctoPerf: [${segment.state}] ${STATE_LINES[segment.state] ?? "state changed"}`);
}
