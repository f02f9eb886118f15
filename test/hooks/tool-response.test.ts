// The shapes a tool result reaches a hook in, read without a child process.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readToolResult, resultErrorText, resultField } from "../../src/hooks/tool-response.js";

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
