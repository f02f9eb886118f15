// install:claude and uninstall:claude in a temp HOME with the real claude
// binary: the plugin is listed, the aliases work as typed, a second install
// changes nothing, and after uninstall every file the user had is
// byte-identical (a 0-byte settings.json too) and whatever else is left is
// Claude Code's own bookkeeping. An install the client refuses for real
// leaves the same. (The installer's own logic: test/install/.)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { ALIAS_MARKER } from "../../src/install/aliases.js";
import { PLUGIN_ENTRIES } from "../../src/install/stage.js";
import { diff, snapshot, type Tree } from "../install/tree.js";
import { userTexts } from "./harness/requests.js";
import { CLAUDE_BIN, REPO_ROOT } from "./harness/run-claude.js";
import { text } from "./harness/script.js";
import { describeRun, runScripted } from "./harness/session.js";

/** Files Claude Code itself leaves in a fresh HOME after these commands (2.1.330). */
export const CLAUDE_BOOKKEEPING: readonly RegExp[] = [
  /^\.claude\.json$/,
  /^\.claude\/backups\/\.claude\.json\.backup\.\d+$/,
  /^\.claude\/plugins\/installed_plugins\.json$/,
  /^\.claude\/plugins\/known_marketplaces\.json$/,
  /^\.claude\/telemetry\/[\w.-]+\.json$/,
  /^\.claude\/\.last-cleanup$/,
];
/** Files any Claude Code session leaves (transcript, MCP logs, built-in plugin store), here from the alias run. */
export const SESSION_BOOKKEEPING: readonly RegExp[] = [
  /^\.claude\/projects\/[^/]+\/[\w-]+\.jsonl$/,
  /^\.cache\/claude-cli-nodejs\/[^/]+\/mcp-logs-[\w-]+\/[\w.-]+\.jsonl$/,
  /^\.claude\/plugins\/store\/[\w.-]+\.json$/,
];

