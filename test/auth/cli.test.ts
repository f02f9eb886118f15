// octoperf-wait login | logout | status: the command line, called in-process
// with injected IO, and once as a real process whose $BROWSER is a script
// that plays the user. Exit codes, every printed line, and no token anywhere.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { parseAuthArgs, runAuthCommand } from "../../src/auth/cli.js";
import { HOSTED_MCP_URL } from "../../src/auth/hosted.js";
import { isLoggedIn } from "../../src/auth/login-state.js";
import { browser, startProtectedSimulator, type ProtectedSimulator } from "./oauth-server.js";

const REPO = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const root = mkdtempSync(join(tmpdir(), "octoperf-auth-cli-"));
after(() => rmSync(root, { recursive: true, force: true }));

interface Ran {
  code: number;
  stdout: string[];
  stderr: string[];
}

async function run(argv: string[], env: Record<string, string>, extra: Partial<Parameters<typeof runAuthCommand>[1]> = {}): Promise<Ran> {
  let out = "";
  let err = "";
  const code = await runAuthCommand(argv, {
    env,
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    ...extra,
  });
  const lines = (text: string) => text.split("\n").filter((l) => l.length > 0);
  return { code, stdout: lines(out), stderr: lines(err) };
}

describe("parsing login, logout and status", () => {
  it("defaults to OctoPerf's hosted server and the browser", () => {
    assert.deepEqual(parseAuthArgs(["login"]), { command: "login", launchBrowser: true });
    assert.deepEqual(parseAuthArgs(["status", "--mcp-url", "http://127.0.0.1:1/mcp", "--config-dir", "/c", "--no-browser"]), {
      command: "status",
      serverUrl: "http://127.0.0.1:1/mcp",
      configDir: "/c",
      launchBrowser: false,
    });
    assert.equal(parseAuthArgs(["login", "--help"]), "help");
  });

  it("refuses what it does not know, as a configuration error (exit 3)", async () => {
    for (const argv of [["logon"], ["login", "--mcp-url"], ["login", "--mcp-url", "ftp://x"], ["status", "--verbose"]]) {
      const ran = await run(argv, { HOME: root });
      assert.equal(ran.code, 3, argv.join(" "));
      assert.equal(ran.stdout.length, 0);
      assert.match(ran.stderr[0] ?? "", /^octoperf-wait: .*(unknown|needs a value|must be an http)/);
      assert.ok(ran.stderr.includes("usage: octoperf-wait login | logout | status [--mcp-url <url>] [--config-dir <dir>] [--no-browser]") || argv[2] === "ftp://x");
    }
    const forged = await run(["login", "--mcp-url", "http://a\noctoperf-wait: signed in"], { HOME: root });
    assert.deepEqual(forged.stderr, ['octoperf-wait: --mcp-url must be an http(s) URL, got "http://a?octoperf-wait: signed in"']);
  });
});

