// The names of the asynchronous operations the policy knows, and of its
// condition waits.
export const OPERATION_IDS = [
  "validation",
  "scenario-run",
  "pdf-export",
  "pdf-batch-export",
  "correlation",
  "report-data",
  "jtl-import",
] as const;
export type OperationId = (typeof OPERATION_IDS)[number];

export function isOperationId(value: unknown): value is OperationId {
  return typeof value === "string" && (OPERATION_IDS as readonly string[]).includes(value);
}

// The names of the waits with no handle (a condition re-read with a list tool).
export const CONDITION_IDS = ["agents-up"] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export function isConditionId(value: unknown): value is ConditionId {
  return typeof value === "string" && (CONDITION_IDS as readonly string[]).includes(value);
}
