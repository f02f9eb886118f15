// The one short line the user sees for a wait, beside what the model is told.
// Claude Code 2.1.330 prints a synchronous hook's `systemMessage` under the
// call ("⎿ PostToolUse:<tool> says: ...", "⎿ Stop says: ...") and never sends
// it to the model; the systemMessage of an asyncRewake hook is neither shown
// nor sent (measured with a probe plugin under tmux). So the start hook and
// the poll hook say it: where the wait stands, in a line, never the model's
// instructions.
import { formatDuration, nextPollGap, type Operation, type WaitPlan } from "../../policy/index.js";
import { oneLine, plainToken } from "../../policy/untrusted-text.js";

/** Short enough for one line of a narrow terminal after the client's prefix. */
export const SCREEN_LINE_MAX_CHARS = 160;

/** Any text made one printable line, capped: what reaches the screen goes through here. */
export function screenLine(text: string): string {
  return oneLine(text, SCREEN_LINE_MAX_CHARS);
}

function handlesOf(handles: readonly string[]): string {
  const shown = handles.slice(0, 2).map((h) => oneLine(h, 40));
  return handles.length > 2 ? `${shown.join(", ")} and ${handles.length - 2} more` : shown.join(", ");
}

/** At a start: what waits, how, and until when. */
export function startScreenLine(op: Operation, plan: WaitPlan, handles: readonly string[]): string {
  const how =
    plan.chosen.id === "background-watcher"
      ? "a background watcher waits; one wake with the outcome"
      : plan.chosen.id === "cadence-timer"
        ? `the hooks wake Claude for each poll, the first in ${formatDuration(nextPollGap(0, plan.expectedSeconds, plan.cadenceSeconds))}`
        : `Claude waits with ${plan.chosen.id}`;
  return `OctoPerf ${op.id} ${handlesOf(handles)}: ${how}; deadline ${formatDuration(plan.deadlineSeconds)}.`;
}

/** After a poll: the value seen and how long the work has run; at the end, the outcome and how many handles still run. */
export function pollScreenLine(op: Operation, handle: string, value: unknown, elapsedSeconds: number, ended?: { readonly outcome: string; readonly stillRunning: number }): string {
  const shown = plainToken(value) ?? "state unknown";
  const after = formatDuration(Math.max(0, Math.round(elapsedSeconds)));
  if (!ended) return `OctoPerf ${op.id} ${oneLine(handle, 40)}: ${shown} after ${after}.`;
  const rest = ended.stillRunning > 0 ? `; ${ended.stillRunning} still running` : "";
  return `OctoPerf ${op.id} ${oneLine(handle, 40)}: ${shown} (${ended.outcome}) after ${after}${rest}.`;
}
