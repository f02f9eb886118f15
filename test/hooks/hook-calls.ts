// Test helpers: hook calls shaped like Claude Code's stdin, run either from
// source in this process (runHook: the runner and every decide() as they are
// in src/hooks, a real state folder in a temp dir, a fixed clock) or as the
// committed bundle in a child process (runBundle: the smoke tests).
import type { ProcessProbe } from "../../src/hooks/session/processes.js";
import { runGuardHook, type GuardIO } from "../../src/hooks/runtime/guard-shell.js";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HOOK_BUNDLE } from "../../src/build/hooks-json.js";
import type { DecideContext } from "../../src/hooks/claude/decision.js";
import { runBackgroundHook, type BackgroundIO, type JobRunner } from "../../src/hooks/runtime/background-shell.js";
import { systemStoreIO, type HookIO } from "../../src/hooks/runtime/core.js";
import { runHook as runFromSource } from "../../src/hooks/runtime/runner.js";
import { claudeToolNames } from "../../src/policy/index.js";
import type { SessionState, WaiterRecord } from "../../src/hooks/session/state.js";

export const REPO_ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
export const SESSION = "5b0c2f1e-8d7a-4c3b-9e6f-0a1b2c3d4e5f";
export const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

/** Both Claude Code names of an OctoPerf tool: [user-configured server, plugin server]. */
export const FORMS = [0, 1] as const;
export function toolName(tool: string, form: 0 | 1 = 0): string {
  return claudeToolNames(tool)[form]!;
}

/** A session whose background hooks are off: the model arranges its waits itself (/loop, sleep, Monitor). */
export const BACKGROUND_OFF: Readonly<Record<string, string>> = { OCTOPERF_HOOKS_DISABLE: "wait-in-background,wake-after-poll" };

/** Where the tests say the plugin lives: commands shown to the model carry this absolute path. */
export const PLUGIN_ROOT = "/plugins/octoperf";

export interface ContextOptions {
  /** OCTOPERF_API_KEY set. */
  readonly apiKey?: boolean;
  /** A stored sign-in of octoperf-wait login. */
  readonly login?: boolean;
  /** The background hooks run (default true, as in a session with the plugin). */
  readonly hooks?: boolean;
  /** Processes that live (default: none but this hook). */
  readonly alive?: readonly number[];
}

/** This test process stands for the hook's own pid. */
export const HOOK_PID = 4242;
export const HOOK_TOKEN = "tok1";

/** A decision context at T0 + `seconds`, with the credentials and liveness given. */
export function ctxAt(seconds: number, options: ContextOptions = {}): DecideContext {
  const alive = new Set(options.alive ?? []);
  return {
    now: T0 + seconds * 1000,
    reach: { apiKey: options.apiKey ?? false, login: () => options.login ?? false },
    hooks: options.hooks ?? true,
    pluginRoot: PLUGIN_ROOT,
    alive: (pid) => alive.has(pid),
    pid: HOOK_PID,
    token: HOOK_TOKEN,
  };
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "octoperf-hooks-test-"));
}

/** A structured result as Claude Code 2.1.330 passes it: a JSON string. */
export const structured = (value: object): string => JSON.stringify(value);
/** An unstructured result: the array of content blocks. */
export const blocks = (value: object | string): object[] => [{ type: "text", text: typeof value === "string" ? value : JSON.stringify(value) }];

let useId = 0;
function common(event: "PreToolUse" | "PostToolUse", tool: string, input: object, session: string) {
  useId++;
  return {
    session_id: session,
    transcript_path: `/tmp/claude/projects/demo/${session}.jsonl`,
    cwd: "/tmp/demo",
    prompt_id: "prompt-1",
    permission_mode: "default",
    hook_event_name: event,
    tool_name: tool,
    tool_input: input,
    tool_use_id: `toolu_01Test${useId}`,
  };
}

export function pre(tool: string, input: object, session = SESSION): string {
  return JSON.stringify(common("PreToolUse", tool, input, session));
}

