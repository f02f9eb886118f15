// schemas:pull --command end to end over stdio against the project's
// simulator; the captured catalog is one the linter accepts.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { lint } from "../../src/lint/engine.js";
import { CATALOG_PATH, readCatalog, REPO_ROOT, toolByName } from "../../src/schemas/catalog.js";
import { parsePullArgs, runPull } from "../../src/schemas/pull-cli.js";
import { FIXTURE_ROOT, prepareCorpus } from "../lint/corpus.js";

const SIMULATOR = `node "${join(REPO_ROOT, "scripts", "octoperf-simulator.mjs")}" --stdio`;

describe("schemas:pull over stdio", () => {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-pull-stdio-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, "tools.json");
  const now = () => new Date("2026-11-24T09:30:00Z");

  it("writes a captured catalog and reports what was added", async () => {
    const summary = await runPull(parsePullArgs(["--command", SIMULATOR, "--out", out]), { log: () => undefined, now });
    const catalog = readCatalog(out);
    assert.ok(catalog.tools.length > 0);
    assert.match(summary, new RegExp(`^wrote ${catalog.tools.length} tools to .*\\nadded ${catalog.tools.length}: `));
    for (const entry of catalog.tools) assert.equal(entry._meta.source.kind, "captured");
  });

  it("captures the same schemas the documented catalog holds (only missing tools differ)", async () => {
    const copy = join(dir, "copy.json");
    cpSync(CATALOG_PATH, copy);
    const summary = await runPull(parsePullArgs(["--command", SIMULATOR, "--out", copy]), { log: () => undefined, now });
    assert.match(summary, /\nadded 0\n/);
    assert.match(summary, /\nchanged 0$/);
    const documented = toolByName(readCatalog(CATALOG_PATH));
    for (const entry of readCatalog(copy).tools) assert.ok(documented.has(entry.name), entry.name);
  });

  it("produces a catalog the linter accepts for skills that use the simulated tools", () => {
    const { root } = prepareCorpus();
    try {
      const clean = join(dir, "plugin");
      mkdirSync(join(clean, "skills"), { recursive: true });
      cpSync(join(root, "skills", "octoperf-clean"), join(clean, "skills", "octoperf-clean"), { recursive: true });
      mkdirSync(join(clean, "skills", "octoperf-bad-args"));
      writeFileSync(join(clean, "skills", "octoperf-bad-args", "SKILL.md"), "---\nname: octoperf-bad-args\ndescription: Use when a link target is needed.\n---\n");
      const diagnostics = lint({ root: clean, catalogPath: out });
      assert.deepEqual(diagnostics.map((d) => `${d.path}:${d.line} ${d.ruleId} ${d.message}`), []);
      const broken = lint({ root: FIXTURE_ROOT, catalogPath: out }).filter((d) => d.ruleId === "octoperf-tool-exists");
      assert.ok(broken.length > 0, "the captured catalog still rejects unknown tools");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
