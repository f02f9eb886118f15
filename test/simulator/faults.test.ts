import { test } from "node:test";
import assert from "node:assert/strict";
import { FaultError, httpFaultFor, parseFaults, DEFAULT_ABORT_PERCENT } from "../../src/simulator/faults.js";
import { OptionsError, parseSimulatorArgs, DEFAULT_API_KEY } from "../../src/simulator/options.js";

test("faults parse from a comma list", () => {
  const plan = parseFaults("abort@30,5xx@3-4,drop@7,429@9,slow@250,task-fail,task-stuck,unknown-state,error-scaling,progress-fraction");
  assert.ok(plan.progressFraction);
  assert.ok(!parseFaults("abort").progressFraction);
  assert.equal(plan.abortAtPercent, 30);
  assert.equal(plan.slowMs, 250);
  assert.ok(plan.taskFails && plan.taskStuck && plan.unknownState && plan.errorDuringScaling);
  assert.equal(httpFaultFor(plan, 2), undefined);
  assert.equal(httpFaultFor(plan, 3)?.kind, "5xx");
  assert.equal(httpFaultFor(plan, 4)?.kind, "5xx");
  assert.equal(httpFaultFor(plan, 7)?.kind, "drop");
  assert.equal(httpFaultFor(plan, 9)?.kind, "429");
  assert.equal(parseFaults("abort").abortAtPercent, DEFAULT_ABORT_PERCENT);
});

test("bad faults are refused with a message naming the problem", () => {
  assert.throws(() => parseFaults("explode"), (e: unknown) => e instanceof FaultError && /unknown fault "explode"; known: error-scaling/.test(e.message));
  assert.throws(() => parseFaults("5xx"), /give the request number/);
  assert.throws(() => parseFaults("5xx@4-2"), /must not be reversed/);
  assert.throws(() => parseFaults("abort@150"), /from 0 to 100/);
});

test("simulator options", () => {
  const options = parseSimulatorArgs(["--http", "0", "--stdio", "--speed", "60", "--fault", "abort"], {});
  assert.equal(options.httpPort, 0);
  assert.ok(options.stdio);
  assert.equal(options.speed, 60);
  assert.equal(options.apiKey, DEFAULT_API_KEY);
  assert.equal(parseSimulatorArgs(["--stdio"], { OCTOPERF_API_KEY: "from-env" }).apiKey, "from-env");
  assert.throws(() => parseSimulatorArgs([], {}), OptionsError);
  assert.throws(() => parseSimulatorArgs(["--speed", "0", "--stdio"], {}), /above 0/);
  assert.throws(() => parseSimulatorArgs(["--http", "http"], {}), /not a port/);
  assert.throws(() => parseSimulatorArgs(["--stdio", "--nope"], {}), /unknown option/);
});
