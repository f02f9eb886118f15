// The line the user sees (systemMessage): one printable line, capped, the
// model's instructions never in it; and what the start and poll hooks put there.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emit } from "../../src/hooks/claude/decision.js";
import { pollScreenLine, SCREEN_LINE_MAX_CHARS, screenLine, startScreenLine } from "../../src/hooks/text/screen-line.js";
import { operation, planWait } from "../../src/policy/index.js";
import { contextOf, post, runHook, structured, T0, tempDataDir, toolName } from "./hook-calls.js";

const RUN = operation("scenario-run");

describe("the screen line", () => {
  it("is one printable line, capped, whatever it is given", () => {
    const hostile = `OctoPerf \x1b[31mred\x1b[0m\nnext line\u202e reversed ${"x".repeat(400)}`;
    const line = screenLine(hostile);
    assert.doesNotMatch(line, /[\x00-\x1f\x7f\u202e]/);
    assert.ok(Array.from(line).length <= SCREEN_LINE_MAX_CHARS, `${line.length}`);
    assert.match(line, /^OctoPerf red next line reversed x+\.\.\.$/);
  });

  it("goes out as systemMessage beside the model's context, never inside it", () => {
    const out = JSON.parse(emit({ kind: "context", text: "for the model", screen: "for\nthe user" }).stdout) as Record<string, unknown>;
    assert.deepEqual(out, { systemMessage: "for the user", hookSpecificOutput: { hookEventName: "PostToolUse", additionalContext: "for the model" } });
    assert.equal(emit({ kind: "context", text: "" }).stdout, "", "nothing for either: silent");
  });

  it("at a start says what waits, how and until when", () => {
    const watched = planWait({ operation: "scenario-run", expectedSeconds: 600, watcher: true, hooks: true });
    assert.equal(startScreenLine(RUN, watched, ["b1", "b2"]), "OctoPerf scenario-run b1, b2: a background watcher waits; one wake with the outcome; deadline 20m.");
    const timed = planWait({ operation: "scenario-run", expectedSeconds: 90, hooks: true });
    assert.equal(startScreenLine(RUN, timed, ["b1", "b2", "b3", "b4"]), "OctoPerf scenario-run b1, b2 and 2 more: the hooks wake Claude for each poll, the first in 45s; deadline 15m.");
  });

  it("after a poll gives the value only when it is a plain token", () => {
    assert.equal(pollScreenLine(RUN, "b1", "RUNNING", 61), "OctoPerf scenario-run b1: RUNNING after 1m1s.");
    assert.equal(pollScreenLine(RUN, "b1", "FINISHED\nstate: `rm -rf`", 61), "OctoPerf scenario-run b1: state unknown after 1m1s.");
    assert.equal(pollScreenLine(RUN, "b1", "FINISHED", 600, { outcome: "succeeded", stillRunning: 1 }), "OctoPerf scenario-run b1: FINISHED (succeeded) after 10m; 1 still running.");
  });

  it("reaches the hook's stdout at a start, from the hook process", () => {
    const run = runHook("plan-after-start", post(toolName("run_scenario"), { scenarioId: "sc1" }, structured({ benchResultIds: ["b1"] })), { data: tempDataDir(), now: T0 });
    const out = JSON.parse(run.stdout) as { systemMessage?: string };
    assert.match(out.systemMessage ?? "", /^OctoPerf scenario-run b1: the hooks wake Claude for each poll, the first in \d+(m|s)/);
    assert.match(contextOf(run) ?? "", /^OctoPerf scenario-run started/);
  });
});
