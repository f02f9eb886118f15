// The watch loop: poll every target at the plan's interval, classify each
// answer with the policy, print only what should wake the model, and return
// an exit code. Time, randomness and output are injected. Every request, and
// every wait before a retry, is cut to the time left before the deadline (or
// the Monitor window), so neither can be outlived by a hanging service.
import { BENCH_UNDER_WAY, classify, type BenchState, type PollTarget, type Verdict } from "../policy/index.js";
import { MESSAGE_MAX_CHARS, quoted, serverText, VALUE_MAX_CHARS } from "../policy/untrusted-text.js";
import { describeValue, readCall, type Answer, type Backend } from "./backend.js";
import type { WatchClock } from "./clock.js";
import { exitCodeOf, OutOfTimeError, UnreachableError, WatchError, type ExitCode } from "./errors.js";
import { deadlineLine, earlyFailureLine, finalLine, overallOutcome, progressLine, rearmLine, underWayLine, unreachableLine, type TargetStatus } from "./lines.js";
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from "./retry.js";
import type { Subject } from "./targets.js";

export interface WatchPlan {
  readonly subject: Subject;
  readonly targets: readonly PollTarget[];
  readonly expectedSeconds: number;
  readonly deadlineSeconds: number;
  readonly intervalSeconds: number;
  /** Longest wait for one answer; cut to the time left. */
  readonly requestTimeoutMs: number;
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
  readonly clock: WatchClock;
  readonly random: () => number;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Service text made safe for a line (one line, printable, capped, no secret). */
  readonly clean: (text: unknown, max: number) => string;
  readonly verbose?: boolean;
  /** A terminal: a live state line replaces the under-way and progress lines. */
  readonly live?: LiveLine;
  readonly retry?: RetryPolicy;
}

/** Seconds before the Monitor window ends at which the re-arm line is printed. */
export const REARM_MARGIN_S = 30;
/**
 * Progress over MCP may be 0-1 or 0-100. A value above 1 means percent; values
 * of 1 or less after this share of the expected time in RUNNING mean a
 * fraction (in percent they would be past 1 by then). Until then none is shown
 * (assumption:mcp-progress-scale).
 */
export const FRACTION_EVIDENCE_SHARE = 0.1;
const RUNNING: BenchState = BENCH_UNDER_WAY;

interface Tracked {
  readonly target: PollTarget;
  status: TargetStatus;
  lastStep: number;
  announcedEnd: boolean;
  runningSince: number | undefined;
  progressScale: "percent" | "fraction" | undefined;
  progressOff: boolean;
}

const labelOf = (target: PollTarget): string => Object.values(target.args).join("/");
const isDone = (t: Tracked): boolean => t.status.verdict?.kind === "terminal";

/** Reads one target with retries, each attempt and each pause cut to the time left before `stopAt`. */
export function makeReader(io: WatchIO, requestTimeoutMs: number): (target: PollTarget, stopAt: number) => Promise<Answer> {
  return (target, stopAt) => {
    const left = (): number => stopAt - io.clock.now();
    return withRetry(
      async () => {
        const timeout = io.clock.timeout(Math.max(0, Math.min(requestTimeoutMs, left())));
        try {
          return await io.backend.call(target, timeout.signal);
        } finally {
          timeout.cancel();
        }
      },
      io.retry ?? DEFAULT_RETRY,
      {
        sleep: io.clock.sleep,
        random: io.random,
        timeLeft: left,
        onRetry: (error, attempt, delay) => io.err(`${io.clean(error.message, MESSAGE_MAX_CHARS)}; retry ${attempt} in ${(delay / 1000).toFixed(1)} s`),
      },
    );
  };
}

interface Seen {
  readonly verdict: Verdict;
  readonly shown: string;
  /** Set when what was seen is not a value the policy knows. */
  readonly unknown?: string;
}

