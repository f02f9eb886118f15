// The lint:skills command line: text and JSON output, exit codes.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runLintCli } from "../../src/lint/cli.js";
import { prepareCorpus } from "./corpus.js";

function run(args: string[]) {
  let out = "";
  let err = "";
  const code = runLintCli(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe("lint:skills CLI", () => {
  const { root } = prepareCorpus();
  const empty = mkdtempSync(join(tmpdir(), "octoperf-lint-empty-"));
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  it("prints path:line:col  rule-id  message and exits 1 on errors", () => {
    const { code, out, err } = run(["--root", root]);
    assert.equal(code, 1);
    const lines = out.trim().split("\n");
    for (const line of lines) assert.match(line, /^[\w./-]+\.md:\d+:\d+  [a-z-]+  \S.*$/);
    assert.ok(lines.includes("skills/octoperf-bad-tool/SKILL.md:8:7  octoperf-tool-exists  unknown OctoPerf tool \"get_bench_state\" (did you mean get_bench_status?)"));
    assert.match(err, new RegExp(`files, ${lines.length} errors\\n$`));
  });

  it("prints JSON with --json", () => {
    const { code, out } = run(["--root", root, "--json"]);
    assert.equal(code, 1);
    const report = JSON.parse(out) as { files: number; errors: number; diagnostics: { path: string; line: number; column: number; ruleId: string; message: string }[] };
    assert.equal(report.errors, report.diagnostics.length);
    assert.ok(report.diagnostics.some((d) => d.ruleId === "policy-progress" && d.path === "skills/octoperf-bad-progress/SKILL.md"));
  });

  it("exits 0 on a clean plugin and 2 when the catalog cannot be read", () => {
    mkdirSync(join(empty, "skills", "octoperf-ok"), { recursive: true });
    writeFileSync(join(empty, "skills", "octoperf-ok", "SKILL.md"), "---\nname: octoperf-ok\ndescription: Use when nothing is wrong.\n---\n\nCall `get_task_result(taskId)`.\n");
    assert.equal(run(["--root", empty]).code, 0);
    assert.equal(run(["--root", empty, "--catalog", join(empty, "missing.json")]).code, 2);
  });
});
