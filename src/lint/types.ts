// The linter's vocabulary: files, findings, diagnostics, rules.
import type { Catalog, CatalogTool } from "../schemas/catalog.js";
import type { ClaudeCodeSchemas } from "../schemas/claude-code.js";
import type { ScannedMarkdown } from "./markdown.js";

/** A skill's SKILL.md, a file next to it, a command, or an AGENTS.md the plugin ships for agents to read. */
export type FileKind = "skill" | "skill-support" | "command" | "agent-guide";

/** An error fails the run (exit 1); a warning is printed and does not. */
export type Severity = "error" | "warning";

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
  /** Overrides the rule's severity for this finding (e.g. an argument no source confirms). */
  readonly severity?: Severity;
}

export interface Diagnostic extends Finding {
  readonly path: string;
  readonly ruleId: string;
  readonly severity: Severity;
}

export interface Budgets {
  /** Characters of description (+ when_to_use) one skill may use. */
  readonly perSkill: number;
  /** Characters all skills together may use. */
  readonly total: number;
}

/** What `npm run generate` would write for one file (injected: the renderer lives in src/render). */
export type RenderGenerated = (path: string, text: string) => { readonly fresh: boolean; readonly rendered: string };

export interface LintContext {
  readonly root: string;
  /**
   * True when linting this repository's own plugin: house rules (budgets,
   * generated regions) are errors. On another plugin they are warnings.
   */
  readonly house: boolean;
  readonly catalog: Catalog;
  readonly tools: ReadonlyMap<string, CatalogTool>;
  /** First words of catalog tool names (get, list, run...): a snake_case name starting so may be meant as a tool. */
  readonly toolVerbs: ReadonlySet<string>;
  readonly claudeCode: ClaudeCodeSchemas;
  /** Skill folders of the linted root that hold a SKILL.md. */
  readonly skills: ReadonlySet<string>;
  /** octoperf-* names that are not skills (bin names, scripts). */
  readonly notSkills: ReadonlySet<string>;
  readonly budgets: Budgets;
  /** Every file being linted (for rules that look across files). */
  readonly files: readonly LintFile[];
  readonly renderGenerated: RenderGenerated;
}

export interface Rule {
  readonly id: string;
  /** One line for the README's rule table: what the rule checks. */
  readonly description: string;
  /** Default "error". */
  readonly severity?: Severity;
  /** A convention of this repository (budgets, generated regions): a warning on other plugins. */
  readonly house?: boolean;
  check(file: LintFile, context: LintContext): Finding[];
}
