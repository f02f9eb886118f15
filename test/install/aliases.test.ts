// Alias files: the plugin root is written in, the marker follows the frontmatter,
// and a path a command line cannot carry safely is refused.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import matter from "gray-matter";
import { ALIAS_MARKER, aliasText } from "../../src/install/aliases.js";
import { configDir, installPaths } from "../../src/install/paths.js";

test("an alias keeps the frontmatter, adds the marker, and resolves the plugin root", () => {
  const source = readFileSync("commands/wait.md", "utf8");
  const alias = aliasText(source, "/home/u/.claude/plugins/cache/octoperf-plugins/octoperf/0.1.0");
  assert.deepEqual(matter(alias).data, matter(source).data);
  assert.ok(matter(alias).content.startsWith(`${ALIAS_MARKER}\n`));
  assert.ok(!alias.includes("${CLAUDE_PLUGIN_ROOT}"));
  assert.ok(alias.includes('node \\"/home/u/.claude/plugins/cache/octoperf-plugins/octoperf/0.1.0/scripts/octoperf-wait.mjs\\"'));
});

test("install paths a shell could misread are refused", () => {
  for (const bad of ['/tmp/a"b', "/tmp/$(x)", "/tmp/`x`", "relative/path", "/tmp/a\nb", "/tmp/a\\b"]) {
    assert.throws(() => aliasText("body ${CLAUDE_PLUGIN_ROOT}", bad), /cannot carry safely/, bad);
  }
});

test("CLAUDE_CONFIG_DIR wins over HOME", () => {
  assert.equal(configDir({ HOME: "/home/u" }), "/home/u/.claude");
  assert.equal(configDir({ HOME: "/home/u", CLAUDE_CONFIG_DIR: "/etc/claude" }), "/etc/claude");
  assert.equal(installPaths({ HOME: "/home/u" }).commandsDir, "/home/u/.claude/commands");
  assert.throws(() => configDir({ HOME: "relative" }), /absolute/);
});
