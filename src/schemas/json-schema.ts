// A small vocabulary for writing JSON Schemas (draft 2020-12 subset) as data.
// The documented catalog is written with these, so every entry has the same
// shape as a schema the live server would declare.

export type JsonSchema = {
  readonly type?: "object" | "string" | "integer" | "number" | "boolean" | "array" | "null";
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly default?: unknown;
  readonly [key: string]: unknown;
};

/** An object schema; as an input schema it is what `tools/list` calls `inputSchema`. */
export type ObjectSchema = JsonSchema & { readonly type: "object" };

export const str = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: "string", description, ...extra });
export const int = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: "integer", description, ...extra });
export const num = (description: string): JsonSchema => ({ type: "number", description });
export const bool = (description: string): JsonSchema => ({ type: "boolean", description });
export const oneOf = (values: readonly string[], description: string): JsonSchema => ({ type: "string", enum: [...values], description });
export const list = (items: JsonSchema, description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
  type: "array",
  items,
  description,
  ...extra,
});
/** An open object (its fields are not documented). */
export const anyObject = (description: string): JsonSchema => ({ type: "object", description });

/**
 * An object with the given properties. Fields whose name ends in "?" are
 * optional; all others are required.
 */
export function obj(fields: Readonly<Record<string, JsonSchema>>, description?: string): ObjectSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const optional = key.endsWith("?");
    const name = optional ? key.slice(0, -1) : key;
    properties[name] = schema;
    if (!optional) required.push(name);
  }
  return {
    type: "object",
    ...(description ? { description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/** Common identifiers. */
export const id = {
  workspace: str("Workspace id"),
  project: str("Project id"),
  virtualUser: str("Virtual user id"),
  scenario: str("Scenario id"),
  benchResult: str("Bench result id (one run of one scenario)"),
  benchReport: str("Bench report id"),
  report: str("Report id (a bench report)"),
  provider: str("Docker provider id"),
  task: str("Asynchronous task id"),
  monitor: str("Monitor id"),
  notification: str("Notification id"),
  template: str("Report template id"),
  item: str("Report item id"),
  action: str("Action id inside a virtual user"),
} as const;
