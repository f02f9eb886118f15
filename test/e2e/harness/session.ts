// One scripted session end to end: start the scripted model, build the plugin
// variant, run `claude -p`, stop everything, and hand back what was recorded.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installPlugin, type InstalledPlugin } from "./install.js";
import { ScriptedModel } from "./model-server.js";
import { buildPluginVariant, type VariantOptions } from "./plugin-variant.js";
import { runClaude, type ClaudeResult, type ClaudeRun } from "./run-claude.js";
import type { Step } from "./script.js";
import { claudeToolNames } from "../../../src/policy/tool-names.js";

/**
 * A session whose background hooks are off (OCTOPERF_HOOKS_DISABLE): the
 * model waits by itself, with /loop, a sleep or Monitor, as the plan then
 * says. The flows that show those fallbacks run this way.
 */
export const BACKGROUND_HOOKS_OFF: Readonly<Record<string, string>> = { OCTOPERF_HOOKS_DISABLE: "wait-in-background,wake-after-poll" };

/** How the OctoPerf server reaches Claude Code, and so how its tools are named. */
export type ServerForm = "bundled" | "user";

/** The Claude Code name of an OctoPerf tool in a given form. */
export function octoTool(form: ServerForm, tool: string): string {
  const [user, bundled] = claudeToolNames(tool);
  const name = form === "user" ? user : bundled;
  if (name === undefined) throw new Error(`no ${form} name for ${tool}`);
  return name;
}

export interface SessionOptions {
  readonly prompt: string;
  readonly steps: readonly Step[];
  readonly allowedTools?: readonly string[];
  /** Without this, the session runs with no plugin at all (a baseline). */
  readonly plugin?: VariantOptions;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** False: build the variant (for its MCP config) but do not load the plugin (a baseline). */
  readonly loadPlugin?: boolean;
  /** Install the plugin variant with `claude plugin marketplace add` + `install` instead of --plugin-dir. */
  readonly install?: boolean;
}

export interface SessionRecord {
  readonly model: ScriptedModel;
  readonly result: ClaudeResult;
  /** Where the plugin was installed, for an installed session. */
  readonly installed?: InstalledPlugin;
  /** The plugin root Claude Code loaded (${CLAUDE_PLUGIN_ROOT}), if a plugin was loaded. */
  readonly pluginRoot?: string;
}

export async function runSession(options: SessionOptions): Promise<SessionRecord> {
  const model = await new ScriptedModel(options.steps).start();
  const variant = options.plugin ? await buildPluginVariant(options.plugin) : undefined;
  const home = await mkdtemp(join(tmpdir(), "octoperf-e2e-home-"));
  try {
    const installed = variant && options.install ? await installPlugin(home, variant.dir) : undefined;
    const run: ClaudeRun = {
      prompt: options.prompt,
      modelUrl: model.url,
      home,
      ...(variant && !installed && options.loadPlugin !== false ? { pluginDir: variant.dir } : {}),
      ...(variant?.userMcpConfig ? { mcpConfig: variant.userMcpConfig } : {}),
      ...(options.allowedTools ? { allowedTools: options.allowedTools } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    };
    const result = await runClaude(run);
    const pluginRoot = installed?.installPath ?? (run.pluginDir ? variant?.dir : undefined);
    return { model, result, ...(installed ? { installed } : {}), ...(pluginRoot ? { pluginRoot } : {}) };
  } finally {
    await model.stop();
    await variant?.dispose();
    await rm(home, { recursive: true, force: true });
  }
}

/**
 * One scripted run with the plugin directory (if any), HOME and working
 * directory the caller gives, used as they are: no variant is built.
 */
export async function runScripted(run: Omit<ClaudeRun, "modelUrl">, steps: readonly Step[]): Promise<SessionRecord> {
  const model = await new ScriptedModel(steps).start();
  try {
    const result = await runClaude({ ...run, modelUrl: model.url });
    return { model, result, ...(run.pluginDir ? { pluginRoot: run.pluginDir } : {}) };
  } finally {
    await model.stop();
  }
}

/** A readable summary of a failed run, for assertion messages (never the environment). */
export function describeRun(record: SessionRecord): string {
  const { result, model } = record;
  return [
    `exit ${String(result.code)}${result.timedOut ? " (timed out)" : ""}, ${model.requests.length} model request(s)`,
    `result: ${result.json?.result ?? "(none)"}`,
    `problems: ${model.problems.join("; ") || "none"}`,
    `stderr: ${result.stderr.slice(0, 800)}`,
  ].join("\n");
}

/**
 * Hooks that did not exit 0 with empty or JSON stdout: a hook that fails
 * open exits 0 and prints nothing, never a crash or a half-written decision.
 */
export function hookProblems(record: SessionRecord): string[] {
  return record.result.hooks.flatMap((hook) => {
    const out = hook.stdout.trim();
    let json = out === "";
    try {
      if (!json) json = typeof JSON.parse(out) === "object";
    } catch {
      json = false;
    }
    if (hook.exit_code === 0 && json) return [];
    return [`${hook.hook_name}: exit ${String(hook.exit_code)}, stdout ${out.slice(0, 120)}, stderr ${hook.stderr.slice(0, 200)}`];
  });
}

/** How many times hooks ran for an event on a tool ("PostToolUse", "mcp__octoperf__run_scenario"). */
export function hookRuns(record: SessionRecord, event: string, tool: string): number {
  return record.result.hooks.filter((hook) => hook.hook_name === `${event}:${tool}`).length;
}