/** Keeps the client off the network: no telemetry, no update checks. */
const QUIET = { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", DISABLE_TELEMETRY: "1" };

const USER_FILES: Readonly<Record<string, string>> = {
  ".claude/settings.json": '{\n    "theme": "dark",\n    "permissions": { "allow": ["Bash(ls:*)"] }\n}\n',
  ".claude/commands/octoperf-wait.md": "---\ndescription: my own wait\n---\nMine: $ARGUMENTS\n",
  ".claude/commands/deploy.md": "Deploy the thing.\n",
  ".claude/CLAUDE.md": "# My notes\n",
};

function pluginSource(): string {
  const dir = mkdtempSync(join(tmpdir(), "octoperf-install-src-"));
  for (const entry of PLUGIN_ENTRIES) if (existsSync(entry)) cpSync(entry, join(dir, entry), { recursive: true });
  // Network stays on 127.0.0.1: the copy's MCP server points at a closed local port.
  writeFileSync(join(dir, ".mcp.json"), JSON.stringify({ mcpServers: { octoperf: { type: "http", url: "http://127.0.0.1:9/mcp" } } }));
  return dir;
}

function runInstaller(action: "install" | "uninstall", env: Record<string, string>, source: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/install/cli.ts", action, "--source", source], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? "", CLAUDE_BIN, ...QUIET, ...env }, encoding: "utf8", timeout: 300_000 });
}

function installer(action: "install" | "uninstall", env: Record<string, string>, source: string): string {
  const result = runInstaller(action, env, source);
  assert.equal(result.status, 0, `${action} failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The files added since `before` that are not Claude Code's own bookkeeping; nothing the user had may change or go. */
function strayAfter(home: string, before: Tree): string[] {
  const change = diff(before, snapshot(home));
  assert.deepEqual(change.changed, [], "a file the user had changed");
  assert.deepEqual(change.removed, [], "a file the user had is gone");
  return change.added.filter((path) => ![...CLAUDE_BOOKKEEPING, ...SESSION_BOOKKEEPING].some((re) => re.test(path)));
}

function claudeJson(env: Record<string, string>, args: string[]): unknown {
  const result = spawnSync(CLAUDE_BIN, args, { env: { PATH: process.env.PATH ?? "", ...QUIET, ...env }, encoding: "utf8", input: "" });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.slice(result.stdout.indexOf("[")));
}

test("install, reinstall and uninstall leave the user's files byte-identical", { timeout: 600_000 }, async () => {
  const home = mkdtempSync(join(tmpdir(), "octoperf-install-home-"));
  const env = { HOME: home };
  for (const [path, text] of Object.entries(USER_FILES)) {
    mkdirSync(join(home, path, ".."), { recursive: true });
    writeFileSync(join(home, path), text);
  }
  const before = snapshot(home);
  const source = pluginSource();

  installer("install", env, source);
  // Claude Code rewrote settings.json and the alias replaced the user's command: uninstall must undo both.
  assert.notEqual(readFileSync(join(home, ".claude/settings.json"), "utf8"), USER_FILES[".claude/settings.json"]);
  assert.notEqual(readFileSync(join(home, ".claude/commands/octoperf-wait.md"), "utf8"), USER_FILES[".claude/commands/octoperf-wait.md"]);
  const plugins = claudeJson(env, ["plugin", "list", "--json"]) as { id: string; installPath: string }[];
  const plugin = plugins.find((p) => p.id === "octoperf@octoperf-plugins");
  assert.ok(plugin, `plugin not listed: ${JSON.stringify(plugins)}`);
  for (const name of ["wait", "cadence", "stop-wait"]) {
    const alias = readFileSync(join(home, ".claude/commands", `octoperf-${name}.md`), "utf8");
    assert.ok(alias.includes(ALIAS_MARKER));
    assert.ok(!alias.includes("${CLAUDE_PLUGIN_ROOT}"));
  }
  const waitAlias = readFileSync(join(home, ".claude/commands/octoperf-wait.md"), "utf8");
  assert.ok(waitAlias.includes(`node \\"${plugin.installPath}/scripts/octoperf-wait.mjs\\"`));

  // A second run is idempotent: same aliases, and the user's first file stays the one backed up.
  const afterFirst = snapshot(join(home, ".claude/commands"));
  installer("install", env, source);
  assert.deepEqual(snapshot(join(home, ".claude/commands")), afterFirst);

  // The alias works as typed, in a project directory, through the real client.
  const cwd = mkdtempSync(join(tmpdir(), "octoperf-install-cwd-"));
  const run = await runScripted({ prompt: "/octoperf-wait BENCH_1 25m", home, cwd, env: { ...QUIET, OCTOPERF_API_KEY: "" }, timeoutMs: 90_000 }, [text("ok")]);
  assert.equal(run.result.code, 0, describeRun(run));
  const first = run.model.requests[0];
  const sent = first ? userTexts(first).find((line) => line.startsWith(ALIAS_MARKER)) : undefined;
  assert.ok(sent, "the alias body did not reach the model");
  assert.match(sent, /<arguments>\nBENCH_1 25m\n<\/arguments>/);
  assert.ok(sent.includes(`${plugin.installPath}/scripts/octoperf-wait.mjs`));

  installer("uninstall", env, source);
  const after = snapshot(home);
  const change = diff(before, after);
  assert.deepEqual(change.changed, [], "a file the user had changed");
  assert.deepEqual(change.removed, [], "a file the user had is gone");
  const stray = change.added.filter((path) => ![...CLAUDE_BOOKKEEPING, ...SESSION_BOOKKEEPING].some((re) => re.test(path)));
  assert.deepEqual(stray, [], "files left that are not Claude Code's bookkeeping");
  assert.ok(!existsSync(join(home, ".claude/octoperf-install")));
  assert.ok(!existsSync(join(home, ".claude/plugins/cache/octoperf-plugins")));
  assert.deepEqual(claudeJson(env, ["plugin", "list", "--json"]), []);
  // Claude Code's own files no longer name the plugin (session transcripts and logs do: they are history).
  for (const path of change.added.filter((p) => CLAUDE_BOOKKEEPING.some((re) => re.test(p)))) {
    if (path.startsWith(".claude/backups/")) continue; // copies of .claude.json taken while installed
    let text = readFileSync(join(home, path), "utf8");
    if (path === ".claude.json") {
      // Usage counters of the commands run in the session above (skillUsage["octoperf-wait"]) are history, like transcripts.
      const state = JSON.parse(text) as { skillUsage?: Record<string, unknown> };
      for (const name of Object.keys(state.skillUsage ?? {})) if (name.startsWith("octoperf")) delete state.skillUsage![name];
      text = JSON.stringify(state);
    }
    assert.doesNotMatch(text, /octoperf/, `${path} still names the plugin`);
  }
  console.log(`Claude Code bookkeeping left in HOME: ${change.added.join(", ")}`);
});

test("CLAUDE_CONFIG_DIR is honoured: nothing is written under HOME/.claude", { timeout: 600_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), "octoperf-install-home-"));
  const config = resolve(mkdtempSync(join(tmpdir(), "octoperf-install-config-")));
  const env = { HOME: home, CLAUDE_CONFIG_DIR: config };
  const source = pluginSource();
  installer("install", env, source);
  assert.ok(existsSync(join(config, "commands/octoperf-wait.md")));
  assert.ok(!existsSync(join(home, ".claude/commands")));
  const listed = claudeJson(env, ["plugin", "list", "--json"]) as { id: string }[];
  assert.ok(listed.some((p) => p.id === "octoperf@octoperf-plugins"));
  installer("uninstall", env, source);
  assert.ok(!existsSync(join(config, "commands")));
  assert.ok(!existsSync(join(config, "octoperf-install")));
  assert.deepEqual(claudeJson(env, ["plugin", "list", "--json"]), []);
});

test("a 0-byte settings.json is 0 bytes again after install and uninstall", { timeout: 600_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), "octoperf-install-home-"));
  mkdirSync(join(home, ".claude"));
  writeFileSync(join(home, ".claude/settings.json"), "");
  const before = snapshot(home);
  const source = pluginSource();
  installer("install", { HOME: home }, source);
  assert.ok(readFileSync(join(home, ".claude/settings.json"), "utf8").includes("octoperf"), "the client wrote its entries");
  installer("uninstall", { HOME: home }, source);
  assert.equal(readFileSync(join(home, ".claude/settings.json"), "utf8"), "");
  assert.deepEqual(strayAfter(home, before), []);
});

test("an install the client refuses leaves nothing behind", { timeout: 600_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), "octoperf-install-home-"));
  for (const [path, body] of Object.entries(USER_FILES)) {
    mkdirSync(join(home, path, ".."), { recursive: true });
    writeFileSync(join(home, path), body);
  }
  // A file where Claude Code puts its plugin cache: `claude plugin install` fails (ENOTDIR), after `marketplace add` wrote settings.json.
  mkdirSync(join(home, ".claude/plugins"), { recursive: true });
  writeFileSync(join(home, ".claude/plugins/cache"), "not a folder\n");
  const before = snapshot(home);
  const result = runInstaller("install", { HOME: home }, pluginSource());
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stderr, /claude plugin install .* exited 1: .*ENOTDIR.*; the install was undone and nothing was left behind/);
  assert.deepEqual(strayAfter(home, before), [], "files left that are not Claude Code's bookkeeping");
  assert.ok(!existsSync(join(home, ".claude/octoperf-install")));
  assert.deepEqual(claudeJson({ HOME: home }, ["plugin", "marketplace", "list", "--json"]), []);
});
