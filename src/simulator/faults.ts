// Scripted faults of the simulated platform, as data: each has a name, a
// syntax and what it does. `--fault abort,5xx@3` turns into a FaultPlan.

export interface HttpFault {
  readonly kind: "5xx" | "drop" | "429";
  /** First and last HTTP request number (1-based, every request counts). */
  readonly from: number;
  readonly to: number;
}

export interface FaultPlan {
  /** A run goes ERROR a few seconds into SCALING. */
  readonly errorDuringScaling: boolean;
  /** A run goes ABORTED at this percentage of its RUNNING time. */
  readonly abortAtPercent: number | undefined;
  /** A run passes through a state no client knows. */
  readonly unknownState: boolean;
  /** Tasks end FAILED with a message. */
  readonly taskFails: boolean;
  /** Tasks never leave PENDING. */
  readonly taskStuck: boolean;
  /** HTTP-level faults (REST and /mcp over HTTP; not stdio). */
  readonly http: readonly HttpFault[];
  /** Real milliseconds added to every HTTP response. */
  readonly slowMs: number;
  /** The MCP tool get_bench_status answers 0-1 instead of 0-100 (OctoPerf's docs say both). */
  readonly progressFraction: boolean;
}

export const NO_FAULTS: FaultPlan = Object.freeze({
  errorDuringScaling: false,
  abortAtPercent: undefined,
  unknownState: false,
  taskFails: false,
  taskStuck: false,
  http: [],
  slowMs: 0,
  progressFraction: false,
});

/** The state the `unknown-state` fault reports; no policy knows it. */
export const UNKNOWN_STATE = "RESERVING";
export const DEFAULT_ABORT_PERCENT = 50;
export const DEFAULT_SLOW_MS = 2000;

export interface FaultSpec {
  readonly name: string;
  readonly syntax: string;
  readonly effect: string;
}

export const FAULTS: readonly FaultSpec[] = [
  { name: "error-scaling", syntax: "error-scaling", effect: "runs end ERROR a few seconds into SCALING" },
  { name: "abort", syntax: "abort[@PCT]", effect: `runs end ABORTED at PCT% of RUNNING (default ${DEFAULT_ABORT_PERCENT}); progress freezes there` },
  { name: "unknown-state", syntax: "unknown-state", effect: `runs pass through ${UNKNOWN_STATE}, a state no client knows, before SCALING` },
  { name: "task-fail", syntax: "task-fail", effect: "tasks end FAILED with a message" },
  { name: "task-stuck", syntax: "task-stuck", effect: "tasks never leave PENDING" },
  { name: "5xx", syntax: "5xx@N[-M]", effect: "HTTP requests N to M answer 503 (every HTTP request counts)" },
  { name: "429", syntax: "429@N[-M]", effect: "HTTP requests N to M answer 429 with Retry-After: 2" },
  { name: "drop", syntax: "drop@N[-M]", effect: "HTTP requests N to M get their connection dropped" },
  { name: "slow", syntax: `slow[@MS]`, effect: `every HTTP response is delayed by MS real milliseconds (default ${DEFAULT_SLOW_MS})` },
  { name: "progress-fraction", syntax: "progress-fraction", effect: "the MCP tool get_bench_status answers progress as 0-1 instead of 0-100" },
];

export class FaultError extends Error {
  override name = "FaultError";
}

function range(text: string | undefined, fault: string): { from: number; to: number } {
  const match = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(text ?? "");
  if (!match) throw new FaultError(`fault ${fault}: give the request number(s), e.g. ${fault}@3 or ${fault}@3-5`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to < from) throw new FaultError(`fault ${fault}: request numbers start at 1 and the range must not be reversed`);
  return { from, to };
}

function number(text: string | undefined, fault: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,6}$/.test(text) || Number(text) > max) throw new FaultError(`fault ${fault}: "${text}" is not a number from 0 to ${max}`);
  return Number(text);
}

/** Parse "abort,5xx@3-4,slow@500". Throws a FaultError naming the bad part. */
export function parseFaults(text: string): FaultPlan {
  const plan = { ...NO_FAULTS, http: [] as HttpFault[] };
  for (const part of text.split(",").map((p) => p.trim()).filter((p) => p.length > 0)) {
    const [name, arg] = part.split("@", 2) as [string, string | undefined];
    switch (name) {
      case "error-scaling":
        plan.errorDuringScaling = true;
        break;
      case "abort":
        plan.abortAtPercent = number(arg, name, DEFAULT_ABORT_PERCENT, 100);
        break;
      case "unknown-state":
        plan.unknownState = true;
        break;
      case "task-fail":
        plan.taskFails = true;
        break;
      case "task-stuck":
        plan.taskStuck = true;
        break;
      case "5xx":
      case "429":
      case "drop":
        plan.http.push({ kind: name, ...range(arg, name) });
        break;
      case "slow":
        plan.slowMs = number(arg, name, DEFAULT_SLOW_MS, 600_000);
        break;
      case "progress-fraction":
        plan.progressFraction = true;
        break;
      default:
        throw new FaultError(`unknown fault "${name.slice(0, 40)}"; known: ${FAULTS.map((f) => f.syntax).join(", ")}`);
    }
  }
  return Object.freeze(plan);
}

/** The HTTP fault for the Nth request, if any. */
export function httpFaultFor(plan: FaultPlan, requestNumber: number): HttpFault | undefined {
  return plan.http.find((f) => requestNumber >= f.from && requestNumber <= f.to);
}
