// Decide where an operation stands from the value of its deciding field.
// Closed set: in flight, succeeded, failed, partial. A value the policy does
// not know is in flight and flagged, never terminal.
import type { Acceptor, NextStep, Operation, Outcome } from "./operations.js";

export type Verdict =
  | { readonly kind: "in-flight"; readonly value: string; readonly known: true }
  | { readonly kind: "in-flight"; readonly value: string | undefined; readonly known: false; readonly note: string }
  | { readonly kind: "terminal"; readonly value: string; readonly outcome: Outcome; readonly meaning: string; readonly next: NextStep };

export function classify(op: Operation, value: unknown): Verdict {
  if (typeof value !== "string" || value.length === 0) {
    return {
      kind: "in-flight",
      value: undefined,
      known: false,
      note: `no ${op.status.field} in the result; treated as still in flight (the deadline still applies)`,
    };
  }
  const acceptor: Acceptor | undefined = op.terminal.find((a) => a.value === value);
  if (acceptor) {
    return { kind: "terminal", value, outcome: acceptor.outcome, meaning: acceptor.meaning, next: acceptor.next };
  }
  if (op.inFlight.includes(value)) return { kind: "in-flight", value, known: true };
  return {
    kind: "in-flight",
    value,
    known: false,
    note: `${op.status.field} ${JSON.stringify(value.slice(0, 40))} is not one the policy knows; treated as still in flight (the deadline still applies)`,
  };
}

export function isTerminal(op: Operation, value: unknown): boolean {
  return classify(op, value).kind === "terminal";
}
