// Interactive sessions of the real client (tmux, temp HOME, scripted model):
// an asyncRewake PostToolUse hook that ends with exit 2 wakes the model once
// with its stderr line, after the session has gone idle; and the harness
// leaves no tmux server, process or temp folder behind, even when a test
// fails half-way.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { countWait, wakeTexts } from "./harness/interactive-count.js";
import { SESSION_MARKER, markedProcesses, startInteractive, withInteractive, type InteractiveSession } from "./harness/interactive.js";
import { text, tool } from "./harness/script.js";

const WAKE_LINE = "wake-test: the background work ended";
/** How long the hook works in the background before it wakes the model. */
const HOOK_SECONDS = 2;

let pluginDir: string;
before(async () => {
  // A minimal plugin: one PostToolUse hook on Bash that runs in the background and wakes the model.
  pluginDir = await mkdtemp(join(tmpdir(), "octoperf-e2e-rewake-"));
  await mkdir(join(pluginDir, ".claude-plugin"));
  await mkdir(join(pluginDir, "hooks"));
  await writeFile(join(pluginDir, ".claude-plugin", "plugin.json"), JSON.stringify({ name: "rewake-test", version: "0.0.0" }));
  const hook = { type: "command", command: 'sh "${CLAUDE_PLUGIN_ROOT}/hooks/late.sh"', asyncRewake: true, timeout: 60 };
  await writeFile(join(pluginDir, "hooks", "hooks.json"), JSON.stringify({ hooks: { PostToolUse: [{ matcher: "Bash", hooks: [hook] }] } }));
  await writeFile(join(pluginDir, "hooks", "late.sh"), `cat > /dev/null\nsleep ${HOOK_SECONDS}\necho "${WAKE_LINE}" >&2\nexit 2\n`);
});
after(async () => rm(pluginDir, { recursive: true, force: true }));

async function assertGone(session: InteractiveSession): Promise<void> {
  assert.equal(existsSync(session.dir), false, "the session folder is left");
  assert.deepEqual(await markedProcesses(SESSION_MARKER, session.marker), [], "a process of the session is left");
}

describe("interactive sessions of the real client", { concurrency: true }, () => {
  test("an asyncRewake hook's exit 2 wakes the idle model once, with its stderr line", async () => {
    let woken = "";
    const session = await startInteractive({
      prompt: "Start the job.",
      plugin: { dir: pluginDir },
      allowedTools: ["Bash"],
      steps: [
        tool("Bash", { command: "echo started" }),
        text("Started; the hook will tell me when it is done."),
        (turn) => {
          woken = turn.request.messages.map((m) => JSON.stringify(m.content)).join("\n");
          return text("The background work ended.");
        },
      ],
    });
    try {
      await session.waitForRequests(3, 60_000);
      const [, idle, wake] = session.model.receivedAt;
      // The session went idle at once (the hook runs in the background), and the wake came after the hook's work.
      assert.ok(idle !== undefined && wake !== undefined);
      assert.ok(wake - idle >= HOOK_SECONDS * 1000 - 200, `woken ${wake - idle} ms after the turn ended`);
      // Nothing else is pending: the hook has exited. A second wake would come within the hook's own time.
      await new Promise((done) => setTimeout(done, HOOK_SECONDS * 1000));
      assert.equal(session.model.requests.length, 3, "the model was woken more than once");
      assert.deepEqual(session.model.problems, []);
      const count = countWait(session.model.requests, 1);
      assert.deepEqual(count, { requests: 2, wakes: 1, toolTurns: 1 });
      const [wakeText] = wakeTexts(session.model.requests);
      assert.match(wakeText ?? "", new RegExp(`Stop hook blocking error from command \\\\?"PostToolUse:Bash\\\\?": ${WAKE_LINE}`));
      assert.ok(woken.includes(WAKE_LINE));
    } finally {
      await session.stop();
    }
    await assertGone(session);
  });

  test("a failing test still stops the client, its hooks and tmux, and removes the temp folders", async () => {
    let seen: InteractiveSession | undefined;
    await assert.rejects(
      withInteractive({ prompt: "Start the job.", plugin: { dir: pluginDir }, allowedTools: ["Bash"], steps: [tool("Bash", { command: "echo started" }), text("waiting")] }, async (session) => {
        seen = session;
        await session.waitForRequests(2, 60_000);
        // The asyncRewake hook is still sleeping in the background when the test fails.
        assert.ok((await markedProcesses(SESSION_MARKER, session.marker)).length > 0);
        throw new Error("the test failed here");
      }),
      /the test failed here/,
    );
    assert.ok(seen);
    await assertGone(seen);
  });
});
