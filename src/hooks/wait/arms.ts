// The logic of each background hook of the registry, by name: kept out of
// registry.ts so that the quick hooks' bundle never holds it.
import { armAfterStart } from "../by-name/wait-in-background.js";
import { armAfterPoll } from "../by-name/wake-after-poll.js";
import type { Arm } from "./one-wake.js";
import type { BACKGROUND_HOOK_NAMES } from "../runtime/registry.js";

export const BACKGROUND_ARMS: Readonly<Record<(typeof BACKGROUND_HOOK_NAMES)[number], Arm>> & Readonly<Record<string, Arm | undefined>> = {
  "wait-in-background": armAfterStart,
  "wake-after-poll": armAfterPoll,
};