describe("the command line against an OAuth server on 127.0.0.1", () => {
  let sim: ProtectedSimulator;
  const env = { HOME: mkdtempSync(join(root, "home-")) };
  before(async () => {
    sim = await startProtectedSimulator({ accessTtlS: 3600, now: () => Date.parse("2026-12-01T09:00:00Z") });
  });
  after(async () => sim.close());
  const at = () => ["--mcp-url", sim.mcpUrl];
  const now = () => Date.parse("2026-12-01T09:00:00Z");

  it("status before login: exit 3, and the message names the login command", async () => {
    const ran = await run(["status", ...at()], env, { now });
    assert.deepEqual(ran, { code: 3, stdout: [], stderr: [`octoperf-wait: not signed in for ${sim.mcpUrl}: run \`octoperf-wait login --mcp-url ${sim.mcpUrl}\``] });
  });

  it("login, status, logout, status", async () => {
    const user = browser();
    const login = await run(["login", ...at()], env, { now, openUrl: user.open });
    assert.equal(login.code, 0, login.stderr.join("\n"));
    assert.deepEqual(login.stdout, [`octoperf-wait: signed in to ${sim.mcpUrl} (access token valid until 2026-12-01T10:00:00.000Z, renewed automatically)`]);
    assert.deepEqual(login.stderr, ["octoperf-wait: waiting for the sign-in to complete in the browser..."]);
    const status = await run(["status", ...at()], env, { now });
    assert.deepEqual(status, { code: 0, stdout: login.stdout, stderr: [] });
    assert.deepEqual(await run(["logout", ...at()], env), { code: 0, stdout: [`octoperf-wait: signed out of ${sim.mcpUrl}`], stderr: [] });
    assert.equal((await run(["status", ...at()], env)).code, 3);
    const shown = [login, status].flatMap((r) => [...r.stdout, ...r.stderr]).join("\n");
    for (const token of sim.issuedTokens()) assert.ok(!shown.includes(token));
  });

  it("a refused sign-in: exit 3 and why", async () => {
    sim.setDeny(true);
    try {
      const ran = await run(["login", ...at()], env, { openUrl: browser().open });
      assert.equal(ran.code, 3);
      assert.equal(ran.stderr.at(-1), "octoperf-wait: the authorization server refused the sign-in (access_denied)");
    } finally {
      sim.setDeny(false);
    }
  });

  it("a server that cannot be reached: exit 5", async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => done(free));
      });
    });
    const ran = await run(["login", "--mcp-url", `http://127.0.0.1:${port}/mcp`], env, { openUrl: () => assert.fail("no page to open") });
    assert.deepEqual(ran, { code: 5, stdout: [], stderr: ["octoperf-wait: the server could not be reached"] });
  });

  it("runs as a process: $BROWSER opens the page, the URL is printed, no token is", async () => {
    // The "browser": a script that follows the authorization page's redirect back to the loopback.
    const follow = join(root, "follow.mjs");
    writeFileSync(follow, `const page = await fetch(process.argv[2], { redirect: "manual" });\nawait fetch(page.headers.get("location"));\n`);
    const opener = join(root, "browser.sh");
    writeFileSync(opener, `#!/bin/sh\nexec "${process.execPath}" "${follow}" "$1"\n`);
    chmodSync(opener, 0o755);
    const home = mkdtempSync(join(root, "home-"));
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "src/watcher/cli.ts"), "login", "--mcp-url", sim.mcpUrl], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? "", HOME: home, BROWSER: opener },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^octoperf-wait: signed in to http:\/\/127\.0\.0\.1:\d+\/mcp \(access token valid until .*, renewed automatically\)\n$/);
    assert.match(stderr, /^octoperf-wait: Open this page to sign in: http:\/\/127\.0\.0\.1:\d+\/authorize\?\S*code_challenge=/m);
    assert.equal(stderr.split("Open this page").length - 1, 1, "the URL is printed once");
    for (const token of sim.issuedTokens()) assert.ok(!(stdout + stderr).includes(token));
    assert.equal(isLoggedIn(sim.mcpUrl, { HOME: home }, now), true, "the login went to $HOME/.config/octoperf-plugin");
  });
});

describe("the installed command, by name", () => {
  // What a user or the model types: bin/octoperf-wait, found on PATH, running the committed bundle.
  const bin = join(REPO, "bin");
  const ran = (argv: string[], env: Record<string, string>, command = "octoperf-wait") =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(command, argv, { cwd: root, env: { PATH: `${bin}:${process.env.PATH ?? ""}`, ...env }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
      child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
      child.on("close", (code) => done({ code, stdout, stderr }));
    });

  it("status when not signed in: one line naming the login command, exit 3", async () => {
    const home = mkdtempSync(join(root, "home-"));
    const result = await ran(["status"], { HOME: home });
    assert.equal(result.code, 3);
    assert.equal(result.stdout, "");
    assert.equal(result.stderr, `octoperf-wait: not signed in for ${HOSTED_MCP_URL}: run \`octoperf-wait login\`\n`);
  });

  it("$OCTOPERF_MCP_URL names the server, and a bad one is refused", async () => {
    const home = mkdtempSync(join(root, "home-"));
    const other = await ran(["status"], { HOME: home, OCTOPERF_MCP_URL: "http://127.0.0.1:1/mcp" });
    assert.equal(other.stderr, "octoperf-wait: not signed in for http://127.0.0.1:1/mcp: run `octoperf-wait login --mcp-url http://127.0.0.1:1/mcp`\n");
    const bad = await ran(["status"], { HOME: home, OCTOPERF_MCP_URL: "ftp://x" });
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /OCTOPERF_MCP_URL must be an http\(s\) URL/);
  });

  it("runs through a symlink to it, from any folder", async () => {
    const link = join(mkdtempSync(join(root, "links-")), "ow");
    symlinkSync(join(bin, "octoperf-wait"), link);
    const result = await ran(["--help"], {}, link);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^usage: octoperf-wait bench /);
  });
});

describe("the hosted server", () => {
  it("is the one the plugin's .mcp.json names", () => {
    const config = JSON.parse(readFileSync(join(REPO, ".mcp.json"), "utf8")) as { mcpServers: Record<string, { url?: string }> };
    assert.deepEqual(
      Object.values(config.mcpServers).map((s) => s.url),
      [HOSTED_MCP_URL],
    );
  });
});
