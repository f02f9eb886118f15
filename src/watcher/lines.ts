// The lines a watch prints. Made for Claude Code's Monitor, where each stdout
// line wakes the model: short, one fact each, with the handle and the next
// step. Every value that came from the service reaches these functions
// already made safe (see watch.ts); the caller still passes each whole line
// through oneLine before it is written.
import { formatDuration, type NextStep, type Operation, type Outcome, type Verdict } from "../policy/index.js";
import { serverSaid } from "../policy/untrusted-text.js";

export const PREFIX = "octoperf-wait:";

export interface TargetStatus {
  /** The handle(s) of the target, e.g. "bench-0002" or "proj/vu" (validated ids). */
  readonly label: string;
  readonly verdict: Verdict | undefined;
  /** What was last seen, safe: a policy value, `unknown state "X"`, `unrecognised answer (...)`. */
  readonly shown: string | undefined;
  /** A message from the service (a failed task's reason), safe. */
  readonly message: string;
  /** More about a terminal answer (a file name), safe. */
  readonly detail: string;
  /** What was seen that the policy does not know, safe, each once. */
  readonly unknown: readonly string[];
}

/** What the lines say the watch is about: an operation, or a task of unknown origin. */
export interface Named {
  readonly name: string;
  readonly operation: Operation;
}

function describe(status: TargetStatus): string {
  const v = status.verdict;
  if (!v) return `${status.label} (no answer yet)`;
  const shown = status.shown ?? "(nothing readable)";
  if (v.kind !== "terminal") return `${status.label} ${shown}`;
  const base = `${status.label} ${v.value} (${v.meaning})`;
  const detail = status.detail ? `, ${status.detail}` : "";
  return status.message && v.outcome !== "succeeded" ? `${base}${detail}; ${serverSaid(status.message)}` : `${base}${detail}`;
}

function nextText(next: NextStep): string {
  return next.skill ? `${next.action}; skill: ${next.skill}` : next.action;
}

const RANK: Readonly<Record<Outcome, number>> = { failed: 0, partial: 1, succeeded: 2 };

export function overallOutcome(statuses: readonly TargetStatus[]): Outcome {
  let worst: Outcome = "succeeded";
  for (const s of statuses) if (s.verdict?.kind === "terminal" && RANK[s.verdict.outcome] < RANK[worst]) worst = s.verdict.outcome;
  return worst;
}

function unknownNote(statuses: readonly TargetStatus[]): string {
  const seen = [...new Set(statuses.flatMap((s) => s.unknown))];
  return seen.length > 0 ? ` (saw ${seen.join(", ")}, unknown to the policy, treated as in flight)` : "";
}

function rank(status: TargetStatus): number {
  return status.verdict?.kind === "terminal" ? RANK[status.verdict.outcome] : 3;
}

/** The last line: outcome, every handle, the next step. */
export function finalLine(subject: Named, statuses: readonly TargetStatus[]): string {
  const outcome = overallOutcome(statuses);
  const ordered = [...statuses].sort((a, b) => rank(a) - rank(b));
  const lead = ordered[0]?.verdict;
  const next = lead?.kind === "terminal" ? ` Next: ${nextText(lead.next)}.` : "";
  return `${PREFIX} ${subject.name} ${outcome}: ${ordered.map(describe).join(", ")}.${next}${unknownNote(statuses)}`;
}

export function underWayLine(subject: Named, statuses: readonly TargetStatus[], expectedLeftSeconds: number): string {
  const left = expectedLeftSeconds > 0 ? `expected to end in about ${formatDuration(expectedLeftSeconds)}` : "expected to end soon";
  return `${PREFIX} ${subject.name} under way: ${statuses.map(describe).join(", ")}, ${left}. The next line comes when it ends.`;
}

export function earlyFailureLine(subject: Named, failed: TargetStatus, waitingFor: readonly TargetStatus[]): string {
  return `${PREFIX} ${subject.name}: ${describe(failed)}; still waiting for ${waitingFor.map((s) => s.label).join(", ")}.`;
}

export function progressLine(statuses: readonly TargetStatus[], percent: number): string {
  return `${PREFIX} ${Math.floor(percent)}% of the load elapsed: ${statuses.map(describe).join(", ")}`;
}

function checkCall(subject: Named, statuses: readonly TargetStatus[]): string {
  return statuses.map((s) => `${subject.operation.status.tool}(${s.label})`).join(", ");
}

export function deadlineLine(subject: Named, statuses: readonly TargetStatus[], deadlineSeconds: number, expectedSeconds: number): string {
  const live = statuses.filter((s) => s.verdict?.kind !== "terminal");
  return (
    `${PREFIX} ${subject.name} deadline passed after ${formatDuration(deadlineSeconds)} (expected ${formatDuration(expectedSeconds)}): ` +
    `${statuses.map(describe).join(", ")}. Next: check ${checkCall(subject, live)}; stop a stuck run, or wait again with a later --deadline.${unknownNote(statuses)}`
  );
}

export function rearmLine(subject: Named, statuses: readonly TargetStatus[], elapsedSeconds: number, command: string): string {
  return (
    `${PREFIX} ${subject.name} still in flight after ${formatDuration(elapsedSeconds)} (${statuses.map(describe).join(", ")}); ` +
    `this watch ends before Monitor's time limit. Re-arm: call Monitor again with command: ${command}`
  );
}

export function unreachableLine(subject: Named, statuses: readonly TargetStatus[], reason: string): string {
  return `${PREFIX} ${subject.name} service unreachable: ${reason}. Last seen: ${statuses.map(describe).join(", ")}. Next: the work may have ended meanwhile; check ${checkCall(subject, statuses)} once the service answers.`;
}

export function errorLine(kind: string, message: string): string {
  return `${PREFIX} ${kind}: ${message}`;
}
