// Rewrite (or check) the generated regions of every skill and command file.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REGION_RENDERERS } from "./blocks/index.js";
import { findRegions, renderRegions } from "./regions.js";

export interface FileResult {
  readonly path: string;
  readonly regions: number;
  readonly fresh: boolean;
  readonly rendered: string;
}

/** Markdown files that may hold generated regions: the README, skills (with supporting files) and commands. */
export function generatedTargets(root: string): string[] {
  const files: string[] = [];
  if (existsSync(join(root, "README.md"))) files.push(join(root, "README.md"));
  const skills = join(root, "skills");
  if (existsSync(skills)) {
    for (const skill of readdirSync(skills).sort()) {
      const dir = join(skills, skill);
      if (!statSync(dir).isDirectory()) continue;
      for (const file of readdirSync(dir).sort()) if (file.endsWith(".md")) files.push(join(dir, file));
    }
  }
  const commands = join(root, "commands");
  if (existsSync(commands)) {
    for (const file of readdirSync(commands).sort()) if (file.endsWith(".md")) files.push(join(commands, file));
  }
  return files;
}

/** Render one file's text; `fresh` tells whether it already matched. */
export function checkText(path: string, text: string): FileResult {
  const regions = findRegions(text).length;
  const rendered = renderRegions(text, REGION_RENDERERS);
  return { path, regions, fresh: rendered === text, rendered };
}

export function checkFile(path: string): FileResult {
  return checkText(path, readFileSync(path, "utf8"));
}

export interface GenerateReport {
  readonly written: string[];
  readonly stale: string[];
  readonly regions: number;
  readonly files: number;
}

export function generate(root: string, options: { check: boolean }): GenerateReport {
  const written: string[] = [];
  const stale: string[] = [];
  let regions = 0;
  const targets = generatedTargets(root);
  for (const path of targets) {
    let result: FileResult;
    try {
      result = checkFile(path);
    } catch (error) {
      throw new Error(`${relative(root, path)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    regions += result.regions;
    if (result.fresh) continue;
    const name = relative(root, path);
    if (options.check) stale.push(name);
    else {
      writeFileSync(path, result.rendered);
      written.push(name);
    }
  }
  return { written, stale, regions, files: targets.length };
}
