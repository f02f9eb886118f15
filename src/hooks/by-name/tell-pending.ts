// Hook tell-pending (UserPromptSubmit): the first prompt after a resume hears
// each pending handle, its last value, the time since and what to do, once.
import type { Decide } from "../claude/decision.js";
import { resumeNotice } from "../session/resume.js";

/** UserPromptSubmit: the first prompt after a resume hears what is pending, once. */
export const decidePromptSubmit: Decide<"UserPromptSubmit"> = (_input, state, ctx) => {
  if (state.resumedAt === undefined) return { state };
  const { resumedAt: _told, ...rest } = state;
  const notice = resumeNotice(rest, ctx);
  return notice.text ? { state: notice.state, decision: { kind: "context", text: notice.text } } : { state: notice.state };
};
