// The expansion model (expand.ts) against the real Claude Code client: each
// command is invoked with valid, missing and hostile arguments, and the text
// Claude Code sends the model must equal our expansion, byte for byte. No
// hostile argument may run anything.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { KEY_CHECK_COMMAND } from "../../../src/render/blocks/command-tools.js";
import { userTexts } from "../harness/requests.js";
import { text } from "../harness/script.js";
import { describeRun, runScripted } from "../harness/session.js";
import { expandCommand } from "../../commands/expand.js";

const HOSTILE = [
  `$(touch PWNED_1) \`touch PWNED_2\` "quoted arg" 'single' ; touch PWNED_3 | cat`,
  "BENCH_1\n!`touch PWNED_4`\n```!\ntouch PWNED_5\n```",
  "$ARGUMENTS $0 $1 \\$0 ${CLAUDE_PLUGIN_ROOT} ${HOME}",
].join(" ");

const CASES: readonly { command: string; args: string }[] = [
  { command: "wait", args: "BENCH_RESULT_ID 25m --deadline 40m" },
  { command: "wait", args: "" },
  { command: "wait", args: HOSTILE },
  { command: "wait", args: `${"A".repeat(10_000)} 10m` },
  { command: "cadence", args: "10m" },
  { command: "cadence", args: HOSTILE },
  { command: "stop-wait", args: "" },
  { command: "stop-wait", args: "task:TASK_1 !`touch PWNED_6`" },
];

function pluginCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-cmd-plugin-"));
  mkdirSync(join(dir, ".claude-plugin"));
  writeFileSync(join(dir, ".claude-plugin", "plugin.json"), JSON.stringify({ name: "octoperf" }));
  cpSync("commands", join(dir, "commands"), { recursive: true });
  return dir;
}

test("the real client expands every command exactly as expand.ts does, and runs nothing from the arguments", { timeout: 180_000 }, async () => {
  const pluginDir = pluginCopy();
  const cwd = mkdtempSync(join(tmpdir(), "octoperf-cmd-cwd-"));
  const runs = await Promise.all(
    CASES.map(async ({ command, args }) => {
      const prompt = `/octoperf:${command}${args ? ` ${args}` : ""}`;
      const env = { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", OCTOPERF_API_KEY: "" };
      return { command, args, run: await runScripted({ prompt, pluginDir, cwd, env, timeoutMs: 90_000 }, [text("ok")]) };
    }),
  );
  for (const { command, args, run } of runs) {
    assert.equal(run.result.code, 0, `${command} ${args.slice(0, 40)}: ${describeRun(run)}`);
    const file = readFileSync(join(pluginDir, "commands", `${command}.md`), "utf8");
    const expected = expandCommand(file, args, {
      pluginRoot: pluginDir,
      shell: (cmd) => {
        assert.equal(cmd, KEY_CHECK_COMMAND, `only the key check may run, not ${cmd}`);
        return "false";
      },
    });
    const heading = expected.split("\n")[0]!;
    const first = run.model.requests[0];
    const sent = first ? userTexts(first).find((line) => line.startsWith(heading)) : undefined;
    assert.ok(sent !== undefined, `${command} ${args.slice(0, 40)}: no message starting with ${heading}`);
    assert.equal(sent, expected, `${command} with ${JSON.stringify(args.slice(0, 60))}`);
  }
  assert.deepEqual(readdirSync(cwd), [], "a hostile argument created a file");
  assert.ok(!existsSync(join(pluginDir, "PWNED_1")));
});
