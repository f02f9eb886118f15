// The test variant of the plugin: a copy without node_modules whose MCP
// config starts the simulator, while the shipped .mcp.json keeps the hosted URL.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { SERVER_NAME } from "../../src/policy/index.js";
import { buildPluginVariant, PLUGIN_ROOT_VAR, SIMULATOR_SCRIPT } from "./harness/plugin-variant.js";
import { REPO_ROOT } from "./harness/run-claude.js";

interface McpFile {
  readonly mcpServers: Record<string, { readonly type?: string; readonly url?: string; readonly command?: string; readonly args?: readonly string[] }>;
}

function readMcp(path: string): McpFile {
  return JSON.parse(readFileSync(path, "utf8")) as McpFile;
}

test("the shipped .mcp.json names OctoPerf's hosted server, not the simulator", () => {
  const shipped = readMcp(join(REPO_ROOT, ".mcp.json")).mcpServers[SERVER_NAME];
  assert.equal(shipped?.type, "http");
  assert.match(shipped?.url ?? "", /^https:\/\/api\.octoperf\.com\//);
});

test("the bundled variant starts the simulator from the loaded plugin root, with speed and faults", async () => {
  const variant = await buildPluginVariant({ mcp: "bundled", simulator: { speed: 30, faults: ["abort@50"] } });
  try {
    assert.equal(existsSync(join(variant.dir, "node_modules")), false);
    assert.equal(existsSync(join(variant.dir, ".git")), false);
    assert.ok(existsSync(join(variant.dir, ".claude-plugin", "plugin.json")));
    assert.ok(existsSync(join(variant.dir, SIMULATOR_SCRIPT)));
    assert.equal(variant.userMcpConfig, undefined);
    const server = readMcp(join(variant.dir, ".mcp.json")).mcpServers[SERVER_NAME];
    assert.equal(server?.command, process.execPath);
    assert.deepEqual(server?.args, [`${PLUGIN_ROOT_VAR}/${SIMULATOR_SCRIPT}`, "--stdio", "--speed", "30", "--fault", "abort@50"]);
  } finally {
    await variant.dispose();
  }
  assert.equal(existsSync(variant.dir), false);
});

test("the user variant has no plugin MCP server and a user config that starts the simulator by absolute path", async () => {
  const variant = await buildPluginVariant({ mcp: "user", simulator: { speed: 15 } });
  try {
    assert.equal(existsSync(join(variant.dir, ".mcp.json")), false);
    assert.ok(variant.userMcpConfig);
    const server = readMcp(variant.userMcpConfig).mcpServers[SERVER_NAME];
    assert.deepEqual(server?.args, [`${variant.dir}/${SIMULATOR_SCRIPT}`, "--stdio", "--speed", "15"]);
  } finally {
    await variant.dispose();
  }
});
