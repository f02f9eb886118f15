// The installer in a temp HOME, with a `claude` that fails where it is told
// to (fake-claude.ts): a refused install leaves every file as it was, an
// empty settings.json stays empty, a failed reinstall keeps what uninstall
// needs. The real client runs install and uninstall in test/e2e/installer.test.ts.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { install, InstallError } from "../../src/install/install.js";
import { installPaths } from "../../src/install/paths.js";
import { uninstall } from "../../src/install/uninstall.js";
import { fakeClaude } from "./fake-claude.js";
import { diff, snapshot } from "./tree.js";

const SOURCE = join(import.meta.dirname, "..", "..");

function home(files: Record<string, string>): { home: string; paths: ReturnType<typeof installPaths> } {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-install-unit-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { home: dir, paths: installPaths({ HOME: dir }) };
}

const USER_FILES = {
  ".claude/settings.json": '{\n    "theme": "dark"\n}\n',
  ".claude/commands/octoperf-cadence.md": "my own cadence command\n",
  ".claude/commands/deploy.md": "Deploy the thing.\n",
};

function assertUnchanged(root: string, before: ReturnType<typeof snapshot>): void {
  assert.deepEqual(diff(before, snapshot(root)), { added: [], changed: [], removed: [] });
}

describe("a refused install leaves nothing behind", () => {
  const settingsCases: [string, Record<string, string>][] = [
    ["the user's settings", USER_FILES],
    ["a 0-byte settings.json", { ...USER_FILES, ".claude/settings.json": "" }],
    ["no settings.json", { ".claude/commands/deploy.md": "Deploy.\n" }],
  ];
  for (const [label, files] of settingsCases) {
    it(`when claude plugin install fails (${label})`, () => {
      const { home: root, paths } = home(files);
      const before = snapshot(root);
      const cli = fakeClaude(paths, { failOn: "plugin install" });
      assert.throws(() => install({ source: SOURCE, paths, cli }), (error: unknown) => error instanceof InstallError && /exited 1.*the install was undone and nothing was left behind/.test(error.message));
      assertUnchanged(root, before);
      assert.ok(cli.calls.includes("plugin marketplace remove octoperf-plugins"), cli.calls.join("\n"));
    });
  }

  it("when an alias cannot be written: the aliases already written go, the user's files come back", () => {
    const { home: root, paths } = home(USER_FILES);
    // The last alias written (octoperf-wait.md) has a folder of the user's in its place.
    mkdirSync(join(paths.commandsDir, "octoperf-wait.md"));
    writeFileSync(join(paths.commandsDir, "octoperf-wait.md", "notes.txt"), "mine\n");
    const before = snapshot(root);
    const cli = fakeClaude(paths);
    assert.throws(() => install({ source: SOURCE, paths, cli }), /nothing was left behind/);
    assertUnchanged(root, before);
    assert.ok(cli.calls.includes("plugin uninstall octoperf@octoperf-plugins --scope user"), cli.calls.join("\n"));
    assert.equal(existsSync(paths.stateDir), false);
    assert.equal(existsSync(join(paths.pluginCacheDir, "octoperf-plugins")), false);
  });

  it("when a marketplace of the same name points elsewhere: refused before anything is written", () => {
    const { home: root, paths } = home(USER_FILES);
    const before = snapshot(root);
    const cli = fakeClaude(paths, { marketplaces: { "octoperf-plugins": "/somewhere/else" } });
    assert.throws(() => install({ source: SOURCE, paths, cli }), /already points at \/somewhere\/else.*nothing was changed/);
    assertUnchanged(root, before);
    assert.deepEqual(cli.calls, ["plugin marketplace list --json"]);
  });

  it("when the source is not a plugin: refused before anything is written", () => {
    const { home: root, paths } = home(USER_FILES);
    const before = snapshot(root);
    const cli = fakeClaude(paths);
    assert.throws(() => install({ source: mkdtempSync(join(tmpdir(), "not-a-plugin-")), paths, cli }), /ENOENT/);
    assertUnchanged(root, before);
    assert.deepEqual(cli.calls, []);
  });
});

describe("install and uninstall", () => {
  for (const [label, settings] of [["a 0-byte", ""], ["a white-space-only", "\n  \n"]] as const) {
    it(`give back ${label} settings.json byte for byte`, () => {
      const { home: root, paths } = home({ ...USER_FILES, ".claude/settings.json": settings });
      const before = snapshot(root);
      const cli = fakeClaude(paths);
      install({ source: SOURCE, paths, cli });
      assert.notEqual(readFileSync(paths.settingsFile, "utf8"), settings, "the client wrote to it");
      uninstall({ paths, cli });
      assert.equal(readFileSync(paths.settingsFile, "utf8"), settings);
      assertUnchanged(root, before);
    });
  }

  it("keep the record after a failed reinstall, so that uninstall still removes everything", () => {
    const { home: root, paths } = home(USER_FILES);
    const before = snapshot(root);
    const cli = fakeClaude(paths);
    install({ source: SOURCE, paths, cli, now: () => Date.UTC(2026, 10, 30) });
    assert.equal((JSON.parse(readFileSync(paths.manifestFile, "utf8")) as { installedAt: string }).installedAt, "2026-11-30T00:00:00.000Z");
    const failing = { ...cli, run: (args: readonly string[]) => (args[1] === "install" ? (() => { throw new Error("install refused"); })() : cli.run(args)) };
    assert.throws(() => install({ source: SOURCE, paths, cli: failing }), /install refused; the install record is kept for uninstall/);
    assert.ok(existsSync(paths.manifestFile));
    const report = uninstall({ paths, cli });
    assert.deepEqual(report.failures, []);
    assertUnchanged(root, before);
  });
});
