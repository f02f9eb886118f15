// Every OctoPerf tool a skill names exists in the catalog. A name is taken as
// meant for OctoPerf when it carries an OctoPerf MCP prefix
// (`mcp__octoperf__...`) or is a near miss of a catalog tool
// (`get_bench_state`); other snake_case names (`pick_handler_for`,
// `fetch_values_for_item`) are pseudocode, and names a skill only forbids
// stay silent.
import { editDistance } from "../names.js";
import { toolRefs } from "../octoperf-calls.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

export function closestTool(name: string, context: LintContext): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const candidate of context.tools.keys()) {
    const score = editDistance(name, candidate);
    if (!best || score < best.score) best = { name: candidate, score };
  }
  return best && best.score <= Math.max(3, Math.floor(name.length / 4)) ? best.name : undefined;
}

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const ref of toolRefs(file, context)) {
    if (context.tools.has(ref.name) || ref.forbidden) continue;
    const near = closestTool(ref.name, context);
    if (!near && !ref.prefixed) continue;
    findings.push({ line: ref.line, column: ref.column, message: `unknown OctoPerf tool "${ref.name}"${near ? ` (did you mean ${near}?)` : ""}` });
  }
  return findings;
}

export const octoperfToolExistsRule: Rule = {
  id: "octoperf-tool-exists",
  description: "every OctoPerf tool named (with an `mcp__octoperf__` prefix, or a near miss of a real name) is in `schemas/octoperf/tools.json`; pseudocode names stay silent",
  check,
};
