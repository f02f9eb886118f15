// The shell around every hook: read stdin, call the hook's logic under the
// session's state, emit the decision. Fails open: any problem (an unknown
// hook name, bad stdin, a locked, corrupt or unsafe state folder, an
// exception) gives exit 0, no decision and one line on stderr, so a hook bug
// never blocks a session. Everything it touches comes in through HookIO, so
// tests run it from source with a fixed clock.
//
// A background hook (registry.ts) arms under the lock, waits outside it
// (background-run.ts, loaded only then), settles under the lock, and either
// wakes the model (exit 2, its one line alone on stderr) or exits 0.
import { readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, resolve } from "node:path";
import { settle, type Armed, type BackgroundJob, type JobResult, type Settled } from "./background.js";
import { emit, SILENT, type DecideContext, type Decided, type Emission } from "./decision.js";
import { API_KEY_ENV, DISABLE_ENV, TEST_CLOCK_ENV, TEST_TIME_SCALE_ENV } from "./environment.js";
import { parseHookInput, type HookEvent, type HookInput } from "./input.js";
import { isProcessAlive, type LockIO } from "./lock.js";
import { BACKGROUND_HOOK_NAMES, hookSpec, type BackgroundSpec, type HookSpec } from "./registry.js";
import { safeExcerpt } from "./safe-text.js";
import { emptyState, withWaiters, type SessionState, type WaiterRecord } from "./state.js";
import { stateDir, type StateDirIO } from "./state-dir.js";
import { StateProblem, updateSession, type StoreOptions } from "./store.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The longest a hook waits for the session lock, whatever its timeout. */
export const MAX_LOCK_WAIT_MS = 5000;

export interface HookIO {
  readonly stdin: string;
  readonly env: Env;
  /** The decision clock, epoch milliseconds. */
  readonly now: () => number;
  /** The store's I/O: the wall clock and sleep of the lock, process liveness, the temp dir. */
  readonly store: LockIO & StateDirIO;
  readonly stderr: (line: string) => void;
  /** The plugin's folder, absolute (from the bundle's own place), for commands shown to the model. */
  readonly pluginRoot?: string;
  /** Whether a sign-in of `octoperf-wait login` is stored; asked only when a decision needs it. */
  readonly loggedIn?: () => boolean;
  /** End a background waiter's process (/octoperf:stop-wait); false when it is not one of ours or already gone. */
  readonly stopWaiter?: (waiter: WaiterRecord) => boolean;
}

/** Runs a background job's wait (background-run.ts in a hook process; a fake in tests). */
export interface JobRunner {
  run(job: BackgroundJob, signal: AbortSignal): Promise<JobResult>;
}

export interface BackgroundIO extends HookIO {
  readonly jobs: JobRunner;
  /** Aborted when the hook is told to stop (SIGTERM from /octoperf:stop-wait, or the session ending). */
  readonly signal: AbortSignal;
}

export function isDisabled(name: string, env: Env): boolean {
  const value = env[DISABLE_ENV];
  if (!value) return false;
  const names = value.split(",").map((part) => part.trim().toLowerCase());
  return names.includes("all") || names.includes(name);
}

/** The background hooks run only together: a plan never promises a wake that a turned-off hook would not give. */
export function backgroundHooksOn(env: Env): boolean {
  return BACKGROUND_HOOK_NAMES.every((name) => !isDisabled(name, env));
}

/** A hook waits for the lock at most half its own timeout. */
export function lockWaitMs(spec: HookSpec): number {
  return Math.min(MAX_LOCK_WAIT_MS, (spec.options.timeout * 1000) / 2);
}

function once(compute: () => boolean): () => boolean {
  let value: boolean | undefined;
  return () => (value ??= compute());
}

/** What every decision of this run gets. */
export function contextFor(io: HookIO): DecideContext {
  const loggedIn = io.loggedIn;
  return {
    now: io.now(),
    reach: { apiKey: Boolean(io.env[API_KEY_ENV]), login: once(() => (loggedIn ? loggedIn() : false)) },
    hooks: backgroundHooksOn(io.env),
    pluginRoot: io.pluginRoot,
    alive: io.store.isAlive,
    pid: io.store.pid,
    token: io.store.token(),
  };
}

function storeOptions(io: HookIO, spec: HookSpec): StoreOptions {
  return { dir: stateDir(io.env, io.store), io: io.store, lockWaitMs: lockWaitMs(spec) };
}

