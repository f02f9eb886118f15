// The record of what the installer wrote and what it backed up, so that
// uninstall removes exactly that and puts every backed-up file back.
import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "./files.js";

export interface AliasRecord {
  /** Absolute path of the alias file. */
  readonly path: string;
  /** sha256 of what we wrote. */
  readonly written: string;
  /** Backup of the user's file that was there first (absolute path), if any. */
  readonly backup?: string;
}

export interface SettingsRecord {
  /** Whether settings.json existed before the first install. */
  readonly existed: boolean;
  /** Byte copy of it, when it existed. */
  readonly backup?: string;
}

export interface Manifest {
  readonly version: 1;
  readonly pluginId: string;
  readonly marketplace: string;
  readonly installPath?: string;
  readonly claudeVersion?: string;
  readonly installedAt: string;
  readonly settings: SettingsRecord;
  readonly aliases: readonly AliasRecord[];
  /** Directories the installer created (removed again when empty). */
  readonly createdDirs: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isManifest(value: unknown): value is Manifest {
  if (!isRecord(value) || value.version !== 1) return false;
  if (typeof value.pluginId !== "string" || typeof value.marketplace !== "string") return false;
  if (!isRecord(value.settings) || typeof value.settings.existed !== "boolean") return false;
  if (!Array.isArray(value.aliases) || !value.aliases.every((a) => isRecord(a) && typeof a.path === "string" && typeof a.written === "string")) return false;
  return Array.isArray(value.createdDirs) && value.createdDirs.every((d) => typeof d === "string");
}

export function readManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!isManifest(parsed)) throw new Error(`${path} is not an octoperf install manifest; move it away and run again`);
  return parsed;
}

export function writeManifest(path: string, manifest: Manifest): void {
  writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
