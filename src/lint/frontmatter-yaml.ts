// Frontmatter YAML read two ways: strictly (the `yaml` package, as most tools
// read it) and as Claude Code reads it. Measured on Claude Code 2.1.330 with
// `claude --plugin-dir <dir>` and a scripted model (the skill listing it
// sends): when strict parsing fails, the client quotes every one-line
// top-level `key: value` whose value is not already one quoted string and
// holds a character YAML treats specially (`: `, `#`, brackets, braces, a
// leading quote...), then parses again. `description: Use when: a run fails`
// is listed as "Use when: a run fails"; a value continued on an indented
// line after such a quote still fails, and the skill loads with no metadata.
import YAML from "yaml";

export type FrontmatterRead =
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly strictError?: YamlProblem }
  | { readonly ok: false; readonly error: YamlProblem };

export interface YamlProblem {
  /** 1-based line inside the frontmatter. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const KEY_LINE_RE = /^([A-Za-z_][\w-]*):[ \t]+(\S.*?)\s*$/;
const SPECIAL_RE = /: |\s#|^[#&*!|>%@`"'[\]{},?-]|[{}[\]]/;

function problem(error: unknown): YamlProblem {
  const linePos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
  return { line: linePos?.line ?? 1, column: linePos?.col ?? 1, message: (error as Error).message.split("\n")[0] ?? "invalid YAML" };
}

function parseMapping(text: string): Record<string, unknown> {
  const value = YAML.parse(text) as unknown;
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new Error("frontmatter is not a mapping of keys to values");
  return value as Record<string, unknown>;
}

function quoted(value: string): boolean {
  if (value.length < 2) return false;
  const first = value[0];
  return (first === '"' || first === "'") && value.at(-1) === first;
}

/** The frontmatter with Claude Code's quoting applied (see the file comment). */
export function quoteLikeClaudeCode(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const match = KEY_LINE_RE.exec(line);
      if (!match) return line;
      const value = match[2]!;
      if (quoted(value) || value === "|" || value === ">" || /^[|>][-+]?$/.test(value) || !SPECIAL_RE.test(value)) return line;
      return `${match[1]}: "${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    })
    .join("\n");
}

export function readFrontmatter(text: string): FrontmatterRead {
  try {
    return { ok: true, data: parseMapping(text) };
  } catch (strict) {
    const strictError = problem(strict);
    try {
      return { ok: true, data: parseMapping(quoteLikeClaudeCode(text)), strictError };
    } catch {
      return { ok: false, error: strictError };
    }
  }
}
