// The seven workflow skills: frontmatter, budgets, progressive disclosure,
// links, sibling names and the policy's generated wait regions.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { OPERATIONS, SKILL_NAMES } from "../../src/policy/index.js";
import { checkText } from "../../src/render/generate.js";
import { findRegions } from "../../src/render/regions.js";
import { listedChars, readSkill, relativeLinks, skillNames, supportingFiles, triggerPhrases, WORKFLOW_SKILLS } from "./skill-files.js";

/** Frontmatter keys Claude Code reads in a SKILL.md (reference: claude-code.md). */
const KNOWN_KEYS = new Set([
  "name", "description", "when_to_use", "allowed-tools", "argument-hint", "disable-model-invocation",
  "user-invocable", "model", "license", "metadata",
]);
const ALL_SKILLS_BUDGET = 2800;
const WORKFLOW_BUDGET = 2400;
const BODY_LIMIT = 5000;

describe("workflow skills", () => {
  test("the skill folders are exactly the policy's eight skills", () => {
    assert.deepEqual(skillNames(), [...SKILL_NAMES].sort());
  });

  for (const name of WORKFLOW_SKILLS) {
    describe(name, () => {
      const skill = readSkill(name);
      const markdown = readFileSync(join(skill.dir, "SKILL.md"), "utf8");

      test("frontmatter: name is the folder, only known keys, a description that says when", () => {
        assert.equal(skill.frontmatter.name, name);
        for (const key of Object.keys(skill.frontmatter)) assert.ok(KNOWN_KEYS.has(key), `unknown frontmatter key ${key}`);
        assert.ok(skill.description.length > 0 && skill.description.length <= 1024);
        assert.doesNotMatch(skill.description, /<[a-zA-Z/][^>]*>/, "XML tag in the description");
        assert.match(skill.description, /^Use (when|to) /);
        assert.ok(triggerPhrases(skill).length >= 4, "fewer than 4 quoted trigger phrases");
      });

      test(`body under ${BODY_LIMIT} characters`, () => {
        assert.ok(skill.body.length < BODY_LIMIT, `${skill.body.length} characters`);
      });

      test("every relative link points at a file next to SKILL.md, and every supporting file is linked", () => {
        const links = relativeLinks(skill.body);
        for (const target of links) assert.ok(supportingFiles(skill).includes(target), `broken link ${target}`);
        for (const file of supportingFiles(skill)) assert.ok(links.includes(file), `${file} is never linked from SKILL.md`);
      });

      test("every skill it names exists", () => {
        const files = [markdown, ...supportingFiles(skill).map((f) => readFileSync(join(skill.dir, f), "utf8"))];
        for (const text of files) {
          for (const match of text.matchAll(/`(octoperf-[a-z0-9-]+)`/g)) {
            assert.ok((SKILL_NAMES as readonly string[]).includes(match[1]!), `unknown skill ${match[1]}`);
          }
        }
      });

      test("each async start it spells out has the policy's wait region, and regions are fresh", () => {
        const regions = findRegions(markdown);
        for (const op of OPERATIONS) {
          if (!markdown.includes(`\`${op.startTool}(`)) continue;
          assert.ok(
            regions.some((r) => r.name === "wait-snippet" && r.params.operation === op.id),
            `${op.startTool} is called but no <!-- generated:wait-snippet operation=${op.id} --> region follows`,
          );
        }
        assert.ok(checkText("SKILL.md", markdown).fresh, "stale generated region: run npm run generate");
      });

      test("never presents get_bench_status as terminal, nor the framework call as a task to wait for", () => {
        const paragraphs = markdown.split(/\n\s*\n/);
        for (const paragraph of paragraphs.filter((p) => p.includes("get_bench_status") && !p.includes("generated:"))) {
          assert.match(paragraph, /progress/i, `get_bench_status without saying it is progress only:\n${paragraph}`);
        }
        for (const paragraph of paragraphs.filter((p) => p.includes("add_correlation_framework_to_project"))) {
          assert.match(paragraph, /synchronous/, `the framework call must be called synchronous:\n${paragraph}`);
          assert.doesNotMatch(paragraph, /get_task_result|generated:wait-snippet/);
        }
      });
    });
  }

  test(`the eight descriptions stay under ${ALL_SKILLS_BUDGET} characters, the seven under ${WORKFLOW_BUDGET}`, (t) => {
    const sizes = skillNames().map((name) => [name, listedChars(readSkill(name))] as const);
    for (const [name, size] of sizes) t.diagnostic(`${name}: ${size}`);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    const workflow = sizes.filter(([name]) => (WORKFLOW_SKILLS as readonly string[]).includes(name)).reduce((sum, [, size]) => sum + size, 0);
    t.diagnostic(`all eight: ${total}; the seven workflow skills: ${workflow}`);
    assert.ok(total < ALL_SKILLS_BUDGET, `${total} characters`);
    assert.ok(workflow < WORKFLOW_BUDGET, `${workflow} characters`);
  });
});
