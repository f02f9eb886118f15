// schemas:pull --url end to end: the SDK client's OAuth 2.1 flow (discovery,
// dynamic client registration, PKCE, loopback redirect) against the
// simulator behind an SDK-built authorization server on 127.0.0.1.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { readCatalog, REPO_ROOT } from "../../src/schemas/catalog.js";
import { connectHttp } from "../../src/schemas/connect.js";
import { parsePullArgs, runPull } from "../../src/schemas/pull-cli.js";
import { browser, startProtectedSimulator, type ProtectedSimulator } from "../auth/oauth-server.js";

describe("schemas:pull over Streamable HTTP with OAuth", () => {
  let sim: ProtectedSimulator;
  const dir = mkdtempSync(join(tmpdir(), "octoperf-pull-oauth-"));
  const configDir = join(dir, "config");
  const out = join(dir, "tools.json");
  const logs: string[] = [];
  const now = () => new Date("2026-11-24T10:00:00Z");

  before(async () => {
    sim = await startProtectedSimulator();
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an unauthenticated MCP request", async () => {
    const answer = await fetch(sim.mcpUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    assert.equal(answer.status, 401);
    assert.match(answer.headers.get("www-authenticate") ?? "", /resource_metadata=/);
  });

  it("signs in through the browser once, captures the catalog, and keeps tokens outside the repo", async () => {
    const user = browser();
    const options = parsePullArgs(["--url", sim.mcpUrl, "--out", out, "--config-dir", configDir]);
    const summary = await runPull(options, { log: (line) => logs.push(line), now, openUrl: user.open });
    assert.equal(user.visits(), 1);
    assert.match(summary, /^wrote \d+ tools/);
    const catalog = readCatalog(out);
    assert.ok(catalog.tools.length > 0);
    for (const entry of catalog.tools) {
      assert.deepEqual(entry._meta.source, { kind: "captured", date: "2026-11-24", server: sim.mcpUrl });
    }
    // One login: its secrets file and its metadata file, both private.
    const stored = readdirSync(join(configDir, "oauth")).sort();
    assert.equal(stored.length, 2);
    const [file, meta] = stored.map((name) => join(configDir, "oauth", name)) as [string, string];
    assert.match(meta, /\.meta\.json$/);
    for (const path of [file, meta]) {
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.ok(!path.startsWith(REPO_ROOT));
    }
    const tokens = sim.issuedTokens();
    assert.ok(tokens.length > 0);
    const printed = [summary, ...logs].join("\n");
    for (const token of tokens) {
      assert.ok(readFileSync(file, "utf8").includes(token), "the token is stored");
      assert.ok(!readFileSync(meta, "utf8").includes(token), "the metadata holds no token");
      assert.ok(!printed.includes(token), "the token is never printed");
    }
  });

  it("gives up when the user never finishes signing in", async () => {
    let opened = 0;
    const fresh = join(dir, "other-config");
    await assert.rejects(
      connectHttp(sim.mcpUrl, { configDir: fresh, openUrl: () => void opened++, signInTimeoutMs: 200 }),
      /sign-in did not complete/,
    );
    assert.equal(opened, 1);
  });

  it("reuses the stored token on the next pull and reports no change", async () => {
    const user = browser();
    const options = parsePullArgs(["--url", sim.mcpUrl, "--out", out, "--config-dir", configDir]);
    const summary = await runPull(options, { log: (line) => logs.push(line), now, openUrl: user.open });
    assert.equal(user.visits(), 0);
    assert.match(summary, /added 0\nremoved 0\nchanged 0$/);
    assert.ok(existsSync(out));
  });
});
