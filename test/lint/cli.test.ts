// The lint:skills command line: any plugin folder, text and JSON output,
// warnings that do not fail, exit codes.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pluginRoots, runLintCli } from "../../src/lint/cli.js";
import { prepareCorpus } from "./corpus.js";

function run(args: string[]) {
  let out = "";
  let err = "";
  const code = runLintCli(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

function skill(root: string, name: string, body: string, description = "Use when nothing is wrong.") {
  mkdirSync(join(root, "skills", name), { recursive: true });
  writeFileSync(join(root, "skills", name, "SKILL.md"), `---\nname: ${name}\ndescription: ${description}\n---\n\n${body}\n`);
}

describe("lint:skills CLI", () => {
  const { root } = prepareCorpus();
  const temp = mkdtempSync(join(tmpdir(), "octoperf-lint-cli-"));
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  });

  it("lints the folder given as its argument: path:line:col  rule-id  message, exit 1 on errors", () => {
    const { code, out, err } = run([root]);
    assert.equal(code, 1);
    const lines = out.trim().split("\n");
    for (const line of lines) assert.match(line, /^[\w./-]+\.md:\d+:\d+  [a-z-]+  \S.*$/);
    assert.ok(lines.includes("skills/octoperf-bad-tool/SKILL.md:8:7  octoperf-tool-exists  unknown OctoPerf tool \"get_bench_state\" (did you mean get_bench_status?)"));
    const warnings = lines.filter((line) => /  [a-z-]+  warning: /.test(line)).length;
    assert.ok(warnings > 0, "the house budget is a warning on a plugin that is not this repository");
    assert.match(err, new RegExp(`files, ${lines.length - warnings} errors, ${warnings} warnings?\\n$`));
  });

  it("prints JSON with --json, severities included", () => {
    const { code, out } = run([root, "--json"]);
    assert.equal(code, 1);
    const report = JSON.parse(out) as { errors: number; warnings: number; diagnostics: { path: string; ruleId: string; severity: string }[] };
    assert.equal(report.errors + report.warnings, report.diagnostics.length);
    assert.equal(report.errors, report.diagnostics.filter((d) => d.severity === "error").length);
    assert.ok(report.diagnostics.some((d) => d.ruleId === "policy-progress" && d.path === "skills/octoperf-bad-progress/SKILL.md"));
    assert.ok(report.diagnostics.some((d) => d.ruleId === "description-budget" && d.severity === "warning"));
  });

  it("exits 0 with only warnings, 0 on a clean plugin, 2 on bad input", () => {
    const clean = join(temp, "clean");
    skill(clean, "octoperf-ok", "Call `get_task_result(taskId)`.");
    assert.equal(run([clean]).code, 0);
    const warned = join(temp, "warned");
    skill(warned, "octoperf-long", "Fine.", `Use when a description runs long. ${"x".repeat(420)}`);
    const result = run([warned]);
    assert.equal(result.code, 0, result.out);
    assert.match(result.out, /description-budget  warning: /);
    assert.equal(run([clean, "--catalog", join(temp, "missing.json")]).code, 2);
    assert.equal(run([join(temp, "nowhere")]).code, 2);
    assert.equal(run([clean, "--bogus"]).code, 2);
  });

  it("finds the plugins of a marketplace folder and prefixes their paths", () => {
    const market = join(temp, "market");
    skill(join(market, "plugins", "one"), "octoperf-a", "Call `get_bench_state(benchResultId)`.");
    skill(join(market, "plugins", "two"), "octoperf-b", "Fine.");
    assert.deepEqual(pluginRoots(market), [join(market, "plugins", "one"), join(market, "plugins", "two")]);
    const { code, out } = run([market]);
    assert.equal(code, 1);
    assert.match(out, /^plugins\/one\/skills\/octoperf-a\/SKILL\.md:\d+:\d+  octoperf-tool-exists  /m);
  });

  it("--corpus scores a corpus, the held-out part apart, and exits 1 when a part is under 95 %", () => {
    const corpus = join(temp, "corpus");
    skill(corpus, "held-out-progress", "Keep polling while the progress is still below 1. <!-- expect: policy-progress progress-claim -->\n\nThe run state decides the end. <!-- fine: progress-claim -->");
    skill(corpus, "with-rules", "The run is over once its progress reaches 100 %. <!-- expect: policy-progress progress-claim -->");
    const good = run(["--corpus", corpus]);
    assert.equal(good.code, 0, good.out);
    assert.match(good.out, /written with the rules:\n[^]*overall: precision 100 %, recall 100 % \(1 found, 0 false alarms, 0 missed\)\nheld out:\n[^]*overall: precision 100 %, recall 100 % \(1 found/);
    skill(corpus, "held-out-missed", "Progress is shown to the user while you wait. <!-- expect: policy-progress progress-claim -->");
    const low = run(["--corpus", corpus]);
    assert.equal(low.code, 1, low.out);
    assert.match(low.out, /held out:\n[^]*recall 50 %[^]*missed skills\/held-out-missed\/SKILL.md:6 policy-progress/);
  });
});
