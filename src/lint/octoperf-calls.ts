// Find the OctoPerf tool calls a skill spells out, and what it reads from them.
//
// Convention (see README): a tool is named in code, `tool_name` or
// `tool_name(arg, arg2=value)`; arguments are named. What is read from a tool
// is written after it, in the same code span (`tool(...) -> field`,
// `tool(...).field`, `-> state == FINISHED`) or in the same sentence after a
// reading verb ("`tool(x)` returns `url` and `expiresAt`").
import type { CodeSpan } from "./markdown.js";
import { proseReads } from "./prose-reads.js";
import type { LintContext, LintFile } from "./types.js";

/**
 * One argument as written. `named`: `name=value` or `name: value`;
 * `shorthand`: a bare identifier (`projectId`, `applications?`, `[templateId]`),
 * which is either the argument's name or a positional placeholder
 * (`summaryItemId` for `itemId`); `positional`: a value in position
 * (`"jmeter.log"`, `5`); `rest`: `...` (the call shows only some arguments).
 */
export interface ArgRef {
  readonly kind: "named" | "shorthand" | "positional" | "rest";
  readonly name?: string;
  readonly raw: string;
  readonly column: number;
  /** Written as optional: `name?`, `[name]`, `[, name]`. */
  readonly optional: boolean;
}

export interface ReadRef {
  readonly text: string;
  readonly kind: "field" | "literal";
  readonly line: number;
  readonly column: number;
}

export interface ToolRef {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** Arguments, when the call is spelled with parentheses. */
  readonly args?: readonly ArgRef[];
  readonly reads: ReadRef[];
  readonly generated: boolean;
  /** Named in text that forbids it (an anti-pattern section, a "Never ..." line). */
  readonly forbidden: boolean;
  /** Written with an OctoPerf MCP prefix (`mcp__octoperf__...`): certainly meant as an OctoPerf tool. */
  readonly prefixed: boolean;
}

