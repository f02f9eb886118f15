// The hooks pace a wait with no handle (agents coming UP): the arming call
// starts the clock, re-reads are paced at the policy's cadence, and each
// answer is judged with the policy's predicates. From source, fixed clock.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decideConditionArm, decideConditionRead } from "../../src/hooks/by-name/condition-outcome.js";
import { decideConditionPace } from "../../src/hooks/by-name/condition-pace.js";
import type { PostToolUseInput, PreToolUseInput } from "../../src/hooks/claude/input.js";
import { emptyState, isSessionState, type SessionState } from "../../src/hooks/session/state.js";
import { condition, conditionCadence, conditionDeadline } from "../../src/policy/index.js";
import { ctxAt, SESSION, structured, T0, toolName } from "./hook-calls.js";
import { minimumGapSeconds } from "../../src/policy/index.js";

const cond = condition("agents-up");
const KEY = "list_provider_agents:prov-1";
const N = conditionCadence(cond);
const at = (seconds: number) => ctxAt(seconds);
const post = (tool: string, toolResponse: unknown, input: Record<string, unknown> = { providerId: "prov-1" }): PostToolUseInput => ({
  event: "PostToolUse",
  sessionId: SESSION,
  toolName: toolName(tool),
  toolInput: input,
  toolResponse,
});
const READ: PreToolUseInput = { event: "PreToolUse", sessionId: SESSION, toolName: toolName("list_provider_agents"), toolInput: { providerId: "prov-1" } };
const agents = (...list: Array<[string, string, boolean?]>) => structured({ agents: list.map(([id, state, duplicateOnHost]) => ({ id, state, ...(duplicateOnHost ? { duplicateOnHost } : {}) })) });

function armed(): SessionState {
  const decided = decideConditionArm(post("get_onpremise_agent_command", structured({ command: "docker run ..." }), { providerId: "prov-1", location: "paris" }), emptyState(), at(0));
  return decided.state;
}

describe("a wait with no handle, paced by the hooks", () => {
  it("the install command starts the clock: cadence and deadline from the policy, and the loop line to wait with", () => {
    const decided = decideConditionArm(post("get_onpremise_agent_command", structured({ command: "x" }), { providerId: "prov-1", location: "paris" }), emptyState(), at(0));
    const record = decided.state.conditions?.[KEY];
    assert.deepEqual(record, { id: "agents-up", startedAt: T0, cadenceSeconds: N, deadlineAt: T0 + conditionDeadline(cond) * 1000 });
    assert.ok(isSessionState(decided.state));
    const text = decided.decision?.text ?? "";
    assert.ok(text.includes(`list_provider_agents(providerId=prov-1) every ${N} s`), text);
    assert.ok(text.includes("/loop "), text);
  });

  it("a listing of agents that nobody armed is not a wait: it passes and nothing is recorded", () => {
    const state = emptyState();
    assert.equal(decideConditionPace(READ, state, at(0)).state, state);
    assert.equal(decideConditionRead(post("list_provider_agents", agents(["a1", "STARTING"])), state, at(0)).decision, undefined);
  });

  it("paces re-reads at the cadence, with the same grace as polls", () => {
    const first = decideConditionPace(READ, armed(), at(10));
    assert.equal(first.decision, undefined);
    assert.equal(first.state.conditions?.[KEY]?.lastReadAt, T0 + 10_000);
    const early = decideConditionPace(READ, first.state, at(10 + minimumGapSeconds(N) - 1));
    assert.match(early.decision?.reason ?? "", /^Too soon: the agents-up wait was re-read \d+ s ago and its cadence is \d+ s/);
    assert.equal(decideConditionPace(READ, first.state, at(10 + minimumGapSeconds(N))).decision, undefined);
  });

  it("says ready when every agent is UP, then refuses further re-reads with the verdict", () => {
    const decided = decideConditionRead(post("list_provider_agents", agents(["a1", "UP"], ["a2", "UP"])), armed(), at(60));
    assert.match(decided.decision?.text ?? "", /^OctoPerf agents-up: is ready: every listed agent is UP \(2 listed\)\. Next: /);
    assert.equal(decided.state.conditions?.[KEY]?.ended?.kind, "ready");
    assert.match(decideConditionPace(READ, decided.state, at(600)).decision?.reason ?? "", /^Already ended: the agents-up wait is ready/);
  });

  it("fails at once on a duplicate agent, naming it safely", () => {
    const decided = decideConditionRead(post("list_provider_agents", agents(["a1", "UP"], ["a\u001b[2J2\nforged", "UP", true])), armed(), at(60));
    const text = decided.decision?.text ?? "";
    assert.match(text, /^OctoPerf agents-up: failed: two agents run on one machine/);
    assert.ok(!/[\u0000-\u001f]/.test(text), JSON.stringify(text));
    assert.equal(decided.state.conditions?.[KEY]?.ended?.kind, "failed");
    assert.ok(isSessionState(decided.state));
  });

  it("keeps waiting on a state it does not know, says so, and gives up at the deadline with the policy's advice", () => {
    const waiting = decideConditionRead(post("list_provider_agents", agents(["a1", "REGISTERING"])), armed(), at(60));
    assert.match(waiting.decision?.text ?? "", /"REGISTERING" is not a value the policy knows, so it counts as not yet/);
    assert.equal(waiting.state.conditions?.[KEY]?.ended, undefined);
    const late = decideConditionRead(post("list_provider_agents", agents(["a1", "REGISTERING"])), armed(), at(conditionDeadline(cond) + 1));
    assert.match(late.decision?.text ?? "", /passed its deadline .* Next: stop re-reading/);
    assert.equal(late.state.conditions?.[KEY]?.ended?.kind, "deadline");
  });

  it("an answer without the list, or an error, is not a verdict", () => {
    for (const response of [structured({}), "not json", [{ type: "text", text: "boom" }]]) {
      const decided = decideConditionRead(post("list_provider_agents", response), armed(), at(60));
      assert.equal(decided.state.conditions?.[KEY]?.ended, undefined, JSON.stringify(response));
    }
  });
});
