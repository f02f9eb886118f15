// The README's exit-code table is the watcher's one table of endings, as is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exitCodeMarkdown } from "../../src/watcher/errors.js";

test("the README's watcher section shows the table of endings exactly", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## The watcher"), readme.indexOf("\n## ", readme.indexOf("## The watcher") + 1));
  const table = section.split("\n").filter((line) => line.startsWith("| ") && /^\| (exit|---|\d) /.test(line));
  assert.deepEqual(table, exitCodeMarkdown().split("\n"), "copy exitCodeMarkdown() (src/watcher/errors.ts) into the README");
});
