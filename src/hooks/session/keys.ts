// The keys a poll can carry. A started handle is known under its primary
// status call, its alternative status calls and its progress call: all of
// them name the same work, so they share one pace budget.
import { isHandle, operationsForStatusTool, targetKey, type Operation, type PollTarget, type StatusCall } from "../../policy/index.js";

/** The progress call of a handle (get_bench_status takes the bench result id). */
export function progressKey(op: Operation, handle: string): string | undefined {
  return op.progress ? targetKey(op.progress.tool, { [op.handle.kind]: handle }) : undefined;
}

/** Every key of one started handle: primary first. */
export function workKeys(op: Operation, primary: PollTarget, alternatives: readonly PollTarget[], handle: string): string[] {
  const keys = [primary.key, ...alternatives.map((t) => t.key)];
  const progress = progressKey(op, handle);
  if (progress) keys.push(progress);
  return [...new Set(keys)];
}

/** How a status tool is called, for each operation it serves. */
function callsOf(tool: string): { op: Operation; call: StatusCall | undefined }[] {
  return operationsForStatusTool(tool).map((op) => ({
    op,
    call: [op.status, ...op.alternatives].find((c) => c.tool === tool),
  }));
}

/** The argument names a status tool is polled with (the progress tool takes the handle). */
function argNames(op: Operation, call: StatusCall | undefined): string[] {
  return call ? Object.keys(call.args) : [op.handle.kind];
}

/**
 * The keys a call of a status tool with this input would have, when every
 * argument it needs is a valid handle. A call with a bad argument has none:
 * it cannot be one of ours.
 */
export function pollKeys(tool: string, input: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set<string>();
  for (const { op, call } of callsOf(tool)) {
    const args: Record<string, string> = {};
    let valid = true;
    for (const name of argNames(op, call)) {
      const value = input[name];
      if (!isHandle(value)) valid = false;
      else args[name] = value;
    }
    if (valid) keys.add(targetKey(tool, args));
  }
  return [...keys];
}

/** The deciding field of a status tool for an operation, or the progress field. */
export function fieldFor(op: Operation, tool: string): { field: string; progress: boolean } | undefined {
  const call = [op.status, ...op.alternatives].find((c) => c.tool === tool);
  if (call) return { field: call.field, progress: false };
  if (op.progress?.tool === tool) return { field: op.progress.field, progress: true };
  return undefined;
}
