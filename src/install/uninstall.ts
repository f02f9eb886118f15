// npm run uninstall:claude: undo what install wrote, in reverse. Aliases we
// wrote go (an alias the user edited stays, with a note); the user's files
// we backed up come back byte for byte; Claude Code uninstalls the plugin
// and forgets the marketplace; the cached copy it leaves behind is removed;
// settings.json gets the user's own bytes back when nothing else changed.
// The same undo runs when a first install is refused half-way.
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { listMarketplaces, listPlugins, type ClaudeCli } from "./claude-cli.js";
import { fileHash, writeFileAtomic } from "./files.js";
import { readManifest, type Manifest } from "./manifest.js";
import type { InstallPaths } from "./paths.js";
import { settingsAction } from "./settings.js";

export interface UninstallReport {
  readonly removed: readonly string[];
  readonly restored: readonly string[];
  readonly notes: readonly string[];
  /** Steps that failed (each also in notes); the rest was still done. */
  readonly failures: readonly string[];
}

/** Kept next to an alias the user edited, when there is a backup of what was there first. */
export const KEPT_BACKUP_SUFFIX = ".before-octoperf";

function readText(path: string | undefined): string | undefined {
  return path !== undefined && existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Undo what `manifest` records; every step is tried, and a step that fails is reported, not thrown. */
export function undoInstall(manifest: Manifest, paths: InstallPaths, cli: ClaudeCli): UninstallReport {
  const removed: string[] = [];
  const restored: string[] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  const step = (what: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      const failure = `could not ${what}: ${messageOf(error)}`;
      failures.push(failure);
      notes.push(failure);
    }
  };

  for (const alias of manifest.aliases) {
    step(`put back ${alias.path}`, () => {
      const current = fileHash(alias.path);
      if (current === alias.written) {
        rmSync(alias.path);
        removed.push(alias.path);
      } else if (current !== undefined) {
        notes.push(`${alias.path} was edited after the install; left as it is`);
        if (alias.backup && existsSync(alias.backup)) {
          renameSync(alias.backup, alias.path + KEPT_BACKUP_SUFFIX);
          notes.push(`the file that was there before the install is at ${alias.path + KEPT_BACKUP_SUFFIX}`);
        }
        return;
      }
      if (alias.backup && existsSync(alias.backup)) {
        copyFileSync(alias.backup, alias.path);
        restored.push(alias.path);
      }
    });
  }

  step(`uninstall ${manifest.pluginId}`, () => {
    if (listPlugins(cli).some((p) => p.id === manifest.pluginId && p.scope === "user")) cli.run(["plugin", "uninstall", manifest.pluginId, "--scope", "user"]);
  });
  step(`remove the marketplace ${manifest.marketplace}`, () => {
    if (listMarketplaces(cli).some((m) => m.name === manifest.marketplace)) cli.run(["plugin", "marketplace", "remove", manifest.marketplace]);
  });
  // Claude Code keeps the uninstalled copy (marked .orphaned_at) for a later sweep: it is the plugin's, so it goes now.
  const cached = join(paths.pluginCacheDir, manifest.marketplace);
  step(`remove ${cached}`, () => {
    if (existsSync(cached)) {
      rmSync(cached, { recursive: true, force: true });
      removed.push(cached);
    }
  });

  step("put back settings.json", () => {
    const original = manifest.settings.existed ? readText(manifest.settings.backup) : undefined;
    if (manifest.settings.existed && original === undefined) {
      notes.push("the backup of settings.json is missing; settings.json left as Claude Code wrote it");
      return;
    }
    const action = settingsAction(readText(paths.settingsFile), original, manifest.pluginId, manifest.marketplace);
    if (action.kind === "restore" && manifest.settings.backup) {
      copyFileSync(manifest.settings.backup, paths.settingsFile);
      restored.push(paths.settingsFile);
    } else if (action.kind === "delete") {
      rmSync(paths.settingsFile);
      removed.push(paths.settingsFile);
    } else if (action.kind === "rewrite") {
      writeFileAtomic(paths.settingsFile, action.text);
      notes.push(action.note);
    }
  });

  if (failures.length === 0) {
    step(`remove ${paths.stateDir}`, () => {
      rmSync(paths.stateDir, { recursive: true, force: true });
      removed.push(paths.stateDir);
    });
  } else {
    notes.push(`${paths.stateDir} is kept (manifest and backups) so that npm run uninstall:claude can try again`);
  }
  for (const dir of [...manifest.createdDirs].reverse()) {
    step(`remove ${dir}`, () => {
      if (existsSync(dir) && readdirSync(dir).length === 0) {
        rmdirSync(dir);
        removed.push(dir);
      }
    });
  }
  return { removed, restored, notes, failures };
}

export function uninstall(options: { paths: InstallPaths; cli: ClaudeCli }): UninstallReport {
  const { paths, cli } = options;
  const manifest = readManifest(paths.manifestFile);
  if (!manifest) return { removed: [], restored: [], notes: [`nothing to do: no manifest at ${paths.manifestFile}`], failures: [] };
  return undoInstall(manifest, paths, cli);
}
