// Questions the rules ask of a JSON Schema: does this field path exist, which
// enum values can this field take.
import type { JsonSchema } from "../schemas/json-schema.js";

function children(node: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  if (node.properties) out.push(...Object.values(node.properties));
  if (node.items) out.push(node.items);
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const list = node[key];
    if (Array.isArray(list)) out.push(...(list as JsonSchema[]));
  }
  return out;
}

function walk(node: JsonSchema, visit: (node: JsonSchema) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

/** Every property name anywhere in the schema. */
export function propertyNames(schema: JsonSchema): Set<string> {
  const names = new Set<string>();
  walk(schema, (node) => Object.keys(node.properties ?? {}).forEach((name) => names.add(name)));
  return names;
}

/** Every enum value anywhere in the schema. */
/**
 * Every value a tool may report: its enums, and the `examples` of fields
 * whose full set no source publishes (a value a source names, not a closed list).
 */
export function enumValues(schema: JsonSchema): Set<string> {
  const values = new Set<string>();
  walk(schema, (node) => {
    (node.enum ?? []).forEach((value) => values.add(String(value)));
    if (Array.isArray(node.examples)) node.examples.forEach((value) => values.add(String(value)));
  });
  return values;
}

/** Enum values of every property called `field`, or undefined when none has an enum. */
export function enumOfField(schema: JsonSchema, field: string): Set<string> | undefined {
  let values: Set<string> | undefined;
  walk(schema, (node) => {
    const property = node.properties?.[field];
    if (property?.enum) {
      values ??= new Set();
      property.enum.forEach((value) => values!.add(String(value)));
    }
  });
  return values;
}

/** True when some object in the schema declares no properties (anything may be in it). */
export function hasOpenObject(schema: JsonSchema): boolean {
  let open = false;
  walk(schema, (node) => {
    if (node.type === "object" && !node.properties) open = true;
  });
  return open;
}

/**
 * Does `path` (e.g. "userProfiles[].loadStrategy") exist from the root? An
 * object without declared properties accepts any name below it.
 */
export function fieldPathExists(schema: JsonSchema, path: string): boolean {
  let node: JsonSchema | undefined = schema;
  for (const raw of path.split(".")) {
    const name = raw.replace(/\[\]$/, "");
    while (node?.type === "array" && node.items) node = node.items;
    if (!node) return false;
    if (node.type === "object" && !node.properties) return true;
    node = node.properties?.[name];
    if (!node) return false;
  }
  return true;
}
