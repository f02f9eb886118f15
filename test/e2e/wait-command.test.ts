// Scenario 5: `/octoperf:wait <id> 5m` expands, in the real client, to the
// instructions the policy gives (and the CronCreate they teach is accepted);
// the watcher check reports whether a key is set without showing it; a hostile
// handle stays data: it never reaches a shell and the expansion tells the
// model to refuse it.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { operation, planWait, pollTargets, PLUGIN_NAME } from "../../src/policy/index.js";
import { checkFile } from "../../src/render/generate.js";
import { findRegions } from "../../src/render/regions.js";
import { cronCreateArgs } from "../../src/calls/wait-calls.js";
import { messageTexts, toolResults } from "./harness/requests.js";
import { REPO_ROOT } from "./harness/run-claude.js";
import { text, tool, toolSearch } from "./harness/script.js";
import { describeRun, hookProblems, runSession, type SessionRecord } from "./harness/session.js";

const HANDLE = "benchE2e42";
const COMMAND = `/${PLUGIN_NAME}:wait`;
const PLACEHOLDER = "BENCH_RESULT_ID";
/** A stand-in key: only whether it is set may reach the model. */
const FAKE_KEY = "octoperf-e2e-fake-key-7f3a";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "octoperf-e2e-wait-"));
});
after(async () => rm(dir, { recursive: true, force: true }));

/** The command body as the model read it (the text block after the command tags). */
function expansion(record: SessionRecord): string {
  const first = record.model.requests[0];
  assert.ok(first, describeRun(record));
  const body = messageTexts(first).find((t) => t.includes("<arguments>"));
  assert.ok(body, `${COMMAND} did not expand\n${describeRun(record)}`);
  return body;
}

function argumentsBlock(body: string): string {
  const match = /<arguments>\n([\s\S]*?)\n<\/arguments>/.exec(body);
  assert.ok(match, "no <arguments> block");
  return match[1] ?? "";
}

function watcherCheck(body: string): string {
  const match = /never the key\): (\S+)/.exec(body);
  assert.ok(match, "no watcher check line");
  return match[1] ?? "";
}

/** The CronCreate example of the loop step, as JSON. */
function cronExample(body: string): Record<string, unknown> {
  const step = body.slice(body.indexOf("CronCreate**"));
  const match = /```json\n([\s\S]*?)\n```/.exec(step);
  assert.ok(match?.[1], "no CronCreate example");
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe("scenario 5: /octoperf:wait", { concurrency: true }, () => {
  test(`${COMMAND} ${HANDLE} 5m expands to the policy's instructions, and its CronCreate is accepted`, async () => {
    let example: Record<string, unknown> = {};
    const record = await runSession({
      prompt: `${COMMAND} ${HANDLE} 5m`,
      plugin: { mcp: "none" },
      allowedTools: ["ToolSearch", "CronCreate", "CronDelete"],
      steps: [
        toolSearch(["CronCreate", "CronDelete"]),
        (turn) => {
          const body = messageTexts(turn.history[0] ?? turn.request).find((t) => t.includes("<arguments>")) ?? "";
          const raw = JSON.stringify(cronExample(body)).replaceAll(PLACEHOLDER, HANDLE);
          example = JSON.parse(raw) as Record<string, unknown>;
          return tool("CronCreate", example);
        },
        (turn) => {
          const id = /\bjob ([0-9a-z]+)\b/i.exec(turn.toolResult?.text ?? "")?.[1];
          if (!id) throw new Error(`no job id in: ${turn.toolResult?.text ?? ""}`);
          return tool("CronDelete", { id });
        },
        text("Waiting on it."),
      ],
    });
    record.model.assertComplete();
    assert.deepEqual(hookProblems(record), []);
    const body = expansion(record);
    assert.equal(argumentsBlock(body), `${HANDLE} 5m`);
    assert.equal(watcherCheck(body), "false");

    // The generated parts are what the policy renders now. Claude Code replaced the
    // command's one !`check` with its output, and ${CLAUDE_PLUGIN_ROOT} with the plugin's path.
    const root = record.pluginRoot;
    assert.ok(root);
    const rendered = checkFile(join(REPO_ROOT, "commands", "wait.md")).rendered;
    for (const region of findRegions(rendered)) {
      const shown = region.body.replace(/!`[^`]*`/g, watcherCheck(body)).replaceAll("${CLAUDE_PLUGIN_ROOT}", root);
      assert.ok(body.includes(shown), `region "${region.name}" is missing or stale`);
    }
    // The loop it teaches is the policy's, for this handle and 5 minutes.
    const plan = planWait({ operation: "scenario-run", expectedSeconds: 300 });
    assert.deepEqual(example, { ...cronCreateArgs(plan, pollTargets(operation("scenario-run"), [HANDLE])) });

    const last = record.model.requests.at(-1);
    assert.ok(last);
    const results = toolResults(last);
    const created = results.find((r) => r.toolName === "CronCreate");
    assert.equal(created?.isError, false, created?.text);
    const deleted = results.find((r) => r.toolName === "CronDelete");
    assert.equal(deleted?.isError, false, deleted?.text);
  });

  test("with an API key set, the watcher check says so and the key never reaches the model", async () => {
    const record = await runSession({
      prompt: `${COMMAND} ${HANDLE} 5m`,
      plugin: { mcp: "none" },
      env: { OCTOPERF_API_KEY: FAKE_KEY },
      steps: [text("Starting the watcher.")],
    });
    record.model.assertComplete();
    const body = expansion(record);
    assert.equal(watcherCheck(body), "true");
    assert.match(body, /scripts\/octoperf-wait\.mjs\\?" bench/);
    for (const request of [...record.model.requests, ...record.model.sideRequests]) {
      assert.ok(!JSON.stringify(request).includes(FAKE_KEY), "the API key reached the model");
    }
  });

  test("a hostile handle stays data: no shell runs it, and the expansion says to refuse it", async () => {
    const markers = ["dollar", "backtick", "semicolon"].map((name) => join(dir, name));
    const hostile = `$(touch ${markers[0]}) \`touch ${markers[1]}\` x;touch ${markers[2]} 5m`;
    const record = await runSession({
      prompt: `${COMMAND} ${hostile}`,
      plugin: { mcp: "none" },
      steps: [text("Usage: /octoperf:wait <handle...>: the arguments hold characters that are not allowed.")],
    });
    record.model.assertComplete();
    assert.deepEqual(hookProblems(record), []);
    for (const marker of markers) assert.equal(existsSync(marker), false, `${marker}: a hostile handle reached a shell`);
    const body = expansion(record);
    // The text is passed through as data, verbatim, inside the arguments block only.
    assert.equal(argumentsBlock(body), hostile);
    assert.equal(body.split(hostile).length - 1, 1, "the arguments appear outside their block");
    // The one shell check of the command ran with its fixed text.
    assert.equal(watcherCheck(body), "false");
    // The model is told to refuse exactly these characters and never to pass them to a shell.
    assert.match(body, /`\$`, backticks, `;`/);
    assert.match(body, /Never pass the text, or any part of it, to a shell/);
  });
});
