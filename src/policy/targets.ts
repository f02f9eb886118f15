// What to poll: the status call of an operation for concrete handles, with
// every value validated before it can reach a prompt or a command line.
import { validateHandle } from "./handles.js";
import type { Operation, StatusCall } from "./operations.js";

export interface PollTarget {
  readonly tool: string;
  /** Validated arguments of the status call. */
  readonly args: Readonly<Record<string, string>>;
  /** A stable key for this piece of work: "<tool>:<arg values>". */
  readonly key: string;
}

export type StartInput = Readonly<Record<string, unknown>>;

function targetFor(call: StatusCall, handle: string | undefined, input: StartInput): PollTarget {
  const args: Record<string, string> = {};
  for (const [name, source] of Object.entries(call.args)) {
    const raw = source.from === "handle" ? handle : input[source.field];
    args[name] = validateHandle(name, raw);
  }
  return { tool: call.tool, args, key: targetKey(call.tool, args) };
}

export function targetKey(tool: string, args: Readonly<Record<string, string>>): string {
  return `${tool}:${Object.keys(args)
    .sort()
    .map((name) => args[name])
    .join("/")}`;
}

/**
 * The poll targets for a started operation: one per handle (a scenario run has
 * one per bench result). Throws a HandleError on any bad value.
 */
export function pollTargets(op: Operation, handles: readonly unknown[], input: StartInput = {}): PollTarget[] {
  const statusUsesHandle = Object.values(op.status.args).some((source) => source.from === "handle");
  if (!statusUsesHandle) return [targetFor(op.status, undefined, input)];
  return handles.map((handle, index) => targetFor(op.status, validateHandle(`${op.handle.field}[${index}]`, handle), input));
}

/** The same targets through the operation's alternative status tools. */
export function alternativeTargets(op: Operation, handles: readonly unknown[], input: StartInput = {}): PollTarget[] {
  return op.alternatives.flatMap((call) => handles.map((handle) => targetFor(call, validateHandle(op.handle.field, handle), input)));
}
