// Everything a rule may consult, built once per run.
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { checkText } from "../render/generate.js";
import { CATALOG_PATH, REPO_ROOT, readCatalog, toolByName, type Catalog } from "../schemas/catalog.js";
import { readClaudeCodeSchemas, type ClaudeCodeSchemas } from "../schemas/claude-code.js";
import { DESCRIPTION_BUDGET_PER_SKILL, DESCRIPTION_BUDGET_TOTAL } from "./budgets.js";
import { lintTargets, skillFolders } from "./files.js";
import type { Budgets, LintContext, RenderGenerated } from "./types.js";

export interface ContextOptions {
  readonly root: string;
  readonly catalog?: Catalog;
  readonly catalogPath?: string;
  readonly claudeCode?: ClaudeCodeSchemas;
  readonly budgets?: Partial<Budgets>;
  /** Lint as this repository's own plugin (house rules are errors). Default: root is this repository. */
  readonly house?: boolean;
  readonly renderGenerated?: RenderGenerated;
}

function binNames(root: string): string[] {
  const manifest = join(root, "package.json");
  if (!existsSync(manifest)) return [];
  try {
    return Object.keys((JSON.parse(readFileSync(manifest, "utf8")) as { bin?: Record<string, string> }).bin ?? {});
  } catch {
    return [];
  }
}

/** octoperf-* names that are not skills: bin names and scripts of this repository and of the linted root. */
export function nonSkillNames(root = REPO_ROOT): Set<string> {
  const names = new Set<string>(["octoperf-wait", "octoperf-simulator"]);
  for (const dir of new Set([REPO_ROOT, root])) {
    binNames(dir).forEach((name) => names.add(name));
    const scripts = join(dir, "scripts");
    if (existsSync(scripts)) {
      for (const file of readdirSync(scripts)) if (/\.m?js$/.test(file)) names.add(file.replace(/\.m?js$/, ""));
    }
  }
  return names;
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

export function buildContext(options: ContextOptions): LintContext {
  const catalog = options.catalog ?? readCatalog(options.catalogPath ?? CATALOG_PATH);
  const tools = toolByName(catalog);
  return {
    root: options.root,
    house: options.house ?? samePath(options.root, REPO_ROOT),
    catalog,
    tools,
    toolVerbs: new Set([...tools.keys()].map((name) => name.split("_")[0]!)),
    claudeCode: options.claudeCode ?? readClaudeCodeSchemas(),
    skills: new Set(skillFolders(options.root)),
    notSkills: nonSkillNames(options.root),
    budgets: { perSkill: DESCRIPTION_BUDGET_PER_SKILL, total: DESCRIPTION_BUDGET_TOTAL, ...options.budgets },
    files: lintTargets(options.root),
    renderGenerated: options.renderGenerated ?? ((path, text) => checkText(path, text)),
  };
}
