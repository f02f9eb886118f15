// The watch loop: poll every target at the plan's interval, classify each
// answer with the policy, print only what should wake the model, and return
// an exit code. Time, sleep, randomness and output are injected.
import { classify, type BenchState, type Operation, type PollTarget } from "../policy/index.js";
import { asPercent, readCall, type Backend } from "./backend.js";
import { UnreachableError, type ExitCode } from "./errors.js";
import { deadlineLine, earlyFailureLine, finalLine, overallOutcome, progressLine, rearmLine, underWayLine, unreachableLine, type TargetStatus } from "./lines.js";
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from "./retry.js";

export interface WatchPlan {
  readonly operation: Operation;
  readonly targets: readonly PollTarget[];
  readonly expectedSeconds: number;
  readonly deadlineSeconds: number;
  readonly intervalSeconds: number;
  /** Print a progress line at every N percent (bench runs only). */
  readonly progressStep?: number;
  /** Monitor's time limit for this watch: re-arm before it. */
  readonly windowSeconds?: number;
  /** The command that continues the watch, given what is left of it. */
  readonly rearmCommand?: (expectedLeftSeconds: number, deadlineLeftSeconds: number) => string;
  /** A continuation of an earlier watch: the under-way line was already printed. */
  readonly resumed?: boolean;
}

export interface LiveLine {
  draw(text: string): void;
  clear(): void;
}

export interface WatchIO {
  readonly backend: Backend;
  /** Epoch ms. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly verbose?: boolean;
  /** A terminal: a live state line replaces the under-way and progress lines. */
  readonly live?: LiveLine;
  readonly retry?: RetryPolicy;
  readonly signal?: AbortSignal;
}

/** Seconds before the Monitor window ends at which the re-arm line is printed. */
export const REARM_MARGIN_S = 30;
const RUNNING: BenchState = "RUNNING";

interface Tracked {
  readonly target: PollTarget;
  status: TargetStatus;
  lastStep: number;
  announcedEnd: boolean;
}

const labelOf = (target: PollTarget): string => Object.values(target.args).join("/");
const isDone = (t: Tracked): boolean => t.status.verdict?.kind === "terminal";

