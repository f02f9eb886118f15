// The logic of each background hook of the registry, by name and event: kept
// out of registry.ts so that the quick hooks' bundle never holds it.
import { armOnResume } from "../by-name/rewatch-on-resume.js";
import { armAfterStart } from "../by-name/wait-in-background.js";
import { armAfterPoll } from "../by-name/wake-after-poll.js";
import type { SessionStartInput } from "../claude/input.js";
import type { DecideContext } from "../claude/decision.js";
import type { SessionState } from "../session/state.js";
import type { Arm, Armed } from "./one-wake.js";
import type { BACKGROUND_HOOK_NAMES } from "../runtime/registry.js";

/** A background hook's arm, with the event it reads. */
export type BackgroundArm =
  | { readonly event: "PostToolUse"; readonly arm: Arm }
  | { readonly event: "SessionStart"; readonly arm: (input: SessionStartInput, state: SessionState, ctx: DecideContext) => Armed };

export const BACKGROUND_ARMS: Readonly<Record<(typeof BACKGROUND_HOOK_NAMES)[number], BackgroundArm>> & Readonly<Record<string, BackgroundArm | undefined>> = {
  "wait-in-background": { event: "PostToolUse", arm: armAfterStart },
  "wake-after-poll": { event: "PostToolUse", arm: armAfterPoll },
  "rewatch-on-resume": { event: "SessionStart", arm: armOnResume },
};
