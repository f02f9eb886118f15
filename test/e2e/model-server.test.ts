// The scripted model on its own (no Claude Code): the event stream it sends,
// side requests, script overruns and Repeat steps.
import assert from "node:assert/strict";
import { test } from "node:test";
import { OVERRUN_REPLY, SIDE_REPLY, ScriptedModel } from "./harness/model-server.js";
import { repeat, text, tool } from "./harness/script.js";

const TOOLS = [{ name: "Bash", description: "run", input_schema: { type: "object" } }];

function body(messages: unknown[], tools: unknown[] = TOOLS): string {
  return JSON.stringify({ model: "claude-test", max_tokens: 100, stream: true, messages, tools });
}

async function post(model: ScriptedModel, path: string, payload: string): Promise<string> {
  const response = await fetch(`${model.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
  assert.equal(response.status, 200);
  return response.text();
}

interface StreamEvent {
  readonly type: string;
  readonly delta?: { readonly type?: string; readonly text?: string; readonly partial_json?: string; readonly stop_reason?: string };
  readonly content_block?: { readonly type: string; readonly name?: string };
}

function parse(stream: string): StreamEvent[] {
  return stream
    .split("\n\n")
    .filter(Boolean)
    .map((chunk) => {
      const [eventLine, dataLine] = chunk.split("\n");
      const data = JSON.parse((dataLine ?? "").replace(/^data: /, "")) as StreamEvent;
      assert.equal(eventLine, `event: ${data.type}`);
      return data;
    });
}

test("a text-then-tool_use reply streams as message_start, two blocks (text_delta, input_json_delta), message_delta tool_use, message_stop", async () => {
  const input = { command: `echo ${"x".repeat(200)}` };
  const model = await new ScriptedModel([tool("Bash", input, "Running it.")]).start();
  try {
    const events = parse(await post(model, "/v1/messages?beta=true", body([{ role: "user", content: "go" }])));
    assert.deepEqual(
      events.map((e) => e.type).filter((t, i, all) => t !== all[i - 1]),
      ["message_start", "content_block_start", "content_block_delta", "content_block_stop", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
    );
    assert.equal(events.find((e) => e.content_block?.type === "tool_use")?.content_block?.name, "Bash");
    const json = events.filter((e) => e.delta?.type === "input_json_delta").map((e) => e.delta?.partial_json ?? "");
    assert.ok(json.length > 1, "the input should arrive in several deltas");
    assert.deepEqual(JSON.parse(json.join("")), input);
    assert.equal(events.find((e) => e.type === "message_delta")?.delta?.stop_reason, "tool_use");
    model.assertComplete();
  } finally {
    await model.stop();
  }
});

test("side requests (no tools) get a fixed answer and use no step; count_tokens answers", async () => {
  const model = await new ScriptedModel([text("the scripted answer")]).start();
  try {
    const side = parse(await post(model, "/v1/messages", body([{ role: "user", content: "title?" }], [])));
    assert.equal(side.find((e) => e.delta?.type === "text_delta")?.delta?.text, SIDE_REPLY);
    assert.equal(model.remaining, 1);
    const counted = JSON.parse(await post(model, "/v1/messages/count_tokens", body([{ role: "user", content: "hi" }]))) as { input_tokens: number };
    assert.ok(counted.input_tokens > 0);
    const main = parse(await post(model, "/v1/messages", body([{ role: "user", content: "hi" }])));
    assert.equal(main.find((e) => e.delta?.type === "text_delta")?.delta?.text, "the scripted answer");
    assert.equal(main.find((e) => e.type === "message_delta")?.delta?.stop_reason, "end_turn");
    assert.equal(model.sideRequests.length, 1);
    assert.equal(model.requests.length, 1);
    model.assertComplete();
  } finally {
    await model.stop();
  }
});

test("a request past the end of the script, an unused step and a failing step are all reported", async () => {
  const model = await new ScriptedModel([text("one")]).start();
  const unused = await new ScriptedModel([text("one"), text("two")]).start();
  const failing = await new ScriptedModel([() => { throw new Error("no tool result to read"); }]).start();
  try {
    await post(model, "/v1/messages", body([{ role: "user", content: "a" }]));
    const over = parse(await post(model, "/v1/messages", body([{ role: "user", content: "b" }])));
    assert.equal(over.find((e) => e.delta?.type === "text_delta")?.delta?.text, OVERRUN_REPLY);
    assert.throws(() => model.assertComplete(), /after the end of the script/);
    await post(unused, "/v1/messages", body([{ role: "user", content: "a" }]));
    assert.throws(() => unused.assertComplete(), /1 script step\(s\) never used/);
    await post(failing, "/v1/messages", body([{ role: "user", content: "a" }]));
    assert.throws(() => failing.assertComplete(), /no tool result to read/);
  } finally {
    await Promise.all([model.stop(), unused.stop(), failing.stop()]);
  }
});

test("a Repeat step answers until it hands the request on", async () => {
  const model = await new ScriptedModel([repeat(5, (_turn, round) => (round < 2 ? text(`round ${round}`) : undefined)), text("after")]).start();
  try {
    const answers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const events = parse(await post(model, "/v1/messages", body([{ role: "user", content: String(i) }])));
      answers.push(events.find((e) => e.delta?.type === "text_delta")?.delta?.text ?? "");
    }
    assert.deepEqual(answers, ["round 0", "round 1", "after"]);
    model.assertComplete();
  } finally {
    await model.stop();
  }
});
