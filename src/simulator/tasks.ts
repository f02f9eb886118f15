// Simulated asynchronous tasks (PDF exports, correlation, report data): PENDING
// for a while, then SUCCESS, FAILED with a message, or PARTIAL for a batch.
import type { TaskStatus } from "../policy/index.js";
import type { FaultPlan } from "./faults.js";

export type TaskKind = "pdf" | "pdf-batch" | "correlation" | "report-data" | "jtl-import";

/** Simulated seconds each kind of task takes. */
export const TASK_SECONDS: Readonly<Record<TaskKind, number>> = { pdf: 20, "pdf-batch": 40, correlation: 10, "report-data": 15, "jtl-import": 15 };

export const TASK_FAILURE_MESSAGES: Readonly<Record<TaskKind, string>> = {
  pdf: "PDF rendering failed: report item 3 refers to a chart that no longer exists; remove it from the report or apply the template again",
  "pdf-batch": "PDF rendering failed for every report: the PDF service is unavailable; try again in a few minutes",
  correlation: "Correlation failed: rule 'csrf-token' has a regex with no capture group; fix the rule and apply again",
  "report-data": "Report data update failed: the run's raw results are still being uploaded; wait for the run to end and try again",
  "jtl-import": "JTL import failed: the zip holds no .jtl file; zip the JTL results file and upload it again",
};

export interface SimTask {
  readonly id: string;
  readonly kind: TaskKind;
  readonly createdAt: number;
  /** The status once done (a batch with missing reports ends PARTIAL). */
  readonly outcome: Exclude<TaskStatus, "PENDING">;
  readonly message: string;
  readonly filename: string | undefined;
  /** Never leaves PENDING (the task-stuck fault, fixed when the task is made). */
  readonly stuck: boolean;
}

export function newTask(id: string, kind: TaskKind, createdAt: number, partialReason: string | undefined, faults: FaultPlan, filename?: string): SimTask {
  const stuck = faults.taskStuck;
  if (faults.taskFails) return { id, kind, createdAt, outcome: "FAILED", message: TASK_FAILURE_MESSAGES[kind], filename: undefined, stuck };
  if (partialReason !== undefined) return { id, kind, createdAt, outcome: "PARTIAL", message: partialReason, filename, stuck };
  return { id, kind, createdAt, outcome: "SUCCESS", message: "", filename, stuck };
}

export interface TaskView {
  readonly taskId: string;
  readonly status: TaskStatus;
  readonly message: string;
}

export function taskAt(task: SimTask, at: number): TaskView {
  const done = !task.stuck && at >= task.createdAt + TASK_SECONDS[task.kind] * 1000;
  return done ? { taskId: task.id, status: task.outcome, message: task.message } : { taskId: task.id, status: "PENDING", message: "" };
}
