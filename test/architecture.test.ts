// ARCHITECTURE.md cannot rot: every path it names in backticks exists.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** A backticked path of the repository: a top folder of ours, then anything without spaces. */
const PATH = /`((?:src|test|bench|scripts|hooks|bin|skills|commands|evals|docs)\/[^`\s]*|[A-Za-z-]+\.(?:md|json))`/g;

test("every path ARCHITECTURE.md names exists", () => {
  const text = readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8");
  const paths = [...text.matchAll(PATH)].map((m) => m[1]!.replace(/\/$/, ""));
  assert.ok(paths.length >= 30, `only ${paths.length} paths found: the pattern no longer reads the code map`);
  const missing = paths.filter((path) => !existsSync(join(ROOT, path)));
  assert.deepEqual(missing, [], "named in ARCHITECTURE.md but not in the repository");
});
