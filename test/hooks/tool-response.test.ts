// The shapes a tool result reaches a hook in, and the bounded work of
// reading one: a 150,000-line answer (24.9 s with the old line regex, which
// was quadratic on blank lines) is read in a bounded prefix, in linear time.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_FIELD_LINE_CHARS, MAX_SCANNED_CHARS, readToolResult, resultErrorText, resultField } from "../../src/hooks/claude/tool-response.js";
import { contextOf, post, runHook, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

describe("readToolResult", () => {
  it("reads a JSON string of structured content", () => {
    const result = readToolResult('{"state":"RUNNING","id":"b1"}');
    assert.deepEqual(result, { kind: "object", value: { state: "RUNNING", id: "b1" }, isError: false });
    assert.equal(resultField(result, "state"), "RUNNING");
  });

  it("reads an array of content blocks holding JSON", () => {
    const result = readToolResult([{ type: "text", text: "Here it is:" }, { type: "text", text: '{"status":"SUCCESS"}' }]);
    assert.equal(resultField(result, "status"), "SUCCESS");
  });

  it("reads a whole CallToolResult, preferring structured content, and keeps its error flag", () => {
    assert.equal(resultField(readToolResult({ content: [{ type: "text", text: "x" }], structuredContent: { state: "ERROR" } }), "state"), "ERROR");
    const failed = readToolResult({ isError: true, content: [{ type: "text", text: "quota exceeded" }] });
    assert.deepEqual(failed, { kind: "text", text: "quota exceeded", isError: true });
    assert.equal(resultErrorText(failed), "quota exceeded");
  });

  it("reads a plain object and a JSON string inside a string", () => {
    assert.equal(resultField(readToolResult({ state: "FINISHED" }), "state"), "FINISHED");
    assert.equal(resultField(readToolResult(JSON.stringify('{"state":"PENDING"}')), "state"), "PENDING");
  });

  it("reads a field from plain text only when it stands on its own line", () => {
    assert.equal(resultField(readToolResult("id: b1\nstate: FINISHED"), "state"), "FINISHED");
    assert.equal(resultField(readToolResult('  "state": "ABORTED",'), "state"), "ABORTED");
    assert.equal(resultField(readToolResult("the state is FINISHED soon"), "state"), undefined);
    assert.equal(resultField(readToolResult("Error: state FINISHED cannot be read"), "state"), undefined);
  });

  it("gives unknown for what it cannot read", () => {
    for (const value of [undefined, null, 42, true, "", "   ", [], [{ type: "image", data: "..." }], "x".repeat(1_000_001)]) {
      assert.deepEqual(readToolResult(value), { kind: "unknown" }, JSON.stringify(value)?.slice(0, 40));
    }
    assert.equal(resultField(readToolResult('{"state": "FINI'), "state"), undefined);
  });

  it("stops at a bounded depth of nesting", () => {
    let value: unknown = { state: "FINISHED" };
    for (let i = 0; i < 10; i++) value = JSON.stringify(value);
    assert.deepEqual(readToolResult(value), { kind: "unknown" });
  });
});

describe("bounded work per answer", () => {
  const LINES = 150_000;
  const answers: [string, string][] = [
    ["blank lines", "\n".repeat(LINES)],
    ["lines of spaces", " \n".repeat(LINES)],
    ["lines that almost name the field", "state:\n".repeat(LINES)],
    ["one endless line", "state".repeat(LINES)],
  ];
  for (const [label, text] of answers) {
    // Linear in a bounded prefix: a few milliseconds (bench:hooks measures it); the quadratic regex took 24.9 s, which the generous timeout catches.
    it(`reads a ${LINES.toLocaleString("en")}-line answer of ${label}, in linear time`, { timeout: 20_000 }, () => {
      assert.equal(resultField(readToolResult([{ type: "text", text }]), "state"), undefined);
    });
  }

  it("reads only a bounded prefix, and only short lines", () => {
    const pad = "\n".repeat(MAX_SCANNED_CHARS);
    assert.equal(resultField(readToolResult(`${pad.slice(0, MAX_SCANNED_CHARS - 20)}state: FINISHED\n`), "state"), "FINISHED", "inside the prefix");
    assert.equal(resultField(readToolResult(`${pad}state: FINISHED\n`), "state"), undefined, "past the prefix");
    const long = `state: FINISHED${" ".repeat(MAX_FIELD_LINE_CHARS)}`;
    assert.equal(resultField(readToolResult(`id: b1\n${long}\n`), "state"), undefined, "a line too long to be a field line");
    assert.equal(resultErrorText(readToolResult({ isError: true, content: [{ type: "text", text: "e".repeat(MAX_SCANNED_CHARS * 4) }] }))?.length, MAX_SCANNED_CHARS);
  });

  it("lets the outcome hook answer a 150,000-line poll result, saying nothing could be read", { timeout: 20_000 }, () => {
    const data = tempDataDir();
    runHook("plan-after-start", post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchResultIds: ["b1"] })), { data, now: T0 });
    const run = runHook("poll-outcome", post(toolName("get_bench_result"), { benchResultId: "b1" }, [{ type: "text", text: "\n".repeat(150_000) }]), { data, now: T0 + 60_000 });
    assert.equal(contextOf(run), "No state could be read from this result; b1 counts as still in flight, and its deadline still applies.");
  });
});
