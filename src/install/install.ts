// npm run install:claude: stage the plugin, let the real `claude` CLI declare
// the marketplace and install the plugin, then write the command aliases.
// Idempotent: a second run reinstalls and rewrites only what it owns. Every
// user file it would overwrite is backed up first, once, and listed in the
// manifest so that uninstall can put it back.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { aliasesFor } from "./aliases.js";
import { claudeVersion, listMarketplaces, listPlugins, type ClaudeCli } from "./claude-cli.js";
import { fileHash, missingDirs, sha256, writeFileAtomic } from "./files.js";
import { readManifest, writeManifest, type AliasRecord, type Manifest, type SettingsRecord } from "./manifest.js";
import type { InstallPaths } from "./paths.js";
import { stagePlugin } from "./stage.js";

export interface InstallReport {
  readonly pluginId: string;
  readonly installPath: string;
  readonly aliases: readonly string[];
  readonly backups: readonly string[];
  readonly notes: readonly string[];
  readonly manifest: string;
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

export function install(options: { source: string; paths: InstallPaths; cli: ClaudeCli }): InstallReport {
  const { source, paths, cli } = options;
  const previous = readManifest(paths.manifestFile);
  const createdDirs = previous?.createdDirs ? [...previous.createdDirs] : [...missingDirs(paths.commandsDir, paths.configDir)];
  if (!previous && !existsSync(paths.stateDir)) createdDirs.push(paths.stateDir);
  const settings = previous?.settings ?? firstSettingsRecord(paths);
  const staged = stagePlugin(source, paths.stagedDir);
  const pluginId = `${staged.plugin}@${staged.marketplace}`;
  const notes: string[] = [];
  const record = (aliases: readonly AliasRecord[], installPath?: string, version?: string): Manifest => ({
    version: 1,
    pluginId,
    marketplace: staged.marketplace,
    ...(installPath !== undefined ? { installPath } : {}),
    ...(version !== undefined ? { claudeVersion: version } : {}),
    installedAt: new Date().toISOString(),
    settings,
    aliases,
    createdDirs,
  });
  // Written before Claude Code touches settings.json, so a failed run keeps the true original.
  writeManifest(paths.manifestFile, record(previous?.aliases ?? []));

  const known = listMarketplaces(cli).find((m) => m.name === staged.marketplace);
  if (known && known.path !== staged.dir) throw new Error(`a marketplace named ${staged.marketplace} already points at ${known.path ?? "another source"}; remove it first (claude plugin marketplace remove ${staged.marketplace})`);
  if (known) cli.run(["plugin", "marketplace", "update", staged.marketplace]);
  else cli.run(["plugin", "marketplace", "add", staged.dir, "--scope", "user"]);
  if (listPlugins(cli).some((p) => p.id === pluginId && p.scope === "user")) {
    cli.run(["plugin", "uninstall", pluginId, "--scope", "user", "--keep-data"]);
    notes.push("reinstalled the plugin (its data directory kept)");
  }
  cli.run(["plugin", "install", pluginId, "--scope", "user"]);
  const installed = listPlugins(cli).find((p) => p.id === pluginId);
  if (!installed?.installPath) throw new Error(`claude plugin list does not show ${pluginId} after the install`);

  const records: AliasRecord[] = [];
  const backups: string[] = [];
  for (const alias of aliasesFor(join(staged.dir, "commands"), installed.installPath)) {
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
  // Aliases of commands the plugin no longer has stay listed, so uninstall still finds them.
  for (const old of previous?.aliases ?? []) if (!records.some((r) => r.path === old.path)) records.push(old);

  writeManifest(paths.manifestFile, record(records, installed.installPath, claudeVersion(cli)));
  return { pluginId, installPath: installed.installPath, aliases: records.map((r) => r.path), backups, notes, manifest: paths.manifestFile };
}

