// A wait plan: the cadence, the deadline and the realisation chosen for a
// harness. Pure: no clock, no I/O.
import { cadenceFor } from "./cadence.js";
import { deadlineFor, operation, type Operation, type OperationId } from "./operations.js";
import { REALISATIONS, type Harness, type RealisationId } from "./realisations.js";

export interface RealisationChoice {
  readonly id: RealisationId;
  readonly intervalSeconds: number;
  /** True when the interval equals the cadence. */
  readonly exact: boolean;
  readonly estimatedTurns: number;
}

export interface WaitPlan {
  readonly operation: Operation;
  readonly expectedSeconds: number;
  readonly cadenceSeconds: number;
  readonly deadlineSeconds: number;
  readonly chosen: RealisationChoice;
  /** Every realisation possible in the harness, cheapest first. */
  readonly options: readonly RealisationChoice[];
}

export interface PlanRequest {
  readonly operation: OperationId;
  /** Defaults to the operation's expected duration. */
  readonly expectedSeconds?: number;
  readonly deadlineSeconds?: number;
  readonly harness?: Harness;
  /** True when the watcher can reach OctoPerf (an API key, or the sign-in of octoperf-wait login). */
  readonly watcher?: boolean;
  /** True where the plugin's background hooks run (the one-wake wait). */
  readonly hooks?: boolean;
}

function byPreference(a: RealisationChoice, b: RealisationChoice): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  if (!a.exact && a.intervalSeconds !== b.intervalSeconds) return a.intervalSeconds - b.intervalSeconds;
  return a.estimatedTurns - b.estimatedTurns;
}

/** The ways to wait `expectedSeconds` at its cadence in a harness, cheapest first (any wait, with or without a handle). */
export function realisationChoices(expectedSeconds: number, harness: Harness = "claude-code", watcher = false, hooks = false): RealisationChoice[] {
  const cadenceSeconds = cadenceFor(expectedSeconds);
  const options: RealisationChoice[] = [];
  for (const r of REALISATIONS) {
    if (r.harness !== harness || (r.needsWatcher && !watcher) || (r.needsHooks && !hooks)) continue;
    const intervalSeconds = r.interval(cadenceSeconds);
    if (intervalSeconds === undefined) continue;
    // A realisation that polls faster than the cadence (the watcher) still meets it.
    const exact = intervalSeconds <= cadenceSeconds;
    options.push({ id: r.id, intervalSeconds, exact, estimatedTurns: r.turns(expectedSeconds, intervalSeconds) });
  }
  return options.sort(byPreference);
}

export function planWait(request: PlanRequest): WaitPlan {
  const op = operation(request.operation);
  const expectedSeconds = Math.round(request.expectedSeconds ?? op.expectedSeconds);
  const cadenceSeconds = cadenceFor(expectedSeconds);
  const harness = request.harness ?? "claude-code";
  const options = realisationChoices(expectedSeconds, harness, request.watcher ?? false, request.hooks ?? false);
  const chosen = options[0];
  if (!chosen) throw new Error(`no way to wait in harness ${harness}`);
  return {
    operation: op,
    expectedSeconds,
    cadenceSeconds,
    deadlineSeconds: request.deadlineSeconds ?? deadlineFor(op, expectedSeconds),
    chosen,
    options,
  };
}
