// The simulator's REST API on 127.0.0.1, as a process of its own sharing a
// state file with the simulator Claude Code starts over stdio (the plugin
// variant's .mcp.json, given the same --state): the one the watcher reaches
// with an API key, as it would reach OctoPerf. Stop it when the test ends.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedPlatform } from "../../../src/simulator/shared-state.js";
import { NO_FAULTS } from "../../../src/simulator/faults.js";
import { SIMULATOR_SCRIPT } from "./plugin-variant.js";
import { REPO_ROOT } from "./run-claude.js";

/** The key the REST simulator accepts and the sessions pass as OCTOPERF_API_KEY: a placeholder, never a real one. */
export const TEST_OCTOPERF_KEY = "sk-octoperf-e2e-test-key-0d41";

export interface RestSimulator {
  readonly url: string;
  stop(): Promise<void>;
}

export function startRestSimulator(options: { readonly statePath: string; readonly speed: number }): Promise<RestSimulator> {
  const args = [join(REPO_ROOT, SIMULATOR_SCRIPT), "--http", "0", "--state", options.statePath, "--speed", String(options.speed), "--api-key", TEST_OCTOPERF_KEY];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("close", () => done());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the REST simulator did not start: ${err}`));
    }, 15_000);
    child.stderr.setEncoding("utf8").on("data", (text: string) => (err += text));
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      out += text;
      const url = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`the REST simulator exited (${String(code)}): ${err}`));
    });
  });
}

/**
 * When a run ends, in real epoch milliseconds, read from the shared state
 * file: its simulated end, brought back to the real clock (the file's clock
 * started at `origin` and runs `speed` times faster).
 */
export function realEndOf(statePath: string, benchResultId: string): number {
  const file = JSON.parse(readFileSync(statePath, "utf8")) as { clock?: { origin?: unknown; speed?: unknown } };
  const { origin, speed } = file.clock ?? {};
  if (typeof origin !== "number" || typeof speed !== "number") throw new Error("the state file has no clock");
  const simulatedEnd = sharedPlatform(statePath, speed, NO_FAULTS).platform.endsAt(benchResultId);
  return origin + (simulatedEnd - origin) / speed;
}