/** The spec's decide() when the input is of its event (the types then line up), else undefined. */
function decideFor(spec: HookSpec, input: HookInput, state: SessionState, ctx: DecideContext): Decided<HookEvent> | undefined {
  if (spec.kind !== "quick") return undefined;
  if (spec.event === "PreToolUse" && input.event === "PreToolUse") return spec.decide(input, state, ctx);
  if (spec.event === "PostToolUse" && input.event === "PostToolUse") return spec.decide(input, state, ctx);
  if (spec.event === "UserPromptExpansion" && input.event === "UserPromptExpansion") return spec.decide(input, state, ctx);
  return undefined;
}

function failOpen(io: HookIO, name: string, error: unknown): Emission {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(`octoperf ${hookSpec(name)?.name ?? "hook"}: ${safeExcerpt(message, 200)} (failing open, no decision)`);
  return SILENT;
}

/** The spec for `name`, or undefined after saying so (never echoing the name raw). */
function specFor(name: string, io: HookIO): HookSpec | undefined {
  const spec = hookSpec(name);
  if (!spec) io.stderr(`octoperf hook: no hook named ${JSON.stringify(safeExcerpt(name, 40))} (failing open, no decision)`);
  return spec;
}

/** Run one quick hook invocation: what it prints on stdout and its exit code. */
export function runHook(name: string, io: HookIO): Emission {
  try {
    const spec = specFor(name, io);
    if (!spec) return SILENT;
    if (isDisabled(spec.name, io.env)) return SILENT;
    if (spec.kind !== "quick") {
      io.stderr(`octoperf ${spec.name}: a background hook, not run this way (failing open, no decision)`);
      return SILENT;
    }
    const input = parseHookInput(io.stdin);
    if (input.event !== spec.event) {
      io.stderr(`octoperf ${spec.name}: not a ${spec.event} event (no decision)`);
      return SILENT;
    }
    const ctx = contextFor(io);
    const decided = updateSession(storeOptions(io, spec), input.sessionId, (state) => {
      const result = decideFor(spec, input, state, ctx) ?? { state };
      return { state: result.state, result };
    });
    for (const waiter of decided.stop ?? []) io.stopWaiter?.(waiter);
    if (decided.note) io.stderr(`octoperf ${spec.name}: ${decided.note} (no decision)`);
    return decided.decision ? emit(decided.decision) : SILENT;
  } catch (error) {
    return failOpen(io, name, error);
  }
}

/** Exit 2 with the wake line alone on stderr: Claude Code hands exactly that line to the model. */
export const WAKE_EXIT_CODE = 2;

/**
 * Run one background hook invocation to its end. Arm under the lock; when
 * the state cannot be had, a watcher still runs (the plan promised a wake)
 * but a timer does not (nothing could tell it was superseded). Wait outside
 * the lock. Settle under the lock, and wake the model with one line or exit 0.
 */
