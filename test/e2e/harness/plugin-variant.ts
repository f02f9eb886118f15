// The test variant of the plugin: a copy of the repo's plugin files (never
// node_modules) in a temp dir, whose .mcp.json starts the OctoPerf simulator
// over stdio instead of naming OctoPerf's hosted URL. The shipped .mcp.json is
// never touched. A user-level MCP config for the same simulator gives the
// other tool-name form (mcp__octoperf__*).
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { REPO_ROOT } from "./run-claude.js";
import { SERVER_NAME } from "../../../src/policy/tool-names.js";

/** Never part of a plugin copy: what `npm ci`, git and local runs leave behind. */
const LEFT_OUT = new Set(["node_modules", ".git", ".tmp", "coverage", "dist"]);

export const SIMULATOR_SCRIPT = "scripts/octoperf-simulator.mjs";
export const PLUGIN_ROOT_VAR = "${CLAUDE_PLUGIN_ROOT}";

export interface SimulatorOptions {
  /** Simulated seconds per real second. */
  readonly speed: number;
  /** Scripted faults, each passed as `--fault <value>`. */
  readonly faults?: readonly string[];
  /** Any further simulator arguments. */
  readonly extraArgs?: readonly string[];
}

export interface StdioServer {
  readonly type: "stdio";
  readonly command: string;
  readonly args: readonly string[];
}

/** The MCP server entry that starts the simulator from a plugin (or repo) root. */
export function simulatorServer(root: string, options: SimulatorOptions): StdioServer {
  const args = [`${root}/${SIMULATOR_SCRIPT}`, "--stdio", "--speed", String(options.speed)];
  for (const fault of options.faults ?? []) args.push("--fault", fault);
  args.push(...(options.extraArgs ?? []));
  return { type: "stdio", command: process.execPath, args };
}

export function mcpConfigJson(server: StdioServer): string {
  return `${JSON.stringify({ mcpServers: { [SERVER_NAME]: server } }, null, 2)}\n`;
}

/** Copy the repo's plugin tree into `dir` (which must exist), leaving out node_modules and VCS state. */
export async function copyPluginTree(dir: string): Promise<void> {
  await cp(REPO_ROOT, dir, {
    recursive: true,
    filter: (source) => !LEFT_OUT.has(basename(source)),
  });
}

export interface PluginVariant {
  readonly dir: string;
  /** A user-level MCP config file (for --mcp-config), when one was asked for. */
  readonly userMcpConfig: string | undefined;
  dispose(): Promise<void>;
}

export interface VariantOptions {
  /**
   * "bundled": the plugin's .mcp.json starts the simulator (tools named mcp__plugin_octoperf_octoperf__*).
   * "user": the plugin has no MCP server; a user MCP config starts it (tools named mcp__octoperf__*).
   * "none": no OctoPerf server at all.
   */
  readonly mcp: "bundled" | "user" | "none";
  readonly simulator?: SimulatorOptions;
  /** A server to use instead of the simulator (e.g. one that answers garbage). */
  readonly server?: StdioServer;
}

export async function buildPluginVariant(options: VariantOptions): Promise<PluginVariant> {
  const base = await mkdtemp(join(tmpdir(), "octoperf-e2e-plugin-"));
  const dir = join(base, "octoperf");
  await copyPluginTree(dir);
  const simulator = options.simulator ?? { speed: 60 };
  let userMcpConfig: string | undefined;
  // The shipped .mcp.json points at the hosted service: a test copy never keeps it.
  await rm(join(dir, ".mcp.json"), { force: true });
  if (options.mcp === "bundled") {
    // Resolved by Claude Code to the loaded copy: the --plugin-dir copy or the installed one.
    await writeFile(join(dir, ".mcp.json"), mcpConfigJson(options.server ?? simulatorServer(PLUGIN_ROOT_VAR, simulator)));
  } else if (options.mcp === "user") {
    userMcpConfig = join(base, "user-mcp.json");
    await writeFile(userMcpConfig, mcpConfigJson(options.server ?? simulatorServer(dir, simulator)));
  }
  return { dir, userMcpConfig, dispose: () => rm(base, { recursive: true, force: true }) };
}
