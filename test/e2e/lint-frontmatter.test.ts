// The frontmatter rule's model of how Claude Code reads SKILL.md frontmatter
// (src/lint/frontmatter-yaml.ts), checked against the pinned client: what it
// lists for skills whose YAML only a strict parser rejects, whose YAML it
// cannot read either, and which have no frontmatter at all.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { readFrontmatter } from "../../src/lint/frontmatter-yaml.js";
import { scanMarkdown } from "../../src/lint/markdown.js";
import { listingEntries, type ListingEntry } from "./harness/listing.js";
import { ScriptedModel } from "./harness/model-server.js";
import { runClaude } from "./harness/run-claude.js";
import { text } from "./harness/script.js";

const PLUGIN = "fmcheck";
const SKILLS: Readonly<Record<string, string>> = {
  "strict-ok": "---\nname: strict-ok\ndescription: Use when nothing is odd.\n---\nbody\n",
  "colon-value": "---\nname: colon-value\ndescription: Use when: a run fails, read jmeter.log\n---\nbody\n",
  "quote-start": '---\nname: quote-start\ndescription: "Quoted" then more: text\n---\nbody\n',
  "bracket-start": "---\nname: bracket-start\ndescription: [Use when] a run fails\n---\nbody\n",
  "continued-colon": "---\nname: continued-colon\ndescription: Use when: a run fails\n  and more on the next line\n---\nbody\n",
  "no-frontmatter": "# No frontmatter\n\nUse when nothing else applies.\n",
};

describe("Claude Code reads SKILL.md frontmatter as the linter says", () => {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-fm-"));
  let entries: ListingEntry[] = [];
  before(async () => {
    mkdirSync(join(dir, ".claude-plugin"), { recursive: true });
    writeFileSync(join(dir, ".claude-plugin", "plugin.json"), JSON.stringify({ name: PLUGIN }));
    for (const [name, body] of Object.entries(SKILLS)) {
      mkdirSync(join(dir, "skills", name), { recursive: true });
      writeFileSync(join(dir, "skills", name, "SKILL.md"), body);
    }
    const model = await new ScriptedModel([text("hello")]).start();
    try {
      const result = await runClaude({ prompt: "hello", modelUrl: model.url, pluginDir: dir, timeoutMs: 120_000 });
      const first = model.requests[0];
      assert.ok(first, `no model request: ${result.stderr.slice(0, 500)}`);
      entries = listingEntries(first).filter((entry) => entry.name.startsWith(`${PLUGIN}:`));
    } finally {
      await model.stop();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, body] of Object.entries(SKILLS)) {
    it(`${name}: listed exactly when the linter says it loads, with the description it reads`, () => {
      const scan = scanMarkdown(body);
      const read = scan.frontmatter === undefined ? undefined : readFrontmatter(scan.frontmatter);
      const listed = entries.find((entry) => entry.name === `${PLUGIN}:${name}`);
      if (read?.ok) {
        assert.ok(listed, `${name} is not listed: ${entries.map((e) => e.name).join(", ")}`);
        assert.equal(listed.description, read.data.description);
      } else {
        assert.equal(listed, undefined, `${name} is listed although the linter says it cannot load`);
      }
    });
  }

  it("the cases cover both readings: strict, lenient only, and neither", () => {
    const reads = Object.values(SKILLS).map((body) => {
      const fm = scanMarkdown(body).frontmatter;
      const read = fm === undefined ? undefined : readFrontmatter(fm);
      return read === undefined ? "none" : read.ok ? (read.strictError ? "lenient" : "strict") : "unreadable";
    });
    assert.deepEqual([...new Set(reads)].sort(), ["lenient", "none", "strict", "unreadable"]);
  });
});
