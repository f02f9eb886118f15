// Files only their owner can touch: a folder chain that nobody else can write
// (else a stranger could swap a file in), files written 0600 through a
// rename (a reader never sees half a file), and nothing read through a link.
import { chmodSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname } from "node:path";
import { UnsafeStoreError } from "./errors.js";

const OTHERS_WRITE = 0o022;
const OTHERS_ANY = 0o077;

function currentUid(): number | undefined {
  return typeof process.getuid === "function" ? process.getuid() : undefined;
}

function checkOwned(path: string, stats: Stats): void {
  const uid = currentUid();
  if (uid === undefined) return; // Windows: no POSIX owner or mode bits to check.
  if (stats.uid !== uid) throw new UnsafeStoreError(path, `it belongs to user ${stats.uid}, not to you (${uid})`);
  if ((stats.mode & OTHERS_WRITE) !== 0) throw new UnsafeStoreError(path, `others can write it (mode ${(stats.mode & 0o777).toString(8)})`);
}

/**
 * Check (and with `create`, make) `folder` and its parent as private: owned
 * by this user, writable by nobody else; `folder` itself is tightened to 0700.
 * Returns false when it does not exist and `create` is off.
 */
export function privateFolder(folder: string, create: boolean): boolean {
  const parent = dirname(folder);
  let stats: Stats;
  try {
    stats = lstatSync(folder);
  } catch {
    if (!create) return false;
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    stats = lstatSync(folder);
  }
  checkOwned(parent, statSync(parent));
  if (!stats.isDirectory()) throw new UnsafeStoreError(folder, stats.isSymbolicLink() ? "it is a symbolic link" : "it is not a folder");
  checkOwned(folder, stats);
  if (currentUid() !== undefined && (stats.mode & OTHERS_ANY) !== 0) chmodSync(folder, 0o700);
  return true;
}

/** A private file's JSON, or undefined when it is missing or not JSON. Refuses links and files others can write. */
export function readPrivateJson(path: string): unknown {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) throw new UnsafeStoreError(path, stats.isSymbolicLink() ? "it is a symbolic link" : "it is not a file");
  checkOwned(path, stats);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Write JSON readable by the owner only, atomically (a temp file renamed over the old one). */
export function writePrivateJson(path: string, value: unknown): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

export function removeFile(path: string): boolean {
  try {
    lstatSync(path);
  } catch {
    return false;
  }
  rmSync(path, { force: true });
  return true;
}
