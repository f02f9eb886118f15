// The lines a watch prints. Made for Claude Code's Monitor, where each stdout
// line wakes the model: short, one fact each, with the handle and the next
// step. Text that comes from the service is cut and stripped first.
import { formatDuration, type NextStep, type Operation, type Outcome, type Verdict } from "../policy/index.js";

export const PREFIX = "octoperf-wait:";

export interface TargetStatus {
  /** The handle(s) of the target, e.g. "bench-0002" or "proj/vu". */
  readonly label: string;
  readonly verdict: Verdict | undefined;
  /** A message from the service (a failed task's reason). */
  readonly message: string;
  /** Values seen that the policy does not know. */
  readonly unknown: readonly string[];
}

/** Service text made safe for one output line (and so for a prompt). */
export function serviceText(text: string, max = 200): string {
  const clean = text.replace(/[^\x20-\x7e]/g, " ").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max)}...` : clean;
}

function describe(status: TargetStatus): string {
  const v = status.verdict;
  if (!v) return `${status.label} (no answer yet)`;
  const value = v.value ?? "(no state)";
  const base = v.kind === "terminal" ? `${status.label} ${value} (${v.meaning})` : `${status.label} ${value}`;
  return status.message && v.kind === "terminal" && v.outcome !== "succeeded" ? `${base}: ${JSON.stringify(serviceText(status.message))}` : base;
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

/** The last line: outcome, every handle, the next step. */
export function finalLine(op: Operation, statuses: readonly TargetStatus[]): string {
  const outcome = overallOutcome(statuses);
  const ordered = [...statuses].sort((a, b) => rank(a) - rank(b));
  const lead = ordered[0]?.verdict;
  const next = lead?.kind === "terminal" ? ` Next: ${nextText(lead.next)}.` : "";
  return `${PREFIX} ${op.id} ${outcome}: ${ordered.map(describe).join(", ")}.${next}${unknownNote(statuses)}`;
}

function rank(status: TargetStatus): number {
  return status.verdict?.kind === "terminal" ? RANK[status.verdict.outcome] : 3;
}

export function underWayLine(op: Operation, statuses: readonly TargetStatus[], expectedLeftSeconds: number): string {
  const labels = statuses.map((s) => s.label).join(", ");
  const left = expectedLeftSeconds > 0 ? `expected to end in about ${formatDuration(expectedLeftSeconds)}` : "expected to end soon";
  return `${PREFIX} ${op.id} under way: ${labels} RUNNING, ${left}. The next line comes when it ends.`;
}

export function earlyFailureLine(op: Operation, failed: TargetStatus, waitingFor: readonly TargetStatus[]): string {
  return `${PREFIX} ${op.id}: ${describe(failed)}; still waiting for ${waitingFor.map((s) => s.label).join(", ")}.`;
}

export function progressLine(statuses: readonly TargetStatus[], percent: number): string {
  return `${PREFIX} ${Math.floor(percent)}% of the load elapsed: ${statuses.map((s) => `${s.label} ${s.verdict?.value ?? "?"}`).join(", ")}`;
}

export function deadlineLine(op: Operation, statuses: readonly TargetStatus[], deadlineSeconds: number, expectedSeconds: number): string {
  const live = statuses.filter((s) => s.verdict?.kind !== "terminal");
  const call = live.map((s) => `${op.status.tool}(${s.label})`).join(", ");
  return (
    `${PREFIX} ${op.id} deadline passed after ${formatDuration(deadlineSeconds)} (expected ${formatDuration(expectedSeconds)}): ` +
    `${statuses.map(describe).join(", ")}. Next: check ${call}; stop a stuck run, or wait again with a later --deadline.${unknownNote(statuses)}`
  );
}

export function rearmLine(op: Operation, statuses: readonly TargetStatus[], elapsedSeconds: number, command: string): string {
  return (
    `${PREFIX} ${op.id} still in flight after ${formatDuration(elapsedSeconds)} (${statuses.map(describe).join(", ")}); ` +
    `this watch ends before Monitor's time limit. Re-arm: call Monitor again with command: ${command}`
  );
}

export function unreachableLine(op: Operation, statuses: readonly TargetStatus[], reason: string): string {
  const call = statuses.map((s) => `${op.status.tool}(${s.label})`).join(", ");
  return `${PREFIX} ${op.id} service unreachable: ${reason}. Last seen: ${statuses.map(describe).join(", ")}. Next: the work may have ended meanwhile; check ${call} once the service answers.`;
}

export function errorLine(kind: string, message: string): string {
  return `${PREFIX} ${kind}: ${message}`;
}
