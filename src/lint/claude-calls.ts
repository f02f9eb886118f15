// Find the Claude Code tool calls a skill spells out.
//
// Convention (see README): the arguments of CronCreate, CronDelete, CronList,
// ScheduleWakeup, Monitor and Bash are a JSON object, either right after the
// name in one code span (`ScheduleWakeup {"delaySeconds": 60, ...}`) or as a
// fenced ```json block whose nearest preceding non-blank line names the tool in
// a code span (the first Claude Code tool named on that line). `/loop` is
// written in code as `/loop <interval> <prompt>`; Bash waits as `sleep N`.
import { CLAUDE_CODE_TOOLS, type ClaudeCodeTool } from "../schemas/claude-code.js";
import { inlineSpans, type CodeSpan } from "./markdown.js";
import type { LintFile } from "./types.js";

export interface ClaudeCall {
  readonly tool: ClaudeCodeTool;
  readonly line: number;
  readonly column: number;
  /** Parsed arguments, or the JSON error. */
  readonly args?: unknown;
  readonly error?: string;
  readonly generated: boolean;
}

export interface LoopCommand {
  readonly line: number;
  readonly column: number;
  /** The interval token as written, if any. */
  readonly token?: string;
  /** Seconds, when the token is valid. */
  readonly seconds?: number;
  readonly generated: boolean;
  /** The text of the line and the next one, for wording checks. */
  readonly lineText: string;
}

export interface SleepCommand {
  readonly seconds: number;
  readonly line: number;
  readonly column: number;
  readonly fenced: boolean;
  readonly generated: boolean;
  readonly lineText: string;
}

const TOOL_RE = new RegExp(`\\b(${CLAUDE_CODE_TOOLS.join("|")})\\b\\s*\\(?\\s*(?=\\{)`, "g");
const UNIT_S: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/** The balanced {...} starting at `open`, or undefined. */
function balancedObject(text: string, open: number): string | undefined {
  let depth = 0;
  let quote = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return text.slice(open, i + 1);
  }
  return undefined;
}

function parsed(tool: ClaudeCodeTool, json: string | undefined, line: number, column: number, generated: boolean): ClaudeCall {
  if (json === undefined) return { tool, line, column, error: "the JSON object is not closed", generated };
  try {
    return { tool, line, column, args: JSON.parse(json) as unknown, generated };
  } catch (error) {
    return { tool, line, column, error: `arguments are not valid JSON (${(error as Error).message})`, generated };
  }
}

export function claudeCalls(file: LintFile): ClaudeCall[] {
  const { spans, blocks, lines, generatedLines } = file.scan;
  const calls: ClaudeCall[] = [];
  for (const span of spans.filter((s) => !s.fenced)) {
    for (const match of span.text.matchAll(TOOL_RE)) {
      const open = match.index! + match[0].length;
      calls.push(parsed(match[1] as ClaudeCodeTool, balancedObject(span.text, open), span.line, span.column + match.index!, generatedLines.has(span.line)));
    }
  }
  for (const block of blocks) {
    const generated = generatedLines.has(block.line);
    const inner = /^\s*(\w+)\s*\(?\s*(?=\{)/.exec(block.text);
    if (inner && (CLAUDE_CODE_TOOLS as readonly string[]).includes(inner[1]!)) {
      calls.push(parsed(inner[1] as ClaudeCodeTool, balancedObject(block.text, inner[0].length), block.firstLine, 1, generated));
      continue;
    }
    if (!block.text.trimStart().startsWith("{")) continue;
    let previous = block.line - 2;
    while (previous >= 0 && lines[previous]!.trim() === "") previous--;
    const named = inlineSpans(lines[previous] ?? "", previous + 1)
      .map((span) => span.text)
      .find((text): text is ClaudeCodeTool => (CLAUDE_CODE_TOOLS as readonly string[]).includes(text));
    if (named) calls.push(parsed(named, balancedObject(block.text, block.text.indexOf("{")), block.firstLine, 1, generated));
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
        lineText: `${file.scan.lines[span.line - 1] ?? ""}\n${file.scan.lines[span.line] ?? ""}`,
      });
    }
  }
  return out;
}

export function sleepCommands(file: LintFile): SleepCommand[] {
  const out: SleepCommand[] = [];
  const visit = (span: CodeSpan) => {
    if (span.fenced && !/^(bash|sh|shell|console|)$/.test(span.info ?? "")) return;
    for (const match of span.text.matchAll(/(?:^|[;&|]\s*|\$\s+)sleep\s+(\d+)\b/g)) {
      out.push({
        seconds: Number(match[1]),
        line: span.line,
        column: span.column + match.index! + match[0].indexOf("sleep"),
        fenced: span.fenced,
        generated: file.scan.generatedLines.has(span.line),
        lineText: file.scan.lines[span.line - 1] ?? "",
      });
    }
  };
  file.scan.spans.forEach(visit);
  return out;
}
