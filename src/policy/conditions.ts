// Waits with no handle. Some OctoPerf work never returns an id: on-premise
// agents come UP on the user's own machines after someone runs the install
// command there. What the agent can do is re-read a list at the policy's
// cadence until a condition holds over it, a failure shows in it, or the
// deadline passes. The data says which call to re-read (and the arguments
// that name the wait), which call arms the clock, the ready and failed
// predicates over the listed items, the expected time and the deadline; the
// generator, the hooks and the tests read it. Its zod schema is in schema.ts.
//
// Facts (OctoPerf's public plugin, OctoPerf/octoperf-claude-plugins,
// skills/octoperf-onpremise-agent/SKILL.md at 5fd0ad8): `list_provider_agents`
// lists each agent with `state` and `duplicateOnHost`; agents take about a
// minute to register once started and then show `UP`; `duplicateOnHost` true
// means a second agent runs on the same machine, which adds no capacity and
// must be removed. No other agent state is published: any other value is
// "not yet", flagged as unknown, and bounded by the deadline.
//
// Pacing it from a hook (src/hooks/by-name/condition-pace.ts does this):
// - key: conditionKey(tool, tool_input) for both the arming call and the
//   read; they give the same key ("list_provider_agents:<providerId>"), and
//   undefined for any argument that is not a valid handle (then do nothing).
// - PostToolUse on `armedBy.tool`: record the key with startedAt = now,
//   cadence = conditionCadence(cond), deadlineAt = now + conditionDeadline(cond),
//   and inject conditionNote(cond) or the concrete conditionLoopLine /
//   conditionCronCreateArgs(cond, conditionTarget(cond, input)) from
//   src/calls/condition-calls.ts.
// - PreToolUse on `read.tool`: pace only keys that were armed (a plain
//   listing of agents is not a wait); the first read passes, later ones need
//   the cadence (with the same grace as handles); after ready or failed,
//   refuse with the verdict. A read of an unarmed key may arm it.
// - PostToolUse on `read.tool`: evaluateCondition(cond, parsed result) ->
//   ready (stop: CronDelete the loop, give ready.next), failed (stop, give
//   the rule's meaning, the offending ids and next), waiting (keep; say
//   `unknown` values are unknown). Past deadlineAt: stop and give onDeadline.
// - A CronCreate whose prompt starts "octoperf <condition id>:" and names the
//   key values belongs to that wait (conditionPrompt writes it so).
import { cadenceFor } from "./cadence.js";
import { isHandle, validateHandle } from "./handles.js";
import type { ConditionId } from "./operation-ids.js";
import type { ConditionWait, ItemTest, NextStep } from "./schema.js";
import { targetKey, type PollTarget } from "./targets.js";
import { quoted } from "./untrusted-text.js";

export { CONDITION_IDS, isConditionId, type ConditionId } from "./operation-ids.js";
export type { ConditionWait, ItemTest } from "./schema.js";

const RAW_CONDITIONS: readonly ConditionWait[] = [
  {
    id: "agents-up",
    title: "On-premise agents coming UP",
    read: { tool: "list_provider_agents", keyArgs: ["providerId"] },
    armedBy: { tool: "get_onpremise_agent_command", keyArgs: ["providerId"] },
    items: { field: "agents", idField: "id" },
    inFlight: [],
    ready: {
      every: { field: "state", in: ["UP"] },
      atLeast: 1,
      meaning: "every listed agent is UP",
      next: {
        action: "compare the count with the machines the user installed on, then validate a virtual user on the provider's location",
        skill: "octoperf-workspace-setup",
      },
    },
    failed: [
      {
        any: { field: "duplicateOnHost", equals: true },
        meaning: "two agents run on one machine: no capacity is added and memory is oversold",
        next: { action: "have the user run the extra agent's uninstallCommand on that machine, then re-read", skill: "octoperf-workspace-setup" },
      },
    ],
    expectedSeconds: 300,
    expectedNote: "the user runs the command on each machine, Docker pulls the image, the agent registers within about a minute",
    deadline: { minSeconds: 1800, slackSeconds: 1500, slackRatio: 1 },
    onDeadline: {
      action:
        "stop re-reading; ask whether the command ran, whether Docker runs on that machine and whether it reaches the OctoPerf server named in the command",
      skill: "octoperf-workspace-setup",
    },
  },
];

export const CONDITIONS: readonly ConditionWait[] = Object.freeze(RAW_CONDITIONS.map((c) => Object.freeze(c)));

/** At most this many listed items are read; the rest count as not ready. */
export const CONDITION_MAX_ITEMS = 1000;

export function condition(id: ConditionId): ConditionWait {
  const found = CONDITIONS.find((c) => c.id === id);
  if (!found) throw new Error(`unknown condition ${id}`);
  return found;
}

/** The condition whose re-read call is this tool, if any. */
export function conditionForReadTool(tool: string): ConditionWait | undefined {
  return CONDITIONS.find((c) => c.read.tool === tool);
}

/** The condition whose clock this tool starts (the install command was handed out), if any. */
export function conditionArmedBy(tool: string): ConditionWait | undefined {
  return CONDITIONS.find((c) => c.armedBy?.tool === tool);
}

