// The OctoPerf catalog: fresh against its typed sources, loadable as a
// tools/list result, complete for the policy, with its provenance.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ListToolsResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { OPERATIONS } from "../../src/policy/index.js";
import { CATALOG_PATH, diffCatalogs, parseCatalog, partVerified, readCatalog, serializeCatalog, toolByName } from "../../src/schemas/catalog.js";
import { runCatalogCli } from "../../src/schemas/catalog-cli.js";
import { buildCatalog } from "../../src/schemas/catalog-source.js";

const catalog = readCatalog();
const tools = toolByName(catalog);

describe("OctoPerf tool catalog", () => {
  it("is what the documented sources write (npx tsx src/schemas/catalog-cli.ts --check)", () => {
    assert.equal(runCatalogCli({ check: true }).fresh, true, "run npx tsx src/schemas/catalog-cli.ts");
  });

  it("loads as an MCP tools/list result", () => {
    const parsed = ListToolsResultSchema.parse(JSON.parse(readFileSync(CATALOG_PATH, "utf8")));
    assert.equal(parsed.tools.length, catalog.tools.length);
  });

  it("covers every tool the reference lists (about 170) and every tool the policy names", () => {
    assert.ok(catalog.tools.length >= 170, `${catalog.tools.length} tools`);
    const named = new Set<string>();
    for (const op of OPERATIONS) {
      named.add(op.startTool);
      for (const call of [op.status, ...op.alternatives]) named.add(call.tool);
      if (op.progress) named.add(op.progress.tool);
      for (const acceptor of op.terminal) for (const word of acceptor.next.action.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? []) named.add(word);
    }
    for (const name of named) assert.ok(tools.has(name), `catalog lacks ${name}`);
  });

  it("cites a source for every documented entry, and marks what no public source confirms", () => {
    for (const entry of catalog.tools) {
      const source = entry._meta.source;
      assert.ok(source.kind === "documented" || source.kind === "captured", entry.name);
      if (source.kind !== "documented") continue;
      assert.ok(source.sources.length > 0, entry.name);
      const fromPlugin = source.sources.some((s) => s.startsWith("OctoPerf/octoperf-claude-plugins@"));
      if (!fromPlugin) assert.deepEqual(source.unverified, ["tool", "arguments", "results"], `${entry.name}: no public source names it`);
    }
  });

  it("writes the Jira and monitor tools as OctoPerf's skills do", () => {
    assert.deepEqual(Object.keys(tools.get("check_jira_notification_connection")!.inputSchema.properties!), ["connection"]);
    assert.deepEqual(tools.get("list_jira_notification_statuses")!.inputSchema.required, ["connection", "projectId"]);
    assert.deepEqual(tools.get("create_jira_notification")!.inputSchema.required, ["workspaceId", "eventIds", "connection", "board"]);
    assert.deepEqual(tools.get("preview_monitor_counters")!.inputSchema.required, ["monitorId"]);
    assert.ok(!partVerified(tools.get("create_linux_monitor")!, "arguments"), "no source names a monitor's connection arguments");
    assert.ok(partVerified(tools.get("create_jira_notification")!, "arguments"));
  });

  it("keeps captured entries when rebuilt, and diffs by content", () => {
    const first = catalog.tools[0]!;
    const captured = { ...first, description: "as the live server says it", _meta: { source: { kind: "captured" as const, date: "2026-11-24", server: "test" } } };
    const rebuilt = buildCatalog({ tools: [captured] });
    assert.deepEqual(toolByName(rebuilt).get(first.name), captured);
    assert.deepEqual(diffCatalogs(catalog, rebuilt), { added: [], removed: [], changed: [first.name] });
  });

  it("rejects a catalog that lists a tool twice or has no provenance", () => {
    const dir = mkdtempSync(join(tmpdir(), "octoperf-catalog-"));
    try {
      const twice = { tools: [catalog.tools[0], catalog.tools[0]] };
      assert.throws(() => parseCatalog(twice), /twice/);
      const bare = { tools: [{ ...catalog.tools[0], _meta: {} }] };
      assert.throws(() => parseCatalog(bare));
      writeFileSync(join(dir, "tools.json"), serializeCatalog({ tools: [] }));
      assert.equal(runCatalogCli({ check: true, path: join(dir, "tools.json") }).fresh, false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
