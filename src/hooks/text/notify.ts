// The end of a long wait, said to the user too: after more than
// NOTIFY_AFTER_S, the outcome suggests one PushNotification (a Claude Code
// tool, 2.1.330) whose message fits its limit. Every value in the message is
// a policy word, a validated handle or a number.
import { formatDuration, NOTIFY_AFTER_S, PUSH_NOTIFICATION_MAX_CHARS, type OperationId } from "../../policy/index.js";
import { argsJson } from "../../calls/words.js";

export type Ending = "succeeded" | "failed" | "partial";

/** The message: "OctoPerf scenario-run succeeded after 25m: b1, b2", with as many handles as fit. */
export function notificationMessage(op: OperationId, ending: Ending, seconds: number, handles: readonly string[]): string {
  const head = `OctoPerf ${op} ${ending} after ${formatDuration(seconds)}: `;
  for (let shown = handles.length; shown > 0; shown--) {
    const more = handles.length - shown;
    const text = `${head}${handles.slice(0, shown).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
    if (text.length <= PUSH_NOTIFICATION_MAX_CHARS) return text;
  }
  return `${head}${handles.length} handles`.slice(0, PUSH_NOTIFICATION_MAX_CHARS);
}

/** The suggestion for a wait of `seconds`, or undefined when it was short enough to be seen at the terminal. */
export function notifySuggestion(op: OperationId, ending: Ending, seconds: number, handles: readonly string[]): string | undefined {
  if (seconds <= NOTIFY_AFTER_S) return undefined;
  const message = notificationMessage(op, ending, seconds, handles);
  return `This wait took ${formatDuration(seconds)}: tell the user once with PushNotification ${argsJson({ message })}.`;
}
