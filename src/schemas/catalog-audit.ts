// What OctoPerf's public plugin (AGENTS.md and skills) says about each tool
// of our catalog, read with the linter's own reading of calls. Run it over a
// local copy of github.com/OctoPerf/octoperf-claude-plugins (never commit
// the copy) to review, or with --write to refresh
// src/schemas/documented/plugin-audit.ts, from which the catalog's
// provenance is computed:
//   npx tsx src/schemas/catalog-audit.ts <copy> [--write] [--json]
// The commits are read from the copy's SOURCES.txt ("path<TAB>commit<TAB>chars").
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { buildContext } from "../lint/context.js";
import { scanMarkdown } from "../lint/markdown.js";
import { toolRefs } from "../lint/octoperf-calls.js";
import type { LintFile } from "../lint/types.js";
import { REPO_ROOT, readCatalog, toolByName } from "./catalog.js";
import type { ToolMentions } from "./documented/plugin-audit.js";

export const AUDIT_PATH = join(REPO_ROOT, "src", "schemas", "documented", "plugin-audit.ts");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith(".md") ? [path] : [];
  });
}

/** Per tool of our catalog: the files that name it, the argument names spelled in its calls, the fields read from it. */
export function auditPlugin(folder: string): Record<string, ToolMentions> {
  const catalog = readCatalog();
  const tools = toolByName(catalog);
  const context = buildContext({ root: folder, catalog, house: false });
  const found: Record<string, { files: Set<string>; called: boolean; names: Set<string>; reads: Set<string> }> = {};
  for (const path of markdownFiles(folder).sort()) {
    const text = readFileSync(path, "utf8");
    const file: LintFile = { path, relPath: relative(folder, path).split(sep).join("/"), kind: "skill-support", text, scan: scanMarkdown(text) };
    for (const ref of toolRefs(file, context)) {
      if (!tools.has(ref.name)) continue;
      const entry = (found[ref.name] ??= { files: new Set(), called: false, names: new Set(), reads: new Set() });
      entry.files.add(file.relPath);
      if (ref.args && ref.args.length > 0) entry.called = true;
      for (const arg of ref.args ?? []) if (arg.name && arg.kind !== "positional") entry.names.add(arg.name);
      ref.reads.forEach((read) => entry.reads.add(read.text));
    }
  }
  return Object.fromEntries(
    Object.keys(found)
      .sort()
      .map((name) => {
        const e = found[name]!;
        return [name, { files: [...e.files].sort(), called: e.called, argumentNames: [...e.names].sort(), reads: [...e.reads].sort() }];
      }),
  );
}

function commits(folder: string, files: readonly string[]): Record<string, string> {
  const list = [folder, join(folder, ".."), join(folder, "..", "..")].map((dir) => join(dir, "SOURCES.txt")).find(existsSync);
  const known = new Map<string, string>();
  if (list) {
    for (const line of readFileSync(list, "utf8").split("\n")) {
      const [path, commit] = line.split("\t");
      if (path && commit && /^[0-9a-f]{40}$/.test(commit)) known.set(path, commit);
    }
  }
  const prefix = relative(join(folder, "..", ".."), folder).split(sep).join("/");
  return Object.fromEntries(files.map((file) => [file, known.get(`${prefix}/${file}`) ?? known.get(file) ?? "unknown"]));
}

export function auditModule(folder: string): string {
  const audit = auditPlugin(folder);
  const files = [...new Set(Object.values(audit).flatMap((entry) => entry.files))].sort();
  return `// Written by \`npx tsx src/schemas/catalog-audit.ts <copy of OctoPerf/octoperf-claude-plugins> --write\`:
// what OctoPerf's public plugin says about each tool of our catalog, read
// with the linter's reading of calls. Do not edit by hand; re-run it on a
// fresh copy. File paths are relative to plugins/octoperf/ of that repository.

export interface ToolMentions {
  /** Files that name the tool. */
  readonly files: readonly string[];
  /** Some file spells it as a call with arguments. */
  readonly called: boolean;
  /** Argument names spelled in its calls (named, or bare names; placeholders included). */
  readonly argumentNames: readonly string[];
  /** Result fields and values read from it. */
  readonly reads: readonly string[];
}

export const PLUGIN_REPOSITORY = "OctoPerf/octoperf-claude-plugins";
export const PLUGIN_FOLDER = "plugins/octoperf";

/** The commit each file was read at. */
export const PLUGIN_FILE_COMMITS: Readonly<Record<string, string>> = {
${Object.entries(commits(folder, files)).map(([file, commit]) => `  ${JSON.stringify(file)}: ${JSON.stringify(commit)},`).join("\n")}
};

export const PLUGIN_AUDIT: Readonly<Record<string, ToolMentions>> = {
${Object.entries(audit).map(([name, entry]) => `  ${name}: ${JSON.stringify(entry).replace(/"(\w+)":/g, "$1: ")},`).join("\n")}
};
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write("usage: npx tsx src/schemas/catalog-audit.ts <plugins/octoperf folder of a copy> [--write | --json]\n");
    process.exit(2);
  }
  if (process.argv.includes("--write")) {
    writeFileSync(AUDIT_PATH, auditModule(folder));
    process.stdout.write(`wrote ${relative(REPO_ROOT, AUDIT_PATH)}\n`);
  } else process.stdout.write(`${JSON.stringify(auditPlugin(folder), null, 2)}\n`);
}
