// A simulator on 127.0.0.1 with a manual clock, and run() of the watcher
// wired to it: every sleep of the watcher moves the shared clock, so hours of
// waiting take milliseconds and nothing depends on real time.
import { after } from "node:test";
import { ManualClock } from "../../src/simulator/clock.js";
import { parseFaults } from "../../src/simulator/faults.js";
import { startHttp, type RunningSimulator } from "../../src/simulator/http.js";
import { Platform } from "../../src/simulator/platform.js";
import { run, type RunOptions } from "../../src/watcher/run.js";

export const API_KEY = "sk-octoperf-test-4f9a2c71e0";

const servers: RunningSimulator[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

export interface WatchOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: string[];
  readonly sleeps: number[];
}

export async function simulator(faults = "") {
  const clock = new ManualClock();
  const platform = new Platform({ clock, faults: parseFaults(faults) });
  const server = await startHttp({ platform, apiKey: API_KEY });
  servers.push(server);
  const restEnv = { OCTOPERF_API_KEY: API_KEY, OCTOPERF_API_URL: server.url };
  async function watch(argv: readonly string[], env: RunOptions["env"] = restEnv, extra: Partial<RunOptions> = {}): Promise<WatchOutcome> {
    let stdout = "";
    let stderr = "";
    const sleeps: number[] = [];
    const code = await run({
      argv,
      env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => clock.now(),
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
      random: () => 0.5,
      ...extra,
    });
    return { code, stdout, stderr, lines: stdout.split("\n").filter((l) => l.length > 0), sleeps };
  }
  return { clock, platform, server, watch, restEnv };
}
