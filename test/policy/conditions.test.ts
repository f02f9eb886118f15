// Condition waits: a wait with no handle, re-read until its items are ready,
// one fails, or the deadline passes. The verdicts are what a hook will act on.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cadenceFor } from "../../src/policy/cadence.js";
import {
  CONDITIONS,
  condition,
  conditionArmedBy,
  conditionCadence,
  conditionDeadline,
  conditionForReadTool,
  conditionKey,
  conditionTarget,
  CONDITION_MAX_ITEMS,
  evaluateCondition,
} from "../../src/policy/conditions.js";
import { HandleError } from "../../src/policy/handles.js";
import { SKILL_NAMES } from "../../src/policy/skills.js";
import { readCatalog, toolByName } from "../../src/schemas/catalog.js";

const agentsUp = condition("agents-up");
const agent = (id: string, state: unknown, extra: Record<string, unknown> = {}) => ({ id, state, ...extra });

describe("the condition table", () => {
  test("parses with its zod schema, and a malformed entry does not", async () => {
    const { ConditionWaitSchema, checkPolicy } = await import("../../src/policy/schema.js");
    await checkPolicy();
    assert.equal(ConditionWaitSchema.safeParse({ ...agentsUp, inFlight: ["up"] }).success, false, "values are upper case");
    assert.equal(ConditionWaitSchema.safeParse({ ...agentsUp, read: { tool: "list_provider_agents", keyArgs: [] } }).success, false);
    assert.equal(
      ConditionWaitSchema.safeParse({ ...agentsUp, armedBy: { tool: "get_onpremise_agent_command", keyArgs: ["providerId", "location"] } }).success,
      false,
      "arming and reading name the same key arguments",
    );
  });

  test("names catalog tools, their real arguments and result fields, and existing skills", () => {
    const catalog = toolByName(readCatalog());
    for (const cond of CONDITIONS) {
      for (const call of [cond.read, ...(cond.armedBy ? [cond.armedBy] : [])]) {
        const tool = catalog.get(call.tool);
        assert.ok(tool, `${call.tool} is not in the catalog`);
        for (const arg of call.keyArgs) assert.ok(arg in (tool.inputSchema.properties ?? {}), `${call.tool} has no argument ${arg}`);
      }
      const out = catalog.get(cond.read.tool)!.outputSchema as { properties?: Record<string, { items?: { properties?: Record<string, unknown> } }> };
      const item = out.properties?.[cond.items.field]?.items?.properties ?? {};
      for (const field of [cond.items.idField, cond.ready.every.field, ...cond.failed.map((f) => f.any.field)]) {
        assert.ok(field in item, `${cond.read.tool} items have no ${field}`);
      }
      for (const next of [cond.ready.next, cond.onDeadline, ...cond.failed.map((f) => f.next)]) {
        if (next.skill) assert.ok((SKILL_NAMES as readonly string[]).includes(next.skill), next.skill);
      }
    }
  });

  test("cadence and deadline follow the policy's formula", () => {
    assert.equal(conditionCadence(agentsUp), cadenceFor(agentsUp.expectedSeconds));
    assert.equal(conditionCadence(agentsUp), 30);
    assert.equal(conditionDeadline(agentsUp), 1800);
    assert.equal(conditionDeadline(agentsUp, 3600), 7200, "a longer expected time moves the deadline");
  });

  test("the read and the arming call are found by tool name, nothing else is", () => {
    assert.equal(conditionForReadTool("list_provider_agents"), agentsUp);
    assert.equal(conditionArmedBy("get_onpremise_agent_command"), agentsUp);
    assert.equal(conditionForReadTool("get_onpremise_agent_command"), undefined);
    assert.equal(conditionForReadTool("get_bench_result"), undefined);
  });
});

