// Scenario 7: the harness facts the policy relies on still hold for the pinned
// Claude Code client. The sessions are independent, so they run concurrently.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CLAUDE_MAX_SLEEP_S,
  CLAUDE_SLEEP_REFUSAL_THRESHOLD_S,
  OBSERVED_CLAUDE_CODE_VERSION,
  operation,
  planWait,
  pollTargets,
} from "../../src/policy/index.js";
import { cronCreateArgs, loopLine } from "../../src/calls/wait-calls.js";
import { toolResults, messageTexts } from "./harness/requests.js";
import { text, tool, toolSearch } from "./harness/script.js";
import { describeRun, runSession } from "./harness/session.js";

const plan = planWait({ operation: "scenario-run" });
const targets = pollTargets(operation("scenario-run"), ["e2eBench01"]);

function resultOf(record: Awaited<ReturnType<typeof runSession>>, toolName: string) {
  const last = record.model.requests.at(-1);
  const found = last ? toolResults(last).filter((r) => r.toolName === toolName) : [];
  assert.ok(found.length > 0, `no ${toolName} result reached the model\n${describeRun(record)}`);
  return found;
}

describe(`harness facts of Claude Code ${OBSERVED_CLAUDE_CODE_VERSION}`, { concurrency: true }, () => {
  test(`a standalone sleep ${CLAUDE_MAX_SLEEP_S} runs`, async () => {
    // The one real wait of the suite: only running it proves the client lets it run.
    const record = await runSession({
      prompt: "wait a little",
      steps: [tool("Bash", { command: `sleep ${CLAUDE_MAX_SLEEP_S}`, timeout: 120_000 }), text("waited")],
      allowedTools: ["Bash"],
      timeoutMs: 120_000,
    });
    record.model.assertComplete();
    const [result] = resultOf(record, "Bash");
    assert.equal(result?.isError, false, `sleep ${CLAUDE_MAX_SLEEP_S} was refused: ${result?.text}`);
    assert.doesNotMatch(result?.text ?? "", /Blocked/);
    const [asked, answered] = record.model.receivedAt;
    assert.ok(asked !== undefined && answered !== undefined);
    assert.ok(answered - asked >= CLAUDE_MAX_SLEEP_S * 1000, `the sleep returned after ${answered - asked} ms: it did not run`);
  });

  test(`a standalone sleep ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S} is refused before it sleeps`, async () => {
    const record = await runSession({
      prompt: "wait a little longer",
      steps: [tool("Bash", { command: `sleep ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S}` }), text("refused")],
      allowedTools: ["Bash"],
    });
    record.model.assertComplete();
    const [result] = resultOf(record, "Bash");
    assert.equal(result?.isError, true);
    assert.match(result?.text ?? "", new RegExp(`Blocked: standalone sleep ${CLAUDE_SLEEP_REFUSAL_THRESHOLD_S}\\b`));
    // The client's own words say it never ran (a time bound would only measure the machine).
    assert.doesNotMatch(result?.text ?? "", /exit code|Exit code/);
  });

  test("the generated /loop line expands, and CronCreate/CronDelete accept the generated arguments", async () => {
    const line = loopLine(plan, targets);
    const args = cronCreateArgs(plan, targets);
    let jobId = "";
    const record = await runSession({
      prompt: line,
      steps: [
        toolSearch(["CronCreate", "CronDelete"]),
        tool("CronCreate", { ...args }),
        (turn) => {
          const match = /\bjob ([0-9a-z]+)\b/i.exec(turn.toolResult?.text ?? "");
          if (!match?.[1]) throw new Error(`CronCreate gave no job id: ${turn.toolResult?.text ?? "(no result)"}`);
          jobId = match[1];
          return tool("CronDelete", { id: jobId });
        },
        text("scheduled and cancelled"),
      ],
      allowedTools: ["ToolSearch", "CronCreate", "CronDelete"],
    });
    record.model.assertComplete();
    const first = record.model.requests[0];
    assert.ok(first, describeRun(record));
    const shown = messageTexts(first).join("\n");
    // Claude Code recognised the bundled /loop skill and passed our arguments verbatim.
    assert.ok(shown.includes("<command-name>/loop</command-name>"), "the /loop line was not expanded");
    assert.ok(shown.includes(`<command-args>${line.slice("/loop ".length)}</command-args>`), "the /loop arguments changed");
    assert.match(line.split(" ")[1] ?? "", /^\d+[smhd]$/);
    assert.match(shown, /CronCreate/);
    assert.match(shown, /recurring: true/);

    const [created] = resultOf(record, "CronCreate");
    assert.equal(created?.isError, false, created?.text);
    assert.match(created?.text ?? "", /Scheduled recurring job/);
    const [deleted] = resultOf(record, "CronDelete");
    assert.equal(deleted?.isError, false, deleted?.text);
    assert.match(deleted?.text ?? "", new RegExp(`Cancelled job ${jobId}`));
  });
});
