// A tool is described as asynchronous (a task to poll, a handle to wait on)
// only when the policy waits on it: "`add_correlation_framework_to_project`
// submits an async task; poll with `get_task_result`" sends the agent polling
// a tool that answers at once (OctoPerf's correlation skill: it returns the
// rules it created). The tool named just before the wording is the one
// described.
import { OPERATIONS, statusTools } from "../../policy/index.js";
import { toolRefs } from "../octoperf-calls.js";
import { blockSentences } from "../prose.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

const START_TOOLS = new Set(OPERATIONS.map((op) => op.startTool));
const STATUS_TOOLS = new Set([...statusTools(), "get_report_data_status"]);
const ASYNC_RE = new RegExp(
  String.raw`\b(?:submits? an? async\w*|async(?:hronous)? (?:task|job|operation)|returns? an? (?:task ?id|\`?taskId\`?)|(?:then )?poll (?:it )?(?:with|using) \`?(?:${[...statusTools()].join("|")})|is async(?:hronous)?|runs? (?:in the background|asynchronously)|hands? back an? (?:task|handle|\`?taskId\`?)|(?:track|follow|check on|watch|wait on) (?:it|the task|its task|the job) (?:with|via|using|through) \`?get_task_result|(?:is |gets )?(?:queued|scheduled) as an? (?:task|job))\b`,
  "i",
);
const DENY_RE = /\b(not|never|no task|synchronous|sync\b|instead)\b/i;

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  const refs = toolRefs(file, context).filter((ref) => !ref.generated && !ref.forbidden);
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  for (const sentence of blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line))) {
    const wording = ASYNC_RE.exec(sentence.text);
    if (!wording || DENY_RE.test(sentence.text)) continue;
    const at = sentence.at(wording.index);
    const before = refs.filter((ref) => ref.line < at.line || (ref.line === at.line && ref.column < at.column));
    const described = before.filter((ref) => ref.line >= sentence.line && (ref.line > sentence.line || ref.column >= sentence.column)).at(-1);
    if (!described || START_TOOLS.has(described.name) || STATUS_TOOLS.has(described.name) || !context.tools.has(described.name)) continue;
    findings.push({
      line: described.line,
      column: described.column,
      message: `${described.name} is described as asynchronous, but it is none of the policy's start tools: it answers at once, and there is nothing to poll`,
    });
  }
  return findings;
}

export const policyAsyncRule: Rule = {
  id: "policy-async",
  description: "a tool is described as asynchronous (a task to poll, a handle to wait on) only when the policy waits on it",
  check,
};
