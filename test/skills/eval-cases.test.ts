// The eval cases under evals/: they parse in the shape `claude plugin eval`
// reads, name existing skills, catalog tools and Claude Code's own wait tools,
// and cover every skill with trigger prompts (one per phrase of its
// description) and near misses. The polling skill's cases grade the wait.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { bareToolName, claudeToolNames, SKILL_NAMES } from "../../src/policy/index.js";
import { readCatalog, REPO_ROOT, toolByName } from "../../src/schemas/catalog.js";
import { caseFolders, EvalCase, loadCase, type Grader, type LoadedCase } from "./eval-case-schema.js";
import { containsPhrase, EVAL_SKILLS, readSkill, triggerPhrases } from "./skill-files.js";
import { CLAUDE_CODE_TOOLS } from "../../src/schemas/claude-code.js";

/** Claude Code tools a grader may name besides OctoPerf's: the wait tools (sdk-tools.d.ts) and TaskStop. */
const HARNESS_TOOLS: ReadonlySet<string> = new Set([...CLAUDE_CODE_TOOLS, "TaskStop", "ToolSearch"]);

const MIN_TRIGGERS = 4;
const MIN_NEAR_MISSES = 3;

/** The name Claude Code gives an OctoPerf tool in an eval run: the plugin's bundled server. */
function evalToolName(tool: string): string {
  const mcp = JSON.parse(readFileSync(join(REPO_ROOT, ".mcp.json"), "utf8")) as { mcpServers?: Record<string, unknown> };
  const [user, bundled] = claudeToolNames(tool);
  return mcp.mcpServers?.octoperf ? bundled! : user!;
}

function toolsOf(grader: Grader): string[] {
  if (grader.type === "tool_used") return [grader.tool];
  if (grader.type === "tool_order") return [grader.before.tool, grader.after.tool];
  return [];
}

function kindOf(loaded: LoadedCase): "trigger" | "near-miss" {
  const kinds = loaded.data.tags.filter((tag) => tag === "trigger" || tag === "near-miss");
  assert.equal(kinds.length, 1, `${loaded.folder}: tag it "trigger" or "near-miss" (once)`);
  return kinds[0] as "trigger" | "near-miss";
}

function skillOf(loaded: LoadedCase): string {
  const skills = loaded.data.tags.filter((tag) => tag.startsWith("octoperf-"));
  assert.equal(skills.length, 1, `${loaded.folder}: tag it with exactly one skill name`);
  return skills[0]!;
}

function skillGraders(loaded: LoadedCase) {
  return loaded.data.graders.filter((g): g is Extract<Grader, { type: "tool_used" }> => g.type === "tool_used" && g.tool === "Skill");
}

const folders = caseFolders();
const cases = folders.map((folder) => loadCase(folder));

