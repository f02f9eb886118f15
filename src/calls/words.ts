// The few word helpers commands and text are spelled with: a name in
// backticks, "a, b or c", "a, b and c", an argument object as JSON.
export const code = (text: string): string => `\`${text}\``;

function joinList(items: readonly string[], last: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}` : (items[0] ?? "");
}

/** "a, b or c" */
export const orList = (items: readonly string[]): string => joinList(items, "or");

/** "a, b and c" */
export const andList = (items: readonly string[]): string => joinList(items, "and");

/** JSON for an argument object shown to the model; every value in it is already validated. */
export function argsJson(args: object): string {
  return JSON.stringify(args);
}
