// Run the real Claude Code client interactively, headless: a tmux pane of
// its own (a private tmux server on a socket in a temp dir) in a temp HOME
// where onboarding is done, the working folder trusted and the test key
// approved, against the scripted model. Interactive sessions are where
// background work (asyncRewake hooks, Monitor, background Bash, cron) wakes
// the model with a new turn; `-p` ends after one prompt.
//
// Facts used (checked on 2.1.330, /work/shared/reference/claude-code.md,
// "Interactive sessions under tmux, headless"): the .claude.json below skips
// the onboarding, trust and API-key dialogs; `--permission-mode default`
// makes `--allowedTools` apply without the network (auto mode needs it);
// `--` ends the tool list before the prompt.
//
// Tests should poll the model's recorded requests (waitForRequests), not the
// screen: the screen is for diagnostics.
import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { ScriptedModel } from "./model-server.js";
import { buildPluginVariant, type PluginVariant, type VariantOptions } from "./plugin-variant.js";
import { CLAUDE_BIN, TEST_API_KEY, claudeEnv } from "./run-claude.js";
import type { Step } from "./script.js";

const run = promisify(execFile);

export const TMUX = "tmux";
/** The pane size: wide enough that the client does not wrap its own lines. */
const COLUMNS = 200;
const ROWS = 50;
/** Every process of a session carries this in its environment, so stop() can find what outlived the client. */
export const SESSION_MARKER = "OCTOPERF_E2E_INTERACTIVE";
/** How long stop() lets the session's processes exit on each signal. */
const STOP_GRACE_MS = 3000;

export interface InteractiveOptions {
  /** The first prompt, given on the command line. */
  readonly prompt: string;
  readonly steps: readonly Step[];
  readonly allowedTools?: readonly string[];
  /** A plugin variant to build (e.g. the real plugin with the simulator), or a plugin folder to load as it is. */
  readonly plugin?: VariantOptions | { readonly dir: string };
  readonly env?: Readonly<Record<string, string>>;
  readonly extraArgs?: readonly string[];
}

export interface InteractiveSession {
  readonly model: ScriptedModel;
  /** The session's temp folder (HOME, working folder, TMPDIR, tmux socket); removed by stop(). */
  readonly dir: string;
  /** The value of SESSION_MARKER in the environment of every process of this session. */
  readonly marker: string;
  readonly home: string;
  /** The working folder (trusted). */
  readonly cwd: string;
  /** The plugin folder loaded (${CLAUDE_PLUGIN_ROOT}), if any. */
  readonly pluginRoot: string | undefined;
  /** When the client was started (ms since the epoch). */
  readonly startedAt: number;
  /** Type text into the session, then Enter. */
  sendKeys(text: string): Promise<void>;
  /** The visible pane, as text. */
  screen(): Promise<string>;
  /** Resolve once the model has had at least `count` main-loop requests; reject with the screen after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs: number): Promise<void>;
  /**
   * SIGKILL the client itself (not the hooks, servers or commands it started, which are left as a killed
   * client leaves them), and resolve once its tmux pane has closed.
   */
  killClient(): Promise<void>;
  /** Start the client again in the same HOME, folder and environment (e.g. `--resume <id>`), with or without a prompt. */
  relaunch(options: { readonly prompt?: string; readonly extraArgs?: readonly string[]; readonly allowedTools?: readonly string[] }): Promise<void>;
  /** Stop the client, its hooks and servers, the tmux server, and remove the temp folders. Safe to call twice. */
  stop(): Promise<void>;
}

/** The temp HOME's .claude.json: onboarding done, the key approved, the folder trusted. */
export function claudeJson(cwd: string, apiKey: string): string {
  return `${JSON.stringify(
    {
      hasCompletedOnboarding: true,
      customApiKeyResponses: { approved: [apiKey.slice(-20)], rejected: [] },
      projects: { [cwd]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } },
    },
    null,
    2,
  )}\n`;
}

export function interactiveArgs(options: { readonly prompt?: string } & Pick<InteractiveOptions, "allowedTools" | "extraArgs">, pluginDir: string | undefined): string[] {
  const args = ["--permission-mode", "default"];
  if (pluginDir) args.push("--plugin-dir", pluginDir);
  args.push(...(options.extraArgs ?? []));
  if (options.allowedTools && options.allowedTools.length > 0) args.push("--allowedTools", ...options.allowedTools);
  if (options.prompt !== undefined) args.push("--", options.prompt);
  return args;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Processes (other than this one) whose environment holds `marker=value`. Linux /proc; empty elsewhere. */
export async function markedProcesses(marker: string, value: string): Promise<number[]> {
  const found: number[] = [];
  let entries: string[];
  try {
    entries = await readdir("/proc");
  } catch {
    return found;
  }
  const needle = `${marker}=${value}\0`;
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if ((await readFile(`/proc/${pid}/environ`, "latin1")).includes(needle)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** What a marked session's waiting processes run: the watcher, and the plugin's hook processes by hook name. */
const WAITING_RE = /octoperf-wait\.mjs|wait-in-background|wake-after-poll|rewatch-on-resume|guard-turn-end|octoperf-hook\.cjs/;

/** The processes of a marked session that wait on OctoPerf work (watchers and hooks), named by what they run. */
export async function waitingProcesses(marker: string, value: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await markedProcesses(marker, value)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "latin1").catch(() => "");
    const name = WAITING_RE.exec(cmdline)?.[0];
    if (name) found.push(name);
  }
  return found;
}

/** SIGKILL a marked session's client itself (the claude binary), leaving its hooks, watchers and servers as a killed client leaves them. */
export async function killMarkedClient(marker: string, value: string): Promise<void> {
  for (const pid of await markedProcesses(marker, value)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "latin1").catch(() => "");
    if (/claude(\.exe)?\0/.test(cmdline) && !/octoperf-(hook|wait|simulator)/.test(cmdline)) signal([pid], "SIGKILL");
  }
}

