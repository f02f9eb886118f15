// A progress tool (get_bench_status) never decides that work has ended.
import { OPERATIONS } from "../../policy/index.js";
import type { Finding, LintFile, Rule } from "../types.js";

const PROGRESS_TOOLS = [...new Set(OPERATIONS.flatMap((op) => (op.progress ? [op.progress.tool] : [])))];
const COMPARE_RE = /\b(progress|it|value)\s*(==|>=|=|reaches|hits|is)\s*(1(\.0)?|100)\b|\buntil\b[^.;]*\b(1\.0|100\s*%?)/i;
const END_RE = /\b(until|terminal|finished|completed?|done|ended|over|stop polling)\b/i;
const NEGATION_RE = /\b(never|not|n't|no|only|without|instead|freezes?)\b/i;

function check(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  file.scan.lines.forEach((text, index) => {
    const line = index + 1;
    if (file.scan.generatedLines.has(line) || line <= file.scan.frontmatterEnd) return;
    for (const tool of PROGRESS_TOOLS) {
      const at = text.indexOf(tool);
      if (at < 0) continue;
      const rest = text.slice(at);
      if (COMPARE_RE.test(rest) || (END_RE.test(rest) && !NEGATION_RE.test(text))) {
        findings.push({ line, column: at + 1, message: `${tool} is progress only: it never tells that work has ended (it freezes on ABORTED or ERROR); decide with the status tool` });
      }
    }
  });
  return findings;
}

export const policyProgressRule: Rule = {
  id: "policy-progress",
  description: "No progress tool (get_bench_status) is used or described as a terminal check.",
  check,
};
