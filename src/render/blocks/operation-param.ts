// The `operation=<id>` parameter of a generated region, checked against the policy.
import { isOperationId, OPERATION_IDS, type OperationId } from "../../policy/operations.js";

export function operationParam(region: string, params: Readonly<Record<string, string>>, fallback?: OperationId): OperationId {
  const id = params.operation ?? fallback;
  if (!isOperationId(id)) throw new Error(`${region} needs operation=<${OPERATION_IDS.join("|")}>, got "${id ?? ""}"`);
  return id;
}
