// The watcher's command line, parsed apart from running it (and written back,
// for the re-arm line). Durations use the policy's parser.
import { CADENCE_MIN_S, OPERATION_IDS, WATCHER_MAX_INTERVAL_S, formatDuration, isOperationId, parseDuration, DurationError, type OperationId } from "../policy/index.js";
import { quoted } from "../policy/untrusted-text.js";
import { exitCodeHelp, UsageError } from "./errors.js";
import { DEFAULT_RETRY } from "./retry.js";

/** Per request, unless --request-timeout says otherwise; always cut to the time left. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const MAX_RETRIES = 20;
const MAX_TIME_SCALE = 100_000;

export type WatchMode = "bench" | "validation" | "task";

export interface WatchArgs {
  readonly mode: WatchMode;
  readonly handles: readonly string[];
  readonly expectedSeconds?: number;
  readonly scenarioId?: string;
  readonly deadlineSeconds?: number;
  readonly intervalSeconds?: number;
  readonly operation?: OperationId;
  readonly backend?: "rest" | "mcp";
  readonly mcpCommand?: string;
  readonly mcpUrl?: string;
  readonly apiUrl?: string;
  readonly progressStep?: number;
  readonly windowSeconds?: number;
  readonly timeScale?: number;
  readonly retries?: number;
  readonly requestTimeoutMs?: number;
  readonly verbose: boolean;
  readonly plain: boolean;
  /** This watch continues an earlier one (a re-arm): no second under-way line. */
  readonly resumed: boolean;
}

export const WATCH_USAGE = `usage: octoperf-wait bench <benchResultId...> | validation <projectId> <virtualUserId> | task <taskId...> [options]
       octoperf-wait login | logout | status   sign in to OctoPerf's MCP server once; the watcher then needs no API key

  --expected <duration>   how long the work should take (e.g. 90s, 10m, 1h30m); sets the poll cadence
  --scenario <id>         compute --expected from the scenario's load profiles instead
  --deadline <duration>   give up after this long (default: the policy's deadline for the expected time)
  --interval <duration>   poll interval override, kept within ${CADENCE_MIN_S}-${WATCHER_MAX_INTERVAL_S} s
  --operation <id>        the policy operation (${OPERATION_IDS.join(", ")})
  --backend rest|mcp      REST needs OCTOPERF_API_KEY (and OCTOPERF_API_URL, default https://api.octoperf.com); mcp alone is
                          OctoPerf's hosted MCP server with the sign-in of octoperf-wait login (the default without a key)
  --mcp-command "<cmd>"   MCP server over stdio, e.g. "node scripts/octoperf-simulator.mjs --stdio"
  --mcp-url <url>         MCP server over Streamable HTTP (API key, or the sign-in stored for that URL), e.g. http://127.0.0.1:8765/mcp
  --progress <percent>    also print a line at every <percent> of elapsed load
  --window <duration>     Monitor's time limit: print a re-arm line and stop just before it
  --time-scale <n>        the service's clock runs n times faster (simulator only; or OCTOPERF_WAIT_TIME_SCALE)
  --retries <n>           attempts per call on network errors and 5xx (default ${DEFAULT_RETRY.attempts})
  --request-timeout <duration>  per request (default ${formatDuration(DEFAULT_REQUEST_TIMEOUT_MS / 1000)}), never past the deadline
  --resumed               this watch continues an earlier one (the re-arm line adds it): no under-way line
  --verbose               every state change on stderr
  --plain                 no live progress bar, even on a terminal

${exitCodeHelp()}`;

const MODES: readonly WatchMode[] = ["bench", "validation", "task"];

function duration(flag: string, text: string): number {
  try {
    return parseDuration(text, flag);
  } catch (error) {
    throw new UsageError(error instanceof DurationError ? error.message : `${flag}: bad duration`);
  }
}

function positiveNumber(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new UsageError(`${flag}: ${quoted(text, 20)} must be a number above 0 and at most ${max}`);
  return value;
}

