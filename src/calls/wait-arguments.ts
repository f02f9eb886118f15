// The argument grammar of /octoperf:wait, as data, with a reference parser.
// The command body states these rules to the model (rendered from here); the
// parser proves the rendered usage and examples obey them, and lets tests
// feed it valid, missing, malformed and hostile arguments.
import { HANDLE_PATTERN, HandleError, handleProblem } from "../policy/handles.js";
import { DurationError, parseDuration, printable } from "../policy/duration.js";
import { OPERATIONS, operation, type Operation, type OperationId } from "../policy/operations.js";
import { PLUGIN_NAME } from "../policy/tool-names.js";

export type HandleKind = "bench" | "validation" | "task";

export interface KindRule {
  readonly kind: HandleKind;
  /** The explicit prefix, e.g. "bench:". */
  readonly prefix: string;
  /** What follows the prefix. */
  readonly shape: string;
  readonly operation: OperationId;
  /** Example token. */
  readonly example: string;
}

/** The task-id operation with the widest set of terminal values (the others' values are a subset). */
function widestTaskOperation(): OperationId {
  const tasks = OPERATIONS.filter((op) => op.handle.kind === "taskId");
  const widest = [...tasks].sort((a, b) => b.terminal.length - a.terminal.length || b.expectedSeconds - a.expectedSeconds)[0];
  if (!widest) throw new Error("the policy has no task operation");
  return widest.id;
}

export const KIND_RULES: readonly KindRule[] = [
  { kind: "bench", prefix: "bench:", shape: "<benchResultId>", operation: "scenario-run", example: "bench:BENCH_RESULT_ID" },
  { kind: "validation", prefix: "validation:", shape: "<projectId>/<virtualUserId>", operation: "validation", example: "validation:PROJECT_ID/VIRTUAL_USER_ID" },
  { kind: "task", prefix: "task:", shape: "<taskId>", operation: widestTaskOperation(), example: "task:TASK_ID" },
];
/** An id with no prefix is a bench result id. */
export const DEFAULT_KIND: HandleKind = "bench";
export const SCENARIO_PREFIX = "scenario:";
export const DEADLINE_FLAG = "--deadline";
/** More than one bench result per call is normal (one scenario run can start several). */
export const MAX_WAIT_HANDLES = 20;
/** Longest argument text accepted: 20 prefixed handles, a duration and a deadline fit easily. */
export const MAX_WAIT_ARGUMENTS_LENGTH = 1600;
/** Every character the arguments may hold. Anything else (quotes, $, `, ;, line breaks...) is refused. */
export const ARGUMENT_CHARACTERS = /^[A-Za-z0-9_:/ -]*$/;
/** A duration token must carry a unit, so a numeric id is never taken for a duration. */
export const DURATION_TOKEN = /^(?:\d{1,6}d)?(?:\d{1,6}h)?(?:\d{1,6}m)?(?:\d{1,6}s)?$/;

/** The command as the user types it. */
export const WAIT_COMMAND = `/${PLUGIN_NAME}:wait`;
export const WAIT_USAGE = `${WAIT_COMMAND} <handle...> [<expected-duration> | ${SCENARIO_PREFIX}<scenarioId>] [${DEADLINE_FLAG} <duration>]`;

export function kindRule(kind: HandleKind): KindRule {
  const rule = KIND_RULES.find((r) => r.kind === kind);
  if (!rule) throw new Error(`unknown handle kind ${kind}`);
  return rule;
}

export type Expected = { readonly from: "given"; readonly seconds: number } | { readonly from: "scenario"; readonly scenarioId: string } | { readonly from: "policy"; readonly seconds: number };

export interface WaitRequest {
  readonly kind: HandleKind;
  readonly operation: Operation;
  /** Bench/task ids, or [projectId, virtualUserId] for a validation. */
  readonly handles: readonly string[];
  readonly expected: Expected;
  readonly deadlineSeconds?: number;
}

export type WaitParse = { readonly ok: true; readonly request: WaitRequest } | { readonly ok: false; readonly problem: string };

const refuse = (problem: string): WaitParse => ({ ok: false, problem });

function isDurationToken(token: string): boolean {
  return /[dhms]$/.test(token) && DURATION_TOKEN.test(token);
}

function checkedHandle(field: string, value: string): string {
  const problem = handleProblem(value);
  if (problem !== undefined) throw new HandleError(field, problem);
  return value;
}

/** One handle token: its kind and ids. Throws a HandleError when malformed. */
function readHandle(token: string): { kind: HandleKind; ids: string[] } {
  const rule = KIND_RULES.find((r) => token.startsWith(r.prefix));
  if (!rule) return { kind: DEFAULT_KIND, ids: [checkedHandle("handle", token)] };
  const rest = token.slice(rule.prefix.length);
  if (rule.kind !== "validation") return { kind: rule.kind, ids: [checkedHandle(rule.shape, rest)] };
  const parts = rest.split("/");
  if (parts.length !== 2) throw new HandleError(rule.prefix + rule.shape, "needs exactly one '/' between the two ids");
  return { kind: "validation", ids: [checkedHandle("projectId", parts[0]!), checkedHandle("virtualUserId", parts[1]!)] };
}