describe("eval cases", () => {
  test("there are cases, and the mocks directory holds the tool list", () => {
    assert.ok(cases.length >= EVAL_SKILLS.length * (MIN_TRIGGERS + MIN_NEAR_MISSES));
    assert.ok(existsSync(join(REPO_ROOT, "evals", "mocks", "octoperf", "_tools.json")));
  });

  test("the schema refuses what the client refuses", () => {
    const good = { schema_version: "1.0", name: "x", execution: { prompt: "hi" }, graders: [{ name: "a", type: "tool_used", tool: "Skill" }] };
    assert.ok(EvalCase.safeParse(good).success);
    const bad: unknown[] = [
      { ...good, graders: [...good.graders, { name: "a", type: "tool_used", tool: "Read" }] },
      { ...good, graders: [{ name: "a", type: "tool_usedd", tool: "Skill" }] },
      { ...good, graders: [{ name: "a", type: "tool_used", tool: "Skill", extra: 1 }] },
      { ...good, graders: [] },
      { ...good, execution: { prompt: "  " } },
      { ...good, schema_version: "2.0" },
    ];
    for (const value of bad) assert.equal(EvalCase.safeParse(value).success, false, JSON.stringify(value));
  });

  for (const loaded of cases) {
    test(`${loaded.folder}: names its folder, an existing skill and catalog tools`, () => {
      assert.equal(loaded.data.name, loaded.folder);
      const skill = skillOf(loaded);
      assert.ok((SKILL_NAMES as readonly string[]).includes(skill), `unknown skill ${skill}`);
      assert.ok(existsSync(join(REPO_ROOT, "skills", skill, "SKILL.md")));
      const kind = kindOf(loaded);
      const skillChecks = skillGraders(loaded);
      assert.equal(skillChecks.length, 1, "one Skill grader per case");
      const check = skillChecks[0]!;
      assert.equal(check.input_match, skill, "the Skill grader matches the case's skill");
      if (kind === "trigger") assert.ok(check.max === undefined && (check.min ?? 1) >= 1, "a trigger case expects the skill");
      else assert.ok(check.max === 0 && check.min === 0, "a near miss expects the skill to stay quiet");
      const catalog = toolByName(readCatalog());
      for (const tool of loaded.data.graders.flatMap(toolsOf).filter((t) => t !== "Skill" && !HARNESS_TOOLS.has(t))) {
        const bare = bareToolName(tool);
        assert.ok(bare, `${tool} is not an OctoPerf tool name`);
        assert.equal(tool, evalToolName(bare), `${tool}: eval runs name OctoPerf tools ${evalToolName(bare)}`);
        assert.ok(catalog.has(bare), `${bare} is not in schemas/octoperf/tools.json`);
      }
      for (const grader of loaded.data.graders) {
        if (grader.type === "tool_used") {
          assert.ok(!(grader.min === 0 && grader.max === undefined), `${grader.name} can never fail (min 0, no max)`);
        }
        const patterns =
          grader.type === "regex" ? [grader.pattern] : grader.type === "tool_used" ? [grader.input_match] : grader.type === "tool_order" ? [grader.before.input_match, grader.after.input_match] : [];
        for (const pattern of patterns) if (pattern !== undefined) assert.doesNotThrow(() => new RegExp(pattern), `${grader.name}: bad regex`);
        const harness = toolsOf(grader).filter((t) => HARNESS_TOOLS.has(t));
        for (const tool of harness) assert.ok(loaded.data.execution.allowed_tools.includes(tool), `${grader.name}: ${tool} is graded but not in allowed_tools`);
      }
    });
  }

  test("the polling cases grade the wait itself: a start, a loop or sleep before the status call, a cap on status calls", () => {
    const triggers = cases.filter((c) => skillOf(c) === "octoperf-async-polling" && kindOf(c) === "trigger");
    assert.ok(triggers.length >= MIN_TRIGGERS);
    for (const c of triggers) {
      const orders = c.data.graders.filter((g): g is Extract<Grader, { type: "tool_order" }> => g.type === "tool_order");
      const waitFirst = orders.some((g) => ["CronCreate", "Monitor", "Bash"].includes(g.before.tool) && bareToolName(g.after.tool) !== undefined);
      assert.ok(waitFirst, `${c.folder}: no grader puts a loop, watcher or sleep before a status call`);
      const capped = c.data.graders.some((g) => g.type === "tool_used" && bareToolName(g.tool) !== undefined && g.max !== undefined && g.max > 0);
      assert.ok(capped, `${c.folder}: no cap on status calls (a burst would pass)`);
      const loops = orders.filter((g) => g.before.tool === "CronCreate");
      if (loops.length > 0) assert.ok(orders.some((g) => g.before.tool === "CronCreate" && g.after.tool === "CronDelete"), `${c.folder}: the loop is never checked to end`);
    }
  });

  for (const skill of EVAL_SKILLS) {
    test(`${skill}: at least ${MIN_TRIGGERS} trigger cases, ${MIN_NEAR_MISSES} near misses, every phrase covered`, () => {
      const mine = cases.filter((c) => skillOf(c) === skill);
      const triggers = mine.filter((c) => kindOf(c) === "trigger");
      const misses = mine.filter((c) => kindOf(c) === "near-miss");
      assert.ok(triggers.length >= MIN_TRIGGERS, `${triggers.length} trigger cases`);
      assert.ok(misses.length >= MIN_NEAR_MISSES, `${misses.length} near misses`);
      for (const phrase of triggerPhrases(readSkill(skill))) {
        assert.ok(
          triggers.some((c) => containsPhrase(c.data.execution.prompt, phrase)),
          `no trigger case of ${skill} says "${phrase}"`,
        );
      }
      for (const miss of misses) {
        assert.ok(miss.data.graders.some((g) => g.type !== "tool_used" || g.tool !== "Skill"), `${miss.folder}: a near miss also checks a tool`);
      }
    });
  }
});
