// From the command line's mode and ids to what is waited for: a policy
// operation (or a task of unknown origin) and its validated poll targets. An
// --operation that does not fit the ids, or no target at all, is refused
// before any request: nothing can succeed without being observed.
import { alternativeTargets, HandleError, operation, OPERATIONS, pollTargets, type Operation, type PollTarget } from "../policy/index.js";
import type { WatchArgs, WatchMode } from "./args.js";
import { UnknownHandleError, UsageError } from "./errors.js";

export interface Subject {
  readonly operation: Operation;
  /** What the lines call it: the operation's id, or "task" for a task of unknown origin. */
  readonly name: string;
}

/** The name of a task of unknown origin (`task <id>` without --operation). */
export const ANY_TASK = "task";

/**
 * A task of unknown origin: the union of the task operations' terminal values
 * (each keeps its outcome, none claims what the task was), polled as early as
 * the quickest and waited for as long as the longest of them.
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
  const most = (pick: (op: Operation) => number): number => Math.max(...taskOps.map(pick));
  return {
    ...base,
    title: "Asynchronous task",
    terminal: [...terminal.values()],
    inFlight: [...new Set(taskOps.flatMap((op) => op.inFlight))],
    expectedSeconds: Math.min(...taskOps.map((op) => op.expectedSeconds)),
    deadline: { minSeconds: most((op) => op.deadline.minSeconds), slackSeconds: most((op) => op.deadline.slackSeconds), slackRatio: most((op) => op.deadline.slackRatio) },
  };
}

const MODE_KIND: Readonly<Record<Exclude<WatchMode, "validation">, Operation["handle"]["kind"]>> = { bench: "benchResultId", task: "taskId" };

function fitting(mode: WatchMode): string {
  if (mode === "validation") return "validation";
  return OPERATIONS.filter((op) => op.handle.kind === MODE_KIND[mode]).map((op) => op.id).join(", ");
}

export function subjectFor(args: WatchArgs): Subject {
  if (args.mode === "task" && !args.operation) return { operation: anyTaskOperation(), name: ANY_TASK };
  const op = operation(args.operation ?? (args.mode === "validation" ? "validation" : args.mode === "bench" ? "scenario-run" : "pdf-export"));
  const fits = args.mode === "validation" ? op.id === "validation" : op.handle.kind === MODE_KIND[args.mode];
  if (!fits) {
    const how = op.handle.kind === "taskId" ? "task <taskId...>" : op.id === "validation" ? "bench <benchResultId> or validation <projectId> <virtualUserId>" : "bench <benchResultId...>";
    throw new UsageError(`--operation ${op.id} does not fit ${args.mode} ids (${args.mode} takes ${fitting(args.mode)}); wait on it with ${how}`);
  }
  return { operation: op, name: op.id };
}

/** Validated targets, at least one, each once; a malformed id is an unknown handle (exit 4). */
export function targetsFor(op: Operation, args: WatchArgs): PollTarget[] {
  let targets: PollTarget[];
  try {
    if (args.mode === "validation") {
      const [projectId, virtualUserId] = args.handles;
      targets = pollTargets(op, [], { projectId, virtualUserId });
    } else {
      const viaHandle = Object.values(op.status.args).some((source) => source.from === "handle");
      targets = viaHandle ? pollTargets(op, args.handles) : alternativeTargets(op, args.handles);
    }
  } catch (error) {
    if (error instanceof HandleError) throw new UnknownHandleError(error.message);
    throw error;
  }
  const unique = [...new Map(targets.map((t) => [t.key, t])).values()];
  if (unique.length === 0) throw new UsageError(`nothing to wait for: ${args.mode} needs at least one id`);
  return unique;
}
