// What the plugin ships, read from the repo: skills and commands with their
// frontmatter, so tests compare what Claude Code showed against the source.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { PLUGIN_NAME } from "../../../src/policy/tool-names.js";
import { REPO_ROOT } from "./run-claude.js";

export interface ShippedEntry {
  /** The listed name: "octoperf:<skill>" or "octoperf:<command>". */
  readonly listedName: string;
  readonly path: string;
  readonly description: string;
  readonly body: string;
}

function read(path: string, listedName: string): ShippedEntry {
  const parsed = matter(readFileSync(path, "utf8"));
  const description = typeof parsed.data.description === "string" ? parsed.data.description : "";
  return { listedName, path, description, body: parsed.content };
}

export function shippedSkill(name: string, root = REPO_ROOT): ShippedEntry {
  return read(join(root, "skills", name, "SKILL.md"), `${PLUGIN_NAME}:${name}`);
}

export function shippedCommands(root = REPO_ROOT): ShippedEntry[] {
  const dir = join(root, "commands");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => read(join(dir, file), `${PLUGIN_NAME}:${file.slice(0, -".md".length)}`));
}
