// Find the Claude Code tool calls a skill spells out.
//
// Arguments of CronCreate, CronDelete, CronList, ScheduleWakeup, Monitor and
// Bash are read where other styles put them: a JSON object right after the
// name in one code span (`ScheduleWakeup {"delaySeconds": 60, ...}`), keyword
// arguments (`Monitor(description="...", timeout_ms=600000)`), an object in
// a separate code span later in the same sentence ("call `CronCreate` with
// `{"schedule": ...}`"), or a fenced ```json block whose nearest preceding
// non-blank line names the tool in a code span. Objects may use `...` as a
// value, or as an entry meaning "and other keys". `/loop` is written as
// `/loop <interval> <prompt>`; Bash waits as `sleep N`.
import { CLAUDE_CODE_TOOLS, type ClaudeCodeTool } from "../schemas/claude-code.js";
import { looseObject } from "./loose-json.js";
import { inlineSpans, type CodeSpan } from "./markdown.js";
import type { LintFile } from "./types.js";

export interface ClaudeCall {
  readonly tool: ClaudeCodeTool;
  readonly line: number;
  readonly column: number;
  /** Parsed arguments, or the parse error. */
  readonly args?: Record<string, unknown>;
  readonly error?: string;
  /** The object had a `...` entry: keys not shown may exist. */
  readonly partial: boolean;
  readonly generated: boolean;
  readonly forbidden: boolean;
}

export interface LoopCommand {
  readonly line: number;
  readonly column: number;
  /** The interval token as written, if any. */
  readonly token?: string;
  /** Seconds, when the token is valid. */
  readonly seconds?: number;
  readonly generated: boolean;
  readonly forbidden: boolean;
  /** The text of the line and the next one, for wording checks. */
  readonly lineText: string;
}

export interface SleepCommand {
  readonly seconds: number;
  readonly line: number;
  readonly column: number;
  readonly fenced: boolean;
  readonly generated: boolean;
  readonly forbidden: boolean;
  readonly lineText: string;
}

const TOOLS = CLAUDE_CODE_TOOLS as readonly string[];
const TOOL_RE = new RegExp(`\\b(${CLAUDE_CODE_TOOLS.join("|")})\\b\\s*(\\(?)\\s*(?=[{\\w])`, "g");
const UNIT_S: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/** The balanced {...} or (...) starting at `open`, or undefined. */
export function balanced(text: string, open: number): string | undefined {
  const close = text[open] === "(" ? ")" : "}";
  const opener = text[open];
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === opener) depth++;
    else if (ch === close && --depth === 0) return text.slice(open, i + 1);
  }
  return undefined;
}

function parsed(tool: ClaudeCodeTool, source: string | undefined, where: { line: number; column: number; generated: boolean; forbidden: boolean }): ClaudeCall {
  if (source === undefined) return { tool, ...where, partial: false, error: "the argument object is not closed" };
  const result = looseObject(source);
  if ("error" in result) return { tool, ...where, partial: false, error: `arguments cannot be read (${result.error})` };
  return { tool, ...where, args: result.value, partial: result.partial };
}

/** Calls whose arguments follow the name in the same span: `Tool {...}`, `Tool({...})`, `Tool(key=value)`. */
function inSpan(span: CodeSpan, file: LintFile): ClaudeCall[] {
  const calls: ClaudeCall[] = [];
  for (const match of span.text.matchAll(TOOL_RE)) {
    const at = match.index! + match[0].length;
    const paren = match[2] === "(";
    const where = {
      line: span.line,
      column: span.column + match.index!,
      generated: file.scan.generatedLines.has(span.line),
      forbidden: file.scan.prose.forbiddenAt(span.line, span.column + match.index!),
    };
    if (span.text[at] === "{") calls.push(parsed(match[1] as ClaudeCodeTool, balanced(span.text, at), where));
    else if (paren) {
      const group = balanced(span.text, span.text.indexOf("(", match.index! + match[1]!.length));
      if (group) calls.push(parsed(match[1] as ClaudeCodeTool, `{${group.slice(1, -1)}}`, where));
    }
  }
  return calls;
}

