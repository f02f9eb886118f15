// The OctoPerf tool catalog on disk: read, check, write and compare.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Catalog, CatalogTool, JsonSchema, ToolPart } from "./tool-entry.js";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CATALOG_PATH = join(REPO_ROOT, "schemas", "octoperf", "tools.json");

const Provenance = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("documented"),
    sources: z.array(z.string().min(1)).min(1),
    unverified: z.array(z.enum(["tool", "arguments", "results"])).optional(),
    unconfirmedValues: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal("captured"), date: z.string().regex(/^\d{4}-\d{2}-\d{2}/), server: z.string().min(1) }),
]);

const ObjectSchema = z.looseObject({ type: z.literal("object") });

const CatalogToolSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string(),
  inputSchema: ObjectSchema,
  outputSchema: ObjectSchema.optional(),
  _meta: z.looseObject({ source: Provenance }),
});

const CatalogSchema = z.looseObject({
  _meta: z.record(z.string(), z.unknown()).optional(),
  tools: z.array(CatalogToolSchema),
});

/** Parse and check a catalog; throws with the zod issue when malformed. */
export function parseCatalog(json: unknown): Catalog {
  const parsed = CatalogSchema.parse(json);
  const seen = new Set<string>();
  for (const entry of parsed.tools) {
    if (seen.has(entry.name)) throw new Error(`catalog lists ${entry.name} twice`);
    seen.add(entry.name);
  }
  return parsed as unknown as Catalog;
}

export function readCatalog(path = CATALOG_PATH): Catalog {
  return parseCatalog(JSON.parse(readFileSync(path, "utf8")));
}

/** Stable text: tools sorted by name, two-space JSON, final newline. */
export function serializeCatalog(catalog: Catalog): string {
  const tools = [...catalog.tools].sort((a, b) => a.name.localeCompare(b.name));
  return `${JSON.stringify({ ...catalog, tools }, null, 2)}\n`;
}

export function toolByName(catalog: Catalog): ReadonlyMap<string, CatalogTool> {
  return new Map(catalog.tools.map((entry) => [entry.name, entry]));
}

/** True when a public source (or the live server) confirms this part of a tool's entry. */
export function partVerified(entry: CatalogTool, part: ToolPart): boolean {
  const source = entry._meta.source;
  return source.kind === "captured" || !(source.unverified ?? []).includes(part);
}

export interface CatalogDiff {
  readonly added: string[];
  readonly removed: string[];
  /** Tools whose description or schemas differ (provenance is ignored). */
  readonly changed: string[];
}

function comparable(entry: CatalogTool): string {
  const { _meta: _ignored, ...rest } = entry;
  return JSON.stringify(sortKeys(rest));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const old = toolByName(before);
  const now = toolByName(after);
  const added = [...now.keys()].filter((name) => !old.has(name)).sort();
  const removed = [...old.keys()].filter((name) => !now.has(name)).sort();
  const changed = [...now.keys()]
    .filter((name) => old.has(name) && comparable(old.get(name)!) !== comparable(now.get(name)!))
    .sort();
  return { added, removed, changed };
}

export type { Catalog, CatalogTool, JsonSchema, ToolPart };
