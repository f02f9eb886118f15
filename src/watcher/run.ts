// run(): one watch from argv and environment to an exit code, with every
// dependency injectable (clock, sleep, output, backend). The CLI only wires
// process globals into it.
import {
  CADENCE_MIN_S,
  cadenceFor,
  deadlineFor,
  expectedRunSeconds,
  formatDuration,
  realisation,
  validateHandle,
  WATCHER_MAX_INTERVAL_S,
  HandleError,
} from "../policy/index.js";
import { WATCHER_COMMAND } from "../render/wait-instructions.js";
import { parseWatchArgs, WATCH_USAGE, watchWords, type WatchArgs } from "./args.js";
import { readCall, type Backend } from "./backend.js";
import { ConfigError, EXIT_CODES, exitCodeFor, UnknownHandleError, type ExitCode } from "./errors.js";
import { errorLine } from "./lines.js";
import { McpBackend } from "./mcp-backend.js";
import { DEFAULT_RETRY } from "./retry.js";
import { DEFAULT_API_URL, RestBackend } from "./rest-backend.js";
import { operationFor, targetsFor } from "./targets.js";
import { watch, type LiveLine, type WatchPlan } from "./watch.js";

export interface Stream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface RunOptions {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Stream;
  readonly stderr: Stream;
  /** Real epoch ms and a real sleep; the time scale applies on top. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Build the backend (tests inject one); defaults to REST or MCP from the arguments. */
  readonly backend?: (args: WatchArgs, env: RunOptions["env"]) => Backend;
  readonly signal?: AbortSignal;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function defaultBackend(args: WatchArgs, env: RunOptions["env"]): Backend {
  const timeout = args.requestTimeoutMs;
  if (args.backend === "mcp" || args.mcpCommand !== undefined || args.mcpUrl !== undefined) {
    if (args.mcpCommand !== undefined) return new McpBackend({ kind: "stdio", command: args.mcpCommand }, timeout);
    if (args.mcpUrl !== undefined) return new McpBackend({ kind: "http", url: args.mcpUrl, apiKey: env.OCTOPERF_API_KEY }, timeout);
    throw new ConfigError("--backend mcp needs --mcp-command or --mcp-url (OctoPerf's hosted MCP server needs OAuth; use REST with an API key)");
  }
  return new RestBackend({ baseUrl: args.apiUrl ?? env.OCTOPERF_API_URL ?? DEFAULT_API_URL, apiKey: env.OCTOPERF_API_KEY ?? "", requestTimeoutMs: timeout });
}

/** Keep a secret out of every line, whatever produced it. */
export function redactor(secret: string | undefined): (text: string) => string {
  if (!secret || secret.length < 4) return (text) => text;
  return (text) => text.split(secret).join("[redacted]");
}

/** OCTOPERF_WAIT_TIME_SCALE: the simulator's speed, for a Monitor command that cannot carry --time-scale. */
function timeScaleFromEnv(text: string | undefined): number {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 && value <= 100_000 ? value : 1;
}

export function intervalFor(expectedSeconds: number, override: number | undefined): number {
  if (override !== undefined) return Math.min(WATCHER_MAX_INTERVAL_S, Math.max(CADENCE_MIN_S, Math.round(override)));
  return realisation("monitor").interval(cadenceFor(expectedSeconds)) ?? WATCHER_MAX_INTERVAL_S;
}

async function expectedFor(args: WatchArgs, backend: Backend, fallback: number): Promise<number> {
  if (args.expectedSeconds !== undefined) return args.expectedSeconds;
  if (args.scenarioId === undefined) return fallback;
  let scenarioId: string;
  try {
    scenarioId = validateHandle("--scenario", args.scenarioId);
  } catch (error) {
    throw new UnknownHandleError(error instanceof HandleError ? error.message : "--scenario is not a valid id");
  }
  const seconds = expectedRunSeconds(await backend.call(readCall("get_scenario", { scenarioId })));
  if (seconds === undefined) throw new ConfigError(`scenario ${scenarioId} has no load profile timings; pass --expected instead`);
  return seconds;
}

export async function run(options: RunOptions): Promise<ExitCode> {
  const redact = redactor(options.env.OCTOPERF_API_KEY);
  const out = (line: string): void => void options.stdout.write(`${redact(line)}\n`);
  const err = (line: string): void => void options.stderr.write(`octoperf-wait: ${redact(line)}\n`);
  let backend: Backend | undefined;
  try {
    const args = parseWatchArgs(options.argv);
    if (args === "help") {
      options.stdout.write(`${WATCH_USAGE}\n`);
      return 0;
    }
    const scale = args.timeScale ?? timeScaleFromEnv(options.env.OCTOPERF_WAIT_TIME_SCALE);
    const realNow = options.now ?? Date.now;
    const origin = realNow();
    const sleep = options.sleep ?? realSleep;
    const op = operationFor(args);
    const targets = targetsFor(op, args);
    backend = (options.backend ?? defaultBackend)(args, options.env);
    const expectedSeconds = await expectedFor(args, backend, op.expectedSeconds);
    const deadlineSeconds = args.deadlineSeconds ?? deadlineFor(op, expectedSeconds);
    const plan: WatchPlan = {
      operation: op,
      targets,
      expectedSeconds,
      deadlineSeconds,
      intervalSeconds: intervalFor(expectedSeconds, args.intervalSeconds),
      progressStep: args.progressStep,
      windowSeconds: args.windowSeconds,
      rearmCommand: (expectedLeft, deadlineLeft) =>
        `${WATCHER_COMMAND} ${watchWords({ ...args, scenarioId: undefined, expectedSeconds: expectedLeft, deadlineSeconds: deadlineLeft, resumed: true }, formatDuration).join(" ")}`,
      resumed: args.resumed,
    };
    const tty = options.stdout.isTTY === true && !args.plain;
    const live: LiveLine | undefined = tty
      ? { draw: (text) => void options.stdout.write(`\r\x1b[2K${redact(text)}`), clear: () => void options.stdout.write("\r\x1b[2K") }
      : undefined;
    return await watch(plan, {
      backend,
      now: () => origin + (realNow() - origin) * scale,
      sleep: (ms) => sleep(ms / scale),
      random: options.random ?? Math.random,
      out,
      err,
      verbose: args.verbose,
      live,
      retry: { ...DEFAULT_RETRY, attempts: args.retries ?? DEFAULT_RETRY.attempts },
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted && error === options.signal.reason) throw error;
    const code = exitCodeFor(error);
    const kind = EXIT_CODES.find((row) => row.code === code)?.name ?? "error";
    const message = error instanceof Error ? error.message : String(error);
    out(errorLine(kind, message));
    if (error instanceof ConfigError && /say what to wait for|needs|unknown option/.test(message)) err("run with --help for the usage");
    return code;
  } finally {
    await backend?.close();
  }
}
