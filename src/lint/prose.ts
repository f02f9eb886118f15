// The prose structure rules need beyond code spans: headings, blocks (a
// paragraph, a list item with its continuation lines, a table row), sentences,
// and which lines only name a wrong thing in order to forbid it ("Never poll
// get_bench_status until 1.0", an "Anti-patterns" section, a ❌ row).
// Rules that judge claims read `affirmed`: the lines with forbidden text
// blanked (columns kept), so what a skill forbids is never taken as advice.

export interface Heading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}

export interface ProseMap {
  readonly headings: readonly Heading[];
  /** For each 1-based line, the [first, last] line of its block, or undefined on a blank or fence line. */
  blockOf(line: number): readonly [number, number] | undefined;
  /** Lines as written, with forbidden text replaced by spaces (same length). */
  readonly affirmed: readonly string[];
  /** True when the character at (line, column), 1-based, is forbidden text. */
  forbiddenAt(line: number, column: number): boolean;
  /** The nearest heading above a line (or at it). */
  headingOf(line: number): Heading | undefined;
}

/** Headings of sections that list what not to do. */
export const FORBID_HEADING_RE =
  /\b(anti-?patterns?|pitfalls?|mistakes?|don'?ts?|do not|never|avoid|wrong (?:ways?|usage|examples?)|bad (?:examples?|practices?|patterns?)|what not to|common (?:errors|traps)|forbidden)\b/i;
/** The start of a line, list item or table cell that forbids what follows. */
export const FORBID_LEAD_RE =
  /^(?:[-*+]\s+|\d+[.)]\s+|>\s*)?(?:\*\*|__)?\s*(?:❌|✗|✘|🚫|⛔|❎|(?:don'?t|do not|never|avoid|wrong|bad|incorrect|not this|anti-?pattern)\b)/i;

/** The last sentence of a block that introduces what follows as forbidden: "Never do this:", "Wrong:". */
const LEAD_IN_RE = /(?:^|\s)(?:never|don'?t|do not|avoid)\b[^:]*:\s*$|\b(?:wrong|bad|incorrect|not (?:like )?this|anti-?patterns?)\s*:\s*$/i;
const FENCE_RE = /^\s*(`{3,}|~{3,})/;
const LIST_ITEM_RE = /^(\s*)(?:[-*+]|\d+[.)])\s+/;
const HEADING_RE = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

function blank(text: string): string {
  return text.replace(/[^\s]/g, " ");
}

export function mapProse(lines: readonly string[], bodyStart: number): ProseMap {
  const headings: Heading[] = [];
  const blocks = new Array<[number, number] | undefined>(lines.length + 2);
  const affirmed = [...lines];
  const fenced = new Set<number>();
  // Pass 1: fences, headings, blocks.
  let fence: string | undefined;
  let open: [number, number] | undefined;
  const close = () => (open = undefined);
  for (let index = bodyStart; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    const fenceMatch = FENCE_RE.exec(raw);
    if (fence) {
      fenced.add(line);
      if (fenceMatch && fenceMatch[1]!.startsWith(fence[0]!) && fenceMatch[1]!.length >= fence.length && raw.trim() === fenceMatch[1]) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      fenced.add(line);
      close();
      continue;
    }
    if (raw.trim() === "") {
      close();
      continue;
    }
    const heading = HEADING_RE.exec(raw);
    if (heading) {
      headings.push({ line, level: heading[1]!.length, text: heading[2]! });
      close();
      blocks[line] = [line, line];
      continue;
    }
    if (LIST_ITEM_RE.test(raw) || raw.trimStart().startsWith("|")) close();
    if (!open) open = [line, line];
    else open[1] = line;
    blocks[line] = open;
    if (raw.trimStart().startsWith("|")) close();
  }
  // Pass 2: forbidden text.
  const forbidLines = new Set<number>();
  /** Blocks that open with "Don't ...", "Never ...", ❌: only their first sentence is forbidden. */
  const leadSentences: [number, number][] = [];
  let section: { level: number } | undefined;
  let leadIn = false;
  let tableForbidColumns: number[] | undefined;
  for (let index = bodyStart; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    const heading = HEADING_RE.exec(raw);
    if (heading && !fenced.has(line)) {
      const level = heading[1]!.length;
      if (section && level <= section.level) section = undefined;
      if (!section && FORBID_HEADING_RE.test(heading[2]!)) section = { level };
      if (section) forbidLines.add(line);
      leadIn = false;
      continue;
    }
    if (section) {
      // In a section of what not to do, a list item names the wrong thing in its first sentence
      // ("**Don't read a half-finished report.**") and may then say what to do instead.
      const item = blocks[line];
      if (item && LIST_ITEM_RE.test(lines[item[0] - 1]!) && !fenced.has(line)) {
        if (line === item[0]) leadSentences.push(item);
      } else forbidLines.add(line);
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed === "" ) {
      // A lead-in ("Never do this:") covers the list or fence right after it, across one blank line.
      continue;
    }
    if (fenced.has(line)) {
      if (leadIn) forbidLines.add(line);
      if (FENCE_RE.test(raw) && !leadIn) continue;
      continue;
    }
    if (trimmed.startsWith("|")) {
      const cells = trimmed.replace(/^\||\|$/g, "").split("|");
      if (/^\|?\s*:?-{2,}/.test(trimmed)) continue;
      if (tableForbidColumns === undefined) {
        tableForbidColumns = cells.map((cell, i) => (FORBID_LEAD_RE.test(cell.trim()) || FORBID_HEADING_RE.test(cell) ? i : -1)).filter((i) => i >= 0);
        continue;
      }
      if (FORBID_LEAD_RE.test(cells[0]!.trim())) forbidLines.add(line);
      else blankCells(affirmed, index, raw, tableForbidColumns);
      continue;
    }
    tableForbidColumns = undefined;
    const block = blocks[line];
    const first = block ? lines[block[0] - 1]!.trim() : trimmed;
    if (FORBID_LEAD_RE.test(first)) {
      if (block && line === block[0]) leadSentences.push(block);
      else if (!block) forbidLines.add(line);
    } else if (leadIn && (LIST_ITEM_RE.test(lines[(block?.[0] ?? line) - 1]!) || (block && block[0] !== line))) forbidLines.add(line);
    else leadIn = false;
    if (block && line === block[1]) {
      const text = lines.slice(block[0] - 1, block[1]).join(" ");
      const lastSentence = text.split(/[.!?]\s/).at(-1) ?? "";
      if (/:\s*$/.test(text) && (FORBID_LEAD_RE.test(first) || LEAD_IN_RE.test(lastSentence))) leadIn = true;
    }
  }
  for (const line of forbidLines) affirmed[line - 1] = blank(lines[line - 1]!);
  for (const [first, last] of leadSentences) blankFirstSentence(affirmed, first, last);
  const headingOf = (line: number) => {
    let found: Heading | undefined;
    for (const h of headings) if (h.line <= line) found = h;
    return found;
  };
  return {
    headings,
    blockOf: (line) => blocks[line],
    affirmed,
    forbiddenAt: (line, column) => {
      const text = affirmed[line - 1];
      const rawText = lines[line - 1];
      if (text === undefined || rawText === undefined) return false;
      const ch = rawText[column - 1];
      return ch !== undefined && ch.trim() !== "" && text[column - 1] === " ";
    },
    headingOf,
  };
}

/** Blank a block from its start to the end of its first sentence ("**Don't X.** Then Y." keeps "Then Y."). */
function blankFirstSentence(affirmed: string[], first: number, last: number): void {
  for (let line = first; line <= last; line++) {
    const text = affirmed[line - 1]!;
    const end = /[.!?](?:\*\*|__)?(?=\s|$)/.exec(text);
    if (!end) {
      affirmed[line - 1] = blank(text);
      continue;
    }
    const cut = end.index + end[0].length;
    affirmed[line - 1] = blank(text.slice(0, cut)) + text.slice(cut);
    return;
  }
}

function blankCells(affirmed: string[], index: number, raw: string, columns: readonly number[]): void {
  if (columns.length === 0) return;
  let cell = -1;
  let out = "";
  for (const ch of raw) {
    if (ch === "|") {
      cell++;
      out += ch;
      continue;
    }
    out += columns.includes(cell) && ch.trim() !== "" ? " " : ch;
  }
  affirmed[index] = out;
}

/**
 * Sentences of a text with their start offsets: split after . ! ? ; and the
 * marks that close around it (`**`, `_`, quotes, brackets: "**Can it?** Yes."),
 * followed by a space or the end.
 */
export function sentences(text: string): { readonly text: string; readonly start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    if (piece.trim()) out.push({ text: piece, start });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (!".!?;".includes(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && end - i <= MAX_CLOSING_MARKS && CLOSING_MARK.test(text[end]!)) end++;
    if (end === text.length || /\s/.test(text[end]!)) {
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return out;
}
const CLOSING_MARK = /[*_"'’”)\]]/;
const MAX_CLOSING_MARKS = 4;

export interface Sentence {
  readonly text: string;
  /** Where the sentence starts. */
  readonly line: number;
  readonly column: number;
  /** The first and last line of its block (paragraph, list item, table row). */
  readonly block: readonly [number, number];
  /** Line and column of an offset inside `text`. */
  at(offset: number): { readonly line: number; readonly column: number };
}

/**
 * The sentences of every block (paragraph, list item, table row, fence line)
 * of the affirmed text, skipping the frontmatter and generated lines: a
 * sentence may run over wrapped lines.
 */
export function blockSentences(lines: readonly string[], prose: ProseMap, skip: (line: number) => boolean): Sentence[] {
  const out: Sentence[] = [];
  const seen = new Set<number>();
  for (let line = 1; line <= lines.length; line++) {
    if (seen.has(line) || skip(line)) continue;
    const [first, last] = prose.blockOf(line) ?? [line, line];
    const range = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    range.forEach((l) => seen.add(l));
    if (range.some(skip)) continue;
    const parts = range.map((l) => prose.affirmed[l - 1] ?? "");
    const text = parts.join("\n");
    const at = (offset: number) => {
      const before = text.slice(0, offset);
      const row = (before.match(/\n/g) ?? []).length;
      return { line: first + row, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
    };
    for (const sentence of sentences(text)) {
      const lead = sentence.text.length - sentence.text.trimStart().length;
      const start = at(sentence.start + lead);
      out.push({ text: sentence.text.slice(lead), line: start.line, column: start.column, block: [first, last], at: (offset) => at(sentence.start + lead + offset) });
    }
  }
  return out;
}

/** How many sentences after a question are read as its answer. */
const ANSWER_SENTENCES = 3;

/**
 * The answer to a question ("Is progress below 1? Then the run is going on;
 * poll again."): the sentences after it in the same block, up to the next
 * question and at most ANSWER_SENTENCES, joined; "" when the sentence is not a
 * question or nothing answers it. A question states no claim alone: its
 * condition is the question, its consequence the answer.
 */
export function answerOf(all: readonly Sentence[], index: number): string {
  const question = all[index];
  if (!question || !isQuestion(question.text)) return "";
  const parts: string[] = [];
  for (let j = index + 1; j < all.length && j <= index + ANSWER_SENTENCES; j++) {
    const next = all[j]!;
    if (next.block[0] !== question.block[0]) break;
    parts.push(next.text);
    if (isQuestion(next.text)) break;
  }
  return parts.join(" ");
}

/** A sentence that asks ("Can /loop check every 30 seconds?**"): a question claims nothing. */
export const isQuestion = (text: string): boolean => /\?["'`)*_]*\s*$/.test(text);

/**
 * The question a sentence answers, or "": the sentences just before it in its
 * block, on the line of the one that ends with "?" ("I'm on ScheduleWakeup
 * today. The 4-minute job?" answered by "let it wake you every 24 s"). An
 * answer's claim is read with what the question named.
 */
export function questionOf(all: readonly Sentence[], index: number): string {
  const answer = all[index];
  const asked = all[index - 1];
  if (!answer || !asked || asked.block[0] !== answer.block[0] || !isQuestion(asked.text)) return "";
  const parts = [asked.text];
  for (let j = index - 2; j >= 0 && j >= index - ANSWER_SENTENCES; j--) {
    const before = all[j]!;
    const endLine = before.line + (before.text.match(/\n/g)?.length ?? 0);
    if (endLine !== asked.line || before.block[0] !== answer.block[0]) break;
    parts.unshift(before.text);
  }
  return parts.join(" ");
}

/**
 * The header row of the table a line belongs to (the row's context: "| progress
 * | meaning |" says what "| below 1 | keep polling |" is about), or "" off a table.
 */
export function tableHeaderOf(lines: readonly string[], line: number): string {
  const isRow = (l: number) => (lines[l - 1] ?? "").trimStart().startsWith("|");
  if (!isRow(line)) return "";
  let first = line;
  while (first > 1 && isRow(first - 1)) first--;
  return first === line ? "" : lines[first - 1]!;
}
