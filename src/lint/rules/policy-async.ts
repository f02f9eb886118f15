// A tool is described as asynchronous (a task to poll, a handle to wait on)
// only when the policy waits on it: "`add_correlation_framework_to_project`
// submits an async task; poll with `get_task_result`" sends the agent polling
// a tool that answers at once (OctoPerf's correlation skill: it returns the
// rules it created). The tool named just before the wording is the one
// described. The converse is reported too: a start tool described as
// answering once its work is over ("`run_scenario` returns only once the test
// is over", "answers with the finished zip; no waiting is needed").
import { OPERATIONS, statusTools } from "../../policy/index.js";
import { toolRefs, type ToolRef } from "../octoperf-calls.js";
import { blockSentences, questionOf, tableHeaderOf, type Sentence } from "../prose.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

const START_TOOLS = new Set(OPERATIONS.map((op) => op.startTool));
const STATUS_TOOLS = new Set([...statusTools(), "get_report_data_status"]);
const ASYNC_RE = new RegExp(
  String.raw`\b(?:submits? an? async\w*|async(?:hronous)? (?:task|job|operation)|returns? an? (?:task ?id|\`?taskId\`?)|(?:then )?poll (?:it )?(?:with|using) \`?(?:${[...statusTools()].join("|")})|is async(?:hronous)?|runs? (?:in the background|asynchronously)|hands? back an? (?:task|handle|\`?taskId\`?)|(?:track|follow|check on|watch|wait on) (?:it|the task|its task|the job) (?:with|via|using|through) \`?get_task_result|(?:is |gets )?(?:queued|scheduled) as an? (?:task|job))\b`,
  "i",
);
const DENY_RE = /\b(not|never|no task|synchronous|sync\b|instead)\b/i;

/** The work's end, as a state: "over", "done", "ready". */
const END_WORDS = String.raw`(?:over|done|finished|complete[ds]?|ended|ready|through|at an end)`;
/** A tool's answer, in the third person (the tool is the subject; not "return when", which tells the agent). */
const REPLY = String.raw`(?:returns|answers|responds|replies|comes back|hands back|gives back|sends back)`;
/** The work's product, as a reply may name it: "the link to the finished PDF", "the URL of the rendered report". */
const FINISHED = String.raw`(?:finished|completed|final|ready|full|whole|generated|exported|produced|rendered|imported|validated)`;
/** The work said to be in place, as a state: "once the rules are in", "after the report has been rendered". */
const IN_PLACE = String.raw`(?:is|are|has been|have been|gets|get)\s+(?:in|in place|there|applied|written|saved|generated|rendered|imported|validated|exported|uploaded|created|available)`;
/**
 * A tool described as answering once its work is over, so that nothing is
 * waited on: it answers only once the work is over ("returns only once the
 * load test is over"), with the work's finished product ("answers with the
 * finished zip"), or holds the call for it ("waits for the run"); nothing to
 * wait on ("no waiting is needed", "nothing to poll"); "synchronous".
 */
const SYNC_RE = new RegExp(
  String.raw`\b(?:(?:only\s+)?${REPLY}\s+(?:only\s+|just\s+)?(?:once|when|after|as soon as|until|the moment)\b[^.;:]{0,50}?(?:\b${END_WORDS}|\b${IN_PLACE})|only\s+${REPLY}\s+(?:once|when|after|as soon as|the moment)|${REPLY}\s+only\s+(?:once|when|after|as soon as|the moment)|${REPLY}\s+(?:only\s+)?(?:with|in)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?${FINISHED}|(?:waits|blocks|holds(?: the (?:call|line|request|connection))?(?: open)?|keeps the (?:call|line|request) open)\s+(?:for|until|till|on)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:test|run|export|task|job|work|validation|import|correlation)s?(?!\s+(?:id|handle))|(?:sits|waits|hangs|blocks|stays|holds on)(?: there)?\s+(?:until|till)\b[^.;:]{0,50}?\b${END_WORDS}|by the time (?:that |its |the )?(?:answer|reply|response) (?:arrives|comes(?: back)?|is in)|(?:hands?|handed|gives?|gave|sends?|sent)\s+(?:you\s+)?(?:the|a|its|their)\s+(?:[\w/-]+\s+){0,2}?(?:verdict|results?|pdf|report|numbers|metrics|summary|outcome)\s+(?:straight|right|directly)\s+back|(?:doesn't|does not|won't|will not|never|can't|cannot)\s+(?:return|answer|reply|respond|come back|give (?:you )?(?:anything|control) back)\s+(?:until|till|before)\b[^.;:]{0,50}?(?:\b${END_WORDS}|\b${IN_PLACE})|no (?:waiting|wait|polling|poll) (?:is |are )?(?:needed|required|necessary)|nothing (?:left )?to (?:poll|wait for|wait on)|no need to (?:poll|wait)|need(?:s)? not be (?:polled|waited on)|(?:is|runs|works) synchronous(?:ly)?)\b`,
  "i",
);
/**
 * The finished product said to come back from a start tool, in the passive:
 * "the zip link for the whole batch is handed back by `export_bench_reports_pdf`".
 * The product is named before; a handle ("the taskId is handed back by") is no product.
 */