function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

export async function startInteractive(options: InteractiveOptions): Promise<InteractiveSession> {
  const base = await mkdtemp(join(tmpdir(), "octoperf-e2e-tty-"));
  const home = join(base, "home");
  const cwd = join(base, "work");
  const tmp = join(base, "tmp");
  const socket = join(base, "tmux.sock");
  const id = basename(base);
  const model = await new ScriptedModel(options.steps).start();
  let variant: PluginVariant | undefined;
  let stopped = false;

  const tmux = (...args: string[]) => run(TMUX, ["-S", socket, ...args], { timeout: 10_000 });

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await tmux("kill-server").catch(() => undefined);
    // Hooks, MCP servers and background commands the client started, wherever they went.
    // Each gets a moment to exit on SIGTERM (the client saves its config on the way out) before SIGKILL;
    // the folder goes only once none is left to write into it.
    for (const name of ["SIGTERM", "SIGKILL"] as const) {
      let left = await markedProcesses(SESSION_MARKER, id);
      if (left.length === 0) break;
      signal(left, name);
      for (let waited = 0; left.length > 0 && waited < STOP_GRACE_MS; waited += 100) {
        await sleep(100);
        left = await markedProcesses(SESSION_MARKER, id);
      }
    }
    await model.stop();
    await variant?.dispose();
    await rm(base, { recursive: true, force: true });
  };

  try {
    await mkdir(home, { mode: 0o700 });
    await mkdir(cwd);
    await mkdir(tmp);
    await writeFile(join(home, ".claude.json"), claudeJson(cwd, TEST_API_KEY));
    let pluginDir: string | undefined;
    if (options.plugin && "dir" in options.plugin) pluginDir = options.plugin.dir;
    else if (options.plugin) {
      variant = await buildPluginVariant(options.plugin);
      pluginDir = variant.dir;
    }
    const env = {
      ...claudeEnv(home, { modelUrl: model.url, ...(options.env ? { env: options.env } : {}) }),
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
      TERM: "xterm-256color",
      // Claude Code keeps task output under $TMPDIR/claude-<uid>/: inside this session's folder, it goes with it.
      TMPDIR: tmp,
      [SESSION_MARKER]: id,
    };
    // A private tmux server (its own socket), started with exactly this environment; the command runs without a shell.
    const launch = (args: readonly string[]) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(TMUX, ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "claude", "-x", String(COLUMNS), "-y", String(ROWS), "-c", cwd, CLAUDE_BIN, ...args], {
          env,
          stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
        child.on("error", reject);
        child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`tmux new-session failed (${String(code)}): ${stderr}`))));
      });
    await launch(interactiveArgs(options, pluginDir));
    const startedAt = Date.now();

    const screen = async (): Promise<string> => {
      try {
        return (await tmux("capture-pane", "-p", "-t", "claude")).stdout;
      } catch {
        return "(the tmux session is gone: the client exited)";
      }
    };
    const session: InteractiveSession = {
      model,
      dir: base,
      marker: id,
      home,
      cwd,
      pluginRoot: pluginDir,
      startedAt,
      screen,
      sendKeys: async (text: string) => {
        await tmux("send-keys", "-t", "claude", "-l", text);
        await tmux("send-keys", "-t", "claude", "Enter");
      },
      waitForRequests: async (count: number, timeoutMs: number) => {
        const until = Date.now() + timeoutMs;
        while (model.requests.length < count) {
          if (Date.now() > until) {
            throw new Error(`${model.requests.length} of ${count} model requests after ${timeoutMs} ms; problems: ${model.problems.join("; ") || "none"}\nscreen:\n${await screen()}`);
          }
          await sleep(100);
        }
      },
      killClient: async () => {
        for (const pid of await markedProcesses(SESSION_MARKER, id)) {
          const cmdline = await readFile(`/proc/${pid}/cmdline`, "latin1").catch(() => "");
          // The client: the claude binary, not a hook, watcher or server it started.
          if (/(^|\/)claude(\.exe)?$/.test(cmdline.split("\0")[0] ?? "")) signal([pid], "SIGKILL");
        }
        // The pane's only command is the client: once it is gone, tmux closes the session.
        for (;;) {
          const alive = await tmux("has-session", "-t", "claude").then(
            () => true,
            () => false,
          );
          if (!alive) return;
          await sleep(100);
        }
      },
      relaunch: (again) => launch(interactiveArgs({ allowedTools: options.allowedTools, ...again }, pluginDir)),
      stop,
    };
    return session;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Run `use` with an interactive session, and stop it whatever happens. */
export async function withInteractive<T>(options: InteractiveOptions, use: (session: InteractiveSession) => Promise<T>): Promise<T> {
  const session = await startInteractive(options);
  try {
    return await use(session);
  } finally {
    await session.stop();
  }
}