describe("keys", () => {
  test("the read and the arming call of one provider share one key, from the arguments", () => {
    const read = conditionKey("list_provider_agents", { providerId: "prov-1" });
    const armed = conditionKey("get_onpremise_agent_command", { providerId: "prov-1", location: "paris" });
    assert.equal(read?.key, "list_provider_agents:prov-1");
    assert.equal(armed?.key, read?.key);
    assert.notEqual(conditionKey("list_provider_agents", { providerId: "prov-2" })?.key, read?.key);
  });

  test("a call with a hostile or missing argument has no key", () => {
    for (const providerId of ["a b", "$(rm -rf /)", "", undefined, 12, "x".repeat(65), "id\nnext"]) {
      assert.equal(conditionKey("list_provider_agents", { providerId }), undefined, String(providerId));
    }
    assert.equal(conditionKey("get_bench_result", { benchResultId: "b1" }), undefined);
  });

  test("conditionTarget validates before anything reaches a prompt", () => {
    assert.deepEqual(conditionTarget(agentsUp, { providerId: "prov-1" }), {
      tool: "list_provider_agents",
      args: { providerId: "prov-1" },
      key: "list_provider_agents:prov-1",
    });
    assert.throws(() => conditionTarget(agentsUp, { providerId: "p;1" }), HandleError);
  });
});

describe("evaluateCondition", () => {
  test("ready when every agent is UP", () => {
    const verdict = evaluateCondition(agentsUp, { agents: [agent("a1", "UP"), agent("a2", "UP")] });
    assert.equal(verdict.kind, "ready");
    assert.equal(verdict.items, 2);
  });

  test("not ready while one agent is not UP yet; its state is flagged as unknown", () => {
    const verdict = evaluateCondition(agentsUp, { agents: [agent("a1", "UP"), agent("a2", "REGISTERING")] });
    assert.equal(verdict.kind, "waiting");
    assert.ok(verdict.kind === "waiting" && verdict.ready === 1 && verdict.unknown.includes(`"REGISTERING"`));
  });

  test("an empty list, a missing list or a garbled answer is not yet, never ready", () => {
    for (const answer of [{ agents: [] }, {}, null, "UP", [agent("a", "UP")], { agents: "UP" }, { agents: [null, 3] }]) {
      assert.equal(evaluateCondition(agentsUp, answer).kind, "waiting", JSON.stringify(answer));
    }
  });

  test("fewer agents than the machines set up is not yet", () => {
    const answer = { agents: [agent("a1", "UP")] };
    assert.equal(evaluateCondition(agentsUp, answer).kind, "ready");
    const verdict = evaluateCondition(agentsUp, answer, 3);
    assert.equal(verdict.kind, "waiting");
    assert.match(verdict.kind === "waiting" ? verdict.note : "", /1 of 3/);
  });

  test("a duplicate on one host fails the wait at once, even when every agent is UP", () => {
    const verdict = evaluateCondition(agentsUp, { agents: [agent("a1", "UP"), agent("a2", "UP", { duplicateOnHost: true })] });
    assert.equal(verdict.kind, "failed");
    assert.deepEqual(verdict.kind === "failed" ? verdict.offending : [], [`"a2"`]);
    assert.equal(evaluateCondition(agentsUp, { agents: [agent("a1", "UP", { duplicateOnHost: "true" })] }).kind, "ready", "only a boolean true counts");
  });

  test("values from outside come back printable and capped", () => {
    const verdict = evaluateCondition(agentsUp, { agents: [agent("a1", `DOWN\u0007${"x".repeat(100)}`)] });
    assert.equal(verdict.kind, "waiting");
    const shown = verdict.kind === "waiting" ? verdict.unknown[0]! : "";
    assert.ok(shown.length <= 43 && /^[\x20-\x7e]+$/.test(shown), shown);
  });

  test("the work per answer is bounded: items past the cap are not read", () => {
    const many = Array.from({ length: CONDITION_MAX_ITEMS + 5 }, (_, i) => agent(`a${i}`, "UP"));
    many[CONDITION_MAX_ITEMS + 1] = agent("late", "UP", { duplicateOnHost: true });
    const verdict = evaluateCondition(agentsUp, { agents: many });
    assert.equal(verdict.kind, "ready");
    assert.equal(verdict.items, CONDITION_MAX_ITEMS);
  });
});
