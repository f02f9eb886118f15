// The watcher with `octoperf-wait login` instead of an API key: it signs in
// once against a real OAuth 2.1 server on 127.0.0.1 (the SDK's server code in
// test/auth/oauth-server.ts, guarding the simulator's MCP endpoint), then a
// watch polls over MCP with the stored tokens, renews them when the server
// says 401, and ends with exit 3 naming the login command when the server
// refuses them for good. The platform, the token expiry and the watcher share
// one manual clock, so a run of minutes takes milliseconds.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { loginCommand } from "../../src/auth/commands.js";
import { HOSTED_MCP_URL, LOGIN_COMMAND } from "../../src/auth/hosted.js";
import { ManualClock } from "../../src/simulator/clock.js";
import { DEMO_SCENARIO_ID } from "../../src/simulator/fixtures.js";
import { defaultBackend } from "../../src/watcher/run.js";
import { parseWatchArgs, type WatchArgs } from "../../src/watcher/args.js";
import { browser, startProtectedSimulator } from "../auth/oauth-server.js";
import { watcherOn } from "./harness.js";

const root = mkdtempSync(join(tmpdir(), "octoperf-watch-login-"));
after(() => rmSync(root, { recursive: true, force: true }));

async function signedIn(accessTtlS: number) {
  const clock = new ManualClock(Date.parse("2026-12-01T09:00:00Z"));
  const sim = await startProtectedSimulator({ accessTtlS, now: () => clock.now(), platformClock: clock });
  const env = { HOME: mkdtempSync(join(root, "home-")) };
  const said = await loginCommand({ serverUrl: sim.mcpUrl, env, now: () => clock.now(), log: () => undefined, openUrl: browser().open });
  return { clock, sim, env, said };
}

describe("the watcher signed in with octoperf-wait login", () => {
  it("polls over MCP with the stored sign-in, renews it on a 401, and reports the outcome it saw", async (t) => {
    const { clock, sim, env } = await signedIn(120);
    t.after(() => sim.close());
    const ids = sim.platform.runScenario(DEMO_SCENARIO_ID).benchResultIds;
    const outcome = await watcherOn(clock, env)(["bench", ...ids, "--mcp-url", sim.mcpUrl, "--expected", "10m"]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const last = outcome.lines.at(-1) ?? "";
    assert.match(last, /^octoperf-wait: scenario-run succeeded: /);
    for (const id of ids) assert.ok(last.includes(`${id} FINISHED`), last);
    // Ten minutes of polling outlive a two-minute access token: the SDK refreshed it, no browser opened.
    assert.ok(sim.counts.refreshes >= 1, `refreshes: ${sim.counts.refreshes}`);
    assert.equal(sim.counts.authorizations, 1);
    for (const token of sim.issuedTokens()) assert.ok(!(outcome.stdout + outcome.stderr).includes(token), "a token was printed");
  });

  it("signed in to the server OCTOPERF_MCP_URL names, a watch with no server words waits there with that sign-in", async (t) => {
    const { clock, sim, env } = await signedIn(3600);
    t.after(() => sim.close());
    const ids = sim.platform.runScenario(DEMO_SCENARIO_ID).benchResultIds;
    const named = { ...env, OCTOPERF_MCP_URL: sim.mcpUrl };
    assert.equal(defaultBackend(parseWatchArgs(["bench", ...ids]) as WatchArgs, named).label, `MCP ${new URL(sim.mcpUrl).origin}`);
    const outcome = await watcherOn(clock, named)(["bench", ...ids, "--expected", "10m"]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.match(outcome.lines.at(-1) ?? "", /^octoperf-wait: scenario-run succeeded: /);
    assert.ok(sim.counts.acceptedRequests > 0);
  });

  it("a server that answers 401 to the stored sign-in ends the watch with exit 3, naming the login command", async (t) => {
    const { clock, sim, env } = await signedIn(3600);
    t.after(() => sim.close());
    const ids = sim.platform.runScenario(DEMO_SCENARIO_ID).benchResultIds;
    sim.setRefuseAll(true);
    const outcome = await watcherOn(clock, env)(["bench", ids[0]!, "--mcp-url", sim.mcpUrl]);
    assert.equal(outcome.code, 3, outcome.stdout);
    assert.equal(outcome.lines.length, 1, outcome.stdout);
    assert.match(outcome.lines[0]!, /^octoperf-wait: auth: /);
    assert.ok(outcome.lines[0]!.includes(LOGIN_COMMAND), outcome.lines[0]);
  });

  it("without a sign-in or a key, a server that asks for one gets exit 3 and the login command", async (t) => {
    const clock = new ManualClock();
    const sim = await startProtectedSimulator({ now: () => clock.now(), platformClock: clock });
    t.after(() => sim.close());
    const env = { HOME: mkdtempSync(join(root, "home-")) };
    const outcome = await watcherOn(clock, env)(["bench", "b1", "--mcp-url", sim.mcpUrl]);
    assert.equal(outcome.code, 3, outcome.stdout);
    assert.ok(outcome.lines[0]!.includes(LOGIN_COMMAND), outcome.lines[0]);
    assert.equal(sim.counts.acceptedRequests, 0);
  });
});

describe("which backend a watch uses", () => {
  const args = (...argv: string[]): WatchArgs => parseWatchArgs(["bench", "b1", ...argv]) as WatchArgs;
  const home = () => ({ HOME: mkdtempSync(join(root, "home-")) });

  it("an API key means REST; --backend mcp alone means OctoPerf's hosted MCP server and its sign-in", () => {
    assert.match(defaultBackend(args(), { ...home(), OCTOPERF_API_KEY: "sk-test-123456" }).label, /^REST /);
    assert.equal(defaultBackend(args("--backend", "mcp"), home()).label, `MCP ${new URL(HOSTED_MCP_URL).origin}`);
  });

  it("with neither a key nor a sign-in, REST says how to get one or the other", () => {
    assert.throws(() => defaultBackend(args(), home()), (error: Error) => error.message.includes("OCTOPERF_API_KEY") && error.message.includes(LOGIN_COMMAND));
  });
});

describe("the hosted server without a sign-in", () => {
  it("ends at once with exit 3 and the login command, before any request", async () => {
    const clock = new ManualClock();
    const outcome = await watcherOn(clock, { HOME: mkdtempSync(join(root, "home-")) })(["bench", "b1", "--backend", "mcp"]);
    assert.equal(outcome.code, 3, outcome.stdout);
    assert.equal(outcome.lines.length, 1, outcome.stdout);
    assert.match(outcome.lines[0]!, /^octoperf-wait: auth: .*octoperf-wait login/);
  });
});
