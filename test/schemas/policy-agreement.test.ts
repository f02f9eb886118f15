// The policy and the catalog are written from different places: the policy
// by us, the catalog's states and statuses from OctoPerf's sources
// (src/schemas/documented/async.ts). These tests fail when they disagree, as
// botocore checks its waiters against the API's output shapes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OPERATIONS } from "../../src/policy/index.js";
import { readCatalog, toolByName } from "../../src/schemas/catalog.js";
import { enumOfField } from "../../src/lint/schema-walk.js";

const tools = toolByName(readCatalog());

function statusCalls() {
  return OPERATIONS.flatMap((op) => [op.status, ...op.alternatives].map((call) => ({ op, call })));
}

function sourceValues(tool: string, field: string): Set<string> {
  const entry = tools.get(tool);
  assert.ok(entry?.outputSchema, `catalog has no outputSchema for ${tool}`);
  const values = enumOfField(entry.outputSchema, field);
  assert.ok(values, `${tool}.${field} has no enum in the catalog`);
  return values;
}

/** What the policy knows of each status field, over every operation that polls it. */
const knownByField = new Map<string, Set<string>>();
for (const { op, call } of statusCalls()) {
  const key = `${call.tool}.${call.field}`;
  const known = knownByField.get(key) ?? new Set<string>();
  [...op.inFlight, ...op.terminal.map((a) => a.value)].forEach((value) => known.add(value));
  knownByField.set(key, known);
}
const missingInPolicy = [...knownByField].flatMap(([key, known]) => {
  const [tool, field] = key.split(".") as [string, string];
  return [...sourceValues(tool, field)].filter((value) => !known.has(value)).map((value) => `${key} ${value}`);
});

describe("policy and catalog agree on states and statuses", () => {
  it("every value the policy waits on or stops at is one OctoPerf's sources name", () => {
    const unknown = statusCalls().flatMap(({ op, call }) => {
      const values = sourceValues(call.tool, call.field);
      return [...op.inFlight, ...op.terminal.map((a) => a.value)].filter((v) => !values.has(v)).map((v) => `${op.id}: ${call.tool}.${call.field} ${v}`);
    });
    assert.deepEqual(unknown, []);
  });

  it("the values the policy relies on that no source confirms are the catalog's visible list", (t) => {
    const relied = new Set(OPERATIONS.flatMap((op) => op.terminal.map((a) => a.value)));
    const unconfirmed = [...tools.values()].flatMap((entry) => {
      const source = entry._meta.source;
      return source.kind === "documented" ? (source.unconfirmedValues ?? []).map((v) => `${entry.name} ${v}`) : [];
    });
    for (const line of unconfirmed) t.diagnostic(`unconfirmed by any public source: ${line}`);
    assert.ok(unconfirmed.every((line) => relied.has(line.split(" ")[1]!)), "an unconfirmed value the policy does not use: drop it from the catalog");
  });

  it("every state and status the sources name is known to the policy (in flight or final)", () => {
    assert.deepEqual(missingInPolicy, []);
  });

  it("each start tool returns the handle the policy polls, and each status call takes the arguments the policy passes", () => {
    for (const op of OPERATIONS) {
      const start = tools.get(op.startTool);
      assert.ok(start, `catalog lacks ${op.startTool}`);
      for (const arg of op.startArgs) assert.ok(start.inputSchema.properties?.[arg], `${op.startTool}(${arg})`);
      if (op.handle.source === "result") assert.ok(start.outputSchema?.properties?.[op.handle.field], `${op.startTool} -> ${op.handle.field}`);
      for (const call of [op.status, ...op.alternatives]) {
        for (const arg of Object.keys(call.args)) assert.ok(tools.get(call.tool)?.inputSchema.properties?.[arg], `${call.tool}(${arg})`);
      }
    }
  });
});
