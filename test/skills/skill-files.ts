// The shipped skills as files: frontmatter, body, trigger phrases, links.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { REPO_ROOT } from "../../src/schemas/catalog.js";
import { SKILL_NAMES } from "../../src/policy/skills.js";

export const SKILLS_DIR = join(REPO_ROOT, "skills");

/** The workflow skills: every skill but the polling one, which the others point to. */
export const WORKFLOW_SKILLS = SKILL_NAMES.filter((name) => name !== "octoperf-async-polling");

/** Skills that need eval cases: all of them. */
export const EVAL_SKILLS: readonly string[] = SKILL_NAMES;

export interface SkillFile {
  readonly name: string;
  readonly dir: string;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly description: string;
  readonly whenToUse: string;
  readonly body: string;
}

export function skillNames(): string[] {
  return readdirSync(SKILLS_DIR)
    .filter((entry) => existsSync(join(SKILLS_DIR, entry, "SKILL.md")) && statSync(join(SKILLS_DIR, entry)).isDirectory())
    .sort();
}

export function readSkill(name: string): SkillFile {
  const dir = join(SKILLS_DIR, name);
  // A fresh object each time: gray-matter caches by content otherwise.
  const parsed = matter(readFileSync(join(dir, "SKILL.md"), "utf8"), {});
  const frontmatter = parsed.data as Record<string, unknown>;
  const text = (key: string) => (typeof frontmatter[key] === "string" ? (frontmatter[key] as string) : "");
  return { name, dir, frontmatter, description: text("description"), whenToUse: text("when_to_use"), body: parsed.content };
}

/** Characters a skill costs in every session's listing. */
export function listedChars(skill: SkillFile): number {
  return skill.description.length + skill.whenToUse.length;
}

const normalise = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim();

/** The phrases a description quotes as what users type: "...". */
export function triggerPhrases(skill: SkillFile): string[] {
  const text = `${skill.description} ${skill.whenToUse}`;
  return [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

export function containsPhrase(prompt: string, phrase: string): boolean {
  return normalise(prompt).includes(normalise(phrase));
}

/** Relative Markdown links of a file ([text](target)), anchors dropped. */
export function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!.split("#")[0]!)
    .filter((target) => target.length > 0 && !/^[a-z]+:/i.test(target));
}

/** Supporting Markdown files next to SKILL.md. */
export function supportingFiles(skill: SkillFile): string[] {
  return readdirSync(skill.dir).filter((file) => file.endsWith(".md") && file !== "SKILL.md").sort();
}