export async function watch(plan: WatchPlan, io: WatchIO): Promise<ExitCode> {
  const op = plan.operation;
  const start = io.now();
  const deadlineAt = start + plan.deadlineSeconds * 1000;
  const tracked: Tracked[] = plan.targets.map((target) => ({
    target,
    status: { label: labelOf(target), verdict: undefined, message: "", unknown: [] },
    lastStep: 0,
    announcedEnd: false,
  }));
  const statuses = (): TargetStatus[] => tracked.map((t) => t.status);
  const retryDeps = {
    sleep: io.sleep,
    random: io.random,
    onRetry: (error: Error, attempt: number, delay: number) => io.err(`${error.message}; retry ${attempt} in ${(delay / 1000).toFixed(1)} s`),
  };
  const read = (target: PollTarget) => withRetry(() => io.backend.call(target), io.retry ?? DEFAULT_RETRY, retryDeps);
  let announced = plan.resumed === true;
  io.err(`watching ${tracked.map((t) => t.status.label).join(", ")} via ${io.backend.label}: every ${plan.intervalSeconds} s, deadline ${plan.deadlineSeconds} s`);

  for (;;) {
    for (const t of tracked.filter((x) => !isDone(x))) {
      let result;
      try {
        result = await read(t.target);
      } catch (error) {
        if (!(error instanceof UnreachableError)) throw error;
        io.live?.clear();
        io.out(unreachableLine(op, statuses(), error.message));
        return error.exitCode;
      }
      const verdict = classify(op, result[op.status.field]);
      const message = typeof result.message === "string" ? result.message : "";
      const previous = t.status.verdict?.value;
      const flagged = verdict.kind === "in-flight" && !verdict.known;
      const unknown = flagged && verdict.value !== undefined && !t.status.unknown.includes(verdict.value);
      if (flagged && (unknown || previous !== verdict.value)) io.err(`${t.status.label}: ${verdict.note}`);
      t.status = { ...t.status, verdict, message, unknown: unknown && verdict.value ? [...t.status.unknown, verdict.value] : t.status.unknown };
      if (io.verbose && previous !== verdict.value) io.err(`${t.status.label}: ${previous ?? "(start)"} -> ${verdict.value ?? "(no value)"}`);
    }
    const done = tracked.filter(isDone);
    if (done.length === tracked.length) {
      io.live?.clear();
      io.out(finalLine(op, statuses()));
      return overallOutcome(statuses()) === "succeeded" ? 0 : 1;
    }
    for (const t of done.filter((x) => !x.announcedEnd && x.status.verdict?.kind === "terminal" && x.status.verdict.outcome !== "succeeded")) {
      t.announcedEnd = true;
      if (!io.live) io.out(earlyFailureLine(op, t.status, tracked.filter((x) => !isDone(x)).map((x) => x.status)));
    }
    const elapsedS = (io.now() - start) / 1000;
    const live = tracked.filter((x) => !isDone(x));
    if (!announced && op.inFlight.includes(RUNNING) && live.every((x) => x.status.verdict?.value === RUNNING)) {
      announced = true;
      if (!io.live) io.out(underWayLine(op, live.map((x) => x.status), Math.round(plan.expectedSeconds - elapsedS)));
    }
    await showProgress(plan, io, live, read, start);
    if (io.now() >= deadlineAt) {
      io.live?.clear();
      io.out(deadlineLine(op, statuses(), plan.deadlineSeconds, plan.expectedSeconds));
      return 2;
    }
    if (plan.windowSeconds !== undefined && plan.rearmCommand && elapsedS + plan.intervalSeconds >= plan.windowSeconds - REARM_MARGIN_S) {
      const expectedLeft = Math.max(plan.intervalSeconds, Math.round(plan.expectedSeconds - elapsedS));
      const deadlineLeft = Math.max(plan.intervalSeconds, Math.round(plan.deadlineSeconds - elapsedS));
      io.out(rearmLine(op, statuses(), Math.round(elapsedS), plan.rearmCommand(expectedLeft, deadlineLeft)));
      return 2;
    }
    await io.sleep(Math.min(plan.intervalSeconds * 1000, deadlineAt - io.now()));
    io.signal?.throwIfAborted();
  }
}

async function showProgress(
  plan: WatchPlan,
  io: WatchIO,
  live: readonly Tracked[],
  read: (target: PollTarget) => Promise<Readonly<Record<string, unknown>>>,
  start: number,
): Promise<void> {
  const progress = plan.operation.progress;
  const running = live.filter((t) => t.status.verdict?.value === RUNNING);
  if (!io.live && (plan.progressStep === undefined || !progress)) return;
  const parts: string[] = [];
  const crossed: Tracked[] = [];
  let crossedStep = 0;
  for (const t of live) {
    let percent: number | undefined;
    if (progress && running.includes(t)) {
      try {
        percent = asPercent((await read(readCall(progress.tool, t.target.args)))[progress.field]);
      } catch (error) {
        if (!(error instanceof UnreachableError)) throw error;
        io.err(`progress of ${t.status.label} unavailable: ${error.message}`);
      }
    }
    if (percent !== undefined && plan.progressStep !== undefined && !io.live) {
      const step = Math.floor(percent / plan.progressStep) * plan.progressStep;
      if (step > t.lastStep && step < 100) {
        t.lastStep = step;
        crossed.push(t);
        crossedStep = crossedStep === 0 ? step : Math.min(crossedStep, step);
      }
    }
    parts.push(`${t.status.label} ${t.status.verdict?.value ?? "..."}${percent !== undefined ? ` ${bar(percent)} ${Math.floor(percent)}%` : ""}`);
  }
  if (crossed.length > 0) io.out(progressLine(crossed.map((t) => t.status), crossedStep));
  io.live?.draw(`${parts.join("  ")}  ${formatElapsed((io.now() - start) / 1000)} of ~${formatElapsed(plan.expectedSeconds)}`);
}

export function bar(percent: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}
