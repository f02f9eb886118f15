// One tool of the OctoPerf catalog, in the shape of an MCP `tools/list` entry,
// plus where it came from. Provenance sits in `_meta.source` so the file still
// loads as a plain `tools/list` result (`_meta` is the protocol's own slot).
import type { JsonSchema, ObjectSchema } from "./json-schema.js";

/** A part of a tool entry a source can confirm: that the tool exists, its arguments, its results. */
export type ToolPart = "tool" | "arguments" | "results";

export type Provenance =
  | {
      readonly kind: "documented";
      /** Public sources the entry was written from, as "owner/repo: path" or a URL. */
      readonly sources: readonly string[];
      /** Parts no cited source confirms: lint findings about them are only warnings. */
      readonly unverified?: readonly ToolPart[];
      /** Enum values in the entry that no cited source names (kept from the team's summary). */
      readonly unconfirmedValues?: readonly string[];
    }
  | { readonly kind: "captured"; readonly date: string; readonly server: string };

/**
 * What a source states in prose about a tool (OctoPerf's plugin spells most
 * calls, which the audit reads; these are the facts it cannot read). Each
 * entry is a plugin file path ("skills/octoperf-monitoring/SKILL.md") or a
 * full citation ("owner/repo: path").
 */
export interface Citation {
  readonly arguments?: readonly string[];
  readonly results?: readonly string[];
  /** Enum values of the entry that no source names. */
  readonly unconfirmedValues?: readonly string[];
}

interface ToolShape {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: ObjectSchema;
  readonly outputSchema?: ObjectSchema;
}

/** A tool as the documented sources write it. */
export interface ToolDefinition extends ToolShape {
  readonly cited?: Citation;
}

export interface CatalogTool extends ToolShape {
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
  cited?: Citation,
): ToolDefinition {
  return { name, description, inputSchema, ...(outputSchema ? { outputSchema } : {}), ...(cited ? { cited } : {}) };
}

export type { JsonSchema, ObjectSchema };
