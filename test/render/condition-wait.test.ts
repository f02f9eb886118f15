// The generated text of condition waits: every number and name comes from
// the policy's data, the Claude Code instructions keep the cadence, and the
// re-read prompt names the key values a hook ties the loop to.
import assert from "node:assert/strict";
import { test } from "node:test";
import { condition, conditionCadence, conditionDeadline, conditionTarget, CONDITIONS } from "../../src/policy/conditions.js";
import { formatDuration } from "../../src/policy/duration.js";
import { CRON_FLOOR_S } from "../../src/policy/harness.js";
import { REGION_RENDERERS } from "../../src/render/blocks/index.js";
import { conditionWait, conditionWaits } from "../../src/render/blocks/condition-wait.js";
import { conditionCronCreateArgs, conditionLoopLine, conditionPrompt } from "../../src/calls/condition-calls.js";

test("both regions are registered with the generator", () => {
  assert.equal(REGION_RENDERERS["condition-wait"], conditionWait);
  assert.equal(REGION_RENDERERS["condition-waits"], conditionWaits);
});

for (const cond of CONDITIONS) {
  test(`${cond.id}: the note states the policy's call, cadence, deadline, ready and failed tests`, () => {
    const note = conditionWait({ condition: cond.id });
    assert.ok(note.includes(`\`${cond.read.tool}(${cond.read.keyArgs.join(", ")})\``), note);
    assert.ok(note.includes(`every ${conditionCadence(cond)} s`), note);
    assert.ok(note.includes(`give up after ${formatDuration(conditionDeadline(cond))}`), note);
    assert.ok(note.includes(`expected ${formatDuration(cond.expectedSeconds)}`), note);
    for (const value of "in" in cond.ready.every ? cond.ready.every.in : []) assert.ok(note.includes(`\`${value}\``), value);
    for (const rule of cond.failed) assert.ok(note.includes(`\`${rule.any.field}\``) && note.includes(rule.meaning), rule.meaning);
    assert.ok(note.includes(cond.onDeadline.action));
    if (cond.armedBy) assert.ok(note.includes(`\`${cond.armedBy.tool}\``));
    assert.doesNotMatch(note, /Monitor|watcher/, "the watcher follows handles only; it is not offered for a condition");
  });
}

test("agents-up: a 30 s cadence is paced by a one-minute loop, said to be slower than N", () => {
  const cond = condition("agents-up");
  const note = conditionWait({ condition: "agents-up" });
  assert.ok(conditionCadence(cond) > 24 && conditionCadence(cond) < CRON_FLOOR_S);
  assert.match(note, /`\/loop 1m <re-read prompt>`/);
  assert.match(note, /not 30 s/);
});

test("the re-read prompt names the provider and both ends, and the loop arguments carry it", () => {
  const cond = condition("agents-up");
  const target = conditionTarget(cond, { providerId: "prov-9" });
  const prompt = conditionPrompt(cond, target);
  assert.match(prompt, /^octoperf agents-up: call list_provider_agents\(providerId=prov-9\)\./);
  assert.match(prompt, /state is UP/);
  assert.match(prompt, /duplicateOnHost is true/);
  assert.match(prompt, /CronDelete this job/);
  assert.equal(conditionLoopLine(cond, target), `/loop 1m ${prompt}`);
  assert.deepEqual(conditionCronCreateArgs(cond, target), { cron: "* * * * *", prompt, recurring: true });
});

test("the polling skill's list has one line per condition, and a bad parameter is an error", () => {
  assert.equal(conditionWaits().split("\n").length, CONDITIONS.length);
  assert.throws(() => conditionWait({ condition: "nope" }), /condition-wait needs condition=/);
  assert.throws(() => conditionWait({}), /condition-wait needs condition=/);
});
