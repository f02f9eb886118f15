// Start tool -> handle -> status tool -> terminal values, and failure routes.
import { formatDuration } from "../../policy/duration.js";
import { OPERATIONS, deadlineFor, type Operation, type StatusCall } from "../../policy/operations.js";
import { table } from "../markdown.js";
import { code, orList } from "../../calls/words.js";

/** `tool(arg, arg2)`: the call's shape, each argument named as the tool names it. */
export function callShape(call: StatusCall): string {
  return `${call.tool}(${Object.keys(call.args).join(", ")})`;
}

function terminalCell(op: Operation): string {
  return op.terminal.map((a) => `${code(a.value)} ${a.outcome}`).join(", ");
}

export function operationsTable(): string {
  const rows = OPERATIONS.map((op) => {
    const handle = op.handle.many ? `${code(op.handle.field)} (list: poll each)` : code(op.handle.field);
    const from = op.handle.source === "upload" ? `${code(op.startTool)} then the upload's answer` : code(op.startTool);
    const polls = [op.status, ...op.alternatives].map((call) => code(callShape(call))).join(" or ");
    const defaults = `${formatDuration(op.expectedSeconds)} / ${formatDuration(deadlineFor(op, op.expectedSeconds))}`;
    return [from, handle, `${polls} -> ${code(op.status.field)}`, terminalCell(op), `${defaults}; ${op.expectedNote}`];
  });
  return table(["start", "handle", "poll", "terminal", "expected / deadline by default"], rows);
}

export function terminalConditions(): string {
  const byTool = new Map<string, Operation[]>();
  for (const op of OPERATIONS) {
    for (const call of [op.status, ...op.alternatives]) byTool.set(call.tool, [...(byTool.get(call.tool) ?? []), op]);
  }
  // Tools that read the same field with the same values share one line.
  const lines = new Map<string, string[]>();
  for (const [tool, ops] of byTool) {
    const call = [...ops[0]!.alternatives, ops[0]!.status].find((c) => c.tool === tool)!;
    const values = [...new Set(ops.flatMap((op) => op.terminal.map((a) => a.value)))];
    const only = (value: string) => {
      const users = ops.filter((op) => op.terminal.some((a) => a.value === value));
      return users.length < ops.length ? ` (${users.map((op) => op.title.toLowerCase()).join(", ")} only)` : "";
    };
    const inFlight = [...new Set(ops.flatMap((op) => op.inFlight))];
    const wait = inFlight.length > 1 ? "mean keep waiting" : "means keep waiting";
    const rule = `done when ${code(call.field)} is ${orList(values.map((v) => code(v) + only(v)))}; ${orList(inFlight.map(code))} ${wait}.`;
    const flag = call.finishedFlag ? ` (or ${code(`${call.finishedFlag} == true`)})` : "";
    lines.set(rule, [...(lines.get(rule) ?? []), code(tool) + flag]);
  }
  const out = [...lines].map(([rule, tools]) => `- ${tools.join(" and ")}: ${rule}`);
  const progress = OPERATIONS.find((op) => op.progress)?.progress;
  if (progress) out.push(`- ${code(progress.tool)}: progress only, never a terminal check (${progress.note}).`);
  out.push("- Any other value: still in flight. Say it is unknown, keep polling, keep the deadline.");
  return out.join("\n");
}

export function failureRoutes(): string {
  const rows = OPERATIONS.flatMap((op) =>
    op.terminal
      .filter((a) => a.outcome !== "succeeded")
      .map((a) => [op.title, code(a.value), a.next.skill ? code(a.next.skill) : "-", a.next.action]),
  );
  return table(["work", "ended", "go to", "first step"], rows);
}