/** "`CronCreate` with `{...}`": a tool named alone in a span, its object in a later span of the same sentence. */
function nearObject(spans: readonly CodeSpan[], index: number, file: LintFile): ClaudeCall | undefined {
  const span = spans[index]!;
  if (span.fenced || !TOOLS.includes(span.text)) return undefined;
  const line = file.scan.lines[span.line - 1] ?? "";
  for (const next of spans.slice(index + 1)) {
    if (next.line !== span.line || next.fenced) break;
    const between = line.slice(span.column - 1 + span.text.length, next.column - 1);
    if (/[.;!?](\s|$)/.test(between.replace(/`[^`]*`/g, ""))) break;
    if (TOOLS.includes(next.text)) break;
    if (next.text.startsWith("{")) {
      return parsed(span.text as ClaudeCodeTool, balanced(next.text, 0), {
        line: next.line,
        column: next.column,
        generated: file.scan.generatedLines.has(span.line),
        forbidden: file.scan.prose.forbiddenAt(span.line, span.column),
      });
    }
  }
  return undefined;
}

export function claudeCalls(file: LintFile): ClaudeCall[] {
  const { spans, blocks, lines, generatedLines, prose } = file.scan;
  const calls: ClaudeCall[] = [];
  const inline = spans.filter((s) => !s.fenced);
  inline.forEach((span, index) => {
    calls.push(...inSpan(span, file));
    const near = nearObject(inline, index, file);
    if (near) calls.push(near);
  });
  for (const block of blocks) {
    const generated = generatedLines.has(block.line);
    const forbidden = prose.forbiddenAt(block.line, 1) || prose.forbiddenAt(block.firstLine, 1);
    const inner = /^\s*(\w+)\s*\(?\s*(?=\{)/.exec(block.text);
    if (inner && TOOLS.includes(inner[1]!)) {
      calls.push(parsed(inner[1] as ClaudeCodeTool, balanced(block.text, inner[0].length), { line: block.firstLine, column: 1, generated, forbidden }));
      continue;
    }
    if (!block.text.trimStart().startsWith("{")) continue;
    let previous = block.line - 2;
    while (previous >= 0 && lines[previous]!.trim() === "") previous--;
    const named = inlineSpans(lines[previous] ?? "", previous + 1)
      .map((span) => span.text)
      .find((text): text is ClaudeCodeTool => TOOLS.includes(text));
    if (named) calls.push(parsed(named, balanced(block.text, block.text.indexOf("{")), { line: block.firstLine, column: 1, generated, forbidden }));
  }
  return calls;
}

/** Seconds of a /loop interval token ("5m"), or undefined when the syntax is wrong. */
export function loopSeconds(token: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(token);
  return match ? Number(match[1]) * UNIT_S[match[2]!]! : undefined;
}

export function loopCommands(file: LintFile): LoopCommand[] {
  const out: LoopCommand[] = [];
  for (const span of file.scan.spans) {
    for (const match of span.text.matchAll(/(?<![\w/])\/loop\b(?:\s+(\S+))?/g)) {
      const first = match[1];
      const token = first && /^\d/.test(first) ? first : undefined;
      const every = /\bevery\s+(\S+)/.exec(span.text.slice(match.index!));
      const chosen = token ?? (every && /^\d/.test(every[1]!) ? every[1]!.replace(/[.,;]$/, "") : undefined);
      const seconds = chosen === undefined ? undefined : loopSeconds(chosen);
      out.push({
        line: span.line,
        column: span.column + match.index!,
        ...(chosen !== undefined ? { token: chosen } : {}),
        ...(seconds !== undefined ? { seconds } : {}),
        generated: file.scan.generatedLines.has(span.line),
        forbidden: file.scan.prose.forbiddenAt(span.line, span.fenced ? firstText(span.text) : span.column + match.index!),
        lineText: `${file.scan.lines[span.line - 1] ?? ""}\n${file.scan.lines[span.line] ?? ""}`,
      });
    }
  }
  return out;
}

const firstText = (text: string) => text.length - text.trimStart().length + 1;

export function sleepCommands(file: LintFile): SleepCommand[] {
  const out: SleepCommand[] = [];
  const visit = (span: CodeSpan) => {
    if (span.fenced && !/^(bash|sh|shell|console|)$/.test(span.info ?? "")) return;
    for (const match of span.text.matchAll(/(?:^|[;&|]\s*|\$\s+)sleep\s+(\d+)\b/g)) {
      const column = span.column + match.index! + match[0].indexOf("sleep");
      out.push({
        seconds: Number(match[1]),
        line: span.line,
        column,
        fenced: span.fenced,
        generated: file.scan.generatedLines.has(span.line),
        forbidden: file.scan.prose.forbiddenAt(span.line, column),
        lineText: file.scan.lines[span.line - 1] ?? "",
      });
    }
  };
  file.scan.spans.forEach(visit);
  return out;
}
