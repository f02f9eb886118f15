// The short "how to wait for this step" note a workflow skill embeds, so no
// skill restates the policy in its own words.
import { formatDuration } from "../../policy/duration.js";
import { deadlineFor, operation } from "../../policy/operations.js";
import { cadenceFor } from "../../policy/cadence.js";
import { code, orList } from "../../calls/words.js";
import { callShape } from "./operations.js";
import { operationParam } from "./operation-param.js";

export function waitSnippet(params: Readonly<Record<string, string>>): string {
  const op = operation(operationParam("wait-snippet", params));
  const handle = op.handle.many ? `each id in ${code(op.handle.field)}` : code(op.handle.field);
  const poll = code(callShape(op.status));
  const terminal = orList(op.terminal.map((a) => `${code(a.value)} (${a.outcome})`));
  const routes = op.terminal
    .filter((a) => a.outcome !== "succeeded" && a.next.skill)
    .map((a) => `${code(a.value)} -> ${code(a.next.skill!)}`);
  // An upload-sourced handle is in the upload's answer, not in the start tool's result.
  const start =
    op.handle.source === "upload"
      ? `${code(op.startTool)} gives an upload ${code("url")}. The upload answers with ${handle}.`
      : `${code(op.startTool)} returns ${handle}.`;
  const lines = [
    `> **Wait (policy):** ${start} Poll ${poll} every ${cadenceFor(op.expectedSeconds)} s ` +
      `(expected ${formatDuration(op.expectedSeconds)}, give up after ${formatDuration(deadlineFor(op, op.expectedSeconds))}) ` +
      `until ${code(op.status.field)} is ${terminal}.`,
  ];
  if (op.progress) lines.push(`> ${code(op.progress.tool)} is progress only: never a terminal check.`);
  if (routes.length > 0) lines.push(`> On failure: ${[...new Set(routes)].join(", ")}.`);
  lines.push("> How to wait in Claude Code: `octoperf-async-polling`.");
  return lines.join("\n");
}