export async function runBackgroundHook(name: string, io: BackgroundIO): Promise<Emission> {
  let spec: BackgroundSpec;
  try {
    const found = specFor(name, io);
    if (!found) return SILENT;
    if (found.kind !== "background") {
      io.stderr(`octoperf ${found.name}: not a background hook (failing open, no decision)`);
      return SILENT;
    }
    spec = found;
  } catch (error) {
    return failOpen(io, name, error);
  }
  const note = (text: string): Emission => {
    io.stderr(`octoperf ${spec.name}: ${safeExcerpt(text, 300)} (nobody woken)`);
    return SILENT;
  };
  try {
    if (!backgroundHooksOn(io.env)) return SILENT;
    const input = parseHookInput(io.stdin);
    if (input.event !== "PostToolUse") return note(`not a ${spec.event} event`);
    const ctx = contextFor(io);
    let recorded = true;
    let armed: Armed;
    try {
      armed = updateSession(storeOptions(io, spec), input.sessionId, (state) => {
        const result = spec.arm(input, state, ctx);
        return { state: result.state, result };
      });
    } catch (error) {
      if (!(error instanceof StateProblem)) throw error;
      armed = spec.arm(input, emptyState(), ctx);
      if (armed.job?.kind !== "watch") return note(`${error.message}; no timer without the session state`);
      recorded = false;
    }
    const job = armed.job;
    if (!job) return armed.note ? note(armed.note) : SILENT;
    const result = await io.jobs.run(job, io.signal);
    const later: DecideContext = { ...ctx, now: io.now() };
    const ours: WaiterRecord = { kind: job.kind === "watch" ? "watcher" : "timer", pid: ctx.pid, token: job.token, works: job.works, at: ctx.now, until: later.now };
    let settled: Settled;
    try {
      if (!recorded) throw new StateProblem("never recorded");
      settled = updateSession(storeOptions(io, spec), input.sessionId, (state) => {
        const result2 = settle(job, result, state, later);
        return { state: result2.state, result: result2 };
      });
    } catch (error) {
      if (!(error instanceof StateProblem)) throw error;
      // Without the state a watcher's ending still wakes the model (it was promised); a timer's does not.
      settled = job.kind === "watch" ? settle(job, result, withWaiters(emptyState(), [ours]), later) : { state: emptyState(), note: error.message };
    }
    if (!settled.wake) return settled.note ? note(settled.note) : SILENT;
    io.stderr(settled.wake);
    return { stdout: "", exitCode: WAKE_EXIT_CODE };
  } catch (error) {
    return failOpen(io, name, error);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The real I/O of a hook process. */
export function systemStoreIO(): HookIO["store"] {
  return {
    now: Date.now,
    sleep: (ms) => void Atomics.wait(pause, 0, 0, ms),
    isAlive: isProcessAlive,
    pid: process.pid,
    // Unique, not secret: it tells this hook's lock and temp files from another's (node:crypto costs a start-up millisecond).
    token: () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`,
    tmpdir: tmpdir(),
    uid: process.getuid?.(),
  };
}

/** The hooks' clock runs this many times faster (OCTOPERF_HOOKS_TIME_SCALE, tests only); 1 otherwise. */
export function timeScale(env: Env): number {
  const value = Number(env[TEST_TIME_SCALE_ENV]);
  return env[TEST_TIME_SCALE_ENV] !== undefined && Number.isFinite(value) && value > 0 && value <= 10_000 ? value : 1;
}

/** The decision clock: the real one, unless a test seam fixes it or speeds it up. */
export function decisionClock(env: Env): () => number {
  const fixed = env[TEST_CLOCK_ENV];
  if (fixed && /^\d{1,15}$/.test(fixed)) return () => Number(fixed);
  const scale = timeScale(env);
  return scale === 1 ? Date.now : () => Math.round(Date.now() * scale);
}

/** The plugin's folder, from the bundle's own place: <root>/scripts/hooks/octoperf-hook.cjs. */
export function pluginRootOf(bundlePath: string | undefined): string | undefined {
  return bundlePath ? resolve(dirname(bundlePath), "..", "..") : undefined;
}

/* The modules below are loaded with require() so that esbuild's bundle starts them only when asked: a quick hook never pays for them. */

function loggedInCheck(env: Env): () => boolean {
  return () => {
    const { isLoggedIn } = require("../auth/login-state.js") as typeof import("../auth/login-state.js");
    const { HOSTED_MCP_URL } = require("../auth/hosted.js") as typeof import("../auth/hosted.js");
    return isLoggedIn(HOSTED_MCP_URL, env);
  };
}

/** The entry point of the bundle: `octoperf-hook.cjs <hook-name>`. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  let stdin = "";
  try {
    stdin = readFileSync(0, "utf8");
  } catch {
    // no stdin: parseHookInput reports it
  }
  // writeSync on fds 1 and 2: creating process.stdout costs a hook almost a millisecond.
  const write = (fd: number, text: string) => {
    try {
      writeSync(fd, text);
    } catch {
      // nobody listens
    }
  };
  const finish = (emission: Emission): void => {
    if (emission.stdout) write(1, `${emission.stdout}\n`);
    process.exitCode = emission.exitCode;
  };
  const name = argv[0] ?? "";
  const pluginRoot = pluginRootOf(process.argv[1]);
  const io: HookIO = {
    stdin,
    env: process.env,
    now: decisionClock(process.env),
    store: systemStoreIO(),
    stderr: (line) => write(2, `${line}\n`),
    ...(pluginRoot ? { pluginRoot } : {}),
    loggedIn: loggedInCheck(process.env),
    stopWaiter: (waiter) => {
      const { stopHookProcess } = require("./background-run.js") as typeof import("./background-run.js");
      return stopHookProcess(waiter.pid);
    },
  };
  if (hookSpec(name)?.kind !== "background") {
    finish(runHook(name, io));
    return;
  }
  const controller = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => controller.abort());
  const { systemJobRunner } = require("./background-run.js") as typeof import("./background-run.js");
  const jobs = systemJobRunner({ pluginRoot, env: process.env, now: io.now, scale: timeScale(process.env) });
  runBackgroundHook(name, { ...io, jobs, signal: controller.signal })
    .then(finish)
    .catch(() => finish(SILENT))
    // A background hook ends when its work does: nothing it started may keep it alive.
    .finally(() => process.exit());
}
