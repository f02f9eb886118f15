// run(): one watch from argv and environment to an exit code, with every
// dependency injectable (clock, randomness, output, backend). The CLI only
// wires process globals into it. Every line written passes one guard: the API
// key is redacted and the line is made one printable line.
import {
  CADENCE_MIN_S,
  cadenceFor,
  deadlineFor,
  expectedRun,
  formatDuration,
  HandleError,
  LOAD_PROFILES_TOOL,
  realisation,
  validateHandle,
  WATCHER_MAX_INTERVAL_S,
} from "../policy/index.js";
import { oneLine } from "../policy/untrusted-text.js";
import { WATCHER_COMMAND, watcherCommandFor } from "../calls/wait-calls.js";
import { DEFAULT_REQUEST_TIMEOUT_MS, parseWatchArgs, WATCH_USAGE, watchWords, type WatchArgs } from "./args.js";
import { readCall, type Backend } from "./backend.js";
import { realClock, scaledClock, type WatchClock } from "./clock.js";
import { ConfigError, errorEnding, OutOfTimeError, UnknownHandleError, UnreachableError, type ExitCode } from "./errors.js";
import { errorLine } from "./lines.js";
import { McpBackend } from "./mcp-backend.js";
import { isAuthCommand, isLoggedIn, runAuthCommand, signInServerUrl } from "../auth/index.js";
import { DEFAULT_RETRY } from "./retry.js";
import { DEFAULT_API_URL, RestBackend } from "./rest-backend.js";
import { subjectFor, targetsFor, type Subject } from "./targets.js";
import { makeReader, REARM_MARGIN_S, watch, type LiveLine, type WatchIO, type WatchPlan } from "./watch.js";

export interface Stream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface RunOptions {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Stream;
  readonly stderr: Stream;
  /** The machine's time (tests inject one); the time scale applies on top. */
  readonly clock?: WatchClock;
  readonly random?: () => number;
  /** Build the backend (tests inject one); defaults to REST or MCP from the arguments. */
  readonly backend?: (args: WatchArgs, env: RunOptions["env"]) => Backend;
  readonly signal?: AbortSignal;
  /**
   * This watcher's own script, absolute (the CLI passes process.argv[1]): the
   * re-arm line names it, since a Monitor or Bash shell has no
   * CLAUDE_PLUGIN_ROOT (Claude Code 2.1.330).
   */
  readonly self?: string;
}

/** No line is longer than this (a re-arm line with many ids fits). */
export const MAX_LINE_CHARS = 4000;
const MAX_ERROR_CHARS = 600;

/**
 * Where to poll: an MCP server named on the command line; else REST with an
 * API key; else OctoPerf's hosted MCP server (or $OCTOPERF_MCP_URL) with the
 * stored sign-in (`octoperf-wait login`). `--backend mcp` alone means that server.
 */
