// Check tool arguments against the tool's input schema before a handler sees
// them, with messages that say what to change.
import { SimError } from "./errors.js";
import type { JsonSchemaLite, ToolDefinition } from "./catalog.js";

export type ToolArgs = Readonly<Record<string, unknown>>;

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function fits(schema: JsonSchemaLite, value: unknown): boolean {
  const actual = typeOf(value);
  if (schema.type === undefined) return true;
  if (schema.type === "number") return actual === "number" || actual === "integer";
  return actual === schema.type;
}

const article = (type: string): string => `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;

export function checkArgs(tool: ToolDefinition, args: ToolArgs): void {
  const properties = tool.inputSchema.properties ?? {};
  const known = Object.keys(properties);
  for (const name of Object.keys(args)) {
    if (!known.includes(name)) {
      throw new SimError("bad-argument", `${tool.name} has no argument "${name.slice(0, 40)}"; it takes ${known.join(", ") || "no arguments"}.`);
    }
  }
  for (const name of tool.inputSchema.required ?? []) {
    if (args[name] === undefined) throw new SimError("bad-argument", `${tool.name} needs ${name}; call it with ${(tool.inputSchema.required ?? []).join(", ")}.`);
  }
  for (const [name, value] of Object.entries(args)) {
    const schema = properties[name]!;
    if (!fits(schema, value)) throw new SimError("bad-argument", `${name} must be ${article(schema.type ?? "value")}, got ${typeOf(value)}.`);
    if (schema.enum && !schema.enum.includes(String(value))) throw new SimError("bad-argument", `${name} must be one of ${schema.enum.join(", ")}.`);
    if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) {
      throw new SimError("bad-argument", `${name} must be at least ${schema.minimum}, got ${value}.`);
    }
    if (Array.isArray(value)) {
      if ((schema.minItems !== undefined && value.length < schema.minItems) || (schema.maxItems !== undefined && value.length > schema.maxItems)) {
        throw new SimError("bad-argument", `${name} must hold ${schema.minItems ?? 0} to ${schema.maxItems ?? "any number of"} items, got ${value.length}.`);
      }
      if (schema.items && !value.every((item) => fits(schema.items!, item))) throw new SimError("bad-argument", `every item of ${name} must be ${article(schema.items.type ?? "value")}.`);
    }
  }
}

export function text(args: ToolArgs, name: string): string {
  return String(args[name]);
}

export function integer(args: ToolArgs, name: string, fallback: number): number {
  const value = args[name];
  return typeof value === "number" ? value : fallback;
}

export function texts(args: ToolArgs, name: string): string[] {
  const value = args[name];
  return Array.isArray(value) ? value.map(String) : [];
}
