// What every hook process shares, quick or background: its I/O, the context
// of its decisions, the clock seams of the tests, how it fails open, and how
// it writes its answer. The quick shell (runner.ts), the background shell
// (background-shell.ts) and the guard (guard-shell.ts) build on this; nothing
// here knows any hook's logic, so each bundle holds only its own.
import { writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, resolve } from "node:path";
import { BACKGROUND_LOCK_WAIT_S, QUICK_LOCK_WAIT_S } from "../../policy/index.js";
import { SILENT, type DecideContext, type Emission } from "../claude/decision.js";
import { isProcessAlive, type LockIO } from "../session/lock.js";
import { isRecordedProcess, type ProcessProbe } from "../session/processes.js";
import { isProject, type WaiterRecord } from "../session/state.js";
import { stateDir, type StateDirIO } from "../session/state-dir.js";
import type { StoreOptions } from "../session/store.js";
import { oneLine, quoted } from "../../policy/untrusted-text.js";
import { API_KEY_ENV, ATTENDED_ENV, DISABLE_ENV, PROJECT_DIR_ENV, TEST_CLOCK_ENV, TEST_TIME_SCALE_ENV } from "./environment.js";
import { BACKGROUND_HOOK_NAMES, hookSpec, type HookSpec } from "./registry.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** The longest a quick hook waits for the session lock, whatever its timeout. */
export const MAX_LOCK_WAIT_MS = QUICK_LOCK_WAIT_S * 1000;

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
  /** End a background waiter's process (/octoperf:stop-wait); false when it is not proved ours or already gone. */
  readonly stopWaiter?: (waiter: WaiterRecord) => boolean;
  /** How a recorded process is proved (processes.ts); without it, a live pid is all that is known. */
  readonly processes?: ProcessProbe;
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

/**
 * A quick hook waits for the lock at most half its own timeout, and at most
 * MAX_LOCK_WAIT_MS (a tool call waits for it). A background hook runs beside
 * the session and a wake it drops leaves the session idle: it waits longer.
 */
export function lockWaitMs(spec: HookSpec): number {
  if (spec.kind !== "quick") return BACKGROUND_LOCK_WAIT_S * 1000;
  return Math.min(MAX_LOCK_WAIT_MS, (spec.options.timeout * 1000) / 2);
}

function once(compute: () => boolean): () => boolean {
  let value: boolean | undefined;
  return () => (value ??= compute());
}

/** What every decision of this run gets. */
export function contextFor(io: HookIO): DecideContext {
  const loggedIn = io.loggedIn;
  const project = io.env[PROJECT_DIR_ENV];
  return {
    ...(isProject(project) ? { project } : {}),
    now: io.now(),
    reach: { apiKey: Boolean(io.env[API_KEY_ENV]), login: once(() => (loggedIn ? loggedIn() : false)) },
    hooks: backgroundHooksOn(io.env),
    attended: io.env[ATTENDED_ENV] === "1",
    pluginRoot: io.pluginRoot,
    alive: (pid, proof) => isRecordedProcess(pid, proof, io.processes ?? { isAlive: io.store.isAlive, startOf: () => undefined, commandOf: () => undefined }),
    scale: timeScale(io.env),
    pid: io.store.pid,
    token: io.store.token(),
  };
}

export function storeOptions(io: HookIO, spec: HookSpec): StoreOptions {
  return { dir: stateDir(io.env, io.store), io: io.store, lockWaitMs: lockWaitMs(spec) };
}

export function failOpen(io: HookIO, name: string, error: unknown): Emission {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(`octoperf ${hookSpec(name)?.name ?? "hook"}: ${oneLine(message, 200)} (failing open, no decision)`);
  return SILENT;
}

/** The spec for `name`, or undefined after saying so (never echoing the name raw). */
export function specFor(name: string, io: HookIO): HookSpec | undefined {
  const spec = hookSpec(name);
  if (!spec) io.stderr(`octoperf hook: no hook named ${quoted(name, 40)} (failing open, no decision)`);
  return spec;
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

/** What the background bundle offers the quick one (background-entry.ts). */
export interface BackgroundBundle {
  runBackgroundMain(name: string, io: HookIO): void;
  isLoggedIn(env: Env): boolean;
}

/** writeSync on fds 1 and 2: creating process.stdout costs a hook almost a millisecond. */
export function writeFd(fd: number, text: string): void {
  try {
    writeSync(fd, text);
  } catch {
    // nobody listens
  }
}

export function finishWith(emission: Emission): void {
  if (emission.stdout) writeFd(1, `${emission.stdout}\n`);
  process.exitCode = emission.exitCode;
}
