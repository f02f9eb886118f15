// The whole sign-in against a real OAuth 2.1 authorization server on
// 127.0.0.1 (the SDK's server code, test/auth/oauth-server.ts): dynamic
// registration, PKCE, the code exchange, the stored login used the way the
// watcher uses it (refreshed when the server says 401, never a browser), the
// ways a stored login dies, and logout. The two sides share a test clock, so
// tokens expire without waiting.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { authProviderFor, loginCommand, logoutCommand, statusCommand } from "../../src/auth/commands.js";
import { LoginRequiredError, SignInError } from "../../src/auth/errors.js";
import { loginFailureOf } from "../../src/auth/failures.js";
import { isLoggedIn, readLoginState } from "../../src/auth/login-state.js";
import { browser, startProtectedSimulator, type AuthServerOptions, type ProtectedSimulator } from "./oauth-server.js";

const root = mkdtempSync(join(tmpdir(), "octoperf-auth-flow-"));
after(() => rmSync(root, { recursive: true, force: true }));

const T0 = Date.parse("2026-12-01T09:00:00Z");

interface World {
  sim: ProtectedSimulator;
  configDir: string;
  env: Record<string, string>;
  clock: { now: number };
  logs: string[];
}

async function world(options: AuthServerOptions = {}): Promise<World> {
  const clock = { now: T0 };
  const sim = await startProtectedSimulator({ accessTtlS: 3600, ...options, now: () => clock.now });
  const home = mkdtempSync(join(root, "home-"));
  return { sim, clock, configDir: join(home, ".config", "octoperf-plugin"), env: { HOME: home }, logs: [] };
}

function opts(w: World) {
  return { serverUrl: w.sim.mcpUrl, env: w.env, now: () => w.clock.now };
}

async function login(w: World, user = browser()): Promise<string> {
  return loginCommand({ ...opts(w), log: (line) => w.logs.push(line), openUrl: user.open });
}

/** What the watcher does: a Streamable HTTP client with the stored login. */
async function watcherCall(w: World): Promise<number> {
  const client = new Client({ name: "watcher-under-test", version: "0" });
  const provider = authProviderFor(w.sim.mcpUrl, { env: w.env, now: () => w.clock.now });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(w.sim.mcpUrl), { authProvider: provider }));
    return (await client.listTools()).tools.length;
  } finally {
    await client.close();
  }
}

function storedFiles(w: World): string[] {
  return readdirSync(join(w.configDir, "oauth")).map((name) => join(w.configDir, "oauth", name));
}

function assertNoTokenIn(w: World, text: string): void {
  const issued = w.sim.issuedTokens();
  assert.ok(issued.length > 0);
  for (const token of issued) assert.ok(!text.includes(token), "a token was shown");
}