export function post(tool: string, input: object, response: unknown, session = SESSION): string {
  return JSON.stringify({ ...common("PostToolUse", tool, input, session), tool_response: response, duration_ms: 123 });
}

/** A typed slash command, as UserPromptExpansion gives it (Claude Code 2.1.330). */
export function expansion(command: string, args: string, session = SESSION): string {
  return JSON.stringify({
    session_id: session,
    transcript_path: `/tmp/claude/projects/demo/${session}.jsonl`,
    cwd: "/tmp/demo",
    prompt_id: "prompt-2",
    permission_mode: "default",
    hook_event_name: "UserPromptExpansion",
    expansion_type: "slash_command",
    command_name: command,
    command_args: args,
    command_source: "plugin",
    prompt: `/${command} ${args}`,
  });
}

/** The model ended its turn, as Stop gives it (Claude Code 2.1.330). */
export function turnEnd(session = SESSION, active = false): string {
  return JSON.stringify({
    session_id: session,
    transcript_path: `/tmp/claude/projects/demo/${session}.jsonl`,
    cwd: "/tmp/demo",
    prompt_id: "prompt-3",
    permission_mode: "default",
    hook_event_name: "Stop",
    stop_hook_active: active,
    last_assistant_message: "Waiting.",
    background_tasks: [],
    session_crons: [],
  });
}

export interface HookRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly data: string;
  /** A stored sign-in (from source only). */
  readonly loggedIn?: boolean;
  /** Stands in for signalling a background waiter's process (from source only). */
  readonly stopWaiter?: HookIO["stopWaiter"];
  readonly now?: number;
  readonly env?: Readonly<Record<string, string>>;
  /** Plugin root to run the bundle from (defaults to this repository). */
  readonly root?: string;
}

/**
 * The store's real I/O, except that waiting for a lock moves a virtual clock
 * instead of sleeping: a test of a held lock ends at once, and says how long
 * the hook would have waited.
 */
export function virtualWaitIO(): HookIO["store"] & { readonly waitedMs: () => number } {
  let waited = 0;
  return { ...systemStoreIO(), now: () => Date.now() + waited, sleep: (ms) => void (waited += ms), waitedMs: () => waited };
}

/** Run a hook from source, in this process. */
export function runHook(name: string, stdin: string, options: RunOptions & { readonly store?: HookIO["store"] }): HookRun {
  const lines: string[] = [];
  const now = options.now;
  const emission = runFromSource(name, sourceIO(stdin, options, lines));
  return { status: emission.exitCode, stdout: emission.stdout ? `${emission.stdout}\n` : "", stderr: lines.join("") };
}

function sourceIO(stdin: string, options: RunOptions & { readonly store?: HookIO["store"] }, lines: string[]): HookIO {
  const now = options.now;
  return {
    stdin,
    env: { CLAUDE_PLUGIN_DATA: options.data, ...options.env },
    now: now === undefined ? Date.now : () => now,
    store: options.store ?? virtualWaitIO(),
    stderr: (line) => lines.push(`${line}\n`),
    pluginRoot: PLUGIN_ROOT,
    loggedIn: () => options.loggedIn ?? false,
    ...(options.stopWaiter ? { stopWaiter: options.stopWaiter } : {}),
  };
}

/** Run a background hook from source, its wait done by `jobs` (a stand-in: nothing waits for real). */
export async function runBackground(
  name: string,
  stdin: string,
  options: RunOptions & { readonly store?: HookIO["store"]; readonly jobs: JobRunner; readonly signal?: AbortSignal; readonly later?: number },
): Promise<HookRun> {
  const lines: string[] = [];
  const base = sourceIO(stdin, options, lines);
  let calls = 0;
  // The clock reads `now` when arming and `later` (if given) when settling.
  const io: BackgroundIO = {
    ...base,
    now: () => (calls++ === 0 || options.later === undefined ? base.now() : options.later),
    jobs: options.jobs,
    signal: options.signal ?? new AbortController().signal,
  };
  const emission = await runBackgroundHook(name, io);
  return { status: emission.exitCode, stdout: emission.stdout ? `${emission.stdout}\n` : "", stderr: lines.join("") };
}

function bundleEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, CLAUDE_PLUGIN_DATA: options.data, ...options.env };
  if (options.now !== undefined) env.OCTOPERF_HOOKS_TEST_NOW = String(options.now);
  return env;
}

/** Run the committed bundle (scripts/hooks/octoperf-hook.cjs <name>) as a child process. */
export function runBundle(name: string, stdin: string, options: RunOptions): HookRun {
  const script = join(options.root ?? REPO_ROOT, HOOK_BUNDLE);
  const result = spawnSync(process.execPath, [script, name], { input: stdin, env: bundleEnv(options), encoding: "utf8", timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runBundleAsync(name: string, stdin: string, options: RunOptions): Promise<HookRun> {
  const script = join(options.root ?? REPO_ROOT, HOOK_BUNDLE);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, name], { env: bundleEnv(options) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

interface HookJson {
  hookSpecificOutput?: { hookEventName?: string; permissionDecision?: string; permissionDecisionReason?: string; additionalContext?: string };
}

export function parsed(run: HookRun): HookJson | undefined {
  return run.stdout.trim() === "" ? undefined : (JSON.parse(run.stdout) as HookJson);
}

/** The injected context of a PostToolUse run (undefined when silent). */
export function contextOf(run: HookRun): string | undefined {
  const out = parsed(run)?.hookSpecificOutput;
  if (out && out.hookEventName !== "PostToolUse") throw new Error(`not a PostToolUse output: ${run.stdout}`);
  return out?.additionalContext;
}

/** The deny reason of a PreToolUse run (undefined when it passed). */
export function denialOf(run: HookRun): string | undefined {
  const out = parsed(run)?.hookSpecificOutput;
  if (out && (out.hookEventName !== "PreToolUse" || out.permissionDecision !== "deny")) throw new Error(`not a deny: ${run.stdout}`);
  return out?.permissionDecisionReason;
}

/**
 * Run the turn-end guard from source to its end. `clock` is read at every
 * look (default: `now`); `pollMs` is the real pause between looks, and
 * `beforeLook` runs before each, so a test changes the world between looks.
 */
export async function runGuard(
  stdin: string,
  options: RunOptions & { readonly store?: HookIO["store"]; readonly clock?: () => number; readonly pollMs?: number; readonly signal?: AbortSignal; readonly processes?: ProcessProbe },
): Promise<HookRun> {
  const lines: string[] = [];
  const base = sourceIO(stdin, options, lines);
  const io: GuardIO = {
    ...base,
    ...(options.clock ? { now: options.clock } : {}),
    signal: options.signal ?? new AbortController().signal,
    pollMs: options.pollMs ?? 1,
    ...(options.processes ? { processes: options.processes } : {}),
  };
  const emission = await runGuardHook("guard-turn-end", io);
  return { status: emission.exitCode, stdout: emission.stdout ? `${emission.stdout}\n` : "", stderr: lines.join("") };
}

/** The session's state as the hooks last wrote it (undefined before the first write). */
export function recordedState(data: string, session = SESSION): SessionState | undefined {
  try {
    return JSON.parse(readFileSync(join(data, "hooks", `${session}.json`), "utf8")) as SessionState;
  } catch {
    return undefined;
  }
}

/**
 * Wait for an event (a record written, a file there), never for a fixed time:
 * `check` is tried every 20 ms, and the test fails after `timeoutMs` (generous:
 * CI shares two cores with the whole suite) naming what it waited for.
 */
export async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const began = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - began > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** The adopted (not claimed) waiter of a session's state, once its background hook has taken over. */
export function adoptedWaiter(data: string, kind: WaiterRecord["kind"], session = SESSION): WaiterRecord | undefined {
  return recordedState(data, session)?.waiters?.find((w) => w.kind === kind && !w.claimed);
}
