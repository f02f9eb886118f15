// Claude Code tool calls spelled out in a skill are valid against the pinned
// client's sdk-tools.d.ts: known keys, required keys (unless the object says
// `...` for "other keys"), types, and the limits its doc comments state;
// `/loop` intervals use its syntax; Bash sleeps stay under the refusal
// threshold.
import { BASH_BACKGROUND_MAX_TIMEOUT_MS, CLAUDE_SLEEP_REFUSAL_THRESHOLD_S } from "../../policy/index.js";
import type { JsonSchema } from "../../schemas/json-schema.js";
import { HARNESS_SUBJECT_RE, PERMISSION_RE, REFUSAL_RE } from "../claims.js";
import { claudeCalls, loopCommands, sleepCommands, type ClaudeCall } from "../claude-calls.js";
import { Placeholder } from "../loose-json.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

const NEGATION_RE = /\b(refuse[sd]?|never|not|n't|block(?:s|ed)?|intercept(?:s|ed)?|instead of)\b/i;

/** The sleep's own sentence ends with a question mark (a few words on, before any full stop). */
const QUESTION_AROUND_RE = /^[^.!?]{0,160}\?/;

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value;
}

function propertyProblems(tool: string, key: string, value: unknown, schema: JsonSchema): string[] {
  if (value instanceof Placeholder) return [];
  const problems: string[] = [];
  const expected = schema.type;
  if (expected && typeOf(value) !== expected) problems.push(`${tool}.${key} must be a ${expected}, got ${typeOf(value)}`);
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) problems.push(`${tool}.${key} = ${value} is below ${schema.minimum} (Claude Code clamps it to [${schema.minimum}, ${schema.maximum ?? "..."}])`);
    if (typeof schema.maximum === "number" && value > schema.maximum) problems.push(`${tool}.${key} = ${value} is above the ${schema.maximum} cap`);
  }
  if (schema.enum && !schema.enum.includes(String(value))) problems.push(`${tool}.${key} must be one of ${schema.enum.join(", ")}`);
  return problems;
}

function callProblems(call: ClaudeCall, context: LintContext): string[] {
  if (call.error) return [`${call.tool}: ${call.error}`];
  const args = call.args ?? {};
  const schema = context.claudeCode.tools[call.tool];
  const properties = schema.properties ?? {};
  const problems: string[] = [];
  // Bash's timeout cap (600000) is for a foreground command; with run_in_background it is the policy's, from the same file.
  const background = call.tool === "Bash" && (args as Record<string, unknown>).run_in_background === true;
  for (const [key, value] of Object.entries(args)) {
    const property = properties[key];
    const limited = background && key === "timeout" && property ? { ...property, maximum: BASH_BACKGROUND_MAX_TIMEOUT_MS } : property;
    if (!limited) problems.push(`${call.tool} has no field "${key}" in Claude Code ${context.claudeCode.version} (fields: ${Object.keys(properties).join(", ") || "none"})`);
    else problems.push(...propertyProblems(call.tool, key, value, limited));
  }
  if (!call.partial) for (const key of schema.required ?? []) if (!(key in args)) problems.push(`${call.tool} needs "${key}"`);
  const cron = args.cron;
  if (call.tool === "CronCreate" && typeof cron === "string" && cron.trim().split(/\s+/).length !== 5) {
    problems.push(`CronCreate.cron "${cron}" must have 5 fields (minute hour day month weekday); cron has no seconds`);
  }
  return problems;
}

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const call of claudeCalls(file)) {
    if (call.forbidden) continue;
    for (const message of callProblems(call, context)) findings.push({ line: call.line, column: call.column, message });
  }
  for (const loop of loopCommands(file)) {
    if (loop.forbidden) continue;
    if (loop.token !== undefined && loop.seconds === undefined) {
      findings.push({ line: loop.line, column: loop.column, message: `/loop interval "${loop.token}" is not valid: write a number and one unit, e.g. 1m, 5m, 2h` });
    }
  }
  for (const sleep of sleepCommands(file)) {
    if (sleep.generated || sleep.forbidden || sleep.seconds < CLAUDE_SLEEP_REFUSAL_THRESHOLD_S) continue;
    if (!sleep.fenced && (NEGATION_RE.test(sleep.lineText) || REFUSAL_RE.test(sleep.lineText))) continue;
    // A line that says the client lets the sleep run ("Claude Code runs a `sleep 40`") is a claim, harness-claims' to judge, not a sleep to run.
    if (!sleep.fenced && PERMISSION_RE.test(sleep.lineText) && HARNESS_SUBJECT_RE.test(sleep.lineText)) continue;
    // A sleep asked about ("Could I just put a `sleep 45` between polls?") is no step to run.
    if (!sleep.fenced && QUESTION_AROUND_RE.test(sleep.lineText.slice(sleep.column - 1))) continue;
    findings.push({ line: sleep.line, column: sleep.column, message: `Claude Code refuses a Bash "sleep ${sleep.seconds}" (${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S} s or more); use Monitor, /loop or ScheduleWakeup` });
  }
  return findings;
}

export const claudeCodeCallsRule: Rule = {
  id: "claude-code-calls",
  description:
    "Claude Code tool arguments (CronCreate, ScheduleWakeup, Monitor, Bash...) written near the tool's name, as JSON, loose objects or keyword arguments, `/loop` intervals and Bash sleeps are valid for the pinned client",
  check,
};