describe("octoperf-wait login against an OAuth server on 127.0.0.1", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.sim.close());

  it("registers a client, sends the user to a PKCE authorization page once, and stores the tokens privately", async () => {
    const pages: URL[] = [];
    const user = browser();
    const line = await login(w, { open: async (url) => (pages.push(url), user.open(url)), visits: user.visits });
    assert.equal(pages.length, 1);
    const page = pages[0]!;
    assert.equal(page.searchParams.get("response_type"), "code");
    assert.equal(page.searchParams.get("code_challenge_method"), "S256");
    assert.match(page.searchParams.get("code_challenge") ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.match(page.searchParams.get("state") ?? "", /^[A-Za-z0-9_-]{16,}$/);
    assert.match(page.searchParams.get("redirect_uri") ?? "", /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    assert.deepEqual({ ...w.sim.counts }, { ...w.sim.counts, registrations: 1, authorizations: 1, codeExchanges: 1, refreshes: 0 });
    assert.equal(line, `signed in to ${w.sim.mcpUrl} (access token valid until 2026-12-01T10:00:00.000Z, renewed automatically)`);

    assert.equal(statSync(join(w.configDir, "oauth")).mode & 0o777, 0o700);
    const files = storedFiles(w);
    assert.equal(files.length, 2);
    for (const file of files) assert.equal(statSync(file).mode & 0o777, 0o600);
    const secrets = files.find((f) => !f.endsWith(".meta.json"))!;
    assert.ok(w.sim.issuedTokens().every((token) => readFileSync(secrets, "utf8").includes(token)), "every issued token is stored");
    assertNoTokenIn(w, [line, ...w.logs, readFileSync(files.find((f) => f.endsWith(".meta.json"))!, "utf8")].join("\n"));
    assert.equal(isLoggedIn(w.sim.mcpUrl, w.env, () => w.clock.now), true);
  });

  it("lets the watcher poll with the stored login, and refreshes it when the access token has expired", async () => {
    await login(w);
    assert.ok((await watcherCall(w)) > 0);
    assert.equal(w.sim.counts.refreshes, 0);
    const [, firstRefresh] = w.sim.issuedTokens();

    w.clock.now += 3600_000 + 1;
    assert.ok((await watcherCall(w)) > 0);
    assert.equal(w.sim.counts.refreshes, 1);
    assert.equal(w.sim.counts.authorizations, 1, "no browser sign-in while polling");
    const secrets = readFileSync(storedFiles(w).find((f) => !f.endsWith(".meta.json"))!, "utf8");
    assert.ok(!secrets.includes(firstRefresh!), "the used refresh token was replaced");
    assert.equal(statusCommand(opts(w)), `signed in to ${w.sim.mcpUrl} (access token valid until 2026-12-01T11:00:00.001Z, renewed automatically)`);
  });

  it("signs in again from scratch on a second login, replacing the old tokens", async () => {
    await login(w);
    const user = browser();
    await login(w, user);
    assert.equal(user.visits(), 1, "login always goes through the browser");
    assert.equal(w.sim.counts.codeExchanges, 2);
    assert.ok((await watcherCall(w)) > 0);
  });

  it("surfaces a revoked login as LoginRequiredError naming octoperf-wait login, without opening anything", async () => {
    await login(w);
    w.sim.revokeAll();
    const error = await watcherCall(w).then(
      () => assert.fail("the call went through"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof LoginRequiredError, String(error));
    assert.match(error.message, /expired or was revoked for http:\/\/127\.0\.0\.1:\d+\/mcp: run `octoperf-wait login --mcp-url http:\/\/127\.0\.0\.1:\d+\/mcp`$/);
    assert.equal(w.sim.counts.refusedRefreshes, 1);
    assert.equal(w.sim.counts.authorizations, 1, "the authorization page was never asked for");
    assert.equal(isLoggedIn(w.sim.mcpUrl, w.env, () => w.clock.now), false, "a refused refresh token is forgotten");
    assert.throws(() => authProviderFor(w.sim.mcpUrl, { env: w.env }), LoginRequiredError);
  });

  it("turns a server that answers 401 even after a refresh into a login failure", async () => {
    await login(w);
    w.sim.setRefuseAll(true);
    const error = await watcherCall(w).then(
      () => assert.fail("the call went through"),
      (e: unknown) => e,
    );
    assert.equal(w.sim.counts.refreshes, 1, "it tried a refresh first");
    const failure = loginFailureOf(error, w.sim.mcpUrl);
    assert.ok(failure instanceof LoginRequiredError, `not a login failure: ${String(error)}`);
    assert.match(failure.message, /HTTP 401.*octoperf-wait login/);
  });

  it("reports a client the authorization server no longer knows as a login failure", async () => {
    await login(w);
    w.sim.forgetClients();
    w.clock.now += 3600_000 + 1;
    const error = await watcherCall(w).then(
      () => assert.fail("the call went through"),
      (e: unknown) => e,
    );
    assert.ok(loginFailureOf(error, w.sim.mcpUrl) instanceof LoginRequiredError, String(error));
    assert.equal(w.sim.counts.registrations, 1, "no new client was registered while polling");
  });

  it("keeps the old login when the user refuses the new sign-in", async () => {
    await login(w);
    w.sim.setDeny(true);
    await assert.rejects(login(w), (e: unknown) => e instanceof SignInError && /refused the sign-in \(access_denied\)/.test(e.message));
    assert.ok((await watcherCall(w)) > 0, "the earlier login still works");
  });

  it("gives up when the user never comes back from the browser", async () => {
    await assert.rejects(
      loginCommand({ ...opts(w), log: () => undefined, openUrl: () => undefined, signInTimeoutMs: 150 }),
      (e: unknown) => e instanceof SignInError && /did not complete within/.test(e.message),
    );
    assert.equal(readLoginState(w.sim.mcpUrl, { env: w.env }).signedIn, false);
  });

  it("logs out of one server and leaves another alone", async () => {
    const other = await startProtectedSimulator({ now: () => w.clock.now });
    try {
      await login(w);
      await loginCommand({ ...opts(w), serverUrl: other.mcpUrl, log: () => undefined, openUrl: browser().open });
      assert.equal(logoutCommand(opts(w)), `signed out of ${w.sim.mcpUrl}`);
      assert.throws(() => statusCommand(opts(w)), /not signed in for .*: run `octoperf-wait login --mcp-url/);
      assert.equal(logoutCommand(opts(w)), `was not signed in to ${w.sim.mcpUrl}`);
      assert.match(statusCommand({ ...opts(w), serverUrl: other.mcpUrl }), /^signed in to /);
      assert.equal(storedFiles(w).length, 2, "only the other server's pair is left");
    } finally {
      await other.close();
    }
  });
});

describe("a login without refresh tokens", () => {
  it("is signed out once its access token expires, and the watcher is told before any request", async () => {
    const w = await world({ refreshTokens: false, accessTtlS: 60 });
    try {
      await login(w);
      assert.match(statusCommand(opts(w)), /valid until 2026-12-01T09:01:00.000Z, sign in again when it ends\)$/);
      w.clock.now += 60_000;
      const before = { ...w.sim.counts };
      assert.equal(isLoggedIn(w.sim.mcpUrl, w.env, () => w.clock.now), false);
      assert.throws(() => authProviderFor(w.sim.mcpUrl, { env: w.env, now: () => w.clock.now }), /the sign-in expired for .*octoperf-wait login/);
      assert.deepEqual({ ...w.sim.counts }, before, "no request was made");
    } finally {
      await w.sim.close();
    }
  });
});
