// Which processes /octoperf:stop-wait may signal: a background hook of this
// plugin, recorded by pid in the session state. A pid can be reused once its
// process is gone, so the process is checked before it is signalled.
import { readFileSync } from "node:fs";
import { HOOK_BUNDLE_NAME } from "./environment.js";
import { isProcessAlive } from "./lock.js";

/**
 * Whether `pid` is a hook process of this plugin: on Linux its command line
 * names the hook bundle, so a pid reused by another process is never
 * signalled. Where /proc cannot tell, a live process is taken at its word.
 */
export function isOurHookProcess(pid: number, readCmdline: (pid: number) => string | undefined = procCmdline): boolean {
  if (!isProcessAlive(pid)) return false;
  const cmdline = readCmdline(pid);
  return cmdline === undefined || cmdline.includes(HOOK_BUNDLE_NAME);
}

function procCmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "latin1");
  } catch {
    return undefined;
  }
}

/** Ask a background hook to stop (SIGTERM): it ends its watcher and exits without waking anyone. */
export function stopHookProcess(pid: number): boolean {
  if (pid === process.pid || !isOurHookProcess(pid)) return false;
  try {
    process.kill(pid, "SIGTERM");
    return true;
  } catch {
    return false;
  }
}
