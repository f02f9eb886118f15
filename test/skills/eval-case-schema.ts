// The case.yaml shape that `claude plugin eval` reads (Claude Code 2.1.330),
// transcribed from the client's own zod schema, plus the loader of our cases.
// The real client is also run over the cases in eval-cases.test.ts, so a drift
// between this copy and the client shows up there.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { REPO_ROOT } from "../../src/schemas/catalog.js";

export const EVALS_DIR = join(REPO_ROOT, "evals");

const Arm = z.enum(["with-only", "both"]).optional();
const Weight = z.number().positive().default(1);
const Target = z.union([
  z.enum(["trace", "last_message", "files", "mock_calls"]),
  z.strictObject({ source: z.literal("file"), path: z.string() }),
]);
const ToolRef = z.union([
  z.string().transform((tool) => ({ tool, input_match: undefined as string | undefined })),
  z.strictObject({ tool: z.string(), input_match: z.string().optional() }),
]);

export const Grader = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("regex"),
    name: z.string(),
    target: Target.default("last_message"),
    pattern: z.string(),
    flags: z.string().regex(/^[dgimsuvy]*$/).default(""),
    match: z.union([z.enum(["contains", "not_contains"]), z.string().regex(/^count:\d+$/)]).default("contains"),
    weight: Weight,
    arm: Arm,
  }),
  z.strictObject({ type: z.literal("tool_order"), name: z.string(), before: ToolRef, after: ToolRef, weight: Weight, arm: Arm }),
  z.strictObject({
    type: z.literal("tool_used"),
    name: z.string(),
    tool: z.string(),
    input_match: z.string().optional(),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
    weight: Weight,
    arm: Arm,
  }),
  z.strictObject({ type: z.literal("file_exists"), name: z.string(), path: z.string(), exists: z.boolean().default(true), weight: Weight, arm: Arm }),
  z.strictObject({ type: z.literal("llm"), name: z.string(), criteria: z.string(), focus: Target.default("last_message"), weight: Weight, arm: Arm }),
  z.strictObject({ type: z.literal("baseline"), name: z.string(), baseline_file: z.string(), criteria: z.string(), weight: Weight, arm: Arm }),
]);
export type Grader = z.infer<typeof Grader>;

export const EvalCase = z.object({
  schema_version: z.string().regex(/^1\./),
  name: z.string().min(1),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  plugins: z.array(z.string()).optional(),
  context: z
    .object({ scaffold_script: z.string().optional(), history_file: z.string().optional(), add_dirs: z.array(z.string()).default([]) })
    .default({ add_dirs: [] }),
  execution: z.object({
    prompt: z.string().trim().min(1),
    max_turns: z.number().int().positive().max(200).default(10),
    timeout_seconds: z.number().int().positive().max(3600).default(300),
    model: z.string().optional(),
    allowed_tools: z.array(z.string()).default([]),
    disallowed_tools: z.array(z.string()).optional(),
    append_system_prompt: z.string().optional(),
    env: z.record(z.string(), z.string()).default({}),
  }),
  runs: z.number().int().positive().max(50).default(3),
  graders: z
    .array(Grader)
    .min(1)
    .superRefine((graders, ctx) => {
      const seen = new Set<string>();
      for (const grader of graders) {
        if (seen.has(grader.name)) ctx.addIssue({ code: "custom", message: `duplicate grader name "${grader.name}"` });
        seen.add(grader.name);
      }
    }),
  expected_outcome: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCase>;

export interface LoadedCase {
  readonly folder: string;
  readonly path: string;
  readonly data: EvalCase;
}

/** Case folders: every directory under evals/ except mocks/ and results/. */
export function caseFolders(root = EVALS_DIR): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((entry) => !entry.startsWith(".") && entry !== "mocks" && entry !== "results")
    .filter((entry) => statSync(join(root, entry)).isDirectory())
    .sort();
}

/** Parse one case.yaml; throws with the zod issues when it does not fit. */
export function loadCase(folder: string, root = EVALS_DIR): LoadedCase {
  const path = join(root, folder, "case.yaml");
  const data = EvalCase.parse(YAML.parse(readFileSync(path, "utf8")));
  return { folder, path, data };
}