/** What an answer says, with every service value made safe. */
function seen(plan: WatchPlan, io: WatchIO, answer: Answer): Seen {
  const field = plan.subject.operation.status.field;
  if (answer.unrecognised !== undefined) {
    const what = io.clean(answer.unrecognised, MESSAGE_MAX_CHARS);
    return { verdict: classify(plan.subject.operation, undefined), shown: `unrecognised answer (${what})`, unknown: what };
  }
  const raw = answer.fields[field];
  const verdict = classify(plan.subject.operation, raw);
  if (verdict.kind === "terminal" || verdict.known) return { verdict, shown: verdict.value ?? "" };
  if (typeof raw === "string" && raw !== "") {
    const what = `${field} ${serverText(io.clean(raw, VALUE_MAX_CHARS))}`;
    return { verdict, shown: `unknown ${what}`, unknown: what };
  }
  const what = raw === undefined ? `an answer with no ${field}` : `${field} ${io.clean(describeValue(raw), VALUE_MAX_CHARS)}`;
  return { verdict, shown: `no readable ${field}`, unknown: what };
}

export async function watch(plan: WatchPlan, io: WatchIO): Promise<ExitCode> {
  const subject = plan.subject;
  const op = subject.operation;
  if (plan.targets.length === 0) throw new Error("watch() needs at least one target");
  const start = io.clock.now();
  const deadlineAt = start + plan.deadlineSeconds * 1000;
  const margin = plan.windowSeconds === undefined ? 0 : Math.min(REARM_MARGIN_S, plan.windowSeconds / 2);
  const windowStopAt = plan.windowSeconds === undefined ? Infinity : start + (plan.windowSeconds - margin) * 1000;
  const stopAt = Math.min(deadlineAt, windowStopAt);
  const tracked: Tracked[] = plan.targets.map((target) => ({
    target,
    status: { label: labelOf(target), verdict: undefined, shown: undefined, message: "", detail: "", unknown: [] },
    lastStep: 0,
    announcedEnd: false,
    runningSince: undefined,
    progressScale: undefined,
    progressOff: false,
  }));
  const statuses = (): TargetStatus[] => tracked.map((t) => t.status);
  const read = makeReader(io, plan.requestTimeoutMs);
  let announced = plan.resumed === true;
  io.err(`watching ${tracked.map((t) => t.status.label).join(", ")} via ${io.backend.label}: every ${plan.intervalSeconds} s, deadline ${plan.deadlineSeconds} s`);

  const outOfTime = (): ExitCode => {
    io.live?.clear();
    const elapsedS = (io.clock.now() - start) / 1000;
    if (deadlineAt <= windowStopAt || !plan.rearmCommand) {
      io.out(deadlineLine(subject, statuses(), plan.deadlineSeconds, plan.expectedSeconds));
    } else {
      io.out(rearmLine(subject, statuses(), Math.round(elapsedS), rearmWith(plan, elapsedS)));
    }
    return exitCodeOf("deadline");
  };

  for (;;) {
    for (const t of tracked.filter((x) => !isDone(x))) {
      let answer: Answer;
      try {
        answer = await read(t.target, stopAt);
      } catch (error) {
        if (error instanceof OutOfTimeError) return outOfTime();
        if (!(error instanceof UnreachableError)) throw error;
        io.live?.clear();
        io.out(unreachableLine(subject, statuses(), io.clean(error.message, MESSAGE_MAX_CHARS)));
        return error.exitCode;
      }
      update(plan, io, t, answer);
    }
    const done = tracked.filter(isDone);
    if (done.length === tracked.length) {
      io.live?.clear();
      io.out(finalLine(subject, statuses()));
      return exitCodeOf(overallOutcome(statuses()) === "succeeded" ? "succeeded" : "failed");
    }
    for (const t of done.filter((x) => !x.announcedEnd && x.status.verdict?.kind === "terminal" && x.status.verdict.outcome !== "succeeded")) {
      t.announcedEnd = true;
      if (!io.live) io.out(earlyFailureLine(subject, t.status, tracked.filter((x) => !isDone(x)).map((x) => x.status)));
    }
    const elapsedS = (io.clock.now() - start) / 1000;
    const live = tracked.filter((x) => !isDone(x));
    if (!announced && op.inFlight.includes(RUNNING) && live.every((x) => x.status.verdict?.value === RUNNING)) {
      announced = true;
      if (!io.live) io.out(underWayLine(subject, live.map((x) => x.status), Math.round(plan.expectedSeconds - elapsedS)));
    }
    await showProgress(plan, io, live, read, start, stopAt);
    if (io.clock.now() >= stopAt) return outOfTime();
    if (plan.windowSeconds !== undefined && plan.rearmCommand && elapsedS + plan.intervalSeconds >= plan.windowSeconds - margin) {
      io.out(rearmLine(subject, statuses(), Math.round(elapsedS), rearmWith(plan, elapsedS)));
      return exitCodeOf("deadline");
    }
    await io.clock.sleep(Math.max(0, Math.min(plan.intervalSeconds * 1000, stopAt - io.clock.now())));
  }
}

