// The wait snippet of an operation whose handle comes from an upload (JTL
// import) must not say the start tool returns that handle: the catalog's
// import_jtl_report returns an upload url, and the upload answers the taskId.
import assert from "node:assert/strict";
import { test } from "node:test";
import { waitSnippet } from "../../src/render/blocks/wait-snippet.js";

test("jtl-import: the task id comes from the upload's answer", () => {
  const snippet = waitSnippet({ operation: "jtl-import" });
  assert.doesNotMatch(snippet, /`import_jtl_report` returns `taskId`/);
  assert.match(snippet, /`import_jtl_report` gives an upload `url`\. The upload answers with `taskId`\./);
});

test("result-sourced handles still say the start tool returns them", () => {
  assert.match(waitSnippet({ operation: "pdf-export" }), /`export_bench_report_pdf` returns `taskId`\./);
});
