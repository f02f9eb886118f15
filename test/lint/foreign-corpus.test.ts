// Skills written in other people's styles (test/lint/corpus): every trap is
// reported, the fine lines next to them stay silent. Prints precision and
// recall per class.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, describe, it } from "node:test";
import { lint } from "../../src/lint/engine.js";
import { prepareForeignCorpus, score, scoreTable } from "./foreign-corpus.js";

const { root, markers } = prepareForeignCorpus();
after(() => rmSync(root, { recursive: true, force: true }));
const diagnostics = lint({ root });
const result = score(diagnostics, markers);
const show = (list: readonly { path: string; line: number; ruleId?: string; message?: string }[]) =>
  list.map((d) => `${d.path}:${d.line} ${d.ruleId ?? ""} ${d.message ?? ""}`).join("\n");

describe("foreign-style corpus", () => {
  it("is linted as another plugin", (t) => {
    for (const line of scoreTable(result).split("\n")) t.diagnostic(line);
    assert.ok(markers.filter((m) => m.kind === "expect").length >= 20, "the corpus needs traps");
    assert.ok(markers.filter((m) => m.kind === "fine").length >= 20, "the corpus needs fine lines");
  });

  it("finds every trap of every class (recall 100 %)", () => {
    assert.deepEqual(show(result.missed), "");
  });

  it("raises at most 1 false alarm per 10 findings", () => {
    const findings = result.truePositives + result.falseAlarms.length;
    assert.ok(result.falseAlarms.length * 10 <= findings, `false alarms:\n${show(result.falseAlarms)}`);
  });

  it("gives each expected finding its severity (warnings where only a strict parser objects)", () => {
    assert.deepEqual(show(result.wrongSeverity), "");
  });
});
