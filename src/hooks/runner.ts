// The shell around every hook: read stdin, call the hook's decide() under the
// session's state, emit the decision. Fails open: any problem (an unknown
// hook name, bad stdin, a locked, corrupt or unsafe state folder, an
// exception) gives exit 0, no decision and one line on stderr, so a hook bug
// never blocks a session. Everything it touches comes in through HookIO, so
// tests run it from source with a fixed clock.
import { readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { emit, SILENT, type DecideContext, type Decided, type Emission } from "./decision.js";
import { API_KEY_ENV, DISABLE_ENV, TEST_CLOCK_ENV } from "./environment.js";
import { parseHookInput, type ToolEvent, type ToolHookInput } from "./input.js";
import { isProcessAlive, type LockIO } from "./lock.js";
import { hookSpec, type HookSpec } from "./registry.js";
import { safeExcerpt } from "./safe-text.js";
import type { SessionState } from "./state.js";
import { stateDir, type StateDirIO } from "./state-dir.js";
import { updateSession } from "./store.js";

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
}

export function isDisabled(name: string, env: Env): boolean {
  const value = env[DISABLE_ENV];
  if (!value) return false;
  const names = value.split(",").map((part) => part.trim().toLowerCase());
  return names.includes("all") || names.includes(name);
}

/** A hook waits for the lock at most half its own timeout. */
export function lockWaitMs(spec: HookSpec): number {
  return Math.min(MAX_LOCK_WAIT_MS, (spec.options.timeout * 1000) / 2);
}

/** The spec's decide() when the input is of its event (the types then line up), else undefined. */
function decideFor(spec: HookSpec, input: ToolHookInput, state: SessionState, ctx: DecideContext): Decided<ToolEvent> | undefined {
  if (spec.event === "PreToolUse" && input.event === "PreToolUse") return spec.decide(input, state, ctx);
  if (spec.event === "PostToolUse" && input.event === "PostToolUse") return spec.decide(input, state, ctx);
  return undefined;
}

/** Run one hook invocation: what it prints on stdout and its exit code. */
export function runHook(name: string, io: HookIO): Emission {
  try {
    const spec = hookSpec(name);
    if (!spec) {
      io.stderr(`octoperf hook: no hook named ${JSON.stringify(safeExcerpt(name, 40))} (failing open, no decision)`);
      return SILENT;
    }
    if (isDisabled(spec.name, io.env)) return SILENT;
    const input = parseHookInput(io.stdin);
    if (input.event !== spec.event) {
      io.stderr(`octoperf ${spec.name}: not a ${spec.event} event (no decision)`);
      return SILENT;
    }
    const ctx: DecideContext = { now: io.now(), watcher: Boolean(io.env[API_KEY_ENV]) };
    const options = { dir: stateDir(io.env, io.store), io: io.store, lockWaitMs: lockWaitMs(spec) };
    const decided = updateSession(options, input.sessionId, (state) => {
      const result = decideFor(spec, input, state, ctx) ?? { state };
      return { state: result.state, result };
    });
    if (decided.note) io.stderr(`octoperf ${spec.name}: ${decided.note} (no decision)`);
    return decided.decision ? emit(decided.decision) : SILENT;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`octoperf ${hookSpec(name)?.name ?? "hook"}: ${safeExcerpt(message, 200)} (failing open, no decision)`);
    return SILENT;
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

/** The decision clock: the real one, unless the test seam fixes it. */
export function decisionClock(env: Env): () => number {
  const fixed = env[TEST_CLOCK_ENV];
  if (fixed && /^\d{1,15}$/.test(fixed)) return () => Number(fixed);
  return Date.now;
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
  const emission = runHook(argv[0] ?? "", {
    stdin,
    env: process.env,
    now: decisionClock(process.env),
    store: systemStoreIO(),
    stderr: (line) => write(2, `${line}\n`),
  });
  if (emission.stdout) write(1, `${emission.stdout}\n`);
  process.exitCode = emission.exitCode;
}
