// The documented OctoPerf catalog, assembled from the typed sources under
// documented/. Entries captured from a live server (schemas:pull) win over
// documented ones: they are kept as they are when the catalog is rebuilt.
import { ASYNC_TOOLS } from "./documented/async.js";
import { CORRELATION_SLA_TOOLS } from "./documented/correlation-sla.js";
import { MONITORING_TOOLS } from "./documented/monitoring.js";
import { NOTIFICATION_TOOLS } from "./documented/notifications.js";
import { PROJECT_ASSET_TOOLS } from "./documented/project-assets.js";
import { REPORT_TOOLS } from "./documented/reports.js";
import { REPORT_VALUE_TOOLS } from "./documented/report-values.js";
import { SCENARIO_TOOLS } from "./documented/scenarios.js";
import { VIRTUAL_USER_TOOLS } from "./documented/virtual-users.js";
import { WORKSPACE_TOOLS } from "./documented/workspace.js";
import { PLUGIN_AUDIT } from "./documented/plugin-audit.js";
import { citation, TEAM_SUMMARY } from "./documented/sources.js";
import type { Catalog, CatalogTool } from "./catalog.js";
import type { Provenance, ToolDefinition, ToolPart } from "./tool-entry.js";

export const DOCUMENTED_TOOLS: readonly ToolDefinition[] = [
  ...ASYNC_TOOLS,
  ...WORKSPACE_TOOLS,
  ...VIRTUAL_USER_TOOLS,
  ...PROJECT_ASSET_TOOLS,
  ...CORRELATION_SLA_TOOLS,
  ...SCENARIO_TOOLS,
  ...MONITORING_TOOLS,
  ...REPORT_TOOLS,
  ...REPORT_VALUE_TOOLS,
  ...NOTIFICATION_TOOLS,
];

export const CATALOG_META = {
  about:
    "OctoPerf MCP tools in tools/list shape. _meta.source says where each entry comes from: documented (written from public sources, cited in sources; unverified names the parts no source confirms) or captured (npm run schemas:pull).",
  rebuild: "npx tsx src/schemas/catalog-cli.ts (documented entries); npm run schemas:pull -- --url <server> (captured)",
} as const;

/**
 * Where a documented entry comes from, and what no source confirms. The
 * arguments are confirmed when a source spells the tool as a call showing
 * every argument we require, or states them in prose (cited.arguments); the
 * results when a source reads every field we require, or states them
 * (cited.results). A tool no source names is unverified throughout.
 */
export function provenanceOf(definition: ToolDefinition): Provenance {
  const audit = PLUGIN_AUDIT[definition.name];
  const cited = definition.cited ?? {};
  const files = [...new Set([...(audit?.files ?? []), ...(cited.arguments ?? []), ...(cited.results ?? [])])];
  const unconfirmed = cited.unconfirmedValues?.length ? { unconfirmedValues: [...cited.unconfirmedValues] } : {};
  if (files.length === 0) return { kind: "documented", sources: [TEAM_SUMMARY], unverified: ["tool", "arguments", "results"], ...unconfirmed };
  const unverified: ToolPart[] = [];
  const required = definition.inputSchema.required ?? [];
  const shown = new Set(audit?.argumentNames ?? []);
  const argumentsConfirmed = (cited.arguments?.length ?? 0) > 0 || (required.length === 0 ? audit !== undefined : audit?.called === true && required.every((name) => shown.has(name)));
  if (!argumentsConfirmed) unverified.push("arguments");
  const output = definition.outputSchema;
  if (output) {
    const reads = new Set(audit?.reads ?? []);
    const needed = output.required ?? Object.keys(output.properties ?? {});
    const resultsConfirmed = (cited.results?.length ?? 0) > 0 || (needed.length > 0 && needed.every((name) => reads.has(name)));
    if (!resultsConfirmed) unverified.push("results");
  }
  return { kind: "documented", sources: files.sort().map(citation), ...(unverified.length > 0 ? { unverified } : {}), ...unconfirmed };
}

function documented(definition: ToolDefinition): CatalogTool {
  const { cited: _cited, ...entry } = definition;
  return { ...entry, _meta: { source: provenanceOf(definition) } };
}

/** The catalog built from the documented sources, keeping captured entries of `current`. */
export function buildCatalog(current?: Catalog): Catalog {
  const captured = new Map(
    (current?.tools ?? []).filter((entry) => entry._meta.source.kind === "captured").map((entry) => [entry.name, entry]),
  );
  const names = new Set<string>();
  const tools: CatalogTool[] = [];
  for (const definition of DOCUMENTED_TOOLS) {
    if (names.has(definition.name)) throw new Error(`documented catalog lists ${definition.name} twice`);
    names.add(definition.name);
    tools.push(captured.get(definition.name) ?? documented(definition));
  }
  for (const [name, entry] of captured) if (!names.has(name)) tools.push(entry);
  return { _meta: { ...(current?._meta ?? {}), ...CATALOG_META }, tools };
}