const PASSIVE_PRODUCT_RE =
  /\b(?:link|url|zip|file|files|pdfs?|report|verdict|results?|outcome|summary|insights)\b[^.;:]{0,40}?\b(?:is|are|gets?|comes?)\s+(?:handed|given|sent|returned|passed|delivered)(?:\s+back)?\s+(?:directly\s+|straight\s+)?by\s*$/i;
const HANDLE_WORD_RE = /\b(?:task ?ids?|ids?|handles?|benchResultIds?|taskIds?)\b/i;
/** A negation between the tool and the wording: "`run_scenario` does not return once the test is over". */
const NEGATION_RE = /\b(?:not|never|no longer|neither|nor)\b|n't\b/i;

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  const refs = toolRefs(file, context).filter((ref) => !ref.generated && !ref.forbidden);
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  const all = blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line));
  findings.push(...tableClaims(lines, refs, context));
  for (const [index, sentence] of all.entries()) {
    const sync = syncClaim(sentence, refs, context) ?? answerClaim(all, index, context) ?? proofClaim(sentence, refs, context);
    if (sync) findings.push(sync);
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

/**
 * A start tool described as answering once its work is over: the tool named
 * last before the wording, in the same clause, with no negation between.
 * The policy waits on every start tool: it answers at once with a handle.
 */
function syncClaim(sentence: Sentence, refs: readonly ToolRef[], context: LintContext): Finding | undefined {
  if (/\?\W*$/.test(sentence.text)) return undefined; // a question claims nothing
  const passive = passiveClaim(sentence, refs, context);
  if (passive) return passive;
  const wording = SYNC_RE.exec(sentence.text);
  if (!wording) return undefined;
  const at = sentence.at(wording.index);
  const described = refs
    .filter((ref) => (ref.line > sentence.line || (ref.line === sentence.line && ref.column >= sentence.column)) && (ref.line < at.line || (ref.line === at.line && ref.column < at.column)))
    .at(-1);
  if (!described || !START_TOOLS.has(described.name) || !context.tools.has(described.name)) return undefined;
  const named = sentence.text.lastIndexOf(described.name, wording.index);
  const between = named < 0 ? "" : sentence.text.slice(named + described.name.length, wording.index);
  if (named < 0 || between.length > 60 || /;|\bbut\b/.test(between) || NEGATION_RE.test(between)) return undefined;
  return startsOnly(described, "answering once its work is over", "it");
}

/** A table whose header says what a tool hands back ("| Tool you started | What it hands back |"). */
const ANSWER_HEADER_RE = /\b(?:hands? back|returns?|comes? back|gives?(?: you)?|repl(?:y|ies)|answers?|responds?|what you get)\b/i;
/** A row's answer that is the finished work, not a handle: "the corrected virtual user, ready to validate", "nothing until the import has landed". */
const PRODUCT_CELL_RE = new RegExp(
  String.raw`\b(?:ready|corrected|finished|completed?|final|rendered|validated|imported|applied|generated|done|verdict|results?|metrics|numbers|nothing (?:until|till|before)|only (?:once|when|after))\b`,
  "i",
);

/** "export_bench_report_pdf has just returned": the row is about the moment the start answered. */
const JUST_ANSWERED_CELL_RE = /^[\s`*]*(?:has\s+)?(?:just\s+)?(?:returned|answered|replied|come back|came back)\b/i;
/** What is said to be there already at that moment: "you already hold the finished PDF". */
const ALREADY_RE = /\balready\b/i;

/** A table row that gives a start tool's answer as its finished work. */
function tableClaims(lines: readonly string[], refs: readonly ToolRef[], context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const ref of refs) {
    if (!START_TOOLS.has(ref.name) || !context.tools.has(ref.name)) continue;
    const header = tableHeaderOf(lines, ref.line);
    const headers = header.replace(/^\s*\||\|\s*$/g, "").split("|");
    const cells = (lines[ref.line - 1] ?? "").trim().replace(/^\||\|$/g, "").split("|");
    const toolCell = cells.findIndex((cell) => cell.includes(ref.name));
    // The answer's cell: under a header that says what comes back, or beside a cell that says the tool has just answered.
    const answered = toolCell >= 0 && JUST_ANSWERED_CELL_RE.test(cells[toolCell]!.replace(ref.name, ""));
    const answerCell = answered ? cells.findIndex((cell, i) => i !== toolCell && ALREADY_RE.test(cell)) : headers.findIndex((h, i) => i !== toolCell && ANSWER_HEADER_RE.test(h));
    const bare = cells[toolCell]?.replace(/[`*\s]/g, "") === ref.name;
    if (toolCell < 0 || answerCell < 0 || (!bare && !answered)) continue;
    const answer = cells[answerCell] ?? "";
    if (HANDLE_WORD_RE.test(answer) || NEGATION_RE.test(answer.replace(/\bnothing (?:until|till|before)\b/i, "")) || !PRODUCT_CELL_RE.test(answer)) continue;
    findings.push(startsOnly(ref, "answering with its finished work", "it"));
  }
  return findings;
}

