// Which files the linter reads: skills/*/SKILL.md, the .md files next to
// them, commands/*.md, and an AGENTS.md at the plugin's root (OctoPerf's
// plugin ships one as the agent guide its skills point to).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { scanMarkdown } from "./markdown.js";
import type { LintFile } from "./types.js";

export function skillFolders(root: string): string[] {
  const dir = join(root, "skills");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, "SKILL.md")))
    .sort();
}

export function loadFile(root: string, path: string, kind: LintFile["kind"], skill?: string): LintFile {
  const text = readFileSync(path, "utf8");
  return { path, relPath: relative(root, path).split(sep).join("/"), kind, ...(skill ? { skill } : {}), text, scan: scanMarkdown(text) };
}

export function lintTargets(root: string): LintFile[] {
  const files: LintFile[] = [];
  for (const skill of skillFolders(root)) {
    const dir = join(root, "skills", skill);
    files.push(loadFile(root, join(dir, "SKILL.md"), "skill", skill));
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".md") && name !== "SKILL.md") files.push(loadFile(root, join(dir, name), "skill-support", skill));
    }
  }
  const guide = join(root, "AGENTS.md");
  if (existsSync(guide)) files.push(loadFile(root, guide, "agent-guide"));
  const commands = join(root, "commands");
  if (existsSync(commands)) {
    for (const name of readdirSync(commands).sort()) {
      if (name.endsWith(".md")) files.push(loadFile(root, join(commands, name), "command"));
    }
  }
  return files;
}
