// The tool definitions the simulator serves: taken from the project's tool
// catalog (schemas/octoperf/tools.json, bundled in), so the simulator and the
// linter agree on every name, argument and result field.
import catalogJson from "../../schemas/octoperf/tools.json" with { type: "json" };
import { BENCH_UNDER_WAY } from "../policy/index.js";
import type { FaultPlan } from "./faults.js";
import { UNKNOWN_STATE } from "./faults.js";

export interface JsonSchemaLite {
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchemaLite>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchemaLite;
  readonly minimum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly [key: string]: unknown;
}

export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: JsonSchemaLite & { readonly type: "object" };
  readonly outputSchema?: JsonSchemaLite & { readonly type: "object" };
  readonly _meta?: Readonly<Record<string, unknown>>;
}

const CATALOG: readonly ToolDefinition[] = (catalogJson as unknown as { tools: ToolDefinition[] }).tools;

/** The catalog entries of these tools; throws naming any the catalog lacks. */
export function catalogTools(names: readonly string[]): ToolDefinition[] {
  const missing = names.filter((name) => !CATALOG.some((t) => t.name === name));
  if (missing.length > 0) throw new Error(`the tool catalog lacks ${missing.join(", ")}; add them to schemas/octoperf/tools.json`);
  return names.map((name) => CATALOG.find((t) => t.name === name)!);
}

const RUNNING: string = BENCH_UNDER_WAY;

/**
 * A newer server that reports a new state also declares it: with the
 * unknown-state fault, every state enum that lists RUNNING gains it.
 */
export function servedDefinition(tool: ToolDefinition, faults: FaultPlan): ToolDefinition {
  if (!faults.unknownState || tool.outputSchema === undefined) return tool;
  return { ...tool, outputSchema: widenStates(tool.outputSchema) as ToolDefinition["outputSchema"] };
}

function widenStates(schema: JsonSchemaLite): JsonSchemaLite {
  const out: Record<string, unknown> = { ...schema };
  if (schema.enum?.includes(RUNNING) && !schema.enum.includes(UNKNOWN_STATE)) out.enum = [...schema.enum, UNKNOWN_STATE];
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, widenStates(value)]));
  }
  if (schema.items) out.items = widenStates(schema.items);
  return out as JsonSchemaLite;
}
