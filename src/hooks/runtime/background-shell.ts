// A background hook's run, from source: arm under the lock, wait outside it
// (a JobRunner: system-jobs.ts in a hook process, a stand-in in tests),
// settle under the lock, then wake the model (exit 2, its one line alone on
// stderr) or exit 0. Bundled apart from the quick hooks
// (scripts/hooks/octoperf-hook-background.cjs), so they never compile it.
import { settle, type Arm, type Armed, type BackgroundJob, type JobResult, type Settled } from "../wait/one-wake.js";
import { BACKGROUND_ARMS } from "../wait/arms.js";
import { SILENT, type DecideContext, type Emission } from "../claude/decision.js";
import { parseHookInput, type HookInput, type PostToolUseInput } from "../claude/input.js";
import { ownProof } from "../session/processes.js";
import type { BackgroundSpec } from "./registry.js";
import { backgroundHooksOn, contextFor, failOpen, specFor, storeOptions, type HookIO } from "./core.js";
import { oneLine } from "../../policy/untrusted-text.js";
import { emptyState, waitersOf, withWaiters, type SessionState } from "../session/state.js";
import { StateProblem } from "../session/state-problem.js";
import { updateSession } from "../session/store.js";

/** Runs a background job's wait (system-jobs.ts in a hook process; a stand-in in tests). */
export interface JobRunner {
  run(job: BackgroundJob, signal: AbortSignal): Promise<JobResult>;
}

export interface BackgroundIO extends HookIO {
  readonly jobs: JobRunner;
  /** Aborted when the hook is told to stop (SIGTERM from /octoperf:stop-wait, or the session ending). */
  readonly signal: AbortSignal;
}

/**
 * Arm under the lock, adopting the claim the quick hook of the same call
 * recorded (claims.ts): the waiter replaces the claim, with this process's
 * pid, proof and token. A call whose claim /octoperf:stop-wait cancelled
 * starts nothing; a claim this hook will not carry out is dropped, so it never
 * looks held.
 */
export function adopt(arm: Arm, input: PostToolUseInput, state: SessionState, ctx: DecideContext, proof: string | undefined): Armed {
  const call = input.toolUseId;
  return adoptFor(call, (s) => arm(input, s, ctx), state, ctx, proof);
}

/** adopt(), for any arm: `call` is the tool call whose claim it adopts (none at SessionStart). */
function adoptFor(call: string | undefined, arm: (state: SessionState) => Armed, state: SessionState, ctx: DecideContext, proof: string | undefined): Armed {
  if (call !== undefined && state.cancelled?.includes(call)) return { state, note: "/octoperf:stop-wait ended this wait before it started" };
  const armed = arm(state);
  const waiters = waitersOf(armed.state);
  if (!armed.job) {
    const kept = waiters.filter((w) => !(w.claimed && call !== undefined && w.call === call));
    return kept.length === waiters.length ? armed : { ...armed, state: withWaiters(armed.state, kept) };
  }
  const mine = waiters.map((w) => (w.token === ctx.token ? { ...w, ...(proof ? { proof } : {}) } : w));
  return { ...armed, state: withWaiters(armed.state, mine) };
}

/** Exit 2 with the wake line alone on stderr: Claude Code hands exactly that line to the model. */
export const WAKE_EXIT_CODE = 2;

/**
 * Run one background hook invocation to its end. Arm under the lock; when
 * the state cannot be had, a watcher still runs (the plan promised a wake)
 * but a timer does not (nothing could tell it was superseded; the turn-end
 * guard then finds the work unheld). Wait outside the lock. Settle under the
 * lock, and wake the model with one line or exit 0.
 */
export async function runBackgroundHook(name: string, io: BackgroundIO): Promise<Emission> {
  let spec: BackgroundSpec;
  try {
    const found = specFor(name, io);
    if (!found) return SILENT;
    if (found.kind !== "background") {
      io.stderr(`octoperf ${found.name}: not a background hook (failing open, no decision)`);
      return SILENT;
    }
    spec = found;
  } catch (error) {
    return failOpen(io, name, error);
  }
  const note = (text: string): Emission => {
    io.stderr(`octoperf ${spec.name}: ${oneLine(text, 300)} (nobody woken)`);
    return SILENT;
  };
  try {
    if (!backgroundHooksOn(io.env)) return SILENT;
    const input: HookInput = parseHookInput(io.stdin);
    const logic = BACKGROUND_ARMS[spec.name];
    if (!logic) return note("no logic for this background hook");
    if (input.event !== logic.event) return note(`not a ${logic.event} event`);
    const ctx = contextFor(io);
    const arm = (state: SessionState): Armed =>
      logic.event === "PostToolUse" && input.event === "PostToolUse" ? logic.arm(input, state, ctx) : logic.event === "SessionStart" && input.event === "SessionStart" ? logic.arm(input, state, ctx) : { state };
    const call = input.event === "PostToolUse" ? input.toolUseId : undefined;
    let recorded = true;
    let armed: Armed;
    const proof = io.processes ? ownProof(io.processes) : undefined;
    try {
      armed = updateSession(storeOptions(io, spec), input.sessionId, (state) => {
        const result = adoptFor(call, arm, state, ctx, proof);
        return { state: result.state, result };
      });
    } catch (error) {
      if (!(error instanceof StateProblem)) throw error;
      armed = arm(emptyState());
      if (armed.job?.kind !== "watch") return note(`${error.message}; no timer without the session state`);
      recorded = false;
    }
    const job = armed.job;
    if (!job) return armed.note ? note(armed.note) : SILENT;
    const result = await io.jobs.run(job, io.signal);
    const later: DecideContext = { ...ctx, now: io.now() };
    let settled: Settled;
    try {
      if (!recorded) throw new StateProblem("never recorded");
      settled = updateSession(storeOptions(io, spec), input.sessionId, (state) => {
        const result2 = settle(job, result, state, later);
        return { state: result2.state, result: result2 };
      });
    } catch (error) {
      if (!(error instanceof StateProblem)) throw error;
      // Without the state now, settle on what was read when the wait was armed: a wake was promised, and a late or
      // doubled one is better than none (a newer poll this hook cannot see may have taken over).
      settled = settle(job, result, armed.state, later);
    }
    if (!settled.wake) return settled.note ? note(settled.note) : SILENT;
    io.stderr(settled.wake);
    return { stdout: "", exitCode: WAKE_EXIT_CODE };
  } catch (error) {
    return failOpen(io, name, error);
  }
}

