// "Is this work over?" in one line, for a pre-flight check in a workflow skill
// (e.g. a PDF needs a finished run): the operation's status call, the values
// that end it, and the values that mean it is still going. No skill writes
// terminal states in its own words.
import { operation } from "../../policy/operations.js";
import { code, orList } from "../../calls/words.js";
import { callShape } from "./operations.js";
import { operationParam } from "./operation-param.js";

export function terminalCheck(params: Readonly<Record<string, string>>): string {
  const op = operation(operationParam("terminal-check", params));
  const ended = orList(op.terminal.map((a) => code(a.value)));
  const going = orList(op.inFlight.map(code));
  const flag = op.status.finishedFlag ? ` (${code(`${op.status.finishedFlag} == true`)} says the same)` : "";
  return [
    `> **Over (policy):** ${code(callShape(op.status))} gives ${code(op.status.field)}, over at ${ended}${flag}. ` +
      `${going} ${op.inFlight.length > 1 ? "mean" : "means"} it is still going; any other value counts as still going.`,
  ].join("\n");
}
