// Each command file: frontmatter in step with the policy, generated regions
// fresh, one `$ARGUMENTS` placeholder and no other, and no shell block but
// the key check.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import matter from "gray-matter";
import { API_KEY_ENV } from "../../src/hooks/runtime/environment.js";
import { LOAD_PROFILES_TOOL as SCENARIO_TOOL } from "../../src/policy/index.js";
import { claudeToolNames, statusTools } from "../../src/policy/index.js";
import { checkText } from "../../src/render/generate.js";
import { allowedTools, allowedToolsLine, COMMAND_NAMES, KEY_CHECK_COMMAND, SCENARIO_TOOL as COMMAND_SCENARIO_TOOL, WATCHER_KEY_ENV, type CommandName } from "../../src/render/blocks/command-tools.js";
import { shellCommands } from "./expand.js";

const path = (command: CommandName): string => `commands/${command}.md`;
const read = (command: CommandName): string => readFileSync(path(command), "utf8");

for (const command of COMMAND_NAMES) {
  test(`${command}: allowed-tools is exactly what the policy says the command needs`, () => {
    const { data } = matter(read(command));
    const expected = allowedToolsLine(command);
    const actual = typeof data["allowed-tools"] === "string" ? `allowed-tools: ${data["allowed-tools"]}` : undefined;
    assert.equal(actual, expected, `paste this line into ${path(command)}:\n${expected ?? "(no allowed-tools line)"}`);
  });

  test(`${command}: description and argument-hint are short, plain text`, () => {
    const { data } = matter(read(command));
    for (const key of ["description", "argument-hint"]) {
      const value: unknown = data[key];
      assert.equal(typeof value, "string", `${key} missing`);
      assert.ok((value as string).length > 10 && (value as string).length <= 200, `${key} is ${(value as string).length} chars`);
    }
  });

  test(`${command}: generated regions are fresh`, () => {
    const result = checkText(path(command), read(command));
    assert.ok(result.regions >= 2, "the command states its facts through generated regions");
    assert.ok(result.fresh, `run npm run generate (${path(command)} is stale)`);
  });

  test(`${command}: the only placeholder is one $ARGUMENTS inside <arguments>`, () => {
    const body = matter(read(command)).content;
    assert.equal(body.split("$ARGUMENTS").length - 1, 1);
    assert.match(body, /<arguments>\n\$ARGUMENTS\n<\/arguments>/);
    // $0, $1... stay as typed when no such word was given (2.1.330), so the bodies never use them.
    assert.doesNotMatch(body, /\$\d|\$ARGUMENTS\[/);
  });

  test(`${command}: no shell block but the API-key check`, () => {
    const expected = command === "wait" ? [KEY_CHECK_COMMAND] : [];
    assert.deepEqual(shellCommands(matter(read(command)).content), expected);
  });
}

test("wait may call every status tool of the policy, in both Claude Code names, and Claude Code's wait tools", () => {
  const tools = allowedTools("wait");
  for (const name of [...statusTools(), SCENARIO_TOOL].flatMap(claudeToolNames)) assert.ok(tools.includes(name), name);
  for (const name of ["Monitor", "CronCreate", "CronDelete", "CronList", "TaskStop"]) assert.ok(tools.includes(name), name);
  // The only shell permission is the exact key check: no wildcard.
  assert.deepEqual(tools.filter((t) => t.startsWith("Bash")), [`Bash(${KEY_CHECK_COMMAND})`]);
  assert.doesNotMatch(KEY_CHECK_COMMAND, /[*:]/);
});

test("the key check names the variable the hooks and watcher read, and prints only a boolean", () => {
  assert.equal(WATCHER_KEY_ENV, API_KEY_ENV);
  assert.equal(COMMAND_SCENARIO_TOOL, SCENARIO_TOOL);
  assert.equal(KEY_CHECK_COMMAND, `node -p !!process.env.${API_KEY_ENV}`);
});
