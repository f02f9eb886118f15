// A background hook outlives nothing it cannot serve. Claude Code ends its
// hooks with SIGTERM when it quits (measured on 2.1.330: /exit and a closed
// terminal), but a client that is killed outright (SIGKILL, a crash) leaves
// them running, and their exit 2 would then wake nobody. Each background
// process (a waiter, the turn-end guard) checks once a second that the client
// still lives; when it does not, it stops as if told to: its record goes, and
// the session's state keeps the work pending, for a session that resumes
// (session/resume.ts).
//
// The client is known by CLAUDE_PID, which 2.1.330 sets in a hook's
// environment (measured 2026-12-07), with the start it had when the hook
// began (a reused pid has another). Its parent alone does not tell: the
// client runs a hook as `/bin/sh -c 'node …'`, and where sh does not exec
// (dash, Debian's sh: measured under tmux) the hook's parent is that shell,
// which outlives the client. A parent that changes still counts, for a
// client that sets no CLAUDE_PID.
import { systemProbe, type ProcessProbe } from "../session/processes.js";
import { CLIENT_PID_ENV } from "./environment.js";
import type { Env } from "./core.js";

const EVERY_MS = 1000;

/** A sign that this process is orphaned, read once a second. */
export type OrphanSign = () => boolean;

/** The parent is no longer the one this process started with. */
export function parentChanged(parentOf: () => number = () => process.ppid): OrphanSign {
  const first = parentOf();
  return () => parentOf() !== first;
}

/** The client named by CLAUDE_PID has ended (or its pid now names another process); undefined without a usable CLAUDE_PID. */
export function clientEnded(env: Env, probe: ProcessProbe = systemProbe): OrphanSign | undefined {
  const raw = env[CLIENT_PID_ENV];
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) return undefined;
  const pid = Number(raw);
  if (pid === process.pid || !probe.isAlive(pid)) return undefined;
  const start = probe.startOf(pid);
  return () => !probe.isAlive(pid) || (start !== undefined && probe.startOf(pid) !== start);
}

/** Every sign this environment gives: the client's end, and a changed parent. */
export function orphanSigns(env: Env, probe: ProcessProbe = systemProbe, parentOf?: () => number): OrphanSign {
  const client = clientEnded(env, probe);
  const parent = parentChanged(parentOf);
  return () => parent() || (client !== undefined && client());
}

/** Abort `controller` once `orphaned` says so; the check never keeps the process alive. */
export function abortWhenOrphaned(controller: AbortController, orphaned: OrphanSign = parentChanged()): void {
  const timer = setInterval(() => {
    if (orphaned()) {
      clearInterval(timer);
      controller.abort();
    }
  }, EVERY_MS);
  timer.unref();
}
