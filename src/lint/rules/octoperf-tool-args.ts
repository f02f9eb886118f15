// A spelled-out OctoPerf call names only arguments of the tool's inputSchema
// and shows every required one.
import { toolRefs } from "../octoperf-calls.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const ref of toolRefs(file, context)) {
    const tool = context.tools.get(ref.name);
    if (!tool || !ref.args) continue;
    const properties = Object.keys(tool.inputSchema.properties ?? {});
    const shown = new Set<string>();
    for (const arg of ref.args) {
      if (!arg.name) {
        findings.push({ line: ref.line, column: arg.column, message: `${ref.name}: argument "${arg.raw}" is not named (write name=value)` });
        continue;
      }
      shown.add(arg.name);
      if (!properties.includes(arg.name)) {
        findings.push({ line: ref.line, column: arg.column, message: `${ref.name} has no argument "${arg.name}" (it takes: ${properties.join(", ") || "none"})` });
      }
    }
    const missing = (tool.inputSchema.required ?? []).filter((name) => !shown.has(name));
    if (missing.length > 0) {
      findings.push({ line: ref.line, column: ref.column, message: `${ref.name}(...) leaves out required ${missing.length > 1 ? "arguments" : "argument"} ${missing.join(", ")}` });
    }
  }
  return findings;
}

export const octoperfToolArgsRule: Rule = {
  id: "octoperf-tool-args",
  description: "A spelled-out OctoPerf call uses only arguments its inputSchema has and shows every required one.",
  check,
};
