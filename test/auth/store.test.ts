// The credential store on real files in a temp folder, with a fixed clock:
// private folder and files, the metadata a hook reads (and only it), expiry
// from the clock, refusal of folders others can write, and the refresh race
// between two processes that share a login.
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { UnsafeStoreError } from "../../src/auth/errors.js";
import { isLoggedIn, readLoginState } from "../../src/auth/login-state.js";
import { configDirFor, loginFiles } from "../../src/auth/paths.js";
import { StoredLoginProvider } from "../../src/auth/provider.js";
import { CredentialStore } from "../../src/auth/store.js";

const root = mkdtempSync(join(tmpdir(), "octoperf-auth-store-"));
after(() => rmSync(root, { recursive: true, force: true }));

const URL_A = "https://api.octoperf.com/mcp";
const T0 = Date.parse("2026-12-01T09:00:00Z");
const CLIENT = { client_id: "client-1", redirect_uris: ["http://127.0.0.1:4000/callback"] };
const TOKENS = { access_token: "at-secret-1", token_type: "bearer", expires_in: 600, refresh_token: "rt-secret-1" };

let count = 0;
function fresh(): { configDir: string; env: Record<string, string>; home: string } {
  const home = join(root, `home-${++count}`);
  mkdirSync(home, { mode: 0o700 });
  return { home, env: { HOME: home }, configDir: join(home, ".config", "octoperf-plugin") };
}

function signedIn(configDir: string, now = () => T0, tokens: Record<string, unknown> = TOKENS): CredentialStore {
  const store = new CredentialStore(configDir, URL_A, now);
  store.update((stored) => {
    stored.client = CLIENT;
    stored.tokens = tokens as typeof TOKENS;
  });
  return store;
}

describe("where a login is kept", () => {
  it("follows XDG_CONFIG_HOME, then HOME/.config, then APPDATA on Windows", () => {
    assert.equal(configDirFor({ XDG_CONFIG_HOME: "/x", HOME: "/h" }, "linux"), "/x/octoperf-plugin");
    assert.equal(configDirFor({ HOME: "/h" }, "linux"), "/h/.config/octoperf-plugin");
    assert.equal(configDirFor({ APPDATA: "C:/Users/u/AppData", HOME: "/h" }, "win32"), "C:/Users/u/AppData/octoperf-plugin");
    assert.throws(() => configDirFor({}, "linux"), /set XDG_CONFIG_HOME or HOME/);
  });

  it("keys one pair of files per server URL, spelled one way", () => {
    const a = loginFiles("/c", "HTTPS://API.octoperf.com:443/mcp");
    assert.deepEqual(a, loginFiles("/c", URL_A));
    assert.notEqual(loginFiles("/c", "https://other.example/mcp").secrets, a.secrets);
    assert.throws(() => loginFiles("/c", "file:///etc/passwd"), /not an http\(s\) URL/);
  });
});

describe("the credential store", () => {
  it("writes a 0700 folder and 0600 files, and keeps secrets out of the metadata", () => {
    const { configDir } = fresh();
    const store = signedIn(configDir);
    assert.equal(statSync(store.files.folder).mode & 0o777, 0o700);
    for (const file of [store.files.secrets, store.files.meta]) assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(store.read().tokens, TOKENS);
    const meta = readFileSync(store.files.meta, "utf8");
    assert.doesNotMatch(meta, /secret|client-1/);
    assert.deepEqual(JSON.parse(meta), {
      version: 1,
      serverUrl: URL_A,
      registered: true,
      hasAccessToken: true,
      refreshable: true,
      accessExpiresAt: T0 + 600_000,
      updatedAt: T0,
    });
  });

  it("counts the expiry from when the tokens arrived, not from a later save of something else", () => {
    const { configDir } = fresh();
    let now = T0;
    const store = signedIn(configDir, () => now);
    now += 300_000;
    store.update((stored) => void (stored.discovery = { authorizationServerUrl: "https://auth.example/" }));
    const before = readLoginState(URL_A, { configDir, now: () => now });
    assert.ok(before.signedIn);
    assert.equal(before.accessExpiresAt, T0 + 600_000);
    store.update((stored) => void (stored.tokens = { ...TOKENS, access_token: "at-secret-2" }));
    const state = readLoginState(URL_A, { configDir, now: () => now });
    assert.ok(state.signedIn);
    assert.equal(state.accessExpiresAt, now + 600_000);
  });

  it("tightens its own folder to 0700", () => {
    const { configDir } = fresh();
    mkdirSync(join(configDir, "oauth"), { recursive: true, mode: 0o755 });
    chmodSync(join(configDir, "oauth"), 0o755);
    signedIn(configDir);
    assert.equal(statSync(join(configDir, "oauth")).mode & 0o777, 0o700);
  });

  for (const [what, folder] of [
    ["the config folder", ""],
    ["the oauth folder", "oauth"],
  ] as const) {
    it(`refuses ${what} when others can write it, and writes nothing`, () => {
      const { configDir, env } = fresh();
      signedIn(configDir);
      const target = join(configDir, folder);
      chmodSync(target, 0o777);
      const store = new CredentialStore(configDir, URL_A);
      assert.throws(() => store.read(), (e: unknown) => e instanceof UnsafeStoreError && e.message.includes(target) && /others can write it \(mode 777\)/.test(e.message));
      assert.throws(() => store.update(() => undefined), UnsafeStoreError);
      assert.throws(() => readLoginState(URL_A, { env }), UnsafeStoreError);
      assert.equal(isLoggedIn(URL_A, env), false, "a hook reads an unsafe store as signed out");
      assert.equal(statSync(target).mode & 0o777, 0o777, "nothing was changed");
    });
  }

  it("refuses a token file that is a link", () => {
    const { configDir } = fresh();
    const store = signedIn(configDir);
    const elsewhere = join(root, `planted-${count}.json`);
    writeFileSync(elsewhere, JSON.stringify({ serverUrl: URL_A, client: CLIENT, tokens: TOKENS }));
    rmSync(store.files.secrets);
    symlinkSync(elsewhere, store.files.secrets);
    assert.throws(() => store.read(), /is a symbolic link/);
  });

  it("reads a file that is not JSON, or belongs to another URL, as nothing stored", () => {
    const { configDir } = fresh();
    const store = signedIn(configDir);
    writeFileSync(store.files.secrets, "{not json", { mode: 0o600 });
    assert.deepEqual(store.read(), {});
    writeFileSync(store.files.secrets, JSON.stringify({ serverUrl: "https://elsewhere.example/mcp", tokens: TOKENS }), { mode: 0o600 });
    assert.deepEqual(store.read(), {});
  });

  it("removes both files on logout", () => {
    const { configDir, env } = fresh();
    const store = signedIn(configDir);
    assert.equal(store.remove(), true);
    assert.equal(isLoggedIn(URL_A, env), false);
    assert.equal(store.remove(), false);
  });
});

