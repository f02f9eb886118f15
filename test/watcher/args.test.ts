import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDuration } from "../../src/policy/index.js";
import { parseWatchArgs, watchWords, type WatchArgs } from "../../src/watcher/args.js";
import { ConfigError } from "../../src/watcher/errors.js";
import { splitCommand, toolErrorFor } from "../../src/watcher/mcp-backend.js";
import { intervalFor, redactor } from "../../src/watcher/run.js";
import { anyTaskOperation } from "../../src/watcher/targets.js";
import { UnknownHandleError, TransientError } from "../../src/watcher/errors.js";
import { backoffMs, withRetry } from "../../src/watcher/retry.js";

test("arguments round-trip through watchWords", () => {
  const argv = ["bench", "b1", "b2", "--expected", "10m", "--deadline", "1h", "--progress", "25", "--window", "30m", "--mcp-command", 'node "my sim.mjs" --stdio', "--verbose"];
  const parsed = parseWatchArgs(argv) as WatchArgs;
  assert.equal(parsed.expectedSeconds, 600);
  assert.equal(parsed.windowSeconds, 1800);
  const again = parseWatchArgs(splitCommand(watchWords(parsed, formatDuration).join(" ")));
  assert.deepEqual(again, parsed);
});

test("bad arguments are configuration errors that say what to do", () => {
  assert.throws(() => parseWatchArgs(["bench", "b1", "--expected", "10m", "--scenario", "s1"]), /not both/);
  assert.throws(() => parseWatchArgs(["bench", "b1", "--operation", "nope"]), (e: unknown) => e instanceof ConfigError && /one of validation, scenario-run/.test(e.message));
  assert.throws(() => parseWatchArgs(["bench", "b1", "--backend", "grpc"]), /not rest or mcp/);
  assert.throws(() => parseWatchArgs(["bench", "b1", "--progress", "0"]), /above 0/);
  assert.equal(parseWatchArgs(["-h"]), "help");
});

test("the interval follows the policy, never slower than 10 s nor faster than 3 s", () => {
  assert.equal(intervalFor(30, undefined), 3);
  assert.equal(intervalFor(60, undefined), 6);
  assert.equal(intervalFor(7200, undefined), 10);
  assert.equal(intervalFor(7200, 1), 3);
  assert.equal(intervalFor(60, 45), 10);
});

test("a task of unknown origin knows every task terminal value, with its outcome", () => {
  const op = anyTaskOperation();
  assert.deepEqual(op.terminal.map((a) => [a.value, a.outcome]).sort(), [["FAILED", "failed"], ["PARTIAL", "partial"], ["SUCCESS", "succeeded"]]);
});

test("the redactor removes a secret wherever it appears", () => {
  assert.equal(redactor("s3cr3t-key")("a s3cr3t-key b s3cr3t-key"), "a [redacted] b [redacted]");
  assert.equal(redactor(undefined)("text"), "text");
});

test("MCP tool errors are sorted into unknown handle, configuration or retry", () => {
  assert.ok(toolErrorFor("get_bench_result", 'No bench result with id "x".') instanceof UnknownHandleError);
  assert.ok(toolErrorFor("get_bench_result", "upstream timeout") instanceof TransientError);
});

test("retries back off exponentially with jitter, capped, and give up as unreachable", async () => {
  const policy = { attempts: 4, baseMs: 1000, capMs: 3000 };
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffMs(policy, n, () => 0)), [500, 1000, 1500, 1500]);
  assert.deepEqual([1, 2, 3].map((n) => backoffMs(policy, n, () => 1)), [1000, 2000, 3000]);
  const slept: number[] = [];
  let calls = 0;
  await assert.rejects(
    withRetry(async () => { calls += 1; throw new TransientError("down"); }, policy, { sleep: async (ms) => void slept.push(ms), random: () => 1 }),
    /down \(gave up after 4 attempts\)/,
  );
  assert.equal(calls, 4);
  assert.deepEqual(slept, [1000, 2000, 3000]);
});
