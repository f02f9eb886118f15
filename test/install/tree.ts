// Snapshots of a directory tree (relative path -> sha256), for before/after comparisons.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export type Tree = ReadonlyMap<string, string>;

export function snapshot(root: string): Tree {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(root);
  return files;
}

export interface TreeDiff {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
}

export function diff(before: Tree, after: Tree): TreeDiff {
  const added = [...after.keys()].filter((p) => !before.has(p)).sort();
  const changed = [...after.keys()].filter((p) => before.has(p) && before.get(p) !== after.get(p)).sort();
  const removed = [...before.keys()].filter((p) => !after.has(p)).sort();
  return { added, changed, removed };
}
