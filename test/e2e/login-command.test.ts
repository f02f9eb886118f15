// /octoperf:login in the real client (2.1.330, `claude -p`, the scripted
// model), with the plugin installed from its marketplace into a fresh HOME.
// The model does what the expanded command says, reading the Monitor call
// from the text Claude Code sent it (so a wrong body fails here); the
// sign-in's lines come back as Monitor events; the "user" opens the URL only
// once the model was shown it (a remote shell: the browser opens nothing),
// and the login lands in the config folder, private. OctoPerf's OAuth side is
// the simulator behind the SDK's authorization server (test/auth). Signed in,
// the next session's run_scenario is waited on by the background watcher over
// MCP with that sign-in: one wake, with the outcome.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { isLoggedIn } from "../../src/auth/login-state.js";
import { startProtectedSimulator, type ProtectedSimulator } from "../auth/oauth-server.js";
import type { MessagesRequest } from "./harness/messages.js";
import { messageTexts, newTexts, toolResults, userTexts } from "./harness/requests.js";
import { repeat, text, tool, toolSearch, type Turn } from "./harness/script.js";
import { describeRun, octoTool, runSession } from "./harness/session.js";
import { parseFaults } from "../../src/simulator/faults.js";
import { sharedPlatform } from "../../src/simulator/shared-state.js";

// The URL ends where the event's markup or the line does.
const URL_LINE = /Open this page to sign in: (http:\/\/127\.0\.0\.1:\d+\/authorize\?[^\s<"\\]+)/;

/** The JSON the expanded command tells the model to call Monitor with. */
function monitorCall(request: MessagesRequest): Record<string, unknown> {
  const body = userTexts(request).find((t) => t.startsWith("# Sign in to OctoPerf"));
  const json = body?.match(/Call Monitor with `(\{[^`]+\})`/)?.[1];
  if (!json) throw new Error("the expanded /octoperf:login gives no Monitor call");
  return JSON.parse(json) as Record<string, unknown>;
}

/** The one Bash command the expanded command gives for a step ("Status.", "Sign out."). */
function bashCommand(request: MessagesRequest, step: string): string {
  const body = userTexts(request).find((t) => t.startsWith("# Sign in to OctoPerf"));
  const command = body?.match(new RegExp(`\\*\\*${step}\\*\\* Run \`([^\`]+)\` with Bash`))?.[1];
  if (!command) throw new Error(`the expanded /octoperf:login gives no Bash command for ${step}`);
  return command;
}

const allText = (request: MessagesRequest): string => messageTexts(request).join("\n");
const RUN = octoTool("bundled", "run_scenario");
/** The smoke run (90 s of service time) lasts 3 s of real time. */
const SPEED = 30;

