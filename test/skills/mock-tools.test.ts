// evals/mocks/octoperf/ is derived from the tool catalog and must match it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { readCatalog } from "../../src/schemas/catalog.js";
import { renderServerMd, renderToolsJson, SERVER_MD, TOOLS_JSON, toolsListResponse } from "./mock-tools.js";

const refresh = "run: node --import tsx test/skills/mock-tools.ts --write";

describe("eval mocks of the OctoPerf server", () => {
  const catalog = readCatalog();

  test("_tools.json is the catalog as a tools/list response", () => {
    assert.equal(readFileSync(TOOLS_JSON, "utf8"), renderToolsJson(catalog), `stale ${TOOLS_JSON}; ${refresh}`);
    const listed = toolsListResponse(catalog).tools;
    assert.equal(listed.length, catalog.tools.length);
    for (const tool of listed) assert.deepEqual(Object.keys(tool), ["name", "description", "inputSchema"]);
  });

  test("_server.md answers every catalog tool", () => {
    const current = readFileSync(SERVER_MD, "utf8");
    assert.equal(current, renderServerMd(current, catalog), `stale ${SERVER_MD}; ${refresh}`);
    assert.match(current, /^---\ntype: agent\n/);
  });

  test("a catalog change makes the mocks stale", () => {
    const smaller = { ...catalog, tools: catalog.tools.slice(1) };
    assert.notEqual(renderToolsJson(smaller), readFileSync(TOOLS_JSON, "utf8"));
    const current = readFileSync(SERVER_MD, "utf8");
    assert.notEqual(renderServerMd(current, smaller), current);
    assert.throws(() => renderServerMd("no frontmatter", catalog), /tools:/);
  });
});
