// The zod schemas of the policy's data. They are the contract the tables in
// states.ts and operations.ts must meet; checkPolicy() parses them. Kept apart
// from the data so that hooks, which start on every tool call, never load zod:
// the runtime imports only types from here.
import { z } from "zod";
import { BENCH_STATES, TASK_STATUSES } from "./states.js";
import { SKILL_NAMES } from "./skills.js";
import { CONDITION_IDS, OPERATION_IDS } from "./operation-ids.js";

export const BenchStateSchema = z.enum(BENCH_STATES);
export const TaskStatusSchema = z.enum(TASK_STATUSES);

const ToolName = z.string().regex(/^[a-z][a-z0-9_]*$/);
const Skill = z.enum(SKILL_NAMES);

export const OutcomeSchema = z.enum(["succeeded", "failed", "partial"]);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const NextStepSchema = z.object({
  /** The sibling skill to load, if any. */
  skill: Skill.optional(),
  /** What to do, in one sentence. */
  action: z.string().min(1),
});
export type NextStep = z.infer<typeof NextStepSchema>;

/** A terminal value and what it means (botocore calls this an acceptor). */
export const AcceptorSchema = z.object({
  value: z.string().regex(/^[A-Z_]+$/),
  outcome: OutcomeSchema,
  meaning: z.string().min(1),
  next: NextStepSchema,
});
export type Acceptor = z.infer<typeof AcceptorSchema>;

/** Where a status-tool argument comes from. */
export const ArgSourceSchema = z.discriminatedUnion("from", [
  z.object({ from: z.literal("handle") }),
  z.object({ from: z.literal("start-input"), field: z.string() }),
]);
export type ArgSource = z.infer<typeof ArgSourceSchema>;

export const StatusCallSchema = z.object({
  tool: ToolName,
  args: z.record(z.string(), ArgSourceSchema),
  /** The result field whose value decides termination. */
  field: z.string(),
  /** A boolean field that mirrors "terminal", when the tool has one. */
  finishedFlag: z.string().optional(),
});
export type StatusCall = z.infer<typeof StatusCallSchema>;

const DeadlineSchema = z.object({
  minSeconds: z.number().int().positive(),
  /** Deadline = max(minSeconds, expected + max(slackSeconds, expected * slackRatio)). */
  slackSeconds: z.number().int().nonnegative(),
  slackRatio: z.number().nonnegative(),
});

export const OperationSchema = z.object({
  id: z.enum(OPERATION_IDS),
  title: z.string(),
  startTool: ToolName,
  startArgs: z.array(z.string()),
  /** The handle the start returns, and whether it is a list. */
  handle: z.object({
    field: z.string(),
    many: z.boolean(),
    /** "result": the start tool's result; "upload": the answer of the presigned upload. */
    source: z.enum(["result", "upload"]),
    kind: z.enum(["benchResultId", "taskId"]),
  }),
  /** Other ids the start returns that later steps need. */
  alsoReturns: z.array(z.string()),
  status: StatusCallSchema,
  /** Other ways to poll the same work. */
  alternatives: z.array(StatusCallSchema),
  /** A progress tool: shows how far, never decides termination. */
  progress: z
    .object({ tool: ToolName, field: z.string(), decidesTermination: z.literal(false), note: z.string() })
    .optional(),
  inFlight: z.array(z.string()).min(1),
  terminal: z.array(AcceptorSchema).min(1),
  expectedSeconds: z.number().int().positive(),
  expectedNote: z.string(),
  deadline: DeadlineSchema,
  /**
   * The call that ends the work on OctoPerf, when there is one: never made on
   * the plugin's own say, only offered to the user once the deadline has passed.
   */
  stop: z.object({ tool: ToolName, arg: z.string().min(1) }).optional(),
});
export type Operation = z.infer<typeof OperationSchema>;

/** A test on one listed item: a string field among values, or a boolean field equal to a value. */
export const ItemTestSchema = z.union([
  z.object({ field: z.string().min(1), in: z.array(z.string().regex(/^[A-Z_]+$/)).min(1) }).strict(),
  z.object({ field: z.string().min(1), equals: z.boolean() }).strict(),
]);
export type ItemTest = z.infer<typeof ItemTestSchema>;

/** A call and the arguments that name what is waited on (the hook's key). */
const KeyedCallSchema = z.object({ tool: ToolName, keyArgs: z.array(z.string().min(1)).min(1) });

/**
 * A wait with no handle: a list re-read until every item passes `ready`
 * (and at least `atLeast` are listed), or any item matches a `failed` rule,
 * or the deadline passes. `armedBy` is the call after which the wait begins.
 */
export const ConditionWaitSchema = z
  .object({
    id: z.enum(CONDITION_IDS),
    title: z.string().min(1),
    read: KeyedCallSchema,
    armedBy: KeyedCallSchema.optional(),
    items: z.object({ field: z.string().min(1), idField: z.string().min(1) }),
    /** Known "not yet" values of the ready field; anything else that is not ready is flagged as unknown. */
    inFlight: z.array(z.string().regex(/^[A-Z_]+$/)),
    ready: z.object({ every: ItemTestSchema, atLeast: z.number().int().positive(), meaning: z.string().min(1), next: NextStepSchema }),
    failed: z.array(z.object({ any: ItemTestSchema, meaning: z.string().min(1), next: NextStepSchema })),
    expectedSeconds: z.number().int().positive(),
    expectedNote: z.string().min(1),
    deadline: DeadlineSchema,
    onDeadline: NextStepSchema,
  })
  .refine((c) => !c.armedBy || c.armedBy.keyArgs.length === c.read.keyArgs.length, {
    message: "armedBy must name as many key arguments as read, in the same order",
  });
export type ConditionWait = z.infer<typeof ConditionWaitSchema>;

/** Parse every table of the policy; throws a ZodError naming the bad entry. */
export async function checkPolicy(): Promise<void> {
  const { OPERATIONS } = await import("./operations.js");
  z.array(OperationSchema).parse(OPERATIONS);
  const ids = OPERATIONS.map((op) => op.id);
  if (new Set(ids).size !== ids.length) throw new Error(`duplicate operation ids: ${ids.join(", ")}`);
  const { CONDITIONS } = await import("./conditions.js");
  z.array(ConditionWaitSchema).parse(CONDITIONS);
  const conditionIds = CONDITIONS.map((c) => c.id);
  if (new Set(conditionIds).size !== conditionIds.length) throw new Error(`duplicate condition ids: ${conditionIds.join(", ")}`);
}
