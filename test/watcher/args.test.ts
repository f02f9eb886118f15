import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDuration } from "../../src/policy/index.js";
import { parseWatchArgs, watchWords, type WatchArgs } from "../../src/watcher/args.js";
import { ANY_TASK, subjectFor, targetsFor } from "../../src/watcher/targets.js";
import type { Backend } from "../../src/watcher/backend.js";
import { AuthError, ENDINGS, errorEnding, exitCodeHelp, exitCodeOf, UsageError } from "../../src/watcher/errors.js";
import { WATCH_USAGE } from "../../src/watcher/args.js";
import { splitCommand, toolErrorFor } from "../../src/watcher/mcp-backend.js";
import { intervalFor, redactor, run } from "../../src/watcher/run.js";
import { anyTaskOperation } from "../../src/watcher/targets.js";
import { OutOfTimeError, UnknownHandleError, TransientError } from "../../src/watcher/errors.js";
import { backoffMs, withRetry } from "../../src/watcher/retry.js";

test("arguments round-trip through watchWords", () => {
  const argv = ["bench", "b1", "b2", "--expected", "10m", "--deadline", "1h", "--progress", "25", "--window", "30m", "--mcp-command", 'node "my sim.mjs" --stdio', "--verbose"];
  const parsed = parseWatchArgs(argv) as WatchArgs;
  assert.equal(parsed.expectedSeconds, 600);
  assert.equal(parsed.windowSeconds, 1800);
  const again = parseWatchArgs(splitCommand(watchWords(parsed, formatDuration).join(" ")));
  assert.deepEqual(again, parsed);
});

test("bad arguments are usage errors, a type of their own, that say what to do", () => {
  const usage = (pattern: RegExp) => (e: unknown) => e instanceof UsageError && e.kind === "usage" && e.exitCode === 3 && pattern.test(e.message);
  assert.throws(() => parseWatchArgs(["bench", "b1", "--expected", "10m", "--scenario", "s1"]), usage(/not both/));
  assert.throws(() => parseWatchArgs(["bench", "b1", "--operation", "nope"]), usage(/one of validation, scenario-run/));
  assert.throws(() => parseWatchArgs(["bench", "b1", "--backend", "grpc"]), usage(/not rest or mcp/));
  assert.throws(() => parseWatchArgs(["bench", "b1", "--progress", "0"]), usage(/above 0/));
  assert.throws(() => parseWatchArgs(["bench", "b1", "-x", "1"]), usage(/unknown option "-x"/));
  assert.equal(parseWatchArgs(["-h"]), "help");
});

test("an --operation must fit the ids, and a task without one is a task of unknown origin", () => {
  const subject = (argv: string[]) => subjectFor(parseWatchArgs(argv) as WatchArgs);
  assert.throws(() => subject(["validation", "p", "v", "--operation", "scenario-run"]), UsageError);
  assert.throws(() => subject(["task", "t", "--operation", "validation"]), UsageError);
  assert.throws(() => subject(["bench", "b", "--operation", "correlation"]), UsageError);
  assert.equal(subject(["bench", "b", "--operation", "validation"]).name, "validation");
  assert.equal(subject(["validation", "p", "v"]).name, "validation");
  assert.equal(subject(["task", "t"]).name, ANY_TASK);
  assert.equal(subject(["task", "t", "--operation", "correlation"]).name, "correlation");
  const args = parseWatchArgs(["bench", "b1", "b1", "b2"]) as WatchArgs;
  assert.deepEqual(targetsFor(subjectFor(args).operation, args).map((t) => t.args.benchResultId), ["b1", "b2"], "each id once");
});

test("one table gives every ending its exit code; errors end by their type, and a bug is internal, not configuration", () => {
  assert.deepEqual(ENDINGS.map((row) => `${row.code} ${row.kind}`), [
    "0 succeeded", "1 failed", "2 deadline", "3 usage", "3 configuration", "3 auth", "4 unknown-handle", "5 unreachable", "6 internal",
  ]);
  assert.deepEqual(errorEnding(new UsageError("x")), { kind: "usage", code: 3, message: "x" });
  assert.deepEqual(errorEnding(new AuthError("refused")), { kind: "auth", code: 3, message: "refused" });
  assert.deepEqual(errorEnding(new UnknownHandleError("b")), { kind: "unknown-handle", code: 4, message: "b" });
  const bug = errorEnding(new TypeError("Cannot read properties of undefined (reading 'state')"));
  assert.equal(bug.kind, "internal");
  assert.equal(bug.code, exitCodeOf("internal"));
  assert.equal(bug.message, "TypeError: Cannot read properties of undefined (reading 'state') (a bug in octoperf-wait; please report it with this line)");
  assert.match(WATCH_USAGE, new RegExp(`${exitCodeHelp().replace(/[()/]/g, "\\$&")}$`));
});

test("a bug inside a watch ends it as internal (exit 6), with the error named", async () => {
  let stdout = "";
  let stderr = "";
  const broken: Backend = {
    label: "broken",
    progressScale: "percent",
    call: async () => {
      throw new TypeError("x is not a function");
    },
    close: async () => undefined,
  };
  const code = await run({ argv: ["bench", "b1"], env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, backend: () => broken });
  assert.equal(code, 6);
  assert.equal(stdout, "octoperf-wait: internal: TypeError: x is not a function (a bug in octoperf-wait; please report it with this line)\n");
  assert.match(stderr, /octoperf-wait: .*args\.test\.ts/, "where it happened, on stderr");
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

test("MCP tool errors are sorted into unknown handle, auth, configuration or retry, their text made one line", () => {
  assert.ok(toolErrorFor("get_bench_result", 'No bench result with id "x".') instanceof UnknownHandleError);
  assert.ok(toolErrorFor("get_bench_result", "Unauthorized") instanceof AuthError);
  assert.ok(toolErrorFor("get_bench_result", "upstream timeout") instanceof TransientError);
  assert.equal(toolErrorFor("get_bench_result", "upstream\n\x1b[2Ktimeout").message, "get_bench_result: upstream timeout");
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

test("retries stop when the time is up: the wait before one is cut to the time left, and none starts after", async () => {
  const policy = { attempts: 10, baseMs: 1000, capMs: 30_000 };
  let now = 0;
  let calls = 0;
  const slept: number[] = [];
  await assert.rejects(
    withRetry(
      async () => {
        calls += 1;
        throw new TransientError("down");
      },
      policy,
      { sleep: async (ms) => void (slept.push(ms), (now += ms)), random: () => 1, timeLeft: () => 2500 - now },
    ),
    OutOfTimeError,
  );
  assert.deepEqual(slept, [1000, 1500]);
  assert.equal(calls, 2, "the second wait ends at 2.5 s, when the time is up: no third call");
  await assert.rejects(withRetry(async () => "never", policy, { sleep: async () => undefined, random: () => 0, timeLeft: () => 0 }), OutOfTimeError);
});
