// Run the real Claude Code client headless (`claude -p`) against the scripted
// model, in a temp HOME and a temp working directory, with a hard timeout.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const CLAUDE_BIN = join(REPO_ROOT, "node_modules", ".bin", "claude");
/** A placeholder key: the scripted model accepts anything, and nothing real is ever sent. */
export const TEST_API_KEY = "sk-ant-test";

export interface ClaudeRun {
  /** The prompt, or a slash command such as "/octoperf:wait 1234 5m". */
  readonly prompt: string;
  readonly modelUrl: string;
  readonly pluginDir?: string;
  readonly allowedTools?: readonly string[];
  /** A user MCP config file, used with --strict-mcp-config. */
  readonly mcpConfig?: string;
  /** A HOME to reuse (e.g. one where a plugin was installed); a fresh one otherwise. */
  readonly home?: string;
  /** A working directory to run in and keep (to inspect afterwards); a fresh temp one otherwise. */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly extraArgs?: readonly string[];
  readonly timeoutMs?: number;
}

export interface ClaudeResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** The final `result` event of the stream. */
  readonly json: ResultJson | undefined;
  /** Every hook that ran, with its exit code and output (`--include-hook-events`). */
  readonly hooks: readonly HookEvent[];
}

export interface HookEvent {
  /** "PreToolUse:mcp__octoperf__get_bench_result"... */
  readonly hook_name: string;
  readonly hook_event: string;
  readonly exit_code: number | null;
  readonly outcome: string;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ResultJson {
  readonly type: string;
  readonly subtype?: string;
  readonly is_error?: boolean;
  readonly result?: string;
  readonly num_turns?: number;
  /** Tool calls refused for want of permission (in -p mode any prompt is a denial). */
  readonly permission_denials?: readonly unknown[];
}

/** Environment of this session that must not leak into the child. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(ANTHROPIC_|CLAUDE_|CLAUDECODE|OCTOPERF_|MCP_)/.test(name)) continue;
    env[name] = value;
  }
  return env;
}

/**
 * `stream-json` rather than `json`: the same final result event, plus one
 * event per hook run with its exit code and output, so a test can prove a
 * hook failed open (exit 0) instead of guessing from silence.
 */
export function claudeArgs(run: ClaudeRun): string[] {
  const args = ["-p", run.prompt, "--output-format", "stream-json", "--verbose", "--include-hook-events"];
  if (run.pluginDir) args.push("--plugin-dir", run.pluginDir);
  if (run.allowedTools && run.allowedTools.length > 0) args.push("--allowedTools", run.allowedTools.join(" "));
  if (run.mcpConfig) args.push("--mcp-config", run.mcpConfig, "--strict-mcp-config");
  args.push(...(run.extraArgs ?? []));
  return args;
}

export function claudeEnv(home: string, run: Pick<ClaudeRun, "modelUrl" | "env">): Record<string, string> {
  return {
    ...inheritedEnv(),
    HOME: home,
    ANTHROPIC_BASE_URL: run.modelUrl,
    ANTHROPIC_API_KEY: TEST_API_KEY,
    DISABLE_AUTOUPDATER: "1",
    DISABLE_TELEMETRY: "1",
    DISABLE_ERROR_REPORTING: "1",
    // `claude plugin install` runs `npm ci` in the installed copy: keep npm off the network.
    npm_config_offline: "true",
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    ...(run.env ?? {}),
  };
}

export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Run `claude` with any arguments in a given HOME (plugin install commands use this). */
export function runClaudeRaw(args: readonly string[], options: { home: string; cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<ClaudeResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(CLAUDE_BIN, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (part: string) => (stdout += part));
    child.stderr.setEncoding("utf8").on("data", (part: string) => (stderr += part));
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      // Hooks and MCP servers started by the client die with its process group.
      killGroup();
      resolvePromise({ code, stdout, stderr, timedOut, json: parseResult(stdout), hooks: parseHookEvents(stdout) });
    });
  });
}

function events(stdout: string): unknown[] {
  return stdout.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      return [];
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function parseResult(stdout: string): ResultJson | undefined {
  const found = events(stdout).filter((e) => isObject(e) && e.type === "result").at(-1);
  return found as ResultJson | undefined;
}

export function parseHookEvents(stdout: string): HookEvent[] {
  return events(stdout).filter((e): e is HookEvent => isObject(e) && e.type === "system" && e.subtype === "hook_response");
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** One headless session: fresh temp HOME (unless given) and a temp working directory. */
export async function runClaude(run: ClaudeRun): Promise<ClaudeResult> {
  const inCwd = async (cwd: string): Promise<ClaudeResult> => {
    const go = (home: string): Promise<ClaudeResult> =>
      runClaudeRaw(claudeArgs(run), { home, cwd, env: claudeEnv(home, run), timeoutMs: run.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    return run.home ? go(run.home) : withTempDir("octoperf-e2e-home-", go);
  };
  return run.cwd ? inCwd(run.cwd) : withTempDir("octoperf-e2e-cwd-", inCwd);
}
