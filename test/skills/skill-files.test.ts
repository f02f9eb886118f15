// The workflow skills: frontmatter, budgets, progressive disclosure, links,
// sibling names and the policy's generated wait regions (supporting files
// included). The always-on cost is estimated here the way the pinned client
// computes it; test/e2e/skills/plugin-load.test.ts reads the client's figure.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { existsSync, readdirSync } from "node:fs";
import matter from "gray-matter";
import { DESCRIPTION_BUDGET_TOTAL } from "../../src/lint/budgets.js";
import { CONDITIONS, OPERATIONS, PLUGIN_NAME, SKILL_NAMES } from "../../src/policy/index.js";
import { REPO_ROOT } from "../../src/schemas/catalog.js";
import { checkText } from "../../src/render/generate.js";
import { findRegions } from "../../src/render/regions.js";
import { listedChars, readSkill, relativeLinks, skillNames, supportingFiles, triggerPhrases, WORKFLOW_SKILLS } from "./skill-files.js";

/** Frontmatter keys Claude Code reads in a SKILL.md (reference: claude-code.md). */
const KNOWN_KEYS = new Set([
  "name", "description", "when_to_use", "allowed-tools", "argument-hint", "disable-model-invocation",
  "user-invocable", "model", "license", "metadata",
]);
const BODY_LIMIT = 5000;
/**
 * Issue 21: the async-polling body is read on every wait (its supporting
 * file only when a wait needs it), so it stays under this many characters.
 */
const POLLING_BODY_LIMIT = 6000;
/** Issue 15: skills and commands together cost at most this many tokens in every session. */
const ALWAYS_ON_BUDGET_TOKENS = 1000;

/**
 * What one skill or command adds to the listing, as Claude Code 2.1.330's
 * `plugin details` measures it (read from the client: name, description and
 * when_to_use joined by spaces, entries joined by new lines, about four
 * characters a token when no token count is reachable).
 */
function listingLine(name: string, frontmatter: Readonly<Record<string, unknown>>): string {
  const text = (key: string) => (typeof frontmatter[key] === "string" ? (frontmatter[key] as string).trim() : "");
  return [`${PLUGIN_NAME}:${name}`, text("description"), text("when_to_use")].filter(Boolean).join(" ");
}

function commandFiles(): string[] {
  const dir = join(REPO_ROOT, "commands");
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".md")).sort() : [];
}

describe("workflow skills", () => {
  test("the skill folders are exactly the policy's skills", () => {
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

      test("each async start it spells out has the policy's wait region in the same file, and regions are fresh", () => {
        for (const file of ["SKILL.md", ...supportingFiles(skill)]) {
          const text = readFileSync(join(skill.dir, file), "utf8");
          const regions = findRegions(text);
          for (const op of OPERATIONS) {
            if (!text.includes(`\`${op.startTool}(`)) continue;
            assert.ok(
              regions.some((r) => r.name === "wait-snippet" && r.params.operation === op.id),
              `${file}: ${op.startTool} is called but no <!-- generated:wait-snippet operation=${op.id} --> region is there`,
            );
          }
          for (const cond of CONDITIONS) {
            if (!cond.armedBy || !text.includes(`\`${cond.armedBy.tool}(`)) continue;
            assert.ok(
              regions.some((r) => r.name === "condition-wait" && r.params.condition === cond.id),
              `${file}: ${cond.armedBy.tool} is called but no <!-- generated:condition-wait condition=${cond.id} --> region is there`,
            );
          }
          assert.ok(checkText(file, text).fresh, `${file}: stale generated region: run npm run generate`);
        }
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

  test(`all descriptions stay within the linter's ${DESCRIPTION_BUDGET_TOTAL} characters`, (t) => {
    const sizes = skillNames().map((name) => [name, listedChars(readSkill(name))] as const);
    for (const [name, size] of sizes) t.diagnostic(`${name}: ${size}`);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    t.diagnostic(`all ${sizes.length} skills: ${total} characters of descriptions`);
    assert.ok(total <= DESCRIPTION_BUDGET_TOTAL, `${total} characters`);
  });

  test(`skills and commands cost at most ${ALWAYS_ON_BUDGET_TOKENS} tokens in every session`, (t) => {
    const lines = [
      ...skillNames().map((name) => listingLine(name, readSkill(name).frontmatter)),
      ...commandFiles().map((file) => listingLine(file.slice(0, -3), matter(readFileSync(join(REPO_ROOT, "commands", file), "utf8")).data as Record<string, unknown>)),
    ];
    const chars = lines.join("\n").length;
    t.diagnostic(`${lines.length} entries, ${chars} characters, ~${Math.round(chars / 4)} tokens`);
    assert.ok(chars / 4 <= ALWAYS_ON_BUDGET_TOKENS, `~${Math.round(chars / 4)} tokens`);
  });

  test(`the async-polling body, read on every wait, stays under ${POLLING_BODY_LIMIT} characters`, (t) => {
    const body = readSkill("octoperf-async-polling").body;
    t.diagnostic(`octoperf-async-polling: ${body.length} characters of body`);
    assert.ok(body.length < POLLING_BODY_LIMIT, `${body.length} characters: move what only some waits need into reference.md`);
  });

  test("the commands are for the user only: kept out of the model's listing", () => {
    for (const file of commandFiles()) {
      const data = matter(readFileSync(join(REPO_ROOT, "commands", file), "utf8")).data as Record<string, unknown>;
      assert.equal(data["disable-model-invocation"], true, `${file}: no skill or hook tells the model to run it`);
    }
  });
});