describe("isLoggedIn, the check a hook makes", () => {
  it("is false with nothing stored, and creates nothing", () => {
    const { env, home } = fresh();
    assert.equal(isLoggedIn(URL_A, env), false);
    assert.throws(() => statSync(join(home, ".config")), /ENOENT/);
  });

  it("reads the metadata only: true with the secrets file gone", () => {
    const { configDir, env } = fresh();
    const store = signedIn(configDir);
    rmSync(store.files.secrets);
    assert.equal(isLoggedIn(URL_A, env, () => T0), true);
  });

  it("stays true past the access token's expiry when a refresh token is stored", () => {
    const { configDir, env } = fresh();
    signedIn(configDir);
    assert.equal(isLoggedIn(URL_A, env, () => T0 + 3_600_000), true);
  });

  it("turns false at the access token's expiry when nothing can renew it", () => {
    const { configDir, env } = fresh();
    const { refresh_token: _dropped, ...noRefresh } = TOKENS;
    signedIn(configDir, () => T0, noRefresh);
    assert.equal(isLoggedIn(URL_A, env, () => T0 + 599_999), true);
    assert.equal(isLoggedIn(URL_A, env, () => T0 + 600_000), false);
    const state = readLoginState(URL_A, { env, now: () => T0 + 600_000 });
    assert.deepEqual(state, { signedIn: false, serverUrl: URL_A, reason: "the sign-in expired" });
  });

  it("is false for another server, and for a bad URL", () => {
    const { configDir, env } = fresh();
    signedIn(configDir);
    assert.equal(isLoggedIn("https://other.example/mcp", env), false);
    assert.equal(isLoggedIn("not a url", env), false);
  });
});

describe("two processes that share a login", () => {
  it("do not forget a refresh token that the other one has just stored", () => {
    const { configDir } = fresh();
    const store = signedIn(configDir);
    const slow = new StoredLoginProvider(new CredentialStore(configDir, URL_A, () => T0));
    const fast = new StoredLoginProvider(new CredentialStore(configDir, URL_A, () => T0));
    slow.clientInformation();
    assert.equal(slow.tokens()?.refresh_token, "rt-secret-1");
    // The other process refreshes first; the server rotates the refresh token.
    fast.saveTokens({ access_token: "at-secret-2", token_type: "bearer", refresh_token: "rt-secret-2" });
    // The slow one's refresh with rt-secret-1 is refused (invalid_grant): the SDK asks it to forget its tokens.
    slow.invalidateCredentials("tokens");
    assert.equal(store.read().tokens?.refresh_token, "rt-secret-2", "the newer tokens were kept");
    // Its own failure, with nothing newer stored, is forgotten.
    assert.equal(slow.tokens()?.refresh_token, "rt-secret-2");
    slow.invalidateCredentials("tokens");
    assert.equal(store.read().tokens, undefined);
    assert.ok(store.read().client, "a refused token leaves the client registration");
  });

  it("keep the stored refresh token when a refresh answer carries none", () => {
    const { configDir } = fresh();
    const store = signedIn(configDir);
    new StoredLoginProvider(store).saveTokens({ access_token: "at-secret-3", token_type: "bearer", expires_in: 60 });
    assert.equal(store.read().tokens?.refresh_token, "rt-secret-1");
    assert.equal(store.read().tokens?.access_token, "at-secret-3");
  });
});

describe("the hook's view of a login", () => {
  it("bundles without the MCP SDK, so a hook that asks stays small", async () => {
    const { build } = await import("esbuild");
    const out = await build({ entryPoints: [join(import.meta.dirname, "../../src/auth/login-state.ts")], bundle: true, platform: "node", format: "esm", write: false, metafile: true, logLevel: "silent" });
    const inputs = Object.keys(out.metafile.inputs);
    assert.ok(inputs.some((path) => path.endsWith("login-state.ts")));
    assert.deepEqual(inputs.filter((path) => path.includes("node_modules")), []);
  });
});
