// Where things are in a Markdown file: frontmatter, fenced blocks, inline code
// spans and generated regions, each with 1-based line and column.
import { mapProse, type ProseMap } from "./prose.js";

export interface CodeSpan {
  /** The code text (without backticks or fences). */
  readonly text: string;
  readonly line: number;
  /** Column of the first character of `text`. */
  readonly column: number;
  /** True for a line of a fenced block. */
  readonly fenced: boolean;
  /** The fence's info string (json, text, bash...) for fenced lines. */
  readonly info?: string;
}

export interface FencedBlock {
  readonly info: string;
  /** Line of the opening fence. */
  readonly line: number;
  /** Line of the first content line. */
  readonly firstLine: number;
  readonly text: string;
}

export interface ScannedMarkdown {
  readonly lines: readonly string[];
  /** Raw frontmatter text, or undefined when the file has none. */
  readonly frontmatter?: string;
  /** 1-based line of the first frontmatter line (after ---). */
  readonly frontmatterLine: number;
  /** 1-based line of the closing ---, or 0 without frontmatter. */
  readonly frontmatterEnd: number;
  readonly spans: readonly CodeSpan[];
  readonly blocks: readonly FencedBlock[];
  /** Lines inside generated regions (markers included): authored rules skip them. */
  readonly generatedLines: ReadonlySet<number>;
  /** Headings, blocks, and the text that is affirmed rather than forbidden. */
  readonly prose: ProseMap;
}

const FENCE_RE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const OPEN_REGION_RE = /^<!-- generated:/;
const CLOSE_REGION = "<!-- /generated -->";

export function scanMarkdown(text: string): ScannedMarkdown {
  const lines = text.split("\n");
  let start = 0;
  let frontmatter: string | undefined;
  if (lines[0]?.trimEnd() === "---") {
    const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
    if (end > 0) {
      frontmatter = lines.slice(1, end).join("\n");
      start = end + 1;
    }
  }
  const spans: CodeSpan[] = [];
  const blocks: FencedBlock[] = [];
  const generatedLines = new Set<number>();
  let fence: { marker: string; info: string; line: number; body: string[] } | undefined;
  let inRegion = false;
  for (let index = start; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    if (OPEN_REGION_RE.test(raw.trim())) inRegion = true;
    if (inRegion) generatedLines.add(lineNo);
    if (raw.trim() === CLOSE_REGION) inRegion = false;
    const fenceMatch = FENCE_RE.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[2]!.startsWith(fence.marker[0]!) && fenceMatch[2]!.length >= fence.marker.length && raw.trim() === fenceMatch[2]) {
        blocks.push({ info: fence.info, line: fence.line, firstLine: fence.line + 1, text: fence.body.join("\n") });
        fence = undefined;
      } else {
        fence.body.push(raw);
        spans.push({ text: raw, line: lineNo, column: 1, fenced: true, info: fence.info });
      }
      continue;
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[2]!, info: fenceMatch[3] ?? "", line: lineNo, body: [] };
      continue;
    }
    spans.push(...inlineSpans(raw, lineNo));
  }
  return { lines, frontmatter, frontmatterLine: 2, frontmatterEnd: start, spans, blocks, generatedLines, prose: mapProse(lines, start) };
}

/** Inline code spans of one line (CommonMark: a run of N backticks closes with N). */
export function inlineSpans(line: string, lineNo: number): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let index = 0;
  while (index < line.length) {
    const open = line.indexOf("`", index);
    if (open < 0) break;
    let ticks = 1;
    while (line[open + ticks] === "`") ticks++;
    const marker = "`".repeat(ticks);
    const close = line.indexOf(marker, open + ticks);
    if (close < 0) break;
    const raw = line.slice(open + ticks, close);
    const lead = raw.length - raw.trimStart().length;
    spans.push({ text: raw.trim(), line: lineNo, column: open + ticks + lead + 1, fenced: false });
    index = close + ticks;
  }
  return spans;
}

/** The line of a frontmatter key (1-based), or the frontmatter's first line. */
export function frontmatterKeyLine(scan: ScannedMarkdown, key: string): number {
  if (scan.frontmatter === undefined) return 1;
  const lines = scan.frontmatter.split("\n");
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? scan.frontmatterLine : scan.frontmatterLine + index;
}
