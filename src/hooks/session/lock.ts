// The session lock: a file created exclusively (O_EXCL), holding its owner's
// pid and a random token. It is broken only when its owner is gone: the pid
// is not a live process, or (for a lock whose owner never got to write its
// pid) the file is older than the stale threshold. A live owner, however slow,
// is waited for, up to a bound, and then the waiting hook gives up (fails
// open). Should a lock still be broken under a live owner (a reused pid, a
// user deleting it), the owner finds out before it writes: stillHeld() is
// false, and the store re-reads and decides again instead of overwriting.
//
// Time comes from the injected LockIO (clock, sleep), so tests never wait.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import { errorCode, StateProblem } from "./state-problem.js";

export interface LockIO {
  /** Wall clock, epoch milliseconds (compared with file times). */
  readonly now: () => number;
  readonly sleep: (ms: number) => void;
  /** Whether a process with this pid exists. */
  readonly isAlive: (pid: number) => boolean;
  /** This process's pid, written into the lock. */
  readonly pid: number;
  /** A fresh random token. */
  readonly token: () => string;
}

export interface LockTiming {
  /** How long to wait for a live owner before giving up. */
  readonly waitMs: number;
  /** Age past which a lock without a readable owner is abandoned. */
  readonly staleMs: number;
  /** Pause between two tries. */
  readonly pollMs: number;
}

export interface HeldLock {
  /** True while the lock file is still the one this holder created. */
  stillHeld(): boolean;
  /** Remove the lock, if it is still ours. */
  release(): void;
}

/** process.kill(pid, 0): ESRCH means no such process; EPERM means one that belongs to someone else. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

const OWNER = /^(\d{1,10}) ([A-Za-z0-9]{1,64})\n$/;

type Owner =
  | { readonly kind: "gone" }
  | { readonly kind: "known"; readonly pid: number; readonly token: string; readonly raw: string }
  /** Empty (its owner died before writing), garbled, or a directory left by an older version. */
  | { readonly kind: "unreadable"; readonly raw: string; readonly mtimeMs: number; readonly dir: boolean };

function readOwner(path: string): Owner {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { kind: "unreadable", raw: "<dir>", mtimeMs: stat.mtimeMs, dir: true };
    const raw = readFileSync(path, "utf8");
    const match = OWNER.exec(raw);
    return match ? { kind: "known", pid: Number(match[1]), token: match[2]!, raw } : { kind: "unreadable", raw, mtimeMs: stat.mtimeMs, dir: false };
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { kind: "gone" };
    throw error;
  }
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function remove(path: string, dir: boolean): void {
  try {
    if (dir) rmdirSync(path);
    else unlinkSync(path);
  } catch {
    // gone meanwhile
  }
}

/**
 * Take an abandoned lock away by renaming it first: if what was renamed is not
 * the lock judged abandoned (another hook broke it and took a new one in
 * between), put that one back.
 */
function breakLock(path: string, judged: Owner, token: string): void {
  if (judged.kind === "gone") return;
  const aside = `${path}.broken.${token}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  const taken = readOwner(aside);
  const same = taken.kind !== "gone" && taken.raw === judged.raw;
  if (!same && taken.kind === "known") {
    try {
      linkSync(aside, path);
    } catch {
      // A newer lock is there: the owner we displaced sees it is no longer held.
    }
  }
  remove(aside, taken.kind === "unreadable" && taken.dir);
}

function abandoned(owner: Owner, io: LockIO, timing: LockTiming): boolean {
  if (owner.kind === "known") return owner.pid !== io.pid && !io.isAlive(owner.pid);
  if (owner.kind === "unreadable") return io.now() - owner.mtimeMs > timing.staleMs;
  return false;
}

/** Whether the lock at `path` is abandoned (its owner gone), by the same rule acquireLock breaks it by. */
export function isAbandonedLock(path: string, io: LockIO, staleMs: number): boolean {
  return abandoned(readOwner(path), io, { waitMs: 0, staleMs, pollMs: 0 });
}

export function acquireLock(path: string, io: LockIO, timing: LockTiming): HeldLock {
  const token = io.token();
  const started = io.now();
  // Bounded even if the clock stood still: every try either sleeps or breaks a lock.
  const maxTries = Math.ceil(timing.waitMs / Math.max(1, timing.pollMs)) + 100;
  for (let tries = 0; tries < maxTries; tries++) {
    if (tryCreate(path, `${io.pid} ${token}\n`)) {
      const held = (): boolean => {
        const owner = readOwner(path);
        return owner.kind === "known" && owner.token === token;
      };
      return {
        stillHeld: held,
        release: () => {
          if (held()) remove(path, false);
        },
      };
    }
    const owner = readOwner(path);
    if (owner.kind === "gone") continue;
    if (abandoned(owner, io, timing)) {
      breakLock(path, owner, token);
      continue;
    }
    if (io.now() - started >= timing.waitMs) {
      const who = owner.kind === "known" ? `process ${owner.pid}, still running` : "an owner that has not written its pid yet";
      throw new StateProblem(`state is locked by another hook (${who})`);
    }
    io.sleep(timing.pollMs);
  }
  throw new StateProblem("state lock could not be taken");
}
