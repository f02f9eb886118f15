// Claude Code's expansion of a slash command, as observed on 2.1.330 (read
// from its bundled source and checked against the real client by
// real-client.test.ts): the frontmatter is dropped; `\$` keeps a literal
// dollar; `$ARGUMENTS[N]` and `$N` take the Nth word (left as typed when there
// is no such word); `$ARGUMENTS` takes the whole text; when no placeholder was
// used, "\n\nARGUMENTS: <text>" is appended; filled-in values are never
// expanded again; then `${CLAUDE_PLUGIN_ROOT}` becomes the plugin's directory
// everywhere, in the filled-in text too.
// Every filled-in value has its "!" defused (so it cannot form a shell block);
// then each shell block of the body (!`cmd`) is replaced by its command's output.
import matter from "gray-matter";

export const MAX_EXPANDED_LENGTH = 4_000_000;
const DOLLAR = "\uFFFF";
const SHELL_INLINE = /(?<=^|\s)!`([^`]+)`/gm;

export interface ExpandOptions {
  readonly pluginRoot?: string;
  /** Output of a shell block's command (Claude Code runs it; tests answer for it). */
  readonly shell?: (command: string) => string;
}

/** Inline code spans blanked out (same length), as Claude Code does before looking for shell blocks. */
function maskCodeSpans(body: string): string {
  return body.replace(/`[^`\n]+`/g, (span, at: number) => (body[at - 1] === "!" || body[at - 1] === "`" ? span : "`" + " ".repeat(span.length - 2) + "`"));
}

/** Replace each inline shell block (!`cmd`) found in `text` with `run(cmd)`. */
function replaceShellBlocks(text: string, run: (command: string) => string): string {
  let out = "";
  let from = 0;
  for (const match of maskCodeSpans(text).matchAll(SHELL_INLINE)) {
    const start = match.index!;
    out += text.slice(from, start) + run(text.slice(start + 2, start + match[0].length - 1).trim());
    from = start + match[0].length;
  }
  return out + text.slice(from);
}

/** The shell commands of a body's blocks (fenced ```! and inline !`cmd`), as Claude Code finds them. */
export function shellCommands(body: string): string[] {
  const fenced = [...body.matchAll(/```!\s*\n?([\s\S]*?)\n?```/g)].map((m) => m[1]!.trim());
  const inline: string[] = [];
  replaceShellBlocks(body, (command) => {
    inline.push(command);
    return "";
  });
  return [...fenced, ...inline];
}

function hasShellBlocks(body: string): boolean {
  return body.includes("```!") || (body.includes("!`") && /(?<=^|\s)!`[^`]+`/m.test(body));
}

/** Claude Code's defusing of "!" in a value filled into a body that has shell blocks. */
export function defuseBang(value: string): string {
  return value.replace(/`!/g, "` !").replace(/!`/g, "! `").replace(/(^|\s)!/gm, "$1\\!");
}

/**
 * Words of the arguments. Claude Code parses them with a bash grammar and
 * keeps the words of the first simple command; this covers plain words and
 * quotes, stops at the first operator, and is only an approximation beyond.
 */
export function argumentWords(text: string): string[] {
  const words: string[] = [];
  let word = "";
  let open = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      if (open) words.push(word);
      word = "";
      open = false;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return text.split(/\s+/).filter(Boolean);
      word += text.slice(i + 1, end);
      open = true;
      i = end;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[i + 1];
      open = true;
      i += 1;
    } else if (";&|<>()\n#`".includes(c) || (c === "$" && !open)) {
      if (c === "$" || c === "`") {
        const rest = text.slice(i).split(/\s/)[0]!;
        if (words.length === 0 && !open) words.push(rest);
      }
      break;
    } else {
      word += c;
      open = true;
    }
  }
  if (open && !words.includes(word)) words.push(word);
  // Leading variable assignments ("x=1 y") are not words of the command.
  const first = words.findIndex((w) => !/^[A-Za-z_]\w*=/.test(w));
  return first < 0 ? [] : words.slice(first);
}

/** The text Claude Code sends the model for a command file invoked with `args`. */
export function expandCommand(file: string, args: string, options: ExpandOptions = {}): string {
  const body = matter(file).content.replace(/^\n/, "");
  let length = body.length;
  const fill = (value: string): string => {
    const safe = defuseBang(value);
    length += safe.length;
    if (length > MAX_EXPANDED_LENGTH) throw new Error("the command and its arguments are too long");
    return safe.replaceAll("$", DOLLAR);
  };
  let words: string[] | undefined;
  const word = (n: number): string | undefined => (words ??= argumentWords(args))[n];
  let used = false;
  let out = body.replace(/(?<!\\)\\\$(?=\d|ARGUMENTS)/g, DOLLAR);
  out = out.replace(/\$ARGUMENTS\[(\d+)\]/g, (all, n: string) => {
    const value = word(Number(n));
    if (value === undefined) return DOLLAR + all.slice(1);
    used = true;
    return fill(value);
  });
  out = out.replace(/\$(\d+)(?!\w)/g, (all, n: string) => {
    const value = word(Number(n));
    if (value === undefined) return all;
    used = true;
    return fill(value);
  });
  out = out.replaceAll("$ARGUMENTS", () => {
    used = true;
    return fill(args);
  });
  if (!used && args) out += `\n\nARGUMENTS: ${fill(args)}`;
  out = out.replaceAll(DOLLAR, "$");
  // After the arguments: a `${CLAUDE_PLUGIN_ROOT}` the user typed is replaced too.
  if (options.pluginRoot !== undefined) out = out.replaceAll("${CLAUDE_PLUGIN_ROOT}", options.pluginRoot);
  if (hasShellBlocks(body) && options.shell) {
    out = replaceShellBlocks(out, options.shell);
  }
  return out;
}
