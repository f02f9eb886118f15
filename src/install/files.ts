// Small file operations with the guarantees the installer needs: hashes to
// tell our files from the user's, writes that never leave half a file.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function fileHash(path: string): string | undefined {
  return existsSync(path) ? sha256(readFileSync(path)) : undefined;
}

/** Write through a temp file and a rename, creating the parent directory. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.octoperf-tmp-${process.pid}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Directories from `dir` up to (not including) `stop` that do not exist yet, outermost first. */
export function missingDirs(dir: string, stop: string): string[] {
  const missing: string[] = [];
  for (let current = dir; current !== stop && current !== dirname(current) && !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
  }
  return missing;
}
