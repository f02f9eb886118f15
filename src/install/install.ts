// npm run install:claude: stage the plugin, let the real `claude` CLI declare
// the marketplace and install the plugin, then write the command aliases.
// Idempotent: a second run reinstalls and rewrites only what it owns. Every
// user file it would overwrite is backed up first, once, and listed in the
// manifest so that uninstall can put it back.
//
// A refused first install leaves nothing behind: what can be checked without
// writing (the source's names, a marketplace of the same name elsewhere) is
// checked first; anything that fails later (`claude plugin install`, a file
// that cannot be written) is undone the way uninstall does it, so the user's
// files, settings.json included, are as they were. A failed reinstall keeps
// the manifest, which still lists what is on disk, for uninstall to use.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { aliasesFor } from "./aliases.js";
import { claudeVersion, listMarketplaces, listPlugins, type ClaudeCli } from "./claude-cli.js";
import { fileHash, missingDirs, sha256, writeFileAtomic } from "./files.js";
import { readManifest, writeManifest, type AliasRecord, type Manifest, type SettingsRecord } from "./manifest.js";
import type { InstallPaths } from "./paths.js";
import { pluginNames, stagePlugin } from "./stage.js";
import { undoInstall } from "./uninstall.js";

export interface InstallReport {
  readonly pluginId: string;
  readonly installPath: string;
  readonly aliases: readonly string[];
  readonly backups: readonly string[];
  readonly notes: readonly string[];
  readonly manifest: string;
}

/** An install that did not happen; the message says what, if anything, was left. */
export class InstallError extends Error {
  override name = "InstallError";
}

function backupPath(paths: InstallPaths, file: string): string {
  return join(paths.backupsDir, file.slice(paths.configDir.length + 1).replaceAll("/", "__"));
}

function firstSettingsRecord(paths: InstallPaths): SettingsRecord {
  if (!existsSync(paths.settingsFile)) return { existed: false };
  const backup = backupPath(paths, paths.settingsFile);
  mkdirSync(paths.backupsDir, { recursive: true });
  copyFileSync(paths.settingsFile, backup);
  return { existed: true, backup };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function install(options: { source: string; paths: InstallPaths; cli: ClaudeCli; now?: () => number }): InstallReport {
  const { source, paths, cli } = options;
  const now = options.now ?? Date.now;
  const previous = readManifest(paths.manifestFile);
  // Refusals that need nothing written.
  const names = pluginNames(source);
  const known = listMarketplaces(cli).find((m) => m.name === names.marketplace);
  if (known && known.path !== paths.stagedDir) {
    throw new InstallError(
      `a marketplace named ${names.marketplace} already points at ${known.path ?? "another source"}; remove it first (claude plugin marketplace remove ${names.marketplace}); nothing was changed`,
    );
  }

  const pluginId = `${names.plugin}@${names.marketplace}`;
  const createdDirs = previous?.createdDirs ? [...previous.createdDirs] : [...missingDirs(paths.commandsDir, paths.configDir)];
  if (!previous && !existsSync(paths.stateDir)) createdDirs.push(paths.stateDir);
  const records: AliasRecord[] = [];
  let settings: SettingsRecord = previous?.settings ?? { existed: existsSync(paths.settingsFile) };
  let installPath: string | undefined;
  let version: string | undefined;
  const record = (): Manifest => ({
    version: 1,
    pluginId,
    marketplace: names.marketplace,
    ...(installPath !== undefined ? { installPath } : {}),
    ...(version !== undefined ? { claudeVersion: version } : {}),
    installedAt: new Date(now()).toISOString(),
    settings,
    // Aliases of commands the plugin no longer has stay listed, so uninstall still finds them.
    aliases: [...records, ...(previous?.aliases ?? []).filter((old) => !records.some((r) => r.path === old.path))],
    createdDirs,
  });

  try {
    settings = previous?.settings ?? firstSettingsRecord(paths);
    // Written before Claude Code touches settings.json, so a run that dies keeps the true original.
    writeManifest(paths.manifestFile, record());
    const staged = stagePlugin(source, paths.stagedDir);
    const notes: string[] = [];
    if (known) cli.run(["plugin", "marketplace", "update", staged.marketplace]);
    else cli.run(["plugin", "marketplace", "add", staged.dir, "--scope", "user"]);
    if (listPlugins(cli).some((p) => p.id === pluginId && p.scope === "user")) {
      cli.run(["plugin", "uninstall", pluginId, "--scope", "user", "--keep-data"]);
      notes.push("reinstalled the plugin (its data directory kept)");
    }
    cli.run(["plugin", "install", pluginId, "--scope", "user"]);
    installPath = listPlugins(cli).find((p) => p.id === pluginId)?.installPath;
    if (!installPath) throw new Error(`claude plugin list does not show ${pluginId} after the install`);

    const backups: string[] = [];
    for (const alias of aliasesFor(join(staged.dir, "commands"), installPath)) {
      const path = join(paths.commandsDir, alias.file);
      const before = previous?.aliases.find((a) => a.path === path);
      const current = fileHash(path);
      let backup = before?.backup;
      if (current !== undefined && current !== before?.written) {
        if (backup !== undefined) {
          notes.push(`${path} was edited since the last install; left as it is`);
          records.push(before!);
          continue;
        }
        backup = backupPath(paths, path);
        mkdirSync(paths.backupsDir, { recursive: true });
        copyFileSync(path, backup);
        backups.push(path);
      }
      writeFileAtomic(path, alias.text);
      records.push({ path, written: sha256(alias.text), ...(backup !== undefined ? { backup } : {}) });
    }
    version = claudeVersion(cli);
    const manifest = record();
    writeManifest(paths.manifestFile, manifest);
    return { pluginId, installPath, aliases: manifest.aliases.map((r) => r.path), backups, notes, manifest: paths.manifestFile };
  } catch (error) {
    if (previous) {
      try {
        writeManifest(paths.manifestFile, record());
      } catch {
        // the earlier manifest stays as it was
      }
      throw new InstallError(`${messageOf(error)}; the install record is kept for uninstall: run npm run uninstall:claude to remove what is there, or install again`);
    }
    const undone = undoInstall(record(), paths, cli);
    throw new InstallError(
      `${messageOf(error)}; ${undone.failures.length === 0 ? "the install was undone and nothing was left behind" : `undoing it left: ${undone.notes.join("; ")}`}`,
    );
  }
}
