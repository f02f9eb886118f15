// The argument of /octoperf:stop-wait: nothing (every wait of this plugin in
// the session) or one handle in the forms /octoperf:wait takes. Shared by the
// command's generated text and the hook that ends background waits, so both
// accept exactly the same arguments.
import { parseWaitArguments } from "./wait-arguments.js";

/** What the line of the hook that ends background waits starts with, so the command's steps can point at it. */
export const STOP_LINE_PREFIX = "octoperf stop-wait:";

export type StopParse = { readonly ok: true; readonly ids: readonly string[] } | { readonly ok: false; readonly problem: string };

/** Nothing (stop all of this plugin's waits) or exactly one handle, in the forms /octoperf:wait takes. */
export function parseStopArgument(text: string): StopParse {
  const value = text.trim();
  if (value.length === 0) return { ok: true, ids: [] };
  if (/\s/.test(value)) return { ok: false, problem: "give one handle at most" };
  const parsed = parseWaitArguments(value);
  if (!parsed.ok) return parsed;
  if (parsed.request.expected.from !== "policy" || parsed.request.deadlineSeconds !== undefined) return { ok: false, problem: "give a handle, not a duration" };
  return { ok: true, ids: parsed.request.handles };
}
