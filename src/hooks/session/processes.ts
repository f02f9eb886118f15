// Which process a waiter record names, for sure. A pid alone is not enough:
// once its process is gone the pid can be given to any other, so a record also
// holds the process's start identity (its proof), read when the waiter
// adopted its claim. A waiter counts as alive only while a process with that
// pid and that start lives; /octoperf:stop-wait signals a process only when
// both its start and its command line prove it is this plugin's hook.
//
// Where it comes from: Linux `/proc/<pid>/stat` field 22 (start time in clock
// ticks since boot, proc(5)) and `/proc/<pid>/cmdline`; elsewhere (macOS, the
// BSDs) `ps -o lstart=` and `ps -o command=`, run without a shell. Where
// neither answers, nothing is proved: the record is bounded by its `until`,
// and nothing is signalled.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { HOOK_BUNDLE_NAME } from "../runtime/environment.js";
import { isProcessAlive } from "./lock.js";

/** How a process is looked at (tests give stand-ins). */
export interface ProcessProbe {
  readonly isAlive: (pid: number) => boolean;
  /** The start identity of a live process, or undefined when it cannot be read. */
  readonly startOf: (pid: number) => string | undefined;
  /** Its command line, or undefined when it cannot be read. */
  readonly commandOf: (pid: number) => string | undefined;
}

const PS_TIMEOUT_MS = 2000;
const PROOF_MAX_CHARS = 64;

function readProc(pid: number, file: "stat" | "cmdline"): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "latin1");
  } catch {
    return undefined;
  }
}

function ps(pid: number, field: "lstart=" | "command="): string | undefined {
  try {
    const out = execFileSync("ps", ["-o", field, "-p", String(pid)], { encoding: "latin1", timeout: PS_TIMEOUT_MS, stdio: ["ignore", "pipe", "ignore"] });
    const line = out.replace(/\s+/g, " ").trim();
    return line.length > 0 ? line : undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat, counted after the command name's closing parenthesis (the name may hold spaces). */
export function startFromStat(stat: string): string | undefined {
  const close = stat.lastIndexOf(")");
  if (close < 0) return undefined;
  const start = stat.slice(close + 2).split(" ")[19];
  return start !== undefined && /^\d{1,20}$/.test(start) ? `t${start}` : undefined;
}

/** A start identity as it may be recorded: letters, digits, spaces and colons, capped. */
export function cleanProof(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const clean = text.replace(/[^A-Za-z0-9 :]/g, "").slice(0, PROOF_MAX_CHARS).trim();
  return clean.length > 0 ? clean : undefined;
}

const onLinux = process.platform === "linux";

export const systemProbe: ProcessProbe = {
  isAlive: isProcessAlive,
  startOf: (pid) => {
    if (!Number.isSafeInteger(pid) || pid < 1) return undefined;
    if (onLinux) {
      const stat = readProc(pid, "stat");
      return stat === undefined ? undefined : startFromStat(stat);
    }
    return cleanProof(ps(pid, "lstart="));
  },
  commandOf: (pid) => {
    if (!Number.isSafeInteger(pid) || pid < 1) return undefined;
    return onLinux ? readProc(pid, "cmdline") : ps(pid, "command=");
  },
};

/** This process's own proof, recorded when a waiter adopts its claim. */
export function ownProof(probe: ProcessProbe = systemProbe): string | undefined {
  return probe.startOf(process.pid);
}

/**
 * Whether the recorded process still lives. With a proof, the live process
 * must have that start (a reused pid has another); when its start cannot be
 * read now, being alive is all that is known, and the record's `until` bounds it.
 */
export function isRecordedProcess(pid: number, proof: string | undefined, probe: ProcessProbe = systemProbe): boolean {
  if (!probe.isAlive(pid)) return false;
  if (proof === undefined) return true;
  const start = probe.startOf(pid);
  return start === undefined || start === proof;
}

/** Proved to be this plugin's hook process: the recorded start and a command line naming the hook bundle. Nothing less. */
export function isOurHookProcess(pid: number, proof: string | undefined, probe: ProcessProbe = systemProbe): boolean {
  if (proof === undefined || pid === process.pid || !probe.isAlive(pid)) return false;
  if (probe.startOf(pid) !== proof) return false;
  return probe.commandOf(pid)?.includes(HOOK_BUNDLE_NAME) === true;
}

/** Ask a proved background hook to stop (SIGTERM): it ends its watcher and exits without waking anyone. */
export function stopHookProcess(pid: number, proof: string | undefined, probe: ProcessProbe = systemProbe): boolean {
  if (!isOurHookProcess(pid, proof, probe)) return false;
  try {
    process.kill(pid, "SIGTERM");
    return true;
  } catch {
    return false;
  }
}
