// The corpus of skills in other voices (test/lint/corpus, or any folder in its
// markdownlint style): copy it to a temp folder with its inline markers
// removed, collect what each line expects, and score the linter against it.
// `npm run lint:skills -- --corpus` prints the score; skills in folders named
// held-out-* were written after the rules and are scored apart.
//   <!-- expect: RULE CLASS [warning] -->  this line must be reported by RULE
//   <!-- fine: CLASS -->                   this line looks like CLASS but must stay silent
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { REPO_ROOT } from "../schemas/catalog.js";
import type { Diagnostic } from "./types.js";

export const FOREIGN_CORPUS = join(REPO_ROOT, "test", "lint", "corpus");
const MARKER_RE = /\s*(?:#\s*)?<!-- (expect|fine): ([a-z-]+)(?: ([a-z-]+))?(?: (warning))? -->/g;

export interface Marker {
  readonly path: string;
  readonly line: number;
  readonly kind: "expect" | "fine";
  readonly cls: string;
  readonly ruleId?: string;
  readonly severity?: "warning";
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function prepareForeignCorpus(corpus: string = FOREIGN_CORPUS): { root: string; markers: Marker[] } {
  const root = mkdtempSync(join(tmpdir(), "octoperf-foreign-"));
  cpSync(corpus, root, { recursive: true });
  const markers: Marker[] = [];
  for (const path of walk(root).filter((p) => p.endsWith(".md"))) {
    const rel = relative(root, path).split(sep).join("/");
    const lines = readFileSync(path, "utf8").split("\n");
    const clean = lines.map((text, index) => {
      for (const m of text.matchAll(MARKER_RE)) {
        const line = index + 1;
        if (m[1] === "expect") markers.push({ path: rel, line, kind: "expect", ruleId: m[2]!, cls: m[3] ?? m[2]!, ...(m[4] ? { severity: "warning" as const } : {}) });
        else markers.push({ path: rel, line, kind: "fine", cls: m[2]! });
      }
      return text.replace(MARKER_RE, "");
    });
    writeFileSync(path, clean.join("\n"));
  }
  return { root, markers };
}

export interface ClassScore {
  readonly cls: string;
  readonly expected: number;
  readonly found: number;
  readonly falseAlarms: number;
}

export interface Score {
  readonly truePositives: number;
  readonly falseAlarms: readonly Diagnostic[];
  readonly missed: readonly Marker[];
  readonly wrongSeverity: readonly Diagnostic[];
  readonly classes: readonly ClassScore[];
  readonly precision: number;
  readonly recall: number;
}

const at = (d: { path: string; line: number }) => `${d.path}:${d.line}`;

/** Match diagnostics to markers: one finding per (file, line, rule) counts once. */
export function score(diagnostics: readonly Diagnostic[], markers: readonly Marker[]): Score {
  const unique = new Map<string, Diagnostic>();
  for (const d of diagnostics) if (!unique.has(`${at(d)} ${d.ruleId}`)) unique.set(`${at(d)} ${d.ruleId}`, d);
  const expects = markers.filter((m) => m.kind === "expect");
  const fineAt = new Map(markers.filter((m) => m.kind === "fine").map((m) => [at(m), m.cls]));
  const found = expects.filter((m) => unique.has(`${at(m)} ${m.ruleId}`));
  const missed = expects.filter((m) => !unique.has(`${at(m)} ${m.ruleId}`));
  const wanted = new Set(expects.map((m) => `${at(m)} ${m.ruleId}`));
  const falseAlarms = [...unique.entries()].filter(([key]) => !wanted.has(key)).map(([, d]) => d);
  const wrongSeverity = found
    .map((m) => unique.get(`${at(m)} ${m.ruleId}`)!)
    .filter((d) => {
      const marker = expects.find((m) => at(m) === at(d) && m.ruleId === d.ruleId)!;
      return (marker.severity ?? "error") !== d.severity;
    });
  const names = [...new Set(markers.map((m) => m.cls))].sort();
  const classes = names.map((cls) => ({
    cls,
    expected: expects.filter((m) => m.cls === cls).length,
    found: found.filter((m) => m.cls === cls).length,
    falseAlarms: falseAlarms.filter((d) => fineAt.get(at(d)) === cls).length,
  }));
  const unmarked = falseAlarms.filter((d) => !fineAt.has(at(d))).length;
  if (unmarked > 0) classes.push({ cls: "(unmarked lines)", expected: 0, found: 0, falseAlarms: unmarked });
  const total = found.length + falseAlarms.length;
  return {
    truePositives: found.length,
    falseAlarms,
    missed,
    wrongSeverity,
    classes,
    precision: total === 0 ? 1 : found.length / total,
    recall: expects.length === 0 ? 1 : found.length / expects.length,
  };
}

export function scoreTable(s: Score): string {
  const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
  const rows = s.classes.map((c) => {
    const precision = c.found + c.falseAlarms === 0 ? "-" : pct(c.found / (c.found + c.falseAlarms));
    const recall = c.expected === 0 ? "-" : pct(c.found / c.expected);
    return `${c.cls.padEnd(20)} expected ${String(c.expected).padStart(2)}  found ${String(c.found).padStart(2)}  false alarms ${String(c.falseAlarms).padStart(2)}  precision ${precision.padStart(5)}  recall ${recall.padStart(5)}`;
  });
  return [...rows, `overall: precision ${pct(s.precision)}, recall ${pct(s.recall)} (${s.truePositives} found, ${s.falseAlarms.length} false alarms, ${s.missed.length} missed)`].join("\n");
}

/** Skills written after the rules, to judge them on sentences they were not written for. */
export const isHeldOut = (path: string): boolean => /(?:^|\/)held-out-[^/]*\//.test(path);

/** The corpus's two parts: written with the rules, and held out. */
export function partsOf<T extends { path: string }>(items: readonly T[]): { readonly withRules: T[]; readonly heldOut: T[] } {
  return { withRules: items.filter((i) => !isHeldOut(i.path)), heldOut: items.filter((i) => isHeldOut(i.path)) };
}
