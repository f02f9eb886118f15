// The OctoPerf catalog: fresh against its typed sources, loadable as a
// tools/list result, complete for the policy, with the policy's enums.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ListToolsResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { BENCH_STATES, OPERATIONS, TASK_STATUSES } from "../../src/policy/index.js";
import { CATALOG_PATH, diffCatalogs, parseCatalog, readCatalog, serializeCatalog, toolByName } from "../../src/schemas/catalog.js";
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

  it("gives each status tool's deciding field the policy's enum, and each start tool its handle", () => {
    for (const op of OPERATIONS) {
      for (const call of [op.status, ...op.alternatives]) {
        const field = tools.get(call.tool)!.outputSchema!.properties![call.field]!;
        const expected = op.handle.kind === "taskId" ? TASK_STATUSES : BENCH_STATES;
        assert.deepEqual(field.enum, [...expected], `${call.tool}.${call.field}`);
        for (const arg of Object.keys(call.args)) assert.ok(tools.get(call.tool)!.inputSchema.properties![arg], `${call.tool}(${arg})`);
      }
      for (const arg of op.startArgs) assert.ok(tools.get(op.startTool)!.inputSchema.properties![arg], `${op.startTool}(${arg})`);
      if (op.handle.source === "result") assert.ok(tools.get(op.startTool)!.outputSchema!.properties![op.handle.field], `${op.startTool} -> ${op.handle.field}`);
    }
  });

  it("records where every entry comes from", () => {
    for (const entry of catalog.tools) assert.ok(["documented", "captured"].includes(entry._meta.source.kind), entry.name);
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
