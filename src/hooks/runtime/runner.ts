// The shell around every hook: read stdin, call the hook's logic under the
// session's state, emit the decision. Fails open: any problem (an unknown
// hook name, bad stdin, a locked, corrupt or unsafe state folder, an
// exception) gives exit 0, no decision and one line on stderr, so a hook bug
// never blocks a session. Everything it touches comes in through HookIO, so
// tests run it from source with a fixed clock.
//
// A background hook (registry.ts) runs from the background bundle
// (background-entry.ts, loaded from next to this one only then): it arms
// under the lock, waits outside it, settles under the lock, and either wakes
// the model (exit 2, its one line alone on stderr) or exits 0.
import { existsSync, readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { configDirFor, loginsFolder } from "../../auth/config-dir.js";
import { BACKGROUND_LOCK_WAIT_S, QUICK_LOCK_WAIT_S } from "../../policy/index.js";
import { emit, SILENT, type DecideContext, type Decided, type Emission } from "../claude/decision.js";
import { API_KEY_ENV, BACKGROUND_BUNDLE, DISABLE_ENV, TEST_CLOCK_ENV, TEST_TIME_SCALE_ENV } from "./environment.js";
import { parseHookInput, type HookEvent, type HookInput } from "../claude/input.js";
import { isProcessAlive, type LockIO } from "../session/lock.js";
import { abortWhenOrphaned } from "./orphan-watch.js";
import { isRecordedProcess, stopHookProcess, systemProbe, type ProcessProbe } from "../session/processes.js";
import { BACKGROUND_HOOK_NAMES, hookSpec, type HookSpec } from "./registry.js";
import { safeExcerpt } from "../text/safe-text.js";
import type { SessionState, WaiterRecord } from "../session/state.js";
import { stateDir, type StateDirIO } from "../session/state-dir.js";
import { updateSession, type StoreOptions } from "../session/store.js";

type Env = Readonly<Record<string, string | undefined>>;

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
  return {
    now: io.now(),
    reach: { apiKey: Boolean(io.env[API_KEY_ENV]), login: once(() => (loggedIn ? loggedIn() : false)) },
    hooks: backgroundHooksOn(io.env),
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

/** The spec's decide() when the input is of its event (the types then line up), else undefined. */
function decideFor(spec: HookSpec, input: HookInput, state: SessionState, ctx: DecideContext): Decided<HookEvent> | undefined {
  if (spec.kind !== "quick") return undefined;
  if (spec.event === "PreToolUse" && input.event === "PreToolUse") return spec.decide(input, state, ctx);
  if (spec.event === "PostToolUse" && input.event === "PostToolUse") return spec.decide(input, state, ctx);
  if (spec.event === "UserPromptExpansion" && input.event === "UserPromptExpansion") return spec.decide(input, state, ctx);
  if (spec.event === "SessionStart" && input.event === "SessionStart") return spec.decide(input, state, ctx);
  if (spec.event === "UserPromptSubmit" && input.event === "UserPromptSubmit") return spec.decide(input, state, ctx);
  return undefined;
}

export function failOpen(io: HookIO, name: string, error: unknown): Emission {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(`octoperf ${hookSpec(name)?.name ?? "hook"}: ${safeExcerpt(message, 200)} (failing open, no decision)`);
  return SILENT;
}

/** The spec for `name`, or undefined after saying so (never echoing the name raw). */
export function specFor(name: string, io: HookIO): HookSpec | undefined {
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
    return decided.decision ? emit(decided.decision, spec.event) : SILENT;
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

/** What the background bundle offers the quick one (background-entry.ts). */
export interface BackgroundBundle {
  runBackgroundMain(name: string, io: HookIO): void;
  isLoggedIn(env: Env): boolean;
}

/**
 * The background bundle, loaded from next to this one only when needed: its
 * code (the waits, the login check) is never compiled by a quick hook.
 */
function backgroundBundle(pluginRoot: string | undefined): BackgroundBundle {
  if (!pluginRoot) throw new Error("the plugin's folder is not known");
  // A computed path: esbuild leaves this require to run time.
  return require(join(pluginRoot, BACKGROUND_BUNDLE)) as BackgroundBundle;
}

function loggedInCheck(env: Env, pluginRoot: string | undefined): () => boolean {
  return () => {
    // Most people never signed in: the folder of logins tells, without loading the login code (and node:crypto).
    let folder: string;
    try {
      folder = loginsFolder(configDirFor(env));
    } catch {
      return false;
    }
    return existsSync(folder) && backgroundBundle(pluginRoot).isLoggedIn(env);
  };
}

/** The real I/O of a hook process, for stdin already read. */
export function systemHookIO(stdin: string, pluginRoot: string | undefined, write: (fd: number, text: string) => void): HookIO {
  return {
    stdin,
    env: process.env,
    now: decisionClock(process.env),
    store: systemStoreIO(),
    stderr: (line) => write(2, `${line}\n`),
    ...(pluginRoot ? { pluginRoot } : {}),
    loggedIn: loggedInCheck(process.env, pluginRoot),
    stopWaiter: (waiter) => stopHookProcess(waiter.pid, waiter.proof),
    processes: systemProbe,
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
  const name = argv[0] ?? "";
  const pluginRoot = pluginRootOf(process.argv[1]);
  const io = systemHookIO(stdin, pluginRoot, writeFd);
  if (hookSpec(name)?.kind === "guard") {
    runGuardMain(name, io);
    return;
  }
  if (hookSpec(name)?.kind === "background") {
    try {
      backgroundBundle(pluginRoot).runBackgroundMain(name, io);
    } catch (error) {
      failOpen(io, name, error);
    }
    return;
  }
  finishWith(runHook(name, io));
}

/** The guard runs from this bundle (it must work where the background one cannot load); signals end it silently. */
function runGuardMain(name: string, io: HookIO): void {
  const controller = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => controller.abort());
  abortWhenOrphaned(controller);
  void import("./guard-shell.js")
    .then(({ runGuardHook }) => runGuardHook(name, { ...io, signal: controller.signal }))
    .then(finishWith, () => finishWith(SILENT))
    .finally(() => process.exit());
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