export function defaultBackend(args: WatchArgs, env: RunOptions["env"]): Backend {
  const signInUrl = signInServerUrl(env);
  if (args.mcpCommand !== undefined) return new McpBackend({ kind: "stdio", command: args.mcpCommand });
  if (args.mcpUrl !== undefined) return new McpBackend({ kind: "http", url: args.mcpUrl, apiKey: env.OCTOPERF_API_KEY, env });
  const signedIn = !env.OCTOPERF_API_KEY && args.backend !== "rest" && isLoggedIn(signInUrl, env);
  if (args.backend === "mcp" || signedIn) return new McpBackend({ kind: "http", url: signInUrl, env });
  return new RestBackend({ baseUrl: args.apiUrl ?? env.OCTOPERF_API_URL ?? DEFAULT_API_URL, apiKey: env.OCTOPERF_API_KEY ?? "" });
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

/** The expected duration: given, read from the scenario's load profiles, or the operation's. */
async function expectedFor(args: WatchArgs, subject: Subject, io: WatchIO, requestTimeoutMs: number): Promise<number> {
  if (args.expectedSeconds !== undefined) return args.expectedSeconds;
  if (args.scenarioId === undefined) return subject.operation.expectedSeconds;
  let scenarioId: string;
  try {
    scenarioId = validateHandle("--scenario", args.scenarioId);
  } catch (error) {
    throw new UnknownHandleError(error instanceof HandleError ? error.message : "--scenario is not a valid id");
  }
  // Bounded like any call: by the Monitor window when there is one, else by the retries.
  const window = args.windowSeconds === undefined ? Infinity : (args.windowSeconds - Math.min(REARM_MARGIN_S, args.windowSeconds / 2)) * 1000;
  let answer;
  try {
    answer = await makeReader(io, requestTimeoutMs)(readCall(LOAD_PROFILES_TOOL, { scenarioId }), io.clock.now() + window);
  } catch (error) {
    if (error instanceof OutOfTimeError) throw new UnreachableError(`scenario ${scenarioId} could not be read within the Monitor window`);
    throw error;
  }
  const ask = "pass --expected <duration> instead (how long the run should take, e.g. --expected 15m)";
  if (answer.unrecognised !== undefined) throw new ConfigError(`scenario ${scenarioId}: the service answered ${io.clean(answer.unrecognised, 120)}; ${ask}`);
  const length = expectedRun(answer.fields);
  if (length.kind === "unknown") throw new ConfigError(`cannot work out how long scenario ${scenarioId} runs: ${io.clean(length.reason, 300)}; ${ask}`);
  return length.seconds;
}

export async function run(options: RunOptions): Promise<ExitCode> {
  const redact = redactor(options.env.OCTOPERF_API_KEY);
  const clean = (text: unknown, max: number): string => redact(oneLine(redact(typeof text === "string" ? text : String(text ?? "")), max));
  const out = (line: string): void => void options.stdout.write(`${clean(line, MAX_LINE_CHARS)}\n`);
  const err = (line: string): void => void options.stderr.write(`octoperf-wait: ${clean(line, MAX_LINE_CHARS)}\n`);
  if (isAuthCommand(options.argv[0])) return (await runAuthCommand(options.argv, { env: options.env, stdout: options.stdout, stderr: options.stderr })) as ExitCode;
  let backend: Backend | undefined;
  try {
    const args = parseWatchArgs(options.argv);
    if (args === "help") {
      options.stdout.write(`${WATCH_USAGE}\n`);
      return 0;
    }
    const scale = args.timeScale ?? timeScaleFromEnv(options.env.OCTOPERF_WAIT_TIME_SCALE);
    const clock = scaledClock(options.clock ?? realClock, scale);
    const subject = subjectFor(args);
    const targets = targetsFor(subject.operation, args);
    backend = (options.backend ?? defaultBackend)(args, options.env);
    const tty = options.stdout.isTTY === true && !args.plain;
    const live: LiveLine | undefined = tty
      ? { draw: (text) => void options.stdout.write(`\r\x1b[2K${clean(text, MAX_LINE_CHARS)}`), clear: () => void options.stdout.write("\r\x1b[2K") }
      : undefined;
    const io: WatchIO = {
      backend,
      clock,
      random: options.random ?? Math.random,
      out,
      err,
      clean,
      verbose: args.verbose,
      live,
      retry: { ...DEFAULT_RETRY, attempts: args.retries ?? DEFAULT_RETRY.attempts },
    };
    // Requests take real time whatever the simulator's speed: the limit is real, counted on the watch's clock.
    const requestTimeoutMs = (args.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) * scale;
    const expectedSeconds = await expectedFor(args, subject, io, requestTimeoutMs);
    const plan: WatchPlan = {
      subject,
      targets,
      expectedSeconds,
      deadlineSeconds: args.deadlineSeconds ?? deadlineFor(subject.operation, expectedSeconds),
      intervalSeconds: intervalFor(expectedSeconds, args.intervalSeconds),
      requestTimeoutMs,
      progressStep: args.progressStep,
      windowSeconds: args.windowSeconds,
      rearmCommand: (expectedLeft, deadlineLeft) =>
        `${options.self ? watcherCommandFor(options.self) : WATCHER_COMMAND} ${watchWords({ ...args, scenarioId: undefined, expectedSeconds: expectedLeft, deadlineSeconds: deadlineLeft, resumed: true }, formatDuration).join(" ")}`,
      resumed: args.resumed,
    };
    return await watch(plan, io);
  } catch (error) {
    if (options.signal?.aborted && error === options.signal.reason) throw error;
    const ending = errorEnding(error);
    out(errorLine(ending.kind, clean(ending.message, MAX_ERROR_CHARS)));
    if (ending.kind === "usage") err("run with --help for the usage");
    if (ending.kind === "internal" && error instanceof Error) err(clean(error.stack?.split("\n").slice(1, 4).join(" <- ") ?? "", MAX_ERROR_CHARS));
    return ending.code;
  } finally {
    await backend?.close();
  }
}
