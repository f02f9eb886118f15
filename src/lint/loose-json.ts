// Read an argument object the way skills write one, not only strict JSON:
// quoted or bare keys, `:` or `=` between key and value, single-quoted
// strings, `...` as a value ("some value") or as an entry ("other keys"),
// placeholders (`<id>`, `BENCH_ID`). Values that are not plain JSON become a
// Placeholder, which no type check judges. Linear in the input's length.

/** A value written as a placeholder or an expression: present, but of unknown type. */
export class Placeholder {
  constructor(readonly text: string) {}
}

export type LooseResult = { readonly value: Record<string, unknown>; readonly partial: boolean } | { readonly error: string };

const MAX_CHARS = 20_000;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "{" || ch === "[" || ch === "(") depth++;
    else if (ch === "}" || ch === "]" || ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

function value(raw: string): unknown {
  const text = raw.trim();
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) return text.slice(1, -1).replace(/\\'/g, "'");
  if (text.startsWith("{")) {
    const inner = looseObject(text);
    return "error" in inner ? new Placeholder(text) : inner.value;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new Placeholder(text);
  }
}

export function looseObject(source: string): LooseResult {
  if (source.length > MAX_CHARS) return { error: `longer than ${MAX_CHARS} characters` };
  const text = source.trim();
  if (!text.startsWith("{") || !text.endsWith("}")) return { error: "not an object" };
  try {
    const strict = JSON.parse(text) as unknown;
    if (strict && typeof strict === "object" && !Array.isArray(strict)) return { value: strict as Record<string, unknown>, partial: false };
  } catch {
    // read it loosely below
  }
  const out: Record<string, unknown> = {};
  let partial = false;
  for (const entry of splitTopLevel(text.slice(1, -1))) {
    if (/^(?:\.\.\.|…)/.test(entry)) {
      partial = true;
      continue;
    }
    const match = /^(?:"([^"\\]*)"|'([^'\\]*)'|([A-Za-z_$][\w$-]*))\s*(?::|=)\s*([\s\S]*)$/.exec(entry);
    if (!match) return { error: `cannot read "${entry.slice(0, 40)}"` };
    const key = match[1] ?? match[2] ?? match[3]!;
    const rawValue = match[4]!;
    out[key] = /^(?:\.\.\.|…)$/.test(rawValue.trim()) ? new Placeholder(rawValue) : value(rawValue);
  }
  return { value: out, partial };
}