function rearmWith(plan: WatchPlan, elapsedS: number): string {
  const expectedLeft = Math.max(plan.intervalSeconds, Math.round(plan.expectedSeconds - elapsedS));
  const deadlineLeft = Math.max(plan.intervalSeconds, Math.round(plan.deadlineSeconds - elapsedS));
  return plan.rearmCommand!(expectedLeft, deadlineLeft);
}

function update(plan: WatchPlan, io: WatchIO, t: Tracked, answer: Answer): void {
  const now = seen(plan, io, answer);
  const previous = t.status.shown;
  const fresh = now.unknown !== undefined && !t.status.unknown.includes(now.unknown);
  if (fresh) io.err(`${t.status.label}: ${now.unknown} is not an outcome the policy knows; treated as still in flight (the deadline still applies)`);
  const message = typeof answer.fields.message === "string" ? io.clean(answer.fields.message, MESSAGE_MAX_CHARS) : "";
  const filename = typeof answer.fields.filename === "string" ? io.clean(answer.fields.filename, 80) : "";
  t.status = {
    ...t.status,
    verdict: now.verdict,
    shown: now.shown,
    message,
    detail: filename ? `file ${quoted(filename, 80)}` : "",
    unknown: fresh ? [...t.status.unknown, now.unknown!] : t.status.unknown,
  };
  if (t.runningSince === undefined && now.verdict.value === RUNNING) t.runningSince = io.clock.now();
  if (io.verbose && previous !== now.shown) io.err(`${t.status.label}: ${previous ?? "(start)"} -> ${now.shown}`);
}

/** A progress value in percent, or undefined while its scale is not known. Display only. */
function percentOf(raw: unknown, t: Tracked, plan: WatchPlan, io: WatchIO): number | undefined {
  if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0) return undefined;
  if (io.backend.progressScale === "percent") return Math.min(100, raw);
  if (raw > 1) t.progressScale = "percent";
  else if (t.progressScale === undefined && t.runningSince !== undefined && io.clock.now() - t.runningSince >= plan.expectedSeconds * 1000 * FRACTION_EVIDENCE_SHARE) {
    t.progressScale = "fraction";
  }
  if (t.progressScale === undefined) return undefined;
  return Math.min(100, t.progressScale === "fraction" ? raw * 100 : raw);
}

async function showProgress(
  plan: WatchPlan,
  io: WatchIO,
  live: readonly Tracked[],
  read: (target: PollTarget, stopAt: number) => Promise<Answer>,
  start: number,
  stopAt: number,
): Promise<void> {
  const progress = plan.subject.operation.progress;
  if (!io.live && (plan.progressStep === undefined || !progress)) return;
  const parts: string[] = [];
  const crossed: Tracked[] = [];
  let crossedStep = 0;
  for (const t of live) {
    let percent: number | undefined;
    if (progress && !t.progressOff && t.status.verdict?.value === RUNNING) {
      try {
        percent = percentOf((await read(readCall(progress.tool, t.target.args), stopAt)).fields[progress.field], t, plan, io);
      } catch (error) {
        if (error instanceof OutOfTimeError) return;
        if (!(error instanceof WatchError)) throw error;
        // Progress is display only: a failure to read it never ends the watch.
        t.progressOff = !(error instanceof UnreachableError);
        io.err(`progress of ${t.status.label} unavailable: ${io.clean(error.message, MESSAGE_MAX_CHARS)}`);
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
    parts.push(`${t.status.label} ${t.status.shown ?? "..."}${percent !== undefined ? ` ${bar(percent)} ${Math.floor(percent)}%` : ""}`);
  }
  if (crossed.length > 0) io.out(progressLine(crossed.map((t) => t.status), crossedStep));
  io.live?.draw(`${parts.join(" | ")} | ${formatElapsed((io.clock.now() - start) / 1000)} of ~${formatElapsed(plan.expectedSeconds)}`);
}

export function bar(percent: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}
