// Frontmatter parses (gray-matter + yaml) and passes the Agent Skills / Claude
// Code schema: name equals the folder, kebab-case; description within limits,
// no XML, says when to use the skill; no key Claude Code does not know.
import matter from "gray-matter";
import YAML from "yaml";
import { z } from "zod";
import { DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS } from "../budgets.js";
import { frontmatterKeyLine } from "../markdown.js";
import type { Finding, LintFile, Rule } from "../types.js";

/** Keys Claude Code 2.1.330 reads in a command or skill file. */
export const COMMAND_KEYS = [
  "name", "description", "model", "allowed-tools", "disallowed-tools", "argument-hint", "arguments",
  "disable-model-invocation", "user-invocable", "effort", "shell", "version",
] as const;
export const SKILL_KEYS = [...COMMAND_KEYS, "when_to_use", "paths", "hooks", "context", "agent", "background", "license", "metadata"] as const;

const Description = z
  .string()
  .min(1, "description is empty")
  .max(DESCRIPTION_MAX_CHARS, `description is longer than ${DESCRIPTION_MAX_CHARS} characters`)
  .refine((text) => !/<\/?[A-Za-z][\w-]*[^>]*>/.test(text), "description contains an XML tag");

const SkillFrontmatter = z.looseObject({
  name: z.string().max(NAME_MAX_CHARS, `name is longer than ${NAME_MAX_CHARS} characters`).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "name must be kebab-case (a-z, 0-9, single hyphens)"),
  description: Description,
});
const CommandFrontmatter = z.looseObject({ description: Description });

export const WHEN_RE = /\b(use|load|invoke)\s+(it\s+|this\s+)?(when|whenever|to|for|if|after|before)\b|\bwhen\b/i;

function parse(file: LintFile): { data: Record<string, unknown> } | Finding {
  try {
    const parsed = matter(file.text, { engines: { yaml: (text: string) => YAML.parse(text) as object } });
    return { data: (parsed.data ?? {}) as Record<string, unknown> };
  } catch (error) {
    const linePos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return {
      line: linePos ? file.scan.frontmatterLine + linePos.line - 1 : 1,
      column: linePos?.col ?? 1,
      message: `frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
    };
  }
}

function check(file: LintFile): Finding[] {
  if (file.kind === "skill-support") return [];
  if (file.scan.frontmatter === undefined) {
    return [{ line: 1, column: 1, message: `${file.kind === "skill" ? "SKILL.md" : "a command"} needs a --- frontmatter block` }];
  }
  const result = parse(file);
  if ("line" in result) return [result];
  const findings: Finding[] = [];
  const at = (key: string, message: string) => findings.push({ line: frontmatterKeyLine(file.scan, key), column: 1, message });
  const known: readonly string[] = file.kind === "skill" ? SKILL_KEYS : COMMAND_KEYS;
  for (const key of Object.keys(result.data)) {
    if (!known.includes(key)) at(key, `unknown frontmatter key "${key}" (Claude Code knows: ${known.join(", ")})`);
  }
  const schema = file.kind === "skill" ? SkillFrontmatter : CommandFrontmatter;
  const parsed = schema.safeParse(result.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) at(String(issue.path[0] ?? "name"), issue.path.length > 0 && issue.code === "invalid_type" ? `${String(issue.path[0])} is missing or not a string` : issue.message);
  }
  if (file.kind === "skill" && typeof result.data.name === "string" && result.data.name !== file.skill) {
    at("name", `name "${result.data.name}" differs from its folder "${file.skill}"`);
  }
  const description = result.data.description;
  if (file.kind === "skill" && typeof description === "string" && description.length > 0) {
    const whenToUse = typeof result.data.when_to_use === "string" ? result.data.when_to_use : "";
    if (!WHEN_RE.test(description) && !WHEN_RE.test(whenToUse)) at("description", "description does not say when to use the skill (e.g. \"Use when ...\")");
  }
  return findings;
}

export const frontmatterRule: Rule = {
  id: "frontmatter",
  description: "Frontmatter parses and passes the schema: name = folder, kebab-case, description 1-1024 chars with no XML that says when to use it, only known keys.",
  check,
};
