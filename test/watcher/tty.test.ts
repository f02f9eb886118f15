import { test } from "node:test";
import assert from "node:assert/strict";
import { simulator } from "./harness.js";

const FRAME = "\r\x1b[2K";

test("on a terminal: a live progress bar and state line instead of the Monitor lines", async () => {
  const { platform, watch } = await simulator();
  const [id] = platform.runScenario("scn-smoke").benchResultIds as [string];
  let stdout = "";
  const outcome = await watch(["bench", id], undefined, { stdout: { isTTY: true, write: (text: string) => (stdout += text) } });
  assert.equal(outcome.code, 0);
  const frames = stdout.split(FRAME).slice(1);
  assert.ok(stdout.startsWith(FRAME));
  assert.equal(frames[0], `${id} CREATED | 0m00s of ~10m00s`);
  assert.ok(frames.some((f) => new RegExp(`^${id} RUNNING \\[#+\\.*\\] \\d+% \\| \\dm\\d\\ds of ~10m00s$`).test(f)), frames.join("\n"));
  assert.ok(!stdout.includes("under way"));
  assert.match(frames.at(-1)!, new RegExp(`^octoperf-wait: scenario-run succeeded: ${id} FINISHED .*\\n$`));
});

test("--plain on a terminal prints exactly the Monitor lines, with no control sequence", async () => {
  const plain = await simulator();
  const [id] = plain.platform.runScenario("scn-smoke").benchResultIds as [string];
  let stdout = "";
  const outcome = await plain.watch(["bench", id, "--plain"], undefined, { stdout: { isTTY: true, write: (text: string) => (stdout += text) } });
  assert.equal(outcome.code, 0);
  assert.ok(!/[\r\x1b]/.test(stdout), JSON.stringify(stdout));
  const piped = await simulator();
  const [same] = piped.platform.runScenario("scn-smoke").benchResultIds as [string];
  const monitor = await piped.watch(["bench", same]);
  assert.equal(same, id);
  assert.equal(stdout, monitor.stdout);
  assert.equal(monitor.lines.length, 2);
  assert.match(monitor.lines[0]!, /^octoperf-wait: scenario-run under way: /);
});