export function conditionCadence(cond: ConditionWait, expectedSeconds: number = cond.expectedSeconds): number {
  return cadenceFor(expectedSeconds);
}

/** Deadline = max(minSeconds, expected + max(slackSeconds, expected * slackRatio)), counted from arming or the first read. */
export function conditionDeadline(cond: ConditionWait, expectedSeconds: number = cond.expectedSeconds): number {
  const { minSeconds, slackSeconds, slackRatio } = cond.deadline;
  return Math.max(minSeconds, Math.ceil(expectedSeconds + Math.max(slackSeconds, expectedSeconds * slackRatio)));
}

/**
 * The read call for a wait, with validated arguments, and the key a hook
 * paces it by: the read tool and the values of its key arguments, the same
 * form as a handle's poll key. The arming call's input gives the same key
 * (it names the same provider). Throws a HandleError on a bad value.
 */
export function conditionTarget(cond: ConditionWait, input: Readonly<Record<string, unknown>>): PollTarget {
  const args: Record<string, string> = {};
  for (const name of cond.read.keyArgs) args[name] = validateHandle(name, input[name]);
  return { tool: cond.read.tool, args, key: targetKey(cond.read.tool, args) };
}

/** The key a call of `tool` with `input` belongs to (a read or an arming call), or undefined when it is not one. */
export function conditionKey(tool: string, input: Readonly<Record<string, unknown>>): { condition: ConditionWait; key: string } | undefined {
  const cond = conditionForReadTool(tool) ?? conditionArmedBy(tool);
  if (!cond) return undefined;
  const names = cond.read.tool === tool ? cond.read.keyArgs : (cond.armedBy?.keyArgs ?? []);
  const args: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    const value = input[name];
    if (!isHandle(value)) return undefined;
    args[cond.read.keyArgs[index]!] = value;
  }
  return { condition: cond, key: targetKey(cond.read.tool, args) };
}

export type ConditionVerdict =
  | { readonly kind: "ready"; readonly items: number; readonly meaning: string; readonly next: NextStep }
  | { readonly kind: "failed"; readonly items: number; readonly meaning: string; readonly next: NextStep; readonly offending: readonly string[] }
  | {
      readonly kind: "waiting";
      readonly items: number;
      readonly ready: number;
      /** Values of the ready field the policy does not know (printable, capped). */
      readonly unknown: readonly string[];
      readonly note: string;
    };

type Json = unknown;
const isRecord = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);

function holds(test: ItemTest, item: Record<string, Json>): boolean {
  const value = item[test.field];
  return "in" in test ? typeof value === "string" && test.in.includes(value) : value === test.equals;
}

/** True when a string value is one the ready test accepts. */
function known(test: ItemTest, value: string): boolean {
  return "in" in test && test.in.includes(value);
}

/** A short, printable form of an outside value for a verdict (never the raw text). */
function shown(value: Json): string {
  return quoted(typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value);
}

/**
 * Where the condition stands after one read. `result` is the read tool's
 * parsed answer. A failure predicate wins over readiness; an answer without
 * the list, an empty list, fewer items than expected, or a value the policy
 * does not know all mean "not yet" (the deadline still applies).
 * `expectedItems` raises the ready count to the machines the user installed on.
 */
export function evaluateCondition(cond: ConditionWait, result: Json, expectedItems?: number): ConditionVerdict {
  const listed = isRecord(result) ? result[cond.items.field] : undefined;
  if (!Array.isArray(listed)) {
    return { kind: "waiting", items: 0, ready: 0, unknown: [], note: `no ${cond.items.field} list in the answer; treated as not yet` };
  }
  const items = listed.slice(0, CONDITION_MAX_ITEMS);
  for (const rule of cond.failed) {
    const offending = items.filter((item) => isRecord(item) && holds(rule.any, item)).map((item) => shown((item as Record<string, Json>)[cond.items.idField]));
    if (offending.length > 0) return { kind: "failed", items: items.length, meaning: rule.meaning, next: rule.next, offending: offending.slice(0, 10) };
  }
  const ready = items.filter((item) => isRecord(item) && holds(cond.ready.every, item)).length;
  const atLeast = Math.max(cond.ready.atLeast, expectedItems ?? 0);
  if (ready === items.length && ready >= atLeast) return { kind: "ready", items: items.length, meaning: cond.ready.meaning, next: cond.ready.next };
  const field = cond.ready.every.field;
  const unknown = [
    ...new Set(
      items
        .map((item) => (isRecord(item) ? item[field] : undefined))
        .filter((value) => !(typeof value === "string" && (known(cond.ready.every, value) || cond.inFlight.includes(value))))
        .map(shown),
    ),
  ].slice(0, 5);
  const note =
    items.length < atLeast
      ? `${items.length} of ${atLeast} expected ${cond.items.field} listed; not yet`
      : `${ready} of ${items.length} ${cond.items.field} ready; not yet`;
  return { kind: "waiting", items: items.length, ready, unknown, note };
}
