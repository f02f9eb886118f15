// Bench states and task statuses as OctoPerf reports them, with the legal
// transitions of a bench run. Pure data: the simulator walks it, the
// classifier and the generated docs read it.
//
// Sources (facts only):
// - OctoPerf/octoperf-maven-plugin runtime/runtime-entity/.../BenchResultState.java
//   and abstracta/jmeter-java-dsl jmeter-java-dsl-octoperf/.../api/BenchResult.java:
//   CREATED, PENDING, SCALING, PREPARING, INITIALIZING, RUNNING, FINISHED, ABORTED, ERROR.
// - jenkinsci/octoperf-plugin src/main/java/org/jenkinsci/plugins/octoperf/result/BenchResultState.java:
//   the same, plus SCHEDULED between PENDING and SCALING ("scheduled for execution on the
//   cluster"), in lifecycle order, with "a state never goes back"; terminal: FINISHED,
//   ABORTED, ERROR. Its build step polls every 10 s and stops on a terminal state.
// - Task statuses: get_task_result's documented values (shared/reference/octoperf.md).

/** Live states, in the order a healthy run passes through them (SCHEDULED: assumption:scheduled-position). */
export const BENCH_IN_FLIGHT = ["CREATED", "PENDING", "SCHEDULED", "SCALING", "PREPARING", "INITIALIZING", "RUNNING"] as const;
export const BENCH_TERMINAL = ["FINISHED", "ABORTED", "ERROR"] as const;
export const BENCH_STATES = [...BENCH_IN_FLIGHT, ...BENCH_TERMINAL] as const;
export type BenchState = (typeof BENCH_STATES)[number];

/** The state in which the load is applied: a run is under way (the watcher says so once, progress is read). */
export const BENCH_UNDER_WAY: BenchState = "RUNNING";

/** The happy path, in order. */
export const BENCH_PATH: readonly BenchState[] = [...BENCH_IN_FLIGHT, "FINISHED"];

/**
 * Legal transitions. Before RUNNING a run can fail to come up (ERROR); a
 * stop request (`stop_bench_result`) ends any live run ABORTED. SCHEDULED is
 * in one client's enum only, so a server may also go from PENDING straight to
 * SCALING.
 */
export const BENCH_TRANSITIONS: Readonly<Record<BenchState, readonly BenchState[]>> = {
  CREATED: ["PENDING", "ERROR", "ABORTED"],
  PENDING: ["SCHEDULED", "SCALING", "ERROR", "ABORTED"],
  SCHEDULED: ["SCALING", "ERROR", "ABORTED"],
  SCALING: ["PREPARING", "ERROR", "ABORTED"],
  PREPARING: ["INITIALIZING", "ERROR", "ABORTED"],
  INITIALIZING: ["RUNNING", "ERROR", "ABORTED"],
  RUNNING: ["FINISHED", "ABORTED"],
  FINISHED: [],
  ABORTED: [],
  ERROR: [],
};

export function isLegalBenchTransition(from: BenchState, to: BenchState): boolean {
  return from === to || BENCH_TRANSITIONS[from].includes(to);
}

export const TASK_STATUSES = ["PENDING", "SUCCESS", "FAILED", "PARTIAL"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
