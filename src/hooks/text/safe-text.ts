// Values from tool input or output reach injected text only through here:
// either they match a strict pattern, or they are reduced to harmless words.

const TOKEN = /^[A-Za-z0-9_.-]{1,40}$/;

/** A short token (a state name, a number) as it is, or undefined when it is anything else. */
export function safeToken(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && TOKEN.test(value) ? value : undefined;
}

/**
 * Free text (an error message) reduced to letters, digits, spaces and plain
 * punctuation: no quotes, backticks, `$`, braces or line breaks survive.
 */
export function safeExcerpt(text: string, max = 160): string {
  // Bounded work: far more than `max` characters of input is never needed.
  const plain = text
    .slice(0, max * 16)
    .replace(/\s+/g, " ")
    .replace(/[^A-Za-z0-9 .,:;()_/%+=-]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 3).trimEnd()}...` : plain;
}

/** JSON for an argument object shown to the model; every value in it is already validated. */
export function argsJson(args: object): string {
  return JSON.stringify(args);
}
