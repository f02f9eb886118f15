// The polling policy: the single source of truth for waiting on OctoPerf.
export * from "./states.js";
export * from "./harness.js";
export * from "./cadence.js";
export * from "./schedule.js";
export * from "./duration.js";
export * from "./handles.js";
export * from "./skills.js";
export * from "./operations.js";
export * from "./conditions.js";
export * from "./outcome.js";
export * from "./profiles.js";
export * from "./tool-names.js";
export * from "./background.js";
export * from "./realisations.js";
export * from "./plan.js";
export * from "./targets.js";
