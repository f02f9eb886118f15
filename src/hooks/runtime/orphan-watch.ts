// A background hook outlives nothing it cannot serve. Claude Code ends its
// hooks with SIGTERM when it quits (measured on 2.1.330: /exit and a closed
// terminal), but a client that is killed outright (SIGKILL, a crash) leaves
// them running, and their exit 2 would then wake nobody. Each background
// process (a waiter, the turn-end guard) checks once a second that its parent
// is still the one it started with; when it is not, it stops as if told to:
// its record goes, and the session's state keeps the work pending, for a
// session that resumes (session/resume.ts).
const EVERY_MS = 1000;

/** Abort `controller` once this process is orphaned; the check never keeps the process alive. */
export function abortWhenOrphaned(controller: AbortController, parentOf: () => number = () => process.ppid): void {
  const first = parentOf();
  const timer = setInterval(() => {
    if (parentOf() !== first) {
      clearInterval(timer);
      controller.abort();
    }
  }, EVERY_MS);
  timer.unref();
}