/** An answer that speaks of the tool its question named ("Does `run_scenario` give me the numbers?" "It does: it blocks until the test is over"). */
const POINTS_BACK_RE = /\b(?:it|its|it's|that tool|this tool|the call|the tool)\b/i;
/** A reply said to carry the work's product already: "its reply already carries the pass/fail verdict". */
const CARRIES_RE = /\b(?:reply|answer|response|result)\s+(?:already\s+|directly\s+)?(?:carries|contains|includes|holds|has|gives)\s+(?:the|a|an|its|every)\s+(?:[\w/-]+\s+){0,3}?(?:verdict|results?|outcome|numbers|metrics|pdf|files?|report|summary)\b/i;

/** A handle taken for the work's end: "treat the taskIds from update_report_data as proof that the report data is already refreshed". */
const PROOF_RE = /\b(?:task ?ids?|taskIds?|benchResultIds?|handles?|ids?)\s+(?:from|of|returned by|that)\s+`?([a-z_]+)`?\s+(?:\w+\s+)?as\s+(?:proof|a sign|evidence|confirmation)\s+that\b[^.;]{0,60}?\b(?:already|done|finished|refreshed|complete[ds]?|ready|over)\b/i;

function proofClaim(sentence: Sentence, refs: readonly ToolRef[], context: LintContext): Finding | undefined {
  const m = PROOF_RE.exec(sentence.text);
  if (!m || !START_TOOLS.has(m[1]!) || !context.tools.has(m[1]!) || NEGATION_RE.test(sentence.text.slice(0, m.index))) return undefined;
  const ref = refs.find((r) => r.name === m[1] && r.line >= sentence.line) ?? { name: m[1]!, ...sentence.at(m.index) };
  return startsOnly(ref, "done once its handle is back", "it");
}

function answerClaim(all: readonly Sentence[], index: number, context: LintContext): Finding | undefined {
  const sentence = all[index]!;
  if (/\?\W*$/.test(sentence.text)) return undefined;
  const question = questionOf(all, index);
  if (!question) return undefined;
  const wording = SYNC_RE.exec(sentence.text) ?? CARRIES_RE.exec(sentence.text);
  if (!wording) return undefined;
  const before = sentence.text.slice(0, wording.index + wording[0].length);
  if (!POINTS_BACK_RE.test(before) || NEGATION_RE.test(before) || [...START_TOOLS].some((tool) => sentence.text.includes(tool))) return undefined;
  const asked = [...START_TOOLS].filter((tool) => question.includes(tool) && context.tools.has(tool));
  if (asked.length !== 1) return undefined;
  return startsOnly({ name: asked[0]!, ...sentence.at(Math.max(0, sentence.text.search(/\S/))) }, "answering once its work is over", "it");
}

/** A start tool described as `claim`: it only starts its work (`work` as the message names it), answering at once with a handle. */
function startsOnly(ref: Pick<ToolRef, "name" | "line" | "column">, claim: string, work: string): Finding {
  const op = OPERATIONS.find((o) => o.startTool === ref.name)!;
  return {
    line: ref.line,
    column: ref.column,
    message: `${ref.name} is described as ${claim}, but it only starts ${work}: it answers at once with ${op.handle.field}, and the work is followed with ${op.status.tool}`,
  };
}

/** The passive form: the product named, then "is handed back by", then the start tool. */
function passiveClaim(sentence: Sentence, refs: readonly ToolRef[], context: LintContext): Finding | undefined {
  for (const ref of refs) {
    if (!START_TOOLS.has(ref.name) || !context.tools.has(ref.name)) continue;
    const named = sentence.text.indexOf(ref.name);
    if (named < 0) continue;
    const before = sentence.text.slice(0, named).replace(/`$/, "");
    const product = PASSIVE_PRODUCT_RE.exec(before);
    if (!product || HANDLE_WORD_RE.test(product[0]) || NEGATION_RE.test(product[0])) continue;
    const at = sentence.at(named);
    if (ref.line !== at.line) continue;
    return startsOnly(ref, "handing back its finished product", "the work");
  }
  return undefined;
}

export const policyAsyncRule: Rule = {
  id: "policy-async",
  description:
    "a tool is described as asynchronous (a task to poll, a handle to wait on) only when the policy waits on it, and a start tool never as answering once its work is over (\"returns when the test is done\")",
  check,
};
