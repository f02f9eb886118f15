// Frontmatter loads in Claude Code and passes the Agent Skills schema: name
// equals the folder, kebab-case; description within limits, no XML, says when
// to use the skill. YAML only a strict parser rejects (Claude Code quotes it
// and loads it) and keys Claude Code ignores are warnings; YAML Claude Code
// cannot load either is an error (the skill would load with no metadata).
import { z } from "zod";
import { DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS } from "../budgets.js";
import { readFrontmatter } from "../frontmatter-yaml.js";
import { frontmatterKeyLine } from "../markdown.js";
import { editDistance } from "../names.js";
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

export const WHEN_RE = /\b(use|load|invoke|trigger)\s+(it\s+|this\s+)?(when|whenever|to|for|if|after|before|on)\b|\bwhen\b|\btriggers?\b/i;

function check(file: LintFile): Finding[] {
  if (file.kind === "skill-support" || file.kind === "agent-guide") return [];
  if (file.scan.frontmatter === undefined) {
    // Measured on 2.1.330 (2026-12-08, a probe plugin in -p with a scripted model): a SKILL.md with no
    // frontmatter is left out of the system prompt's skill listing, while its sibling with one is listed.
    return [
      {
        line: 1,
        column: 1,
        message:
          file.kind === "skill"
            ? "SKILL.md has no --- frontmatter block: Claude Code does not list the skill, so it never triggers"
            : "a command needs a --- frontmatter block with its description",
      },
    ];
  }
  const read = readFrontmatter(file.scan.frontmatter);
  const at = (line: number) => file.scan.frontmatterLine + line - 1;
  if (!read.ok) {
    return [{ line: at(read.error.line), column: read.error.column, message: `frontmatter is not valid YAML, even as Claude Code quotes it: the skill loads with no name or description (${read.error.message})` }];
  }
  const findings: Finding[] = [];
  if (read.strictError) {
    findings.push({
      line: at(read.strictError.line),
      column: read.strictError.column,
      severity: "warning",
      message: `strict YAML parsers reject this line (${read.strictError.message}); Claude Code loads it by quoting the value: quote it yourself so every tool reads the same text`,
    });
  }
  const data = read.data;
  const keyAt = (key: string, message: string, severity?: "warning") =>
    findings.push({ line: frontmatterKeyLine(file.scan, key), column: 1, message, ...(severity ? { severity } : {}) });
  const known: readonly string[] = file.kind === "skill" ? SKILL_KEYS : COMMAND_KEYS;
  for (const key of Object.keys(data)) {
    if (known.includes(key)) continue;
    const near = known.find((name) => editDistance(name, key) <= 2);
    if (near) keyAt(key, `unknown frontmatter key "${key}": did you mean "${near}"? Claude Code ignores "${key}"`);
    else keyAt(key, `Claude Code ignores the frontmatter key "${key}"`, "warning");
  }
  const schema = file.kind === "skill" ? SkillFrontmatter : CommandFrontmatter;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "name");
      keyAt(key, issue.path.length > 0 && issue.code === "invalid_type" ? `${key} is missing or not a string` : issue.message);
    }
  }
  if (file.kind === "skill" && typeof data.name === "string" && data.name !== file.skill) {
    keyAt("name", `name "${data.name}" differs from its folder "${file.skill}"`);
  }
  const description = data.description;
  if (file.kind === "skill" && typeof description === "string" && description.length > 0) {
    const whenToUse = typeof data.when_to_use === "string" ? data.when_to_use : "";
    if (!WHEN_RE.test(description) && !WHEN_RE.test(whenToUse)) keyAt("description", "description does not say when to use the skill (e.g. \"Use when ...\")");
  }
  return findings;
}

export const frontmatterRule: Rule = {
  id: "frontmatter",
  description:
    "frontmatter loads as Claude Code reads it (YAML only a strict parser rejects warns); `name` = folder, kebab-case; `description` within the Agent Skills limits, no XML, says when to use it; ignored keys warn",
  check,
};
