// Every OctoPerf tool a skill or command names exists in the catalog.
import { toolRefs } from "../octoperf-calls.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function closestTool(name: string, context: LintContext): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const candidate of context.tools.keys()) {
    const score = distance(name, candidate);
    if (!best || score < best.score) best = { name: candidate, score };
  }
  return best && best.score <= Math.max(3, Math.floor(name.length / 4)) ? best.name : undefined;
}

function check(file: LintFile, context: LintContext): Finding[] {
  return toolRefs(file, context)
    .filter((ref) => !context.tools.has(ref.name))
    .map((ref) => {
      const near = closestTool(ref.name, context);
      return { line: ref.line, column: ref.column, message: `unknown OctoPerf tool "${ref.name}"${near ? ` (did you mean ${near}?)` : ""}` };
    });
}

export const octoperfToolExistsRule: Rule = {
  id: "octoperf-tool-exists",
  description: "Every OctoPerf tool named in code exists in schemas/octoperf/tools.json.",
  check,
};
