// Read a tool's result as a hook receives it. Claude Code 2.1.330 passes an
// MCP result as a JSON string of its structuredContent, or as the array of
// content blocks; other shapes (an object, plain text) are read too. What
// cannot be read is "unknown": never a terminal state.

export type ToolResult =
  | { readonly kind: "object"; readonly value: Readonly<Record<string, unknown>>; readonly isError: boolean }
  | { readonly kind: "text"; readonly text: string; readonly isError: boolean }
  | { readonly kind: "unknown" };

const MAX_TEXT_CHARS = 1_000_000;
const MAX_DEPTH = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || trimmed.length > MAX_TEXT_CHARS) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON-encoded string (the result encoded twice). */
function parseJsonString(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('"') || trimmed.length > MAX_TEXT_CHARS) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function fromBlocks(blocks: readonly unknown[], isError: boolean, depth: number): ToolResult {
  const texts: string[] = [];
  for (const block of blocks) {
    if (isRecord(block) && block.type === "text" && typeof block.text === "string") texts.push(block.text);
  }
  for (const text of texts) {
    const value = parseJsonObject(text);
    if (value) return fromValue(value, isError, depth + 1);
  }
  if (texts.length === 0) return { kind: "unknown" };
  const text = texts.join("\n");
  return text.length > MAX_TEXT_CHARS ? { kind: "unknown" } : { kind: "text", text, isError };
}

function fromValue(value: unknown, isError: boolean, depth: number): ToolResult {
  if (depth > MAX_DEPTH) return { kind: "unknown" };
  if (typeof value === "string") {
    const object = parseJsonObject(value);
    if (object) return fromValue(object, isError, depth + 1);
    const inner = parseJsonString(value);
    if (inner !== undefined) return fromValue(inner, isError, depth + 1);
    return value.trim().length === 0 || value.length > MAX_TEXT_CHARS ? { kind: "unknown" } : { kind: "text", text: value, isError };
  }
  if (Array.isArray(value)) return fromBlocks(value, isError, depth);
  if (!isRecord(value)) return { kind: "unknown" };
  const flagged = isError || value.isError === true;
  // A whole CallToolResult: prefer its structured content, else its blocks.
  if (isRecord(value.structuredContent)) return fromValue(value.structuredContent, flagged, depth + 1);
  if (Array.isArray(value.content) && Object.keys(value).every((key) => key === "content" || key === "isError" || key === "_meta")) {
    return fromBlocks(value.content, flagged, depth);
  }
  return { kind: "object", value, isError: flagged };
}

export function readToolResult(response: unknown): ToolResult {
  return fromValue(response, false, 0);
}

/**
 * How much of a text answer is searched for a field. A status answer names
 * its state near the top; a hostile or runaway one (150,000 lines) must not
 * hold the session lock past the hook's timeout, so the work per call is
 * bounded whatever the size.
 */
export const MAX_SCANNED_CHARS = 64 * 1024;
/** A longer line is not a `field: value` line. */
export const MAX_FIELD_LINE_CHARS = 200;
const FIELD_LINE = /^"?([A-Za-z0-9_]{1,64})"?\s*[:=]\s*"?([A-Za-z0-9_.-]{1,64})"?\s*,?$/;

/** One pass over the lines of a bounded prefix; each line is matched on its own, so the time is linear. */
function textField(text: string, field: string): string | undefined {
  const end = Math.min(text.length, MAX_SCANNED_CHARS);
  for (let start = 0; start < end; ) {
    let stop = text.indexOf("\n", start);
    if (stop < 0 || stop > end) stop = end;
    if (stop - start <= MAX_FIELD_LINE_CHARS) {
      const match = FIELD_LINE.exec(text.slice(start, stop).trim());
      if (match && match[1] === field) return match[2];
    }
    start = stop + 1;
  }
  return undefined;
}

/**
 * The value of a top-level field. In plain text, only a line of its own such as
 * `state: FINISHED` or `"state": "FINISHED"`, within the first MAX_SCANNED_CHARS,
 * counts; anything looser is unknown.
 */
export function resultField(result: ToolResult, field: string): unknown {
  if (result.kind === "object") return result.value[field];
  if (result.kind === "text") return textField(result.text, field);
  return undefined;
}

/** Words of an error the result carries (for "why nothing started"), from a bounded prefix, unfiltered: pass it through serverSaid (policy/untrusted-text.ts). */
export function resultErrorText(result: ToolResult): string | undefined {
  if (result.kind === "text") {
    const head = result.text.slice(0, MAX_SCANNED_CHARS);
    return result.isError || /error|fail|denied|unauthori[sz]ed/i.test(head) ? head : undefined;
  }
  if (result.kind === "object") {
    for (const key of ["error", "message", "detail"]) {
      const value = result.value[key];
      if (typeof value === "string" && value.length > 0) return value;
      if (isRecord(value) && typeof value.message === "string") return value.message;
    }
  }
  return undefined;
}
