// hooks/hooks.json, generated from the policy: the matchers come from the
// policy's start and status tools in both of their Claude Code names, so the
// file cannot drift from the table. `npm run build` writes it; `--check`
// fails when the committed file differs. Run alone: tsx src/hooks/hooks-json.ts [--check]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { hookMatcher, startTools, statusTools } from "../policy/index.js";
import type { ToolEvent } from "./input.js";
import { SCHEDULE_TOOLS } from "./claude-tools.js";
import { SCENARIO_TOOL } from "./scenario-duration.js";

export interface HookSpec {
  /** Entry file src/hooks/entries/<name>.ts, bundle scripts/hooks/<name>.cjs. */
  readonly name: string;
  readonly event: ToolEvent;
  readonly matcher: string;
  readonly purpose: string;
}

/** Seconds Claude Code waits for a hook; ours exit in well under one. */
export const HOOK_TIMEOUT_S = 10;

export function hookSpecs(): HookSpec[] {
  return [
    { name: "pace-guard", event: "PreToolUse", matcher: hookMatcher(statusTools()), purpose: "refuses polls of ended handles and polls faster than the cadence" },
    { name: "plan-after-start", event: "PostToolUse", matcher: hookMatcher(startTools()), purpose: "injects the wait plan after a start, or says there is nothing to poll" },
    { name: "poll-outcome", event: "PostToolUse", matcher: hookMatcher(statusTools()), purpose: "records terminal states and injects the outcome, next step and loop to stop" },
    { name: "record-schedule", event: "PostToolUse", matcher: SCHEDULE_TOOLS.join("|"), purpose: "ties CronCreate jobs and Monitor tasks to the handles they poll" },
    { name: "record-scenario", event: "PostToolUse", matcher: hookMatcher([SCENARIO_TOOL]), purpose: "remembers a scenario's expected run time for the plan" },
  ];
}

export function hookCommand(name: string): string {
  return `node "\${CLAUDE_PLUGIN_ROOT}/scripts/hooks/${name}.cjs"`;
}

export function renderHooksJson(specs: readonly HookSpec[] = hookSpecs()): string {
  const hooks: Record<string, { matcher: string; hooks: { type: "command"; command: string; timeout: number }[] }[]> = {};
  for (const spec of specs) {
    (hooks[spec.event] ??= []).push({ matcher: spec.matcher, hooks: [{ type: "command", command: hookCommand(spec.name), timeout: HOOK_TIMEOUT_S }] });
  }
  const description = "OctoPerf polling policy: wait plan after a start, pace guard, outcome. Generated from src/policy by npm run build; do not edit.";
  return `${JSON.stringify({ description, hooks }, null, 2)}\n`;
}

export const HOOKS_JSON = join("hooks", "hooks.json");

/** Write hooks/hooks.json, or with `check` only report whether it is fresh. */
export function syncHooksJson(root: string, check: boolean): { path: string; fresh: boolean } {
  const path = join(root, HOOKS_JSON);
  const text = renderHooksJson();
  const fresh = existsSync(path) && readFileSync(path, "utf8") === text;
  if (!fresh && !check) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { path, fresh };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const check = process.argv.includes("--check");
  const { path, fresh } = syncHooksJson(root, check);
  if (check && !fresh) {
    console.error(`stale ${relative(root, path)} (run npm run build)`);
    process.exit(1);
  }
  console.log(fresh ? `${relative(root, path)} is fresh` : `wrote ${relative(root, path)}`);
}