export function parseWatchArgs(argv: readonly string[]): WatchArgs | "help" {
  if (argv.includes("--help") || argv.includes("-h")) return "help";
  const positional: string[] = [];
  const out: { -readonly [K in keyof WatchArgs]?: WatchArgs[K] } = { verbose: false, plain: false, resumed: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (!flag.startsWith("-")) {
      positional.push(flag);
      continue;
    }
    if (flag === "--verbose" || flag === "--plain" || flag === "--resumed") {
      out[flag.slice(2) as "verbose" | "plain" | "resumed"] = true;
      continue;
    }
    const text = argv[i + 1];
    if (text === undefined) throw new UsageError(`${quoted(flag, 30)} needs a value`);
    i += 1;
    switch (flag) {
      case "--expected": out.expectedSeconds = duration(flag, text); break;
      case "--scenario": out.scenarioId = text; break;
      case "--deadline": out.deadlineSeconds = duration(flag, text); break;
      case "--interval": out.intervalSeconds = duration(flag, text); break;
      case "--window": out.windowSeconds = duration(flag, text); break;
      case "--request-timeout": out.requestTimeoutMs = duration(flag, text) * 1000; break;
      case "--progress": out.progressStep = positiveNumber(flag, text, 100); break;
      case "--time-scale": out.timeScale = positiveNumber(flag, text, MAX_TIME_SCALE); break;
      case "--retries": out.retries = Math.round(positiveNumber(flag, text, MAX_RETRIES)); break;
      case "--mcp-command": out.mcpCommand = text; break;
      case "--mcp-url": out.mcpUrl = text; break;
      case "--api-url": out.apiUrl = text; break;
      case "--backend":
        if (text !== "rest" && text !== "mcp") throw new UsageError(`--backend: ${quoted(text, 20)} is not rest or mcp`);
        out.backend = text;
        break;
      case "--operation":
        if (!isOperationId(text)) throw new UsageError(`--operation: ${quoted(text, 30)} is not one of ${OPERATION_IDS.join(", ")}`);
        out.operation = text;
        break;
      default:
        throw new UsageError(`unknown option ${quoted(flag, 30)}`);
    }
  }
  const [mode, ...handles] = positional;
  if (!mode || !(MODES as readonly string[]).includes(mode)) throw new UsageError(`say what to wait for: ${MODES.join(", ")} (got ${mode ? quoted(mode, 20) : "nothing"})`);
  if (handles.length === 0) throw new UsageError(`${mode} needs at least one id`);
  if (mode === "validation" && handles.length !== 2) throw new UsageError("validation needs exactly <projectId> <virtualUserId>");
  if (out.expectedSeconds !== undefined && out.scenarioId !== undefined) throw new UsageError("give --expected or --scenario, not both");
  return { ...out, mode: mode as WatchMode, handles, verbose: out.verbose ?? false, plain: out.plain ?? false, resumed: out.resumed ?? false };
}

/** Shell-quote a word (single quotes, so nothing inside expands). */
const quote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

/** The argument words of a watch (the inverse of parseWatchArgs, normalised). */
export function watchWords(args: WatchArgs, fmt: (seconds: number) => string): string[] {
  const words: string[] = [args.mode, ...args.handles];
  const add = (flag: string, value: string | number | undefined): void => {
    if (value !== undefined) words.push(flag, quote(String(value)));
  };
  add("--expected", args.expectedSeconds === undefined ? undefined : fmt(args.expectedSeconds));
  add("--scenario", args.scenarioId);
  add("--deadline", args.deadlineSeconds === undefined ? undefined : fmt(args.deadlineSeconds));
  add("--interval", args.intervalSeconds === undefined ? undefined : fmt(args.intervalSeconds));
  add("--operation", args.operation);
  add("--backend", args.backend);
  add("--mcp-command", args.mcpCommand);
  add("--mcp-url", args.mcpUrl);
  add("--api-url", args.apiUrl);
  add("--progress", args.progressStep);
  add("--window", args.windowSeconds === undefined ? undefined : fmt(args.windowSeconds));
  add("--time-scale", args.timeScale);
  add("--retries", args.retries);
  add("--request-timeout", args.requestTimeoutMs === undefined ? undefined : fmt(args.requestTimeoutMs / 1000));
  if (args.verbose) words.push("--verbose");
  if (args.plain) words.push("--plain");
  if (args.resumed) words.push("--resumed");
  return words;
}
