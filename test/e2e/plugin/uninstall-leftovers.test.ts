// What the pinned client (2.1.330) leaves after a marketplace install is
// undone with its own commands, in a fresh HOME: the list the README gives
// under "Install into Claude Code". If a client update cleans up more (or
// less), this fails and the README's list is to be measured again.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { installPlugin } from "../harness/install.js";
import { buildPluginVariant } from "../harness/plugin-variant.js";
import { claudeEnv, REPO_ROOT, runClaudeRaw } from "../harness/run-claude.js";

/** Every file and empty folder under `dir`, relative; a folder holding `.orphaned_at` is listed once, as itself. */
function leftovers(dir: string, root = dir): string[] {
  const names = readdirSync(dir);
  if (names.includes(".orphaned_at")) return [`${relative(root, dir)}/ (orphaned copy)`];
  if (names.length === 0 && dir !== root) return [`${relative(root, dir)}/`];
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? leftovers(path, root) : [relative(root, path)];
  });
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? folderBytes(path) : stat.size);
  }, 0);
}

test("claude plugin uninstall + marketplace remove: what stays in HOME", { timeout: 300_000 }, async () => {
  const home = await mkdtemp(join(tmpdir(), "octoperf-e2e-uninstall-"));
  const variant = await buildPluginVariant({ mcp: "none" });
  try {
    const installed = await installPlugin(home, variant.dir);
    const marketplace = installed.id.split("@")[1]!;
    const options = { home, cwd: home, env: claudeEnv(home, { modelUrl: "http://127.0.0.1:9" }), timeoutMs: 60_000 };
    const uninstalled = await runClaudeRaw(["plugin", "uninstall", installed.id], options);
    assert.equal(uninstalled.code, 0, uninstalled.stderr);
    const removed = await runClaudeRaw(["plugin", "marketplace", "remove", marketplace], options);
    assert.equal(removed.code, 0, removed.stderr);

    const left = leftovers(home).map((path) => path.replace(/\.backup\.\d+$/, ".backup.N"));
    assert.deepEqual(left.sort(), [
      ".claude.json",
      ".claude/backups/.claude.json.backup.N",
      `.claude/plugins/cache/${marketplace}/octoperf/0.1.0/ (orphaned copy)`,
      ".claude/plugins/installed_plugins.json",
      ".claude/plugins/known_marketplaces.json",
      ".claude/plugins/marketplaces/",
      ".claude/settings.json",
    ]);
    const json = (path: string): unknown => JSON.parse(readFileSync(join(home, path), "utf8"));
    assert.deepEqual(json(".claude/settings.json"), { enabledPlugins: {}, extraKnownMarketplaces: {} });
    assert.deepEqual(json(".claude/plugins/installed_plugins.json"), { version: 2, plugins: {} });
    assert.deepEqual(json(".claude/plugins/known_marketplaces.json"), {});
    // The orphaned copy is the whole plugin tree: its bundles and the bin/ launcher are still there.
    const copy = join(home, ".claude", "plugins", "cache", marketplace, "octoperf", "0.1.0");
    assert.ok(existsSync(join(copy, "scripts", "octoperf-wait.mjs")) && existsSync(join(copy, "bin", "octoperf-wait")));
    const megabytes = folderBytes(copy) / 1e6;
    assert.ok(megabytes > 1, `${megabytes.toFixed(1)} MB`);
    // The README states what this measures.
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    for (const claim of ["`.orphaned_at`", '`"enabledPlugins": {}`', '`"extraKnownMarketplaces": {}`', '`{"version": 2, "plugins": {}}`']) assert.ok(readme.includes(claim), claim);
  } finally {
    await variant.dispose();
    await rm(home, { recursive: true, force: true });
  }
});
