// Scenario 2: invoking octoperf-async-polling through the Skill tool shows the
// model the skill's body, with the tables generated from the policy.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { checkFile } from "../../src/render/generate.js";
import { findRegions } from "../../src/render/regions.js";
import { shippedSkill } from "./harness/plugin-files.js";
import { toolResults } from "./harness/requests.js";
import { REPO_ROOT } from "./harness/run-claude.js";
import { text, tool } from "./harness/script.js";
import { describeRun, runSession } from "./harness/session.js";

const SKILL = "octoperf-async-polling";

test("scenario 2: the Skill tool returns octoperf-async-polling with its generated tables", async () => {
  const skill = shippedSkill(SKILL);
  const record = await runSession({
    prompt: "how should I wait for my OctoPerf run?",
    plugin: { mcp: "none" },
    steps: [tool("Skill", { skill: skill.listedName }), text("read it")],
    allowedTools: ["Skill"],
  });
  record.model.assertComplete();
  const last = record.model.requests.at(-1);
  assert.ok(last, describeRun(record));
  const result = toolResults(last).find((r) => r.toolName === "Skill");
  assert.ok(result, `no Skill result\n${describeRun(record)}`);
  assert.equal(result.isError, false, result.text);
  const shown = [result.text, ...result.alongside].join("\n");

  // The body as shipped (frontmatter stripped) reaches the model whole, ${CLAUDE_PLUGIN_ROOT} written as the plugin's folder (2.1.330).
  const root = record.pluginRoot ?? "";
  assert.ok(root.length > 0 && shown.includes(skill.body.trim().replaceAll("${CLAUDE_PLUGIN_ROOT}", root)), "the skill body shown differs from SKILL.md");
  assert.ok(!shown.includes("${CLAUDE_PLUGIN_ROOT}"), "the plugin's folder was not written in");
  assert.ok(!shown.includes(`name: ${SKILL}`), "the frontmatter was shown");

  // Each generated region, rendered from the policy now, is in what the model read.
  const rendered = checkFile(join(REPO_ROOT, "skills", SKILL, "SKILL.md")).rendered;
  const regions = findRegions(rendered);
  assert.ok(regions.some((r) => r.name === "cadence-table"), "no cadence table region");
  assert.ok(regions.length >= 3);
  for (const region of regions) {
    assert.ok(shown.includes(region.body.replaceAll("${CLAUDE_PLUGIN_ROOT}", root)), `generated region "${region.name}" is missing or stale in what the model saw`);
  }
  assert.match(shown, /\| expected \| N \|/);
});
