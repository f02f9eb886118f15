import { test } from "node:test";
import assert from "node:assert/strict";
import { simulator } from "./harness.js";

test("on a terminal: a live progress bar and state line instead of the Monitor lines", async () => {
  const { platform, watch } = await simulator();
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  let stdout = "";
  const outcome = await watch(["bench", id], undefined, { stdout: { isTTY: true, write: (text: string) => (stdout += text) } });
  assert.equal(outcome.code, 0);
  assert.match(stdout, new RegExp(`\\r\\x1b\\[2K${id} RUNNING \\[#+\\.*\\] \\d+%  \\dm\\d\\ds of ~\\d+m\\d\\ds`));
  assert.ok(!stdout.includes("under way"));
  const last = stdout.split("\r\x1b[2K").at(-1)!;
  assert.match(last, new RegExp(`^octoperf-wait: scenario-run succeeded: ${id} FINISHED`));
  const plain = await watch(["bench", platform.runScenario("scn-smoke").benchResultIds[0]!, "--plain"], undefined, { stdout: { isTTY: true, write: (text: string) => (stdout += text) } });
  assert.equal(plain.code, 0);
});
