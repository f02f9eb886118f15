// From the command line's mode and ids to a policy operation and its
// validated poll targets.
import { alternativeTargets, HandleError, operation, OPERATIONS, pollTargets, type Operation, type PollTarget } from "../policy/index.js";
import type { WatchArgs } from "./args.js";
import { ConfigError, UnknownHandleError } from "./errors.js";

/**
 * A task of unknown origin: the union of the task operations' terminal values
 * (each keeps its outcome), with a next step that points back to the workflow.
 * `--operation` gives the exact one.
 */
export function anyTaskOperation(): Operation {
  const taskOps = OPERATIONS.filter((op) => op.handle.kind === "taskId");
  const base = taskOps[0]!;
  const terminal = new Map<string, Operation["terminal"][number]>();
  for (const acceptor of taskOps.flatMap((op) => op.terminal)) {
    if (terminal.has(acceptor.value)) continue;
    terminal.set(acceptor.value, {
      value: acceptor.value,
      outcome: acceptor.outcome,
      meaning: `the task ended ${acceptor.value}`,
      next: { action: `continue the workflow that started the task (pass --operation <${taskOps.map((op) => op.id).join("|")}> for its exact next step)` },
    });
  }
  return { ...base, id: base.id, title: "Asynchronous task", terminal: [...terminal.values()] };
}

export function operationFor(args: WatchArgs): Operation {
  if (args.mode === "validation") return operation(args.operation ?? "validation");
  if (args.mode === "task") {
    if (!args.operation) return anyTaskOperation();
    const op = operation(args.operation);
    if (op.handle.kind !== "taskId") throw new ConfigError(`--operation ${op.id} does not wait on task ids; use bench or validation`);
    return op;
  }
  const op = operation(args.operation ?? "scenario-run");
  if (op.handle.kind !== "benchResultId") throw new ConfigError(`--operation ${op.id} waits on task ids; use task <taskId...>`);
  return op;
}

/** Validated targets; a malformed id is an unknown handle (exit 4). */
export function targetsFor(op: Operation, args: WatchArgs): PollTarget[] {
  try {
    if (args.mode === "validation") {
      const [projectId, virtualUserId] = args.handles;
      return pollTargets(op, [], { projectId, virtualUserId });
    }
    const viaHandle = Object.values(op.status.args).some((source) => source.from === "handle");
    return viaHandle ? pollTargets(op, args.handles) : alternativeTargets(op, args.handles);
  } catch (error) {
    if (error instanceof HandleError) throw new UnknownHandleError(`${error.message}`);
    throw error;
  }
}
