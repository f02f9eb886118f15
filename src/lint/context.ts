// Everything a rule may consult, built once per run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG_PATH, REPO_ROOT, readCatalog, toolByName, type Catalog } from "../schemas/catalog.js";
import { readClaudeCodeSchemas, type ClaudeCodeSchemas } from "../schemas/claude-code.js";
import { DESCRIPTION_BUDGET_PER_SKILL, DESCRIPTION_BUDGET_TOTAL } from "./budgets.js";
import { lintTargets, skillFolders } from "./files.js";
import type { Budgets, LintContext } from "./types.js";

export interface ContextOptions {
  readonly root: string;
  readonly catalog?: Catalog;
  readonly catalogPath?: string;
  readonly claudeCode?: ClaudeCodeSchemas;
  readonly budgets?: Partial<Budgets>;
}

/** octoperf-* names in this repository that are not skills: bin names and scripts. */
export function nonSkillNames(repoRoot = REPO_ROOT): Set<string> {
  const names = new Set<string>(["octoperf-wait", "octoperf-simulator"]);
  const manifest = join(repoRoot, "package.json");
  if (existsSync(manifest)) {
    const bin = (JSON.parse(readFileSync(manifest, "utf8")) as { bin?: Record<string, string> }).bin ?? {};
    Object.keys(bin).forEach((name) => names.add(name));
  }
  const scripts = join(repoRoot, "scripts");
  if (existsSync(scripts)) {
    for (const file of readdirSync(scripts)) if (/\.m?js$/.test(file)) names.add(file.replace(/\.m?js$/, ""));
  }
  return names;
}

export function buildContext(options: ContextOptions): LintContext {
  const catalog = options.catalog ?? readCatalog(options.catalogPath ?? CATALOG_PATH);
  const tools = toolByName(catalog);
  return {
    root: options.root,
    catalog,
    tools,
    toolVerbs: new Set([...tools.keys()].map((name) => name.split("_")[0]!)),
    claudeCode: options.claudeCode ?? readClaudeCodeSchemas(),
    skills: new Set(skillFolders(options.root)),
    notSkills: nonSkillNames(),
    budgets: { perSkill: DESCRIPTION_BUDGET_PER_SKILL, total: DESCRIPTION_BUDGET_TOTAL, ...options.budgets },
    files: lintTargets(options.root),
  };
}
