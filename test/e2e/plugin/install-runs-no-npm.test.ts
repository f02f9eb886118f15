// Claude Code 2.1.330 runs `npm ci` in an installed plugin that ships a
// package.json and a lockfile, and it installs devDependencies too (for this
// repo: the ~380 MB Claude Code binary). The plugin needs no packages at run
// time (hooks and watcher are committed bundles), and Claude Code skips that
// step for a package.json that declares `overrides`. This test installs the
// plugin with the real client and a recording `npm` first on PATH.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..", "..");
const claude = join(root, "node_modules", ".bin", "claude");

function pluginCopy(dir: string, edit?: (pkg: Record<string, unknown>) => void): void {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), readFileSync(join(root, file)));
  }
  if (edit) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    edit(pkg);
    writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  }
}

function installAndRecordNpm(edit?: (pkg: Record<string, unknown>) => void): { npmCalls: string; installed: string } {
  const work = mkdtempSync(join(tmpdir(), "octoperf-no-npm-"));
  try {
    const repo = join(work, "repo");
    const bin = join(work, "bin");
    const calls = join(work, "npm-calls");
    mkdirSync(bin, { recursive: true });
    pluginCopy(repo, edit);
    writeFileSync(join(bin, "npm"), `#!/bin/sh\necho "$@" >> "${calls}"\nexit 1\n`);
    chmodSync(join(bin, "npm"), 0o755);
    const env = { HOME: join(work, "home"), PATH: `${bin}:/usr/bin:/bin` };
    const run = (...args: string[]) => execFileSync(claude, args, { cwd: work, env, encoding: "utf8", timeout: 60_000 });
    run("plugin", "marketplace", "add", repo);
    const installed = run("plugin", "install", "octoperf@octoperf-plugins");
    return { npmCalls: existsSync(calls) ? readFileSync(calls, "utf8") : "", installed };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test("installing the plugin with the real client runs no npm", () => {
  const { npmCalls, installed } = installAndRecordNpm();
  assert.match(installed, /Successfully installed plugin: octoperf@octoperf-plugins/);
  assert.equal(npmCalls, "");
});

test("control: without overrides, the same install would run npm ci", () => {
  const { npmCalls } = installAndRecordNpm((pkg) => {
    delete pkg.overrides;
  });
  assert.match(npmCalls, /\bci --ignore-scripts\b/);
});