const NAME_RE = /(?<![\w"$./-])(mcp__[A-Za-z0-9_-]+?__)?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b/g;
/** MCP prefixes of an OctoPerf server: mcp__octoperf__, mcp__plugin_octoperf_octoperf__, or any server named after OctoPerf. */
const OCTOPERF_PREFIX_RE = /^mcp__[a-z0-9_-]*octoperf[a-z0-9_-]*__$/i;
export const FIELD_RE = /^@?[A-Za-z_][\w]*(?:\[\])?(?:\.@?[A-Za-z_][\w]*(?:\[\])?)*$/;
export const LITERAL_RE = /^[A-Z][A-Z0-9_]+$/;

const propertyCache = new WeakMap<object, Set<string>>();
function claudePropertyNames(context: LintContext): Set<string> {
  let names = propertyCache.get(context.claudeCode);
  if (!names) {
    names = new Set(Object.values(context.claudeCode.tools).flatMap((schema) => Object.keys(schema.properties ?? {})));
    propertyCache.set(context.claudeCode, names);
  }
  return names;
}

/** Is `name` meant as an OctoPerf tool (known, or shaped like one)? */
export function looksLikeTool(name: string, context: LintContext): boolean {
  if (context.tools.has(name)) return true;
  if (claudePropertyNames(context).has(name)) return false;
  const verb = name.split("_")[0]!;
  return context.toolVerbs.has(verb);
}

function classify(trimmed: string): Omit<ArgRef, "raw" | "column"> {
  if (/^\[?\s*(?:\.\.\.|…)\s*[\w]*\s*\]?$/.test(trimmed)) return { kind: "rest", optional: false };
  const bracketed = /^\[|\]$/.test(trimmed);
  const bare = /^\[?\s*([A-Za-z_]\w*)\s*(\?)?\s*\]?$/.exec(trimmed);
  if (bare) return { kind: "shorthand", name: bare[1]!, optional: bracketed || bare[2] === "?" };
  const named = /^\[?\s*([A-Za-z_]\w*)\s*(\?)?\s*(?:=|:(?!:))\s*\S/.exec(trimmed);
  if (named) return { kind: "named", name: named[1]!, optional: bracketed || named[2] === "?" };
  return { kind: "positional", optional: bracketed };
}

/** Split "a, b=[1, 2], c" at top-level commas; brackets right after = or : nest. */
function splitArgs(text: string, offset: number): ArgRef[] {
  const out: ArgRef[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim().replace(/^\[\s*,\s*/, "[").replace(/\s*\[\s*$/, "");
    if (trimmed.length > 0 && trimmed !== "[" && trimmed !== "]") {
      out.push({ ...classify(trimmed), raw: trimmed, column: offset + start + (raw.length - raw.trimStart().length) });
    }
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote && text[i - 1] !== "\\") quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "(" || ch === "{") depth++;
    else if (ch === "[" && /[=:]\s*$/.test(text.slice(0, i))) depth++;
    else if ((ch === ")" || ch === "}" || ch === "]") && depth > 0) depth--;
    else if (ch === "," && depth === 0) push(i);
  }
  push(text.length);
  return out;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote && text[i - 1] !== "\\") quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Reads written inside the same code span after the call: "-> a, b", ".field", "state == X". */
function spanReads(rest: string, span: CodeSpan, restColumn: number): ReadRef[] {
  const reads: ReadRef[] = [];
  const arrow = /^\s*(?:->|→)|^\.(?=[A-Za-z_@])/.exec(rest);
  if (!arrow) return reads;
  const tokenRe = /@?[A-Za-z_][\w]*(?:\[\])?(?:\.@?[A-Za-z_][\w]*(?:\[\])?)*/g;
  const tail = rest.slice(arrow[0].length);
  const stop = /[;!?]|\.(\s|$)|:\s|\(/.exec(tail);
  const body = stop ? tail.slice(0, stop.index) : tail;
  const base = restColumn + arrow[0].length;
  for (const match of body.matchAll(tokenRe)) {
    const text = match[0];
    if (/^(in|or|and|is|true|false|null|each|of|one|per)$/.test(text)) continue;
    const kind = LITERAL_RE.test(text) ? "literal" : "field";
    if (kind === "field" && /[a-z]_[a-z]/.test(text) && !text.includes(".")) break; // the next tool
    reads.push({ text, kind, line: span.line, column: base + (match.index ?? 0) });
  }
  return reads;
}

/** Tool references in one code span. */
export function refsInSpan(span: CodeSpan, context: LintContext, generated: boolean, forbiddenAt: (column: number) => boolean = () => false): ToolRef[] {
  const refs: ToolRef[] = [];
  const matches = [...span.text.matchAll(NAME_RE)];
  matches.forEach((match, index) => {
    const full = match[0];
    const prefix = match[1];
    const bare = match[2]!;
    if (prefix && !OCTOPERF_PREFIX_RE.test(prefix)) return; // another MCP server's tool
    if (!prefix && !looksLikeTool(bare, context)) return;
    if (!prefix && !span.fenced && !context.tools.has(bare) && span.text !== bare && span.text[match.index! + full.length] !== "(") return;
    const at = match.index!;
    let end = at + full.length;
    let args: ArgRef[] | undefined;
    if (span.text[end] === "(") {
      const close = closingParen(span.text, end);
      if (close > 0) {
        args = splitArgs(span.text.slice(end + 1, close), span.column + end + 1);
        end = close + 1;
      }
    }
    const next = matches[index + 1]?.index ?? span.text.length;
    const rest = span.text.slice(end, Math.max(end, next));
    refs.push({
      name: bare,
      line: span.line,
      column: span.column + at,
      ...(args ? { args } : {}),
      reads: spanReads(rest, span, span.column + end),
      generated,
      forbidden: forbiddenAt(span.column + at),
      prefixed: prefix !== undefined,
    });
  });
  return refs;
}

/** Every tool reference of a file, with reads found in code and in the sentence after it. */
export function toolRefs(file: LintFile, context: LintContext): ToolRef[] {
  const refs: ToolRef[] = [];
  const { spans, lines, generatedLines, prose } = file.scan;
  spans.forEach((span, index) => {
    const found = refsInSpan(span, context, generatedLines.has(span.line), (column) => prose.forbiddenAt(span.line, column));
    refs.push(...found);
    const last = found.at(-1);
    if (!last || span.fenced) return;
    last.reads.push(...proseReads(span, spans.slice(index + 1), lines));
  });
  const bare = bareRefs(file, context);
  if (bare.length === 0) return refs;
  return [...refs, ...bare].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A catalog tool's name written in prose without backticks ("When you call run_scenario, ..."). */
const BARE_NAME_RE = /(?<![`\w./-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![`\w(/-])/g;

/**
 * Tools named in plain prose, outside code: the convention is code, but a
 * claim about `run_scenario` is the same claim written bare. Only names of the
 * catalog count (a snake_case word that is no tool is left alone); they carry
 * no arguments and no reads.
 */
function bareRefs(file: LintFile, context: LintContext): ToolRef[] {
  const { lines, blocks, generatedLines, prose, frontmatterEnd } = file.scan;
  const fenced = new Set<number>();
  for (const block of blocks) {
    const count = block.text.split("\n").length;
    for (let line = block.line; line <= block.firstLine + count; line++) fenced.add(line);
  }
  const refs: ToolRef[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (line <= frontmatterEnd || fenced.has(line) || !text.includes("_")) return;
    const outside = text.replace(/`[^`]*`/g, (code) => " ".repeat(code.length));
    for (const match of outside.matchAll(BARE_NAME_RE)) {
      const name = match[1]!;
      if (!context.tools.has(name)) continue;
      const column = match.index! + 1;
      refs.push({ name, line, column, reads: [], generated: generatedLines.has(line), forbidden: prose.forbiddenAt(line, column), prefixed: false });
    }
  });
  return refs;
}
