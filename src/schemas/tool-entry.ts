// One tool of the OctoPerf catalog, in the shape of an MCP `tools/list` entry,
// plus where it came from. Provenance sits in `_meta.source` so the file still
// loads as a plain `tools/list` result (`_meta` is the protocol's own slot).
import type { JsonSchema, ObjectSchema } from "./json-schema.js";

/** A part of a tool entry a source can confirm. */
export type ToolPart = "arguments" | "results";

export type Provenance =
  | {
      readonly kind: "documented";
      /** Public sources the entry was written from, as "owner/repo: path" or a URL. */
      readonly sources: readonly string[];
      /** Parts no cited source confirms: lint findings about them are only warnings. */
      readonly unverified?: readonly ToolPart[];
    }
  | { readonly kind: "captured"; readonly date: string; readonly server: string };

export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: ObjectSchema;
  readonly outputSchema?: ObjectSchema;
}

export interface CatalogTool extends ToolDefinition {
  readonly _meta: { readonly source: Provenance; readonly [key: string]: unknown };
}

export interface Catalog {
  readonly _meta?: Readonly<Record<string, unknown>>;
  readonly tools: readonly CatalogTool[];
}

/** Shorthand used by the documented sources. */
export function tool(
  name: string,
  description: string,
  inputSchema: ObjectSchema,
  outputSchema?: ObjectSchema,
): ToolDefinition {
  return outputSchema ? { name, description, inputSchema, outputSchema } : { name, description, inputSchema };
}

export type { JsonSchema, ObjectSchema };
