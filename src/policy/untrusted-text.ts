// Text from outside (a service's state, message, file name or id; a hook's
// stdin) made safe for one output line: the line may wake a model under
// Monitor or land in a prompt, so it must not be able to start a line of its
// own, move the cursor, recolour the terminal or hide text. What the server
// said is also set apart in guillemets, labelled, so it cannot pass for the
// plugin's own words ("the server said: «...»"). This is the one module every
// outside value goes through, in the hooks and in the watcher. Pure, no I/O;
// the work is linear and bounded by the cap, whatever the input's size.

/** Cap for a value shown inline (a state, an id, a file name). */
export const VALUE_MAX_CHARS = 40;
/** Cap for a service message (a failed task's reason). */
export const MESSAGE_MAX_CHARS = 200;
const ELLIPSIS = "...";

// ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \),
// and two-character ESC sequences. Removed whole, not just their ESC.
const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]?/g;
// Anything that is not a visible character or a plain space: controls (C0,
// C1, DEL), format characters (bidi overrides, zero-width), line and
// paragraph separators, other spaces, private use, unassigned code points and
// lone surrogates.
const NOT_PRINTABLE = /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu;
const HAS_UNPRINTABLE = /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/**
 * One printable line of at most `max` characters (code points): escape
 * sequences removed, every other unprintable character and run of spaces made
 * one space, trimmed, and "..." when cut.
 */
export function oneLine(value: unknown, max: number = MESSAGE_MAX_CHARS): string {
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  // Look at a bounded prefix only: enough to fill `max` after cleaning in the usual case.
  const window = text.length > max * 8 + 64 ? text.slice(0, max * 8 + 64) : text;
  const clean = window.replace(ESCAPE_SEQUENCE, "").replace(NOT_PRINTABLE, " ").replace(/ {2,}/g, " ").trim();
  const chars = Array.from(clean);
  const cut = chars.length > max || window.length < text.length;
  if (!cut) return clean;
  return `${chars.slice(0, Math.max(0, max - ELLIPSIS.length)).join("").trimEnd()}${ELLIPSIS}`;
}

/** A value quoted for a line: `"RUN NING"`, always one line, capped. */
export function quoted(value: unknown, max: number = VALUE_MAX_CHARS): string {
  return `"${oneLine(value, max).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The first line of a multi-line text (a stack trace's message), made safe. */
export function firstLine(value: unknown, max: number = MESSAGE_MAX_CHARS): string {
  const full = typeof value === "string" ? value : "";
  const text = full.length > max * 8 + 64 ? full.slice(0, max * 8 + 64) : full;
  const end = text.search(/[\r\n\u2028\u2029]/);
  return oneLine(end < 0 ? full : text.slice(0, end), max);
}

/** Is this a line a Monitor can take as it is (printable, no line break)? */
export function isOneLine(text: string): boolean {
  return !HAS_UNPRINTABLE.test(text);
}

const PLAIN_TOKEN = /^[A-Za-z0-9_.-]{1,40}$/;

/** A short plain token (a state name, a number) as it is, or undefined when it is anything else. */
export function plainToken(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && PLAIN_TOKEN.test(value) ? value : undefined;
}

/** Server text set apart: one line, capped, in guillemets (a guillemet inside becomes a plain quote). */
export function serverText(value: unknown, max: number = MESSAGE_MAX_CHARS): string {
  return `«${oneLine(value, max).replace(/[«»]/g, '"')}»`;
}

/** Outside text set apart and labelled with who said it, for a sentence of the plugin's: `the server said: «...»`. */
export function said(source: "the server" | "Claude Code", value: unknown, max: number = MESSAGE_MAX_CHARS): string {
  return `${source} said: ${serverText(value, max)}`;
}

/** What the server said (an error, a failed task's reason), set apart and labelled. */
export function serverSaid(value: unknown, max: number = MESSAGE_MAX_CHARS): string {
  return said("the server", value, max);
}
