// The linter's vocabulary: files, findings, diagnostics, rules.
import type { Catalog, CatalogTool } from "../schemas/catalog.js";
import type { ClaudeCodeSchemas } from "../schemas/claude-code.js";
import type { ScannedMarkdown } from "./markdown.js";

export type FileKind = "skill" | "skill-support" | "command";

export interface LintFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the linted root, with forward slashes. */
  readonly relPath: string;
  readonly kind: FileKind;
  /** Folder name of the skill, for skill and skill-support files. */
  readonly skill?: string;
  readonly text: string;
  readonly scan: ScannedMarkdown;
}

/** What a rule reports: a 1-based position in the file and a message. */
export interface Finding {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface Diagnostic extends Finding {
  readonly path: string;
  readonly ruleId: string;
}

export interface Budgets {
  /** Characters of description (+ when_to_use) one skill may use. */
  readonly perSkill: number;
  /** Characters all skills together may use. */
  readonly total: number;
}

export interface LintContext {
  readonly root: string;
  readonly catalog: Catalog;
  readonly tools: ReadonlyMap<string, CatalogTool>;
  /** First words of catalog tool names (get, list, run...): a snake_case name starting so is meant as a tool. */
  readonly toolVerbs: ReadonlySet<string>;
  readonly claudeCode: ClaudeCodeSchemas;
  /** Skill folders of the linted root that hold a SKILL.md. */
  readonly skills: ReadonlySet<string>;
  /** octoperf-* names that are not skills (bin names, scripts). */
  readonly notSkills: ReadonlySet<string>;
  readonly budgets: Budgets;
  /** Every file being linted (for rules that look across files). */
  readonly files: readonly LintFile[];
}

export interface Rule {
  readonly id: string;
  readonly description: string;
  check(file: LintFile, context: LintContext): Finding[];
}