/** Parse the whole argument text of /octoperf:wait the way the command body tells the model to. */
export function parseWaitArguments(text: string): WaitParse {
  if (text.length > MAX_WAIT_ARGUMENTS_LENGTH) return refuse(`the arguments are ${text.length} characters long (at most ${MAX_WAIT_ARGUMENTS_LENGTH})`);
  if (!ARGUMENT_CHARACTERS.test(text)) {
    const bad = text.match(/[^A-Za-z0-9_:/ -]/)?.[0] ?? "?";
    return refuse(`the arguments contain ${JSON.stringify(bad)}; only letters, digits, '_', '-', ':', '/' and spaces are allowed`);
  }
  const tokens = text.split(" ").filter((t) => t.length > 0);
  if (tokens.length === 0) return refuse("no handle given");
  let kind: HandleKind | undefined;
  const handles: string[] = [];
  let expected: Expected | undefined;
  let deadlineSeconds: number | undefined;
  try {
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      if (token === DEADLINE_FLAG) {
        const value = tokens[i + 1];
        if (deadlineSeconds !== undefined) return refuse(`${DEADLINE_FLAG} is given twice`);
        if (value === undefined || !isDurationToken(value)) return refuse(`${DEADLINE_FLAG} needs a duration with a unit, e.g. 20m`);
        deadlineSeconds = parseDuration(value, DEADLINE_FLAG);
        i += 1;
      } else if (token.startsWith("-")) {
        return refuse(`unknown option "${printable(token, 20)}"`);
      } else if (token.startsWith(SCENARIO_PREFIX) || isDurationToken(token)) {
        if (expected !== undefined) return refuse("the expected duration is given twice");
        expected = token.startsWith(SCENARIO_PREFIX)
          ? { from: "scenario", scenarioId: checkedHandle("scenarioId", token.slice(SCENARIO_PREFIX.length)) }
          : { from: "given", seconds: parseDuration(token, "expected duration") };
      } else {
        const handle = readHandle(token);
        if (kind !== undefined && handle.kind !== kind) return refuse(`handles of different kinds (${kind} and ${handle.kind}); wait for one kind at a time`);
        kind = handle.kind;
        handles.push(...handle.ids);
      }
    }
  } catch (error) {
    if (error instanceof HandleError || error instanceof DurationError) return refuse(error.message);
    throw error;
  }
  if (kind === undefined) return refuse("no handle given");
  if (kind === "validation" && handles.length !== 2) return refuse("give one validation at a time");
  if (handles.length > MAX_WAIT_HANDLES) return refuse(`${handles.length} handles (at most ${MAX_WAIT_HANDLES})`);
  if (expected?.from === "scenario" && kind !== "bench") return refuse(`${SCENARIO_PREFIX}<scenarioId> only applies to bench results`);
  const op = operation(kindRule(kind).operation);
  return {
    ok: true,
    request: { kind, operation: op, handles, expected: expected ?? { from: "policy", seconds: op.expectedSeconds }, deadlineSeconds },
  };
}

/** Worked examples of the usage: each must parse (checked when rendered). */
export const WAIT_EXAMPLES: readonly string[] = [
  "BENCH_RESULT_ID",
  "BENCH_RESULT_ID OTHER_BENCH_RESULT_ID 25m --deadline 40m",
  "bench:BENCH_RESULT_ID scenario:SCENARIO_ID",
  "validation:PROJECT_ID/VIRTUAL_USER_ID",
  "task:TASK_ID 2m",
];

export { HANDLE_PATTERN };

/** A recorded work, as much of it as names it. */
export interface NamedWork {
  readonly op: OperationId;
  readonly handle: string;
  readonly args: Readonly<Record<string, string>>;
}

function ruleOf(op: OperationId): KindRule {
  return KIND_RULES.find((r) => r.operation === op) ?? (operation(op).handle.kind === "taskId" ? kindRule("task") : kindRule(DEFAULT_KIND));
}

/** The word that names a work in these arguments: `validation:<projectId>/<virtualUserId>`, `task:<taskId>`, or a bench result id alone. */
export function waitWord(work: NamedWork): string {
  const rule = ruleOf(work.op);
  if (rule.kind === "validation") return `${rule.prefix}${Object.keys(operation(work.op).status.args).map((name) => work.args[name] ?? "").join("/")}`;
  return rule.kind === DEFAULT_KIND ? work.handle : `${rule.prefix}${work.handle}`;
}

/** The fewest /octoperf:wait commands that name these works: one kind per command, one validation each, at most MAX_WAIT_HANDLES ids. */
export function waitCommands(works: readonly NamedWork[]): string[] {
  const words = new Map<HandleKind, string[][]>();
  for (const work of works) {
    const kind = ruleOf(work.op).kind;
    const groups = words.get(kind) ?? [];
    const last = groups[groups.length - 1];
    if (last && kind !== "validation" && last.length < MAX_WAIT_HANDLES) last.push(waitWord(work));
    else groups.push([waitWord(work)]);
    words.set(kind, groups);
  }
  return [...words.values()].flat().map((group) => `${WAIT_COMMAND} ${group.join(" ")}`);
}

/** The ids a request names, one list per work: a validation's two ids name one work, any other id names its own. */
export function namedWorks(request: WaitRequest): readonly (readonly string[])[] {
  return request.kind === "validation" ? [request.handles] : request.handles.map((id) => [id]);
}