describe("/octoperf:login from an installed plugin", { timeout: 400_000 }, () => {
  let sim: ProtectedSimulator;
  const root = mkdtempSync(join(tmpdir(), "octoperf-e2e-login-"));
  const config = join(root, "config");
  // A remote shell: the "browser" opens nothing, the user follows the URL the model shows.
  const noBrowser = join(root, "no-browser.sh");
  writeFileSync(noBrowser, "#!/bin/sh\nexit 0\n");
  chmodSync(noBrowser, 0o755);

  // The OctoPerf behind the sign-in and the one the session's own MCP server (the stdio simulator) reaches are the
  // same, through a state file: the run the model starts is the run the watcher follows with the stored sign-in.
  const statePath = join(root, "state.json");
  before(async () => {
    sim = await startProtectedSimulator({ accessTtlS: 3600, platform: sharedPlatform(statePath, SPEED, parseFaults("")).platform });
  });
  after(async () => {
    await sim.close();
    rmSync(root, { recursive: true, force: true });
  });

  const env = (): Record<string, string> => ({ OCTOPERF_MCP_URL: sim.mcpUrl, BROWSER: noBrowser, XDG_CONFIG_HOME: config, OCTOPERF_API_KEY: "" });

  it("signs in: the URL reaches the model while the sign-in waits, the login is stored privately", async () => {
    let visited: Promise<string | undefined> | undefined;
    let shownBeforeDone = false;
    const record = await runSession({
      prompt: "/octoperf:login",
      plugin: { mcp: "none" },
      install: true,
      env: env(),
      timeoutMs: 300_000,
      steps: [
        toolSearch(["Monitor"]),
        (turn: Turn) => tool("Monitor", monitorCall(turn.history[0]!)),
        repeat(12, (turn: Turn) => {
          const seen = allText(turn.request);
          if (/signed in to http/.test(seen) && /completed|exit code 0/.test(seen)) return undefined;
          // As the command says: the event text is XML-escaped (measured on 2.1.330), the URL is given unescaped.
          const url = seen.match(URL_LINE)?.[1]?.replaceAll("&amp;", "&");
          if (url && !visited) {
            shownBeforeDone = !/signed in to http/.test(seen);
            // The user opens the page the model showed; the authorization server redirects to the loopback.
            visited = (async () => {
              const page = await fetch(url, { redirect: "manual" });
              const location = page.headers.get("location");
              assert.ok(location, `the authorization page answered ${page.status} without a redirect`);
              await (await fetch(location)).text();
              return undefined;
            })().catch((error: unknown) => String(error));
            return text(`Open this page to sign in:\n${url}`);
          }
          return text("Waiting for the sign-in.");
        }),
        text("Signed in: the next run is waited on by the background watcher."),
      ],
    });
    assert.equal(await visited, undefined, "following the sign-in URL failed");
    assert.equal(record.result.code, 0, describeRun(record));
    assert.ok(record.installed, "the plugin came from its marketplace");
    assert.ok(visited, `no request showed the sign-in URL: ${describeRun(record)}`);
    assert.ok(shownBeforeDone, "the URL came as its own event, before the sign-in ended");
    assert.equal(isLoggedIn(sim.mcpUrl, { XDG_CONFIG_HOME: config }), true, "the login is stored in the config folder");
    const folder = join(config, "octoperf-plugin", "oauth");
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    for (const name of readdirSync(folder)) assert.equal(statSync(join(folder, name)).mode & 0o777, 0o600, name);
    const everything = JSON.stringify(record.model.requests);
    for (const token of sim.issuedTokens()) assert.ok(!everything.includes(token), "a token reached the model");
    assert.deepEqual(record.model.problems, []);
  });

  it("signed in, the next run_scenario is waited on by the background watcher: its answer carries the plan and the outcome", async () => {
    assert.equal(isLoggedIn(sim.mcpUrl, { XDG_CONFIG_HOME: config }), true, "runs after the sign-in above");
    let answered = "";
    const record = await runSession({
      prompt: "Run scn-smoke and tell me the outcome.",
      plugin: { mcp: "bundled", simulator: { speed: SPEED, extraArgs: ["--state", statePath] } },
      install: true,
      env: { ...env(), OCTOPERF_HOOKS_TIME_SCALE: String(SPEED), OCTOPERF_WAIT_TIME_SCALE: String(SPEED) },
      allowedTools: ["ToolSearch", RUN],
      timeoutMs: 150_000,
      steps: [
        toolSearch([RUN]),
        tool(RUN, { scenarioId: "scn-smoke" }),
        (turn: Turn) => {
          answered = [turn.toolResult?.text ?? "", ...newTexts(turn.request)].join("\n");
          return text("The run ended; reporting.");
        },
      ],
    });
    assert.equal(record.result.code, 0, describeRun(record));
    assert.ok(record.installed, "the plugin came from its marketplace");
    assert.match(answered, /A background watcher run by this plugin's hooks now waits/, `no one-wake plan: ${answered.slice(0, 800)}`);
    assert.match(answered, /octoperf-wait: scenario-run succeeded: \S+ FINISHED/, `no outcome: ${answered.slice(0, 1500)}`);
    // The prompt, ToolSearch's answer, and run_scenario's with the outcome: no request went to waiting.
    assert.equal(record.model.requests.length, 3, describeRun(record));
    const everything = JSON.stringify(record.model.requests);
    for (const token of sim.issuedTokens()) assert.ok(!everything.includes(token), "a token reached the model");
  });

  it("status and logout run by name from the model's Bash, with no permission asked", async () => {
    const run = (word: string, step: string) =>
      runSession({
        prompt: `/octoperf:login ${word}`,
        plugin: { mcp: "none" },
        install: true,
        env: env(),
        timeoutMs: 120_000,
        steps: [(turn: Turn) => tool("Bash", { command: bashCommand(turn.history[0]!, step), description: `OctoPerf sign-in ${word}` }), text("done")],
      });
    const status = await run("status", "Status.");
    const statusResult = status.model.requests.flatMap(toolResults).find((r) => r.toolName === "Bash");
    assert.match(statusResult?.text ?? "", /octoperf-wait: signed in to http:\/\/127\.0\.0\.1:\d+\/mcp \(access token valid until/, describeRun(status));
    const logout = await run("logout", "Sign out.");
    const logoutResult = logout.model.requests.flatMap(toolResults).find((r) => r.toolName === "Bash");
    assert.match(logoutResult?.text ?? "", /octoperf-wait: signed out of http:\/\/127\.0\.0\.1:\d+\/mcp/, describeRun(logout));
    assert.equal(isLoggedIn(sim.mcpUrl, { XDG_CONFIG_HOME: config }), false);
  });
});
