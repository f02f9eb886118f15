// The only file I/O of the hooks: one JSON file per Claude Code session in
// the state folder (state-dir.ts). Read, decide and write happen under the
// session lock (lock.ts). Writes go to a temp file renamed over the old one,
// so a reader never sees half a file, and only after checking that the lock
// is still ours and the file is still what was read: if not, the change is
// decided again on what is there now, so no update is lost. Old sessions are
// swept away.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { acquireLock, isAbandonedLock, type LockIO, type LockTiming } from "./lock.js";
import { bounded, emptyState, isSessionState, SESSION_ID_PATTERN, type SessionState } from "./state.js";
import { errorCode, StateProblem } from "./state-problem.js";


export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
export const MAX_STATE_BYTES = 256 * 1024;
/** A lock whose owner never wrote its pid is abandoned after this long. */
export const STALE_LOCK_MS = 5000;
/** Pause between two tries for the lock. */
export const LOCK_POLL_MS = 5;
/** How many times a change is decided again when the state changed under it. */
export const MAX_ATTEMPTS = 3;
const MAX_SWEEP_ENTRIES = 2000;
/** Temp files and abandoned locks older than this are swept. */
const LEFTOVER_MS = STALE_LOCK_MS * 12;

export interface StoreOptions {
  readonly dir: string;
  readonly io: LockIO;
  /** How long to wait for the lock before giving up (and failing open). */
  readonly lockWaitMs: number;
  /** Defaults to STALE_LOCK_MS. */
  readonly staleLockMs?: number;
}

export function sessionFile(dir: string, sessionId: string): string {
  if (!SESSION_ID_PATTERN.test(sessionId)) throw new StateProblem("malformed session id");
  return join(dir, `${sessionId}.json`);
}

type Loaded = { state: SessionState; text: string | undefined; corrupt: boolean };

/** The file's text, undefined when there is none. */
function readText(file: string): string | undefined {
  try {
    if (statSync(file).size > MAX_STATE_BYTES) return "<oversized>";
    return readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw new StateProblem(`state file unreadable (${errorCode(error) ?? "error"})`);
  }
}

function load(file: string): Loaded {
  const text = readText(file);
  if (text === undefined) return { state: emptyState(), text, corrupt: false };
  try {
    const value: unknown = JSON.parse(text);
    if (isSessionState(value)) return { state: value, text, corrupt: false };
  } catch {
    // corrupt: handled below
  }
  return { state: emptyState(), text, corrupt: true };
}

/**
 * Another session's state as its file holds it now, without its lock (a file
 * is only ever replaced whole): undefined when there is none, or it cannot be
 * read or does not validate.
 */
export function readSession(dir: string, sessionId: string): SessionState | undefined {
  try {
    const loaded = load(sessionFile(dir, sessionId));
    return loaded.text === undefined || loaded.corrupt ? undefined : loaded.state;
  } catch {
    return undefined;
  }
}

function save(file: string, state: SessionState, token: string): void {
  const text = JSON.stringify(bounded(state));
  const temp = `${file}.${token}.tmp`;
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

/**
 * Remove session files untouched for longer than the TTL, and what killed
 * hooks left: temp files, and locks whose owner is gone (never a live one's).
 */
export function sweep(dir: string, io: LockIO): number {
  let removed = 0;
  const now = io.now();
  for (const name of readdirSync(dir).slice(0, MAX_SWEEP_ENTRIES)) {
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      const age = now - stat.mtimeMs;
      const lock = name.endsWith(".lock");
      if (lock && !isAbandonedLock(path, io, LEFTOVER_MS)) continue;
      const leftover = (lock || name.endsWith(".tmp") || name.includes(".lock.broken.")) && age > LEFTOVER_MS;
      if (age > SESSION_TTL_MS || leftover) {
        if (stat.isDirectory()) rmdirSync(path);
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
  const { dir, io } = options;
  const file = sessionFile(dir, sessionId);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const timing: LockTiming = { waitMs: options.lockWaitMs, staleMs: options.staleLockMs ?? STALE_LOCK_MS, pollMs: LOCK_POLL_MS };
  for (let attempt = 1; ; attempt++) {
    const lock = acquireLock(`${file}.lock`, io, timing);
    try {
      const loaded = load(file);
      if (loaded.corrupt) {
        save(file, emptyState(), io.token());
        throw new StateProblem("state file was corrupt; it has been reset");
      }
      const { state, result } = change(loaded.state);
      if (state === loaded.state) return result;
      if (!lock.stillHeld() || readText(file) !== loaded.text) {
        if (attempt < MAX_ATTEMPTS) continue;
        throw new StateProblem("the session state kept changing under this hook");
      }
      if (loaded.text === undefined) sweep(dir, io);
      save(file, state, io.token());
      return result;
    } finally {
      lock.release();
    }
  }
}
