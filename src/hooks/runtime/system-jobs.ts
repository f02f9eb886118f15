// The long part of a background hook, outside the session lock: sleep until
// a timer is due, or run the watcher (scripts/octoperf-wait.mjs, found next
// to the hook bundle) and keep its last line. The watcher is spawned without
// a shell, with the arguments wait/one-wake.ts built from validated ids and
// policy values only, and the hook's own environment (the API key reaches it
// there, never through an argument). Loaded only by background hooks.
//
// Stopping: /octoperf:stop-wait signals the hook's process (processes.ts),
// whose handler aborts the job: the watcher is ended and nobody is woken.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BACKGROUND_HOOK_MARGIN_S } from "../../policy/index.js";
import { oneLine } from "../../policy/untrusted-text.js";
import { WATCHER_SCRIPT } from "../../calls/wait-calls.js";
import { PREFIX as WATCHER_LINE_PREFIX } from "../../watcher/lines.js";
import { MAX_WAKE_LINE_CHARS, type JobResult, type TimerJob, type WatchJob } from "../wait/one-wake.js";
import type { JobRunner } from "./background-shell.js";
import { sleepUnlessAborted } from "./abortable-sleep.js";


type Env = Readonly<Record<string, string | undefined>>;

/** Only the end of the watcher's output is kept: its last line is what counts. */
export const MAX_KEPT_OUTPUT_CHARS = 64 * 1024;
/** After SIGTERM, a watcher gets this long before SIGKILL. */
export const KILL_GRACE_MS = 2000;

export interface SystemJobOptions {
  /** The plugin's folder (the watcher is <root>/scripts/octoperf-wait.mjs). */
  readonly pluginRoot: string | undefined;
  readonly env: Env;
  /** The decision clock. */
  readonly now: () => number;
  /** Decision-clock milliseconds per real millisecond (1 but in tests). */
  readonly scale: number;
}

/** The last line of the output that starts like a watcher line, if any. */
export function lastWatcherLine(output: string): string | undefined {
  const lines = output.split(/\r?\n/).filter((line) => line.startsWith(WATCHER_LINE_PREFIX));
  const last = lines.at(-1);
  return last === undefined ? undefined : oneLine(last, MAX_WAKE_LINE_CHARS);
}

function defaultSpawn(script: string, argv: readonly string[], env: Env): ChildProcess {
  return spawn(process.execPath, [script, ...argv], { stdio: ["ignore", "pipe", "ignore"], env: { ...env }, shell: false, windowsHide: true });
}

async function runTimer(job: TimerJob, options: SystemJobOptions, signal: AbortSignal): Promise<JobResult> {
  const completed = await sleepUnlessAborted((job.dueAt - options.now()) / options.scale, signal);
  return { kind: "timer", stopped: !completed };
}

function runWatch(job: WatchJob, options: SystemJobOptions, signal: AbortSignal): Promise<JobResult> {
  const script = options.pluginRoot ? join(options.pluginRoot, WATCHER_SCRIPT) : undefined;
  if (!script || !existsSync(script)) {
    return Promise.resolve({ kind: "watch", stopped: false, exitCode: null, lastLine: undefined, problem: `its script ${WATCHER_SCRIPT} is not in the plugin's folder` });
  }
  if (signal.aborted) return Promise.resolve({ kind: "watch", stopped: true, exitCode: null, lastLine: undefined });
  return new Promise((done) => {
    let output = "";
    let stopped = false;
    let problem: string | undefined;
    const child = defaultSpawn(script, job.argv, options.env);
    const kill = (): void => {
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS).unref();
    };
    const onAbort = (): void => {
      stopped = true;
      kill();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    // The watcher keeps its own deadline; this is only a backstop, on the same (scaled) clock.
    const limit = setTimeout(kill, ((job.waitSeconds + BACKGROUND_HOOK_MARGIN_S) * 1000) / options.scale);
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      output = (output + chunk).slice(-MAX_KEPT_OUTPUT_CHARS);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      problem = `it could not be started (${error.code ?? error.name})`;
    });
    child.on("close", (code) => {
      clearTimeout(limit);
      signal.removeEventListener("abort", onAbort);
      done({ kind: "watch", stopped, exitCode: code, lastLine: lastWatcherLine(output), ...(problem && code === null ? { problem } : {}) });
    });
  });
}

export function systemJobRunner(options: SystemJobOptions): JobRunner {
  return {
    run: (job, signal) => (job.kind === "timer" ? runTimer(job, options, signal) : runWatch(job, options, signal)),
  };
}
