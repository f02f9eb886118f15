// The names of the asynchronous operations the policy knows.
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
