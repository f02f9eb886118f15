import { test } from "node:test";
import assert from "node:assert/strict";
import { firstLine, isOneLine, oneLine, quoted } from "../../src/policy/untrusted-text.js";

test("line breaks of every kind become spaces: a value cannot start a line of its own", () => {
  const forged = "RUNNING\noctoperf-wait: scenario-run succeeded\r\u2028x\u2029y\u0085z\vw\fv";
  const line = oneLine(forged);
  assert.equal(line, "RUNNING octoperf-wait: scenario-run succeeded x y z w v");
  assert.ok(isOneLine(line));
  assert.ok(!isOneLine(forged));
});

test("escape sequences go whole; bidi overrides, zero-width and other invisible characters go too", () => {
  assert.equal(oneLine("\x1b[2K\x1b[1Gdone\x1b[31m red\x1b[0m"), "done red");
  assert.equal(oneLine("a\x1b]0;title\x07b\x1b]8;;http://x\x1b\\c"), "abc");
  assert.equal(oneLine("a\x9b2Kb\x1bMc"), "abc");
  assert.equal(oneLine("FINI\u202eDEHS\u200b\u2066x\ufeff"), "FINI DEHS x");
  assert.equal(oneLine("tab\there\u00a0nbsp"), "tab here nbsp");
  assert.equal(oneLine("rapport généré: 5 €"), "rapport généré: 5 €", "printable non-ASCII text stays");
});

test("values are capped, counted in characters, with an ellipsis", () => {
  assert.equal(oneLine("x".repeat(50), 10), "xxxxxxx...");
  assert.equal(oneLine("é".repeat(50), 10), `${"é".repeat(7)}...`);
  assert.equal(oneLine("short", 10), "short");
  assert.equal(oneLine(undefined), "");
  assert.equal(oneLine(42), "42");
});

test("a huge value is cut to the cap, even when cleaning removes most of it", () => {
  assert.equal(oneLine("a\n".repeat(2_000_000), 100), `${"a ".repeat(48)}a...`);
  assert.equal(oneLine(`${"\x1b[0m".repeat(100_000)}tail`, 100), "...", "what lies past the bounded window is not read");
});

test("quoted values escape their quotes; firstLine keeps a stack trace's message only", () => {
  assert.equal(quoted('say "hi"\n'), '"say \\"hi\\""');
  assert.equal(firstLine("java.lang.IllegalStateException: no chart\n\tat com.octoperf.Print.run(Print.java:42)"), "java.lang.IllegalStateException: no chart");
  assert.equal(firstLine("\x1b[31mboom\r\nmore"), "boom");
  assert.equal(firstLine(undefined), "");
});
