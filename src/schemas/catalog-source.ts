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
import type { Catalog, CatalogTool } from "./catalog.js";
import type { ToolDefinition } from "./tool-entry.js";

export const DOCUMENTED_REFERENCE = "OctoPerf public agent guide and skills (shared/reference/octoperf-tools.md)";

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
    "OctoPerf MCP tools in tools/list shape. _meta.source says where each entry comes from: documented (written from public material) or captured (npm run schemas:pull).",
  rebuild: "npx tsx src/schemas/catalog-cli.ts (documented entries); npm run schemas:pull -- --url <server> (captured)",
} as const;

function documented(definition: ToolDefinition): CatalogTool {
  return { ...definition, _meta: { source: { kind: "documented", sources: [DOCUMENTED_REFERENCE] } } };
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
