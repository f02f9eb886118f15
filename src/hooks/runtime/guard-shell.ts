// The turn-end guard's process (guard-turn-end, asyncRewake on Stop): look
// once under the lock at the turn's end, then again every GUARD_POLL_MS while
// a waiter holds the wait, and wake the model (exit 2, one line on stderr)
// the moment nothing does. It runs from the quick bundle: it must work when
// the background bundle cannot load. Fails open like every hook, and is
// bounded by the longest background wait.
import { GUARD_POLL_MS, MAX_BACKGROUND_WAIT_S } from "../../policy/index.js";
import { sleepUnlessAborted } from "./abortable-sleep.js";
import { SILENT, type Emission } from "../claude/decision.js";
import { parseHookInput } from "../claude/input.js";
import { ownProof } from "../session/processes.js";
import { contextFor, failOpen, isDisabled, specFor, storeOptions, type HookIO } from "./core.js";
import { oneLine } from "../../policy/untrusted-text.js";
import type { GuardRecord } from "../session/state.js";
import { StateProblem } from "../session/state-problem.js";
import { updateSession } from "../session/store.js";
import { guardStep, retireGuard, type GuardStep } from "../by-name/guard-turn-end.js";

export interface GuardIO extends HookIO {
  /** Aborted when the hook is told to stop (the session ending). */
  readonly signal: AbortSignal;
  /** Real milliseconds between two looks (GUARD_POLL_MS but in tests). */
  readonly pollMs?: number;
}

export const WAKE_EXIT = 2;

export async function runGuardHook(name: string, io: GuardIO): Promise<Emission> {
  try {
    const spec = specFor(name, io);
    if (!spec || spec.kind !== "guard" || isDisabled(spec.name, io.env)) return SILENT;
    const input = parseHookInput(io.stdin);
    if (input.event !== "Stop") {
      io.stderr(`octoperf ${spec.name}: not a Stop event (nobody woken)`);
      return SILENT;
    }
    const ctx = contextFor(io);
    const me: GuardRecord = { pid: ctx.pid, ...withProof(io), token: ctx.token, at: ctx.now };
    const options = storeOptions(io, spec);
    const limit = ctx.now + MAX_BACKGROUND_WAIT_S * 1000 * (ctx.scale ?? 1);
    for (let first = true; ; first = false) {
      const now = io.now();
      let step: GuardStep;
      try {
        step = updateSession(options, input.sessionId, (state) => {
          const looked = guardStep(state, { ...ctx, now }, me, first);
          return { state: looked.done ? retireGuard(looked.state, me) : looked.state, result: looked };
        });
      } catch (error) {
        // A lock held elsewhere or a state reset: look again later rather than leave the turn unguarded.
        if (!(error instanceof StateProblem) || first) throw error;
        step = { state: { version: 1, works: {}, aliases: {}, schedules: [], scenarios: {} }, done: false };
      }
      if (step.wake) {
        io.stderr(step.wake);
        return { stdout: "", exitCode: WAKE_EXIT };
      }
      if (step.done || now > limit) {
        if (step.note) io.stderr(`octoperf ${spec.name}: ${oneLine(step.note, 200)} (nobody woken)`);
        return SILENT;
      }
      if (!(await sleepUnlessAborted(io.pollMs ?? GUARD_POLL_MS, io.signal))) return SILENT;
    }
  } catch (error) {
    return failOpen(io, name, error);
  }
}

function withProof(io: HookIO): { proof?: string } {
  const proof = io.processes ? ownProof(io.processes) : undefined;
  return proof ? { proof } : {};
}
