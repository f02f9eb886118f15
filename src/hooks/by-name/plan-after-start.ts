// Hook plan-after-start (PostToolUse on a start tool): remember the handle(s)
// and tell the model how to wait (words in text/plan-text.ts), with one line
// for the user's screen. No handle means the start failed: say there is
// nothing to poll, and why.
import type { Decide } from "../claude/decision.js";
import { invocationFor } from "../session/reach.js";
import { planText, signInLine } from "../text/plan-text.js";
import { startScreenLine } from "../text/screen-line.js";
import { readStart, remember } from "../wait/start.js";

export const decideStart: Decide<"PostToolUse"> = (input, state, ctx) => {
  const read = readStart(input, state, ctx);
  if (read.kind === "not-ours") return { state, note: read.note };
  if (read.kind === "nothing") return { state, decision: { kind: "context", text: read.text } };
  const started = read.started;
  const text = planText({ ...started, how: invocationFor(started.op.id, ctx) });
  const remembered = remember(state, started.works);
  const screen = startScreenLine(started.op, started.plan, started.handles);
  // Once a session, never as a blocker: what signing in would save on a wait the timer carries out.
  if (started.plan.chosen.id !== "cadence-timer" || state.signInSuggested) return { state: remembered, decision: { kind: "context", text, screen } };
  return { state: { ...remembered, signInSuggested: true }, decision: { kind: "context", text: `${text}\n${signInLine(started.plan.chosen.estimatedTurns)}`, screen } };
};
