// The logic of each background hook of the registry, by name: kept out of
// registry.ts so that the quick hooks' bundle never holds it.
import { armAfterPoll, armAfterStart, type Arm } from "./background.js";
import type { BACKGROUND_HOOK_NAMES } from "./registry.js";

export const BACKGROUND_ARMS: Readonly<Record<(typeof BACKGROUND_HOOK_NAMES)[number], Arm>> & Readonly<Record<string, Arm | undefined>> = {
  "wait-in-background": armAfterStart,
  "wake-after-poll": armAfterPoll,
};
