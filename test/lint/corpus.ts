// Copy the fixture corpus to a temp dir with its `<!-- expect: rule -->`
// markers removed (and generated regions rendered, except where a fixture
// wants them stale), and collect what each file expects.
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { checkText } from "../../src/render/generate.js";

export const FIXTURE_ROOT = fileURLToPath(new URL("./fixtures", import.meta.url));
const MARKER_RE = /\s*<!-- expect: ([a-z-]+) -->/g;
/** Fixtures whose generated regions must stay as written. */
const KEEP_STALE = new Set(["skills/octoperf-bad-generated/SKILL.md"]);

export interface Expectation {
  readonly path: string;
  readonly line: number;
  readonly ruleId: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function prepareCorpus(): { root: string; expected: Expectation[] } {
  const root = mkdtempSync(join(tmpdir(), "octoperf-lint-"));
  cpSync(FIXTURE_ROOT, root, { recursive: true });
  const expected: Expectation[] = [];
  for (const path of walk(root).filter((p) => p.endsWith(".md"))) {
    const rel = relative(root, path).split(sep).join("/");
    const lines = readFileSync(path, "utf8").split("\n");
    const clean = lines.map((text, index) => {
      for (const match of text.matchAll(MARKER_RE)) expected.push({ path: rel, line: index + 1, ruleId: match[1]! });
      return text.replace(MARKER_RE, "");
    });
    let text = clean.join("\n");
    if (!KEEP_STALE.has(rel) && text.includes("<!-- generated")) text = checkText(path, text).rendered;
    writeFileSync(path, text);
  }
  return { root, expected };
}
