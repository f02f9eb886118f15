// ARCHITECTURE.md cannot rot: every path it names in backticks exists.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";
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

/** Every file under `dir` (relative to the root) with the folders its relative imports resolve into. */
function importsUnder(dir: string): { file: string; target: string }[] {
  const found: { file: string; target: string }[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(ROOT, rel))) {
      const path = `${rel}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) {
        for (const m of readFileSync(join(ROOT, path), "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
          found.push({ file: path, target: posix.normalize(posix.join(posix.dirname(path), m[1]!)) });
        }
      }
    }
  };
  walk(dir);
  return found;
}

test("the layers hold: the policy imports nothing of ours, and nothing that runs (hooks, watcher, calls) imports render", () => {
  const outside = importsUnder("src/policy").filter(({ target }) => !target.startsWith("src/policy/"));
  assert.deepEqual(outside, []);
  const running = ["src/hooks", "src/watcher", "src/calls"].flatMap(importsUnder);
  assert.ok(running.length > 100, `${running.length} imports read`);
  assert.deepEqual(running.filter(({ target }) => target.startsWith("src/render/")), []);
});
