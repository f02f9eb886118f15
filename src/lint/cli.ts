// npm run lint:skills [-- DIR] [--json] [--catalog FILE]
// Lints the plugin in DIR (default: this repository) with our tool catalog
// and polling policy. DIR may be a plugin folder (skills/, commands/) or a
// marketplace whose plugins sit under plugins/*.
// Exit 0 when there is no error (warnings are printed), 1 on any error, 2
// when the linter cannot run.
// npm run lint:skills -- --corpus [DIR] scores the linter against a corpus in
// the markdownlint style (default test/lint/corpus): precision and recall per
// class, for the part written with the rules and the held-out part apart;
// exit 1 when a part falls under CORPUS_TARGET.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { REPO_ROOT } from "../schemas/catalog.js";
import { buildContext } from "./context.js";
import { FOREIGN_CORPUS, partsOf, prepareForeignCorpus, score, scoreTable } from "./corpus-score.js";
import { errorsOf, lint, lintContext } from "./engine.js";
import { formatJson, formatText } from "./format.js";
import type { Diagnostic } from "./types.js";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const USAGE = "usage: npm run lint:skills [-- <plugin-dir>] [--json] [--catalog <tools.json>] | [-- --corpus [<corpus-dir>]]";

/** The least precision and recall each part of the corpus must reach. */
export const CORPUS_TARGET = 0.95;

const VALUE_OPTIONS = new Set(["--catalog", "--root"]);

interface CliArgs {
  readonly root: string;
  readonly catalog?: string;
  readonly json: boolean;
  readonly corpus: boolean;
}

function parseArgs(args: readonly string[]): CliArgs | string {
  let root: string | undefined;
  let catalog: string | undefined;
  let json = false;
  let corpus = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--corpus") corpus = true;
    else if (VALUE_OPTIONS.has(arg)) {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === "--catalog") catalog = value;
      else root = value;
    } else if (arg.startsWith("-")) return `unknown option ${arg}`;
    else if (root === undefined) root = arg;
    else return `one plugin folder at a time (got ${root} and ${arg})`;
  }
  return { root: resolve(root ?? (corpus ? FOREIGN_CORPUS : REPO_ROOT)), ...(catalog ? { catalog: resolve(catalog) } : {}), json, corpus };
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The plugin folders under DIR: DIR itself when it holds skills/ or commands/, else plugins/*. */
export function pluginRoots(dir: string): string[] {
  if (isDir(join(dir, "skills")) || isDir(join(dir, "commands"))) return [dir];
  const plugins = join(dir, "plugins");
  if (!isDir(plugins)) return [dir];
  const found = readdirSync(plugins)
    .sort()
    .map((name) => join(plugins, name))
    .filter((path) => isDir(join(path, "skills")) || isDir(join(path, "commands")));
  return found.length > 0 ? found : [dir];
}

/** Score the linter on a corpus: each part's table, and whether both reach CORPUS_TARGET. */
function runCorpus(dir: string, catalog: string | undefined, io: CliIo): number {
  const { root, markers } = prepareForeignCorpus(dir);
  try {
    const diagnostics = lint({ root, ...(catalog ? { catalogPath: catalog } : {}) });
    const parts = [["written with the rules", partsOf(diagnostics).withRules, partsOf(markers).withRules], ["held out", partsOf(diagnostics).heldOut, partsOf(markers).heldOut]] as const;
    let low = false;
    for (const [name, found, wanted] of parts) {
      if (wanted.length === 0) continue;
      const result = score(found, wanted);
      low ||= result.precision < CORPUS_TARGET || result.recall < CORPUS_TARGET;
      io.out(`${name}:\n${scoreTable(result)}\n`);
      for (const d of result.falseAlarms) io.out(`  false alarm ${d.path}:${d.line} ${d.ruleId} ${d.message}\n`);
      for (const m of result.missed) io.out(`  missed ${m.path}:${m.line} ${m.ruleId ?? ""}\n`);
    }
    io.out(`all: ${scoreTable(score(diagnostics, markers)).split("\n").at(-1)!.replace(/^overall: /, "")}\n`);
    return low ? 1 : 0;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function runLintCli(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.err(`lint:skills: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  if (!isDir(parsed.root)) {
    io.err(`lint:skills: ${parsed.root} is not a folder\n${USAGE}\n`);
    return 2;
  }
  if (parsed.corpus) {
    try {
      return runCorpus(parsed.root, parsed.catalog, io);
    } catch (error) {
      io.err(`lint:skills cannot score the corpus: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const diagnostics: Diagnostic[] = [];
  let files = 0;
  try {
    for (const root of pluginRoots(parsed.root)) {
      const context = buildContext({ root, ...(parsed.catalog ? { catalogPath: parsed.catalog } : {}) });
      const prefix = relative(parsed.root, root).split(sep).join("/");
      files += context.files.length;
      for (const d of lintContext(context)) diagnostics.push(prefix && !d.path.startsWith("src/") ? { ...d, path: `${prefix}/${d.path}` } : d);
    }
  } catch (error) {
    io.err(`lint:skills cannot run: ${(error as Error).message}\n`);
    return 2;
  }
  const errors = errorsOf(diagnostics).length;
  const warnings = diagnostics.length - errors;
  if (parsed.json) io.out(`${formatJson(diagnostics, files)}\n`);
  else {
    if (diagnostics.length > 0) io.out(`${formatText(diagnostics)}\n`);
    io.err(`${files} files, ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}\n`);
  }
  return errors > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = runLintCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
