// Hook input is a union keyed on the event. At run time: a PreToolUse input
// never carries a tool response, even when stdin has one. At compile time
// (npm run typecheck): a decide() cannot read a field its event lacks, nor
// give a decision its event cannot carry; each @ts-expect-error below fails
// the type check if the types ever allow it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Decide } from "../../src/hooks/claude/decision.js";
import { parseHookInput } from "../../src/hooks/claude/input.js";
import { decideOutcome } from "../../src/hooks/by-name/poll-outcome.js";
import type { HookSpec } from "../../src/hooks/runtime/registry.js";
import { SESSION } from "./hook-calls.js";

const stdin = (event: string) => JSON.stringify({ session_id: SESSION, hook_event_name: event, tool_name: "mcp__octoperf__get_bench_result", tool_input: { benchResultId: "b1" }, tool_response: "{}" });

describe("hook input", () => {
  it("keeps the tool response of a PostToolUse input only", () => {
    const post = parseHookInput(stdin("PostToolUse"));
    assert.equal(post.event === "PostToolUse" && post.toolResponse, "{}");
    assert.deepEqual(Object.keys(parseHookInput(stdin("PreToolUse"))).sort(), ["event", "sessionId", "toolInput", "toolName"]);
  });

  it("is typed by its event", () => {
    const readsResponse: Decide<"PreToolUse"> = (input, state) => {
      // @ts-expect-error a PreToolUse input has no tool response
      void input.toolResponse;
      return { state };
    };
    // @ts-expect-error a PreToolUse hook can deny, not add context
    const addsContext: Decide<"PreToolUse"> = (_input, state) => ({ state, decision: { kind: "context", text: "x" } });
    // @ts-expect-error a PostToolUse hook cannot deny
    const denies: Decide<"PostToolUse"> = (_input, state) => ({ state, decision: { kind: "deny", reason: "x" } });
    // @ts-expect-error a deny carries its reason
    const noReason: Decide<"PreToolUse"> = (_input, state) => ({ state, decision: { kind: "deny" } });
    // @ts-expect-error a PostToolUse decide() cannot run on PreToolUse
    const mismatched: HookSpec = { name: "x", event: "PreToolUse", matcher: "x", purpose: "x", decide: decideOutcome, options: { timeout: 10 } };
    assert.equal([readsResponse, addsContext, denies, noReason, mismatched].length, 5);
  });
});
