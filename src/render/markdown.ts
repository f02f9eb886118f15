// Small Markdown helpers for generated text.
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const code = (text: string): string => `\`${text}\``;

export function list(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join("\n");
}

function joinList(items: readonly string[], last: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}` : (items[0] ?? "");
}

/** "a, b or c" */
export const orList = (items: readonly string[]): string => joinList(items, "or");

/** "a, b and c" */
export const andList = (items: readonly string[]): string => joinList(items, "and");
