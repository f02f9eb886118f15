// The only file I/O of the hooks: one JSON file per Claude Code session under
// ${CLAUDE_PLUGIN_DATA}/hooks (os.tmpdir()/octoperf-hooks when unset).
// Writes go to a temp file renamed over the old one, so a reader never sees
// half a file; a lock directory serialises two hooks of the same session
// (read, decide, write happen under it); old sessions are swept away.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESSION_ID_PATTERN } from "./input.js";
import { bounded, emptyState, isSessionState, type SessionState } from "./state.js";

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
export const MAX_STATE_BYTES = 256 * 1024;
/** A lock older than this is left over by a killed hook and is broken. */
export const STALE_LOCK_MS = 5000;
/** How long a hook waits for the lock before it gives up (and fails open). */
export const LOCK_WAIT_MS = 1500;
const MAX_SWEEP_ENTRIES = 2000;

export class StateProblem extends Error {
  override name = "StateProblem";
}

export interface StoreOptions {
  readonly dir: string;
  /** The clock, in epoch milliseconds (injected by tests). */
  readonly now: () => number;
}

export function stateDir(env: Readonly<Record<string, string | undefined>>): string {
  const data = env.CLAUDE_PLUGIN_DATA;
  return data && data.length > 0 ? join(data, "hooks") : join(tmpdir(), "octoperf-hooks");
}

export function sessionFile(dir: string, sessionId: string): string {
  if (!SESSION_ID_PATTERN.test(sessionId)) throw new StateProblem("malformed session id");
  return join(dir, `${sessionId}.json`);
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

function lock(path: string): () => void {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(path);
      // rmdirSync, not rmSync: the recursive remover costs a hook about 2 ms to load.
      return () => rmdirSync(path);
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS) {
        rmdirSync(path);
        continue;
      }
    } catch {
      continue; // released meanwhile
    }
    if (Date.now() - started > LOCK_WAIT_MS) throw new StateProblem("state is locked by another hook");
    sleepMs(5);
  }
}

type Loaded = { state: SessionState; fresh: boolean; corrupt: boolean };

function load(file: string): Loaded {
  let text: string;
  try {
    if (statSync(file).size > MAX_STATE_BYTES) return { state: emptyState(), fresh: false, corrupt: true };
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { state: emptyState(), fresh: true, corrupt: false };
    throw new StateProblem(`state file unreadable (${errorCode(error) ?? "error"})`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (isSessionState(value)) return { state: value, fresh: false, corrupt: false };
  } catch {
    // corrupt: handled below
  }
  return { state: emptyState(), fresh: false, corrupt: true };
}

function save(file: string, state: SessionState): void {
  const text = JSON.stringify(bounded(state));
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    throw error;
  }
}

/** Remove session files (and leftovers) untouched for longer than the TTL. */
export function sweep(dir: string, now: number): number {
  let removed = 0;
  for (const name of readdirSync(dir).slice(0, MAX_SWEEP_ENTRIES)) {
    const path = join(dir, name);
    try {
      const age = now - statSync(path).mtimeMs;
      const leftover = (name.endsWith(".tmp") || name.endsWith(".lock")) && age > STALE_LOCK_MS * 12;
      if (age > SESSION_TTL_MS || leftover) {
        if (name.endsWith(".lock")) rmdirSync(path);
        else unlinkSync(path);
        removed++;
      }
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}

/**
 * Read the session's state, let `change` decide, write the new state when it
 * differs, all under the session lock. A corrupt file is reset and reported
 * as a StateProblem, so the caller gives no decision this time.
 */
export function updateSession<T>(options: StoreOptions, sessionId: string, change: (state: SessionState) => { state: SessionState; result: T }): T {
  const file = sessionFile(options.dir, sessionId);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const release = lock(`${file}.lock`);
  try {
    const loaded = load(file);
    if (loaded.corrupt) {
      save(file, emptyState());
      throw new StateProblem("state file was corrupt; it has been reset");
    }
    const { state, result } = change(loaded.state);
    if (state !== loaded.state) {
      if (loaded.fresh) sweep(options.dir, options.now());
      save(file, state);
    }
    return result;
  } finally {
    release();
  }
}
