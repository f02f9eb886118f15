// The skill and command listing Claude Code shows the model: the block that
// follows "The following skills are available for use with the Skill tool:".
import type { MessagesRequest } from "./messages.js";
import { messageTexts, systemText } from "./requests.js";

export const LISTING_HEADER = "The following skills are available for use with the Skill tool:";

export interface ListingEntry {
  /** As listed: "octoperf:octoperf-async-polling", "loop"... */
  readonly name: string;
  readonly description: string;
  /** The entry's full text, as shown. */
  readonly text: string;
}

export function listingText(request: MessagesRequest): string | undefined {
  for (const text of [systemText(request), ...messageTexts(request)]) {
    const start = text.indexOf(LISTING_HEADER);
    if (start < 0) continue;
    const lines = text.slice(start + LISTING_HEADER.length).split("\n");
    const kept: string[] = [];
    for (const line of lines) {
      if (line.trim() === "") {
        if (kept.length > 0) break;
        continue;
      }
      kept.push(line);
    }
    return kept.join("\n");
  }
  return undefined;
}

const ENTRY_RE = /^- ([^\s:]+(?::[^\s:]+)?): ([\s\S]*)$/;

export function listingEntries(request: MessagesRequest): ListingEntry[] {
  const text = listingText(request);
  if (text === undefined) return [];
  const entries: { name: string; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    const match = ENTRY_RE.exec(line);
    if (match?.[1] !== undefined) entries.push({ name: match[1], lines: [match[2] ?? ""] });
    else entries.at(-1)?.lines.push(line);
  }
  return entries.map((e) => {
    const description = e.lines.join("\n");
    return { name: e.name, description, text: `- ${e.name}: ${description}` };
  });
}

/** Characters of the listing that belong to entries of a plugin ("octoperf:..."). */
export function pluginListingChars(entries: readonly ListingEntry[], plugin: string): number {
  return entries.filter((e) => e.name.startsWith(`${plugin}:`)).reduce((sum, e) => sum + e.text.length + 1, 0);
}
