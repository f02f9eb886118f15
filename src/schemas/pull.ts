// Capture the tool list of a live MCP server as a catalog (same format as the
// documented one, provenance "captured"), and compare it with the file on disk.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { diffCatalogs, parseCatalog, serializeCatalog, type CatalogDiff } from "./catalog.js";
import { CATALOG_META } from "./catalog-source.js";
import type { Catalog, CatalogTool, ObjectSchema } from "./tool-entry.js";

/** Every tool the server lists, following pagination. */
export async function listAllTools(client: Client): Promise<Awaited<ReturnType<Client["listTools"]>>["tools"]> {
  const tools: Awaited<ReturnType<Client["listTools"]>>["tools"] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await client.listTools(cursor ? { cursor } : {});
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

export async function captureCatalog(client: Client, server: string, now: Date): Promise<Catalog> {
  const date = now.toISOString().slice(0, 10);
  const tools: CatalogTool[] = (await listAllTools(client)).map((entry) => {
    const { source: _dropped, ...serverMeta } = (entry._meta ?? {}) as Record<string, unknown>;
    return {
      name: entry.name,
      ...(entry.title ? { title: entry.title } : {}),
      description: entry.description ?? "",
      inputSchema: entry.inputSchema as ObjectSchema,
      ...(entry.outputSchema ? { outputSchema: entry.outputSchema as ObjectSchema } : {}),
      ...(entry.annotations ? { annotations: entry.annotations } : {}),
      _meta: { ...serverMeta, source: { kind: "captured", date, server } },
    };
  });
  return { _meta: { ...CATALOG_META, capturedFrom: server, capturedAt: now.toISOString() }, tools };
}

export interface PullResult {
  readonly diff: CatalogDiff;
  readonly tools: number;
  readonly path: string;
}

/** Write `catalog` to `path` and say what changed against the file that was there. */
export function writeCaptured(catalog: Catalog, path: string): PullResult {
  const before: Catalog = existsSync(path) ? parseCatalog(JSON.parse(readFileSync(path, "utf8"))) : { tools: [] };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeCatalog(catalog));
  return { diff: diffCatalogs(before, catalog), tools: catalog.tools.length, path };
}

export function describeDiff(result: PullResult): string {
  const line = (label: string, names: readonly string[]) => `${label} ${names.length}${names.length > 0 ? `: ${names.join(", ")}` : ""}`;
  return [
    `wrote ${result.tools} tools to ${result.path}`,
    line("added", result.diff.added),
    line("removed", result.diff.removed),
    line("changed", result.diff.changed),
  ].join("\n");
}
