// npm run uninstall:claude: undo what install wrote, in reverse. Aliases we
// wrote go (an alias the user edited stays, with a note); the user's files
// we backed up come back byte for byte; Claude Code uninstalls the plugin
// and forgets the marketplace; the cached copy it leaves behind is removed;
// settings.json gets the user's own bytes back when nothing else changed.
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { listMarketplaces, listPlugins, type ClaudeCli } from "./claude-cli.js";
import { fileHash, writeFileAtomic } from "./files.js";
import { readManifest } from "./manifest.js";
import type { InstallPaths } from "./paths.js";
import { settingsAction } from "./settings.js";

export interface UninstallReport {
  readonly removed: readonly string[];
  readonly restored: readonly string[];
  readonly notes: readonly string[];
}

/** Kept next to an alias the user edited, when there is a backup of what was there first. */
export const KEPT_BACKUP_SUFFIX = ".before-octoperf";

function readText(path: string | undefined): string | undefined {
  return path !== undefined && existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

export function uninstall(options: { paths: InstallPaths; cli: ClaudeCli }): UninstallReport {
  const { paths, cli } = options;
  const manifest = readManifest(paths.manifestFile);
  if (!manifest) return { removed: [], restored: [], notes: [`nothing to do: no manifest at ${paths.manifestFile}`] };
  const removed: string[] = [];
  const restored: string[] = [];
  const notes: string[] = [];

  for (const alias of manifest.aliases) {
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
      continue;
    }
    if (alias.backup && existsSync(alias.backup)) {
      copyFileSync(alias.backup, alias.path);
      restored.push(alias.path);
    }
  }

  if (listPlugins(cli).some((p) => p.id === manifest.pluginId && p.scope === "user")) cli.run(["plugin", "uninstall", manifest.pluginId, "--scope", "user"]);
  if (listMarketplaces(cli).some((m) => m.name === manifest.marketplace)) cli.run(["plugin", "marketplace", "remove", manifest.marketplace]);
  // Claude Code keeps the uninstalled copy (marked .orphaned_at) for a later sweep: it is the plugin's, so it goes now.
  const cached = join(paths.pluginCacheDir, manifest.marketplace);
  if (existsSync(cached)) {
    rmSync(cached, { recursive: true, force: true });
    removed.push(cached);
  }

  const original = manifest.settings.existed ? readText(manifest.settings.backup) : undefined;
  if (manifest.settings.existed && original === undefined) notes.push("the backup of settings.json is missing; settings.json left as Claude Code wrote it");
  else {
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
  }

  rmSync(paths.stateDir, { recursive: true, force: true });
  removed.push(paths.stateDir);
  for (const dir of [...manifest.createdDirs].reverse()) {
    if (existsSync(dir) && readdirSync(dir).length === 0) {
      rmdirSync(dir);
      removed.push(dir);
    }
  }
  return { removed, restored, notes };
}
