// The README's fault table (Reliability): each way a promised wake could be
// lost, what the model is shown, when, and the test that shows it. The spans
// come from the policy; test/render/faults.test.ts checks that every test
// named here exists and names the fault.
import { BACKGROUND_LOCK_WAIT_S, CLAIM_TTL_S, GUARD_POLL_MS, LATE_WAKE_GRACE_S, QUICK_LOCK_WAIT_S } from "../../policy/background.js";
import { table } from "../markdown.js";

export interface Fault {
  /** Short name; the test file names it too. */
  readonly fault: string;
  readonly sees: string;
  readonly after: string;
  readonly tests: readonly string[];
}

const guardEvery = `${GUARD_POLL_MS / 1000} s`;

export const FAULTS: readonly Fault[] = [
  {
    fault: "deadline crossed between polls",
    sees: "a wake naming the deadline: stop waiting, report the last value, diagnose; stop_bench_result only if the user agrees",
    after: "at the deadline: a timer due after it is due at it",
    tests: ["test/hooks/promised-wake-bundle.test.ts", "test/hooks/promised-wake.test.ts"],
  },
  {
    fault: "one handle of several ending",
    sees: "the outcome with \"Still running:\" and the handles left, then a wake for those",
    after: "one cadence after their own last poll",
    tests: ["test/hooks/promised-wake-bundle.test.ts"],
  },
  {
    fault: "timer SIGKILLed",
    sees: "the turn-end guard's wake: the timer ended without waking you; poll now (the client wakes nobody for a killed hook)",
    after: `within ${guardEvery}`,
    tests: ["test/hooks/faults-bundle.test.ts", "test/e2e/interactive-guard.test.ts"],
  },
  {
    fault: "timer SIGSTOPped for twice the cadence",
    sees: "the guard's wake: the timer is well past its time; poll now. Resumed, the timer wakes nobody",
    after: `${LATE_WAKE_GRACE_S} s after it was due`,
    tests: ["test/hooks/faults-bundle.test.ts"],
  },
  {
    fault: "lock held by another process for 10 s",
    sees: `the poll's quick hooks give no decision (they wait ${QUICK_LOCK_WAIT_S} s at most); the background hook waits up to ${BACKGROUND_LOCK_WAIT_S} s and wakes the model as promised`,
    after: "when the lock comes free",
    tests: ["test/hooks/faults-lock.test.ts"],
  },
  {
    fault: "background bundle missing",
    sees: `the guard's wake: the promised wait never started; poll now, then wait the hooks-off way (the plan's loop or sleep)`,
    after: `${CLAIM_TTL_S} s after the promise`,
    tests: ["test/hooks/promised-wake.test.ts", "test/hooks/installed-copy.test.ts"],
  },
  {
    fault: "pid reused",
    sees: "nothing from the stranger: a waiter counts only while its pid has the start recorded with it, and /octoperf:stop-wait signals only a proved hook",
    after: "-",
    tests: ["test/hooks/processes.test.ts", "test/hooks/promised-wake.test.ts"],
  },
  {
    fault: "a failed poll",
    sees: "the call failed: it counts as a poll whose answer could not be read; then the next-poll wake",
    after: "one cadence after it",
    tests: ["test/hooks/promised-wake.test.ts", "test/e2e/hooks-json-validate.test.ts"],
  },
  {
    fault: "the start race",
    sees: "a poll before the background hook has started is refused as held (\"starting\"); one waiter, one wake",
    after: "-",
    tests: ["test/hooks/background-bundle.test.ts", "test/hooks/promised-wake.test.ts"],
  },
  {
    fault: "stop-wait during the start",
    sees: "the claim is cancelled: \"(about to start)\" is ended and the watcher never starts",
    after: "-",
    tests: ["test/hooks/background-bundle.test.ts", "test/hooks/promised-wake.test.ts"],
  },
  {
    fault: "client killed outright mid-wait",
    sees: "nothing from the old waiters (each ends by itself once the client is gone); on an interactive resume with credentials, one wake with the outcome (the watcher runs again); otherwise the first prompt hears what is pending and to poll it once, and that poll re-arms the wait (in `-p` with credentials its answer comes with the watcher's outcome)",
    after: "at the run's end after the resume, or at the first prompt",
    tests: [
      "test/hooks/faults-bundle.test.ts",
      "test/hooks/orphan-watch.test.ts",
      "test/hooks/rewatch-on-resume.test.ts",
      "test/e2e/resume.test.ts",
      "test/e2e/resume-watcher.test.ts",
      "test/e2e/interactive-resume.test.ts",
    ],
  },
  {
    fault: "conversation compacted mid-wait",
    sees: "one line at the next request: which handles are pending, and that the hooks hold them and wake you (or to poll once when nothing does); the waiter lives on",
    after: "at the first request after the compaction",
    tests: ["test/hooks/session-start.test.ts", "test/e2e/interactive-compact.test.ts"],
  },
  {
    fault: "a new session where an earlier one left work pending",
    sees: "one line at its start: each pending handle, its last value and deadline, and the /octoperf:wait command that takes it over; nothing is taken unless that is typed, and never from a live waiter",
    after: "at the new session's first request",
    tests: ["test/hooks/earlier-sessions.test.ts", "test/e2e/interactive-take-over.test.ts"],
  },
  {
    fault: "turn ended with nothing holding the wait",
    sees: "the guard's wake: nothing was waiting on it; poll now",
    after: "at once",
    tests: ["test/hooks/promised-wake.test.ts"],
  },
];

export function faultTable(): string {
  return table(
    ["fault", "what the model sees", "after", "test"],
    FAULTS.map((f) => [f.fault, f.sees, f.after, f.tests.map((t) => `\`${t}\``).join(", ")]),
  );
}
