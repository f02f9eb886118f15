// A start tool's handle or result is used by a next step only after its work
// was waited for. Reported: `apply_correlations_to_virtual_user` then
// `validate_virtual_user` (or "re-validate") with no `get_task_result` and no
// word of waiting between them; `update_report_data` then a report read;
// `export_bench_report_pdf` then the run's files. A step uses the work when
// its tool takes an id of what the work changes or produces (the run's ids,
// the virtual user); ids of containers (project, scenario) do not count.
import { OPERATIONS, operationForStartTool, statusTools, type Operation } from "../../policy/index.js";
import { toolRefs, type ToolRef } from "../octoperf-calls.js";
import { blockSentences, type Sentence } from "../prose.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

/** Ids that name what an operation produces or changes, by family. */
const FAMILIES: Readonly<Record<string, string>> = {
  benchResultId: "run",
  benchResultIds: "run",
  benchReportId: "run",
  benchReportIds: "run",
  reportId: "run",
  virtualUserId: "virtual user",
};
/**
 * Tools that read a run while it is in flight: progress, stop, and the
 * container logs, which OctoPerf's AGENTS.md says are there "from the moment
 * the bench is scheduled" (OctoPerf/octoperf-claude-plugins: plugins/octoperf/AGENTS.md).
 */
const READABLE_IN_FLIGHT = new Set(["stop_bench_result", "list_bench_docker_logs", "get_report_data_status"]);
const NEVER_CONSUMERS = new Set([...statusTools(), ...READABLE_IN_FLIGHT, ...OPERATIONS.flatMap((op) => (op.progress ? [op.progress.tool] : []))]);
/** Words that say the work is waited for before the next step. */
const WAIT_RE = /\b(wait\w*|poll\w*|until|once (?:it|the (?:task|run|validation|export|job)) (?:is|has|ends|finishes|completes|succeeds)|after (?:it|the (?:task|run|validation|export)) (?:ends|finishes|completes|succeeds)|terminal|settle[sd]?|async-polling|SUCCESS|FINISHED)\b/i;
/** Prose steps that use a virtual user's new state without naming the tool. */
const REVALIDATE_RE =
  /\b(re-?validat\w*|validate (?:it|them|the (?:vu|virtual user|user))? ?(?:again|once more|anew)|re-?run (?:the |a |its )?validation|(?:run|start|launch|kick off|trigger|fire) (?:a |another |a new |a fresh |the |its )?(?:validation|validate)(?: run)?\b|validation (?:run )?(?:again|once more)|(?:a |the )?(?:new|fresh|second|next) validation|validation (?:is |gets |will be )?re-?(?:run|started|launched|done))\b/i;
/** Prose steps that use a run's files or report without naming the tool: "download the PDF", "list the run's files". */
const RUN_USE_RE =
  /\b(?:download(?:s|ing)?|list|fetch|read|open|pull|grab|get)\b[^.;:!?]{0,40}?\b(?:pdf|files?|metrics|results?|report(?: items?)?|summary|values)\b/i;
/**
 * Advice in the second person leads to the same step as the imperative: "you
 * should kick off", "you'll want to start", "you need to call" (not "you must
 * not start": a negation is no step).
 */
const ADVICE = String.raw`(?:(?:you|we)(?:'ll| will|'d| would)?\s+(?:should|must|can|could|need to|have to|want to|ought to|may|might|just)\s+(?:also\s+|then\s+|first\s+|now\s+)?|you'll want to\s+|let's\s+|be sure to\s+|make sure to\s+)`;
/**
 * A start said as done, whose next step follows: "you uploaded a JTL through
 * \`import_jtl_report\`? Open...", "once you've kicked off", "after calling".
 */
const DONE_START = String.raw`(?:\b(?:you|we)(?:'ve| have)?\s+(?:just\s+)?(?:called|ran|started|launched|kicked off|triggered|fired|submitted|uploaded|imported|applied|exported|sent)\b|\b(?:after|once|right after|straight after)\s+(?:calling|running|starting|launching|kicking off|triggering|submitting|uploading|importing|applying|exporting)\b)`;
/**
 * A start tool named in prose is a step when the sentence tells the reader to
 * run it: "Walk the VU with `apply_correlations_to_virtual_user`", "then call
 * `export_bench_report_pdf`"; not when it describes it ("`x` has no undo").
 */
const IMPERATIVE_RE = new RegExp(
  String.raw`(?:^|\b(?:then|next|now|first|finally|and|so)\b[\s,]*)(?:[-*+>]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*${ADVICE}?(?:call|run|apply|invoke|use|trigger|start|launch|fire|submit|kick off|re-?walk|walk|execute|send|ask|refresh|update|rebuild|regenerate|export|print|upload|import)\b[^.;:!?]{0,60}$|\b(?:then|next)\s*$|${DONE_START}[^.;:!?]{0,60}$`,
  "i",
);

const MAX_STEP_LINES = 15;
const STEP_HEADING_RE = /^(?:step\s*)?\d+[.):]?\s/i;

/**
 * The last line where the next step may be: the start's own block (paragraph,
 * list item, or whole fenced block), then the blocks after it up to and
 * including the first that names an OctoPerf tool or a re-validation, within
 * MAX_STEP_LINES, across headings of the same level (a step per heading) but
 * not out of the start's section.
 */
function nextStepEnd(file: LintFile, line: number, toolLines: ReadonlySet<number>): number {
  const { lines, prose } = file.scan;
  const fenceOf = (l: number) => file.scan.blocks.find((b) => l >= b.line && l <= b.firstLine + b.text.split("\n").length);
  const blockEnd = (l: number) => {
    const fence = fenceOf(l);
    return fence ? fence.firstLine + fence.text.split("\n").length : (prose.blockOf(l)?.[1] ?? l);
  };
  const level = prose.headingOf(line)?.level ?? 0;
  // A start in a numbered or bulleted list has its next steps in that list: no heading is crossed.
  const inList = /^\s*(?:[-*+]|\d+[.)])\s/.test(lines[(prose.blockOf(line)?.[0] ?? line) - 1] ?? "");
  let end = blockEnd(line);
  for (let l = end + 1; l <= lines.length && l - line <= MAX_STEP_LINES; l++) {
    if ((lines[l - 1] ?? "").trim() === "") continue;
    const heading = prose.headings.find((h) => h.line === l);
    // Cross a heading only into the next numbered step ("### 3. Re-validate"), never out of the section.
    if (heading && (inList || heading.level < level || !STEP_HEADING_RE.test(heading.text))) break;
    const last = blockEnd(l);
    const range = Array.from({ length: last - l + 1 }, (_, i) => l + i);
    end = last;
    if (range.some((r) => toolLines.has(r) || REVALIDATE_RE.test(prose.affirmed[r - 1] ?? "") || RUN_USE_RE.test(prose.affirmed[r - 1] ?? ""))) break;
    l = last;
  }
  return end;
}

/**
 * What an operation's next steps may not touch before it ends. A task (PDF
 * export, correlation, report data) works on what its start arguments name:
 * the virtual user it rewrites, the report it renders. A run (validation,
 * scenario) produces the run's ids, and a validation also the virtual user's
 * validation results (tools named *validation*).
 */
function families(op: Operation): Set<string> {
  const ids = op.handle.kind === "taskId" ? [op.handle.field, ...op.alsoReturns, ...op.startArgs] : [op.handle.field, ...op.alsoReturns];
  const found = new Set(ids.map((id) => FAMILIES[id]).filter((family): family is string => family !== undefined));
  if (op.handle.kind !== "taskId" && op.startArgs.includes("virtualUserId")) found.add("validation");
  return found;
}

function consumes(ref: ToolRef, wanted: ReadonlySet<string>, context: LintContext): string | undefined {
  if (NEVER_CONSUMERS.has(ref.name)) return undefined;
  if (wanted.has("validation") && /validation/.test(ref.name)) return "validation";
  const properties = Object.keys(context.tools.get(ref.name)?.inputSchema.properties ?? {});
  return properties.map((name) => FAMILIES[name]).find((family) => family !== undefined && wanted.has(family));
}

/** The sentence before a ref in its block, up to the ref: "Then re-walk the VU with ". */
function leadOf(file: LintFile, ref: ToolRef): string {
  const { prose } = file.scan;
  const [first] = prose.blockOf(ref.line) ?? [ref.line];
  const before = [...prose.affirmed.slice(first - 1, ref.line - 1), (prose.affirmed[ref.line - 1] ?? "").slice(0, ref.column - 1)].join(" ");
  const cut = Math.max(...[...before.matchAll(/[.!?;:](?:\*\*|__)?\s/g)].map((m) => m.index! + m[0].length), 0);
  return before.slice(cut).replace(/`/g, "").trimStart();
}

const isProseStep = (file: LintFile, ref: ToolRef): boolean => IMPERATIVE_RE.test(leadOf(file, ref).replace(/mcp__\S+$/, ""));

function isTableRow(file: LintFile, line: number): boolean {
  return (file.scan.lines[line - 1] ?? "").trimStart().startsWith("|");
}

function textBetween(file: LintFile, from: ToolRef, to: { line: number; column: number }): string {
  const lines = file.scan.prose.affirmed;
  if (from.line === to.line) return (lines[from.line - 1] ?? "").slice(from.column - 1 + from.name.length, to.column - 1);
  const first = (lines[from.line - 1] ?? "").slice(from.column - 1 + from.name.length);
  const middle = lines.slice(from.line, to.line - 1);
  const last = (lines[to.line - 1] ?? "").slice(0, to.column - 1);
  return [first, ...middle, last].join("\n");
}

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  const refs = toolRefs(file, context).filter((ref) => !ref.generated && !ref.forbidden);
  const toolLines = new Set(refs.map((ref) => ref.line));
  refs.forEach((start, index) => {
    const op = operationForStartTool(start.name);
    // A step is a call (`tool(...)`) or a sentence that says to run the tool; a description or a table row is not.
    if (!op || isTableRow(file, start.line) || (!start.args && (file.scan.prose.blockOf(start.line) === undefined || !isProseStep(file, start)))) return;
    const wanted = families(op);
    const statuses = new Set([op.status.tool, ...op.alternatives.map((alt) => alt.tool)]);
    const last = nextStepEnd(file, start.line, toolLines);
    const later = refs.slice(index + 1).filter((ref) => ref.line <= last);
    // Prose that re-validates (the virtual user) or reads the run's files or report counts as a step that uses them.
    const proseUses: { family: string; re: RegExp; name: string }[] = [
      ...(wanted.has("virtual user") ? [{ family: "virtual user", re: REVALIDATE_RE, name: "re-validating" }] : []),
      ...(wanted.has("run") ? [{ family: "run", re: RUN_USE_RE, name: "reading the run's files" }] : []),
    ];
    const revalidations = proseUses.flatMap((use) =>
      file.scan.prose.affirmed.slice(start.line - 1, last).flatMap((text, offset) => {
        const line = start.line + offset;
        const match = use.re.exec(offset === 0 ? text.slice(start.column) : text);
        if (!match) return [];
        return [{ line, column: (offset === 0 ? start.column : 0) + match.index + 1, name: use.name, family: use.family }];
      }),
    );
    type Step = { line: number; column: number; name: string; ref?: ToolRef; family?: string };
    const steps: Step[] = [...later.map((ref) => ({ line: ref.line, column: ref.column, name: ref.name, ref })), ...revalidations].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
    for (const step of steps) {
      if (step.ref && statuses.has(step.name)) return;
      if (WAIT_RE.test(textBetween(file, start, step))) return;
      const family = step.ref ? consumes(step.ref, wanted, context) : step.family;
      if (!family) continue;
      findings.push({
        line: step.line,
        column: step.column,
        message: `${step.name} uses the ${family} that ${start.name} (line ${start.line}) is still working on: wait for it with ${[...statuses].join(" or ")} first`,
      });
      return;
    }
  });
  const said = new Set(findings.map((f) => f.line));
  const more = [...usedOnAnswer(file, refs, context), ...readsTooSoon(file)].filter((f) => !said.has(f.line) && (said.add(f.line), true));
  return [...findings, ...more];
}

/**
 * The use said before the start it follows, in one sentence: "ask
 * get_report_summary_values as soon as run_scenario has replied", "re-run
 * validate_virtual_user right after apply_correlations_to_virtual_user hands
 * you its taskId". The moment is the start's answer, which comes before its work ends.
 */
const RIGHT_AFTER_RE = /\b(?:(?:right|straight|immediately|just|directly)\s+after|as soon as|the moment|on the next line after|the instant)\s*$/i;
const ANSWERED_RE = /^\W{0,3}\s*(?:has\s+|have\s+)?(?:repl(?:ies|ied)|returns?|returned|answers?|answered|responds?|responded|comes back|came back|hands (?:you|back)|handed (?:you|back)|gives (?:you|back)|is called|was called|finishes replying)\b/i;
const DROPPED_WAIT_RE = /\b(?:drop|skip|remove|delete|cut|no need for|without|get rid of)\s+(?:the\s+|that\s+|this\s+|any\s+)?(?:wait|poll)\w*(?:\s+(?:on|for)\s+`?\w+`?)?/gi;
const NOT_RE = /\b(?:not|never|don'?t|do not|avoid|no)\b|n't\b/i;

/**
 * Results said to be final while their work is in flight ("summaries read
 * while a bench result is still RUNNING already carry the final figures"), and
 * a report said fresh once the first of its refresh tasks ends ("as long as
 * the first of its taskIds says SUCCESS, the values are fresh").
 */
const READ_IN_FLIGHT_RE = /\b(?:summar\w*|results?|figures|numbers|metrics|values|reports?|insights)\b[^.;]{0,30}?\bread\b[^.;]{0,15}?\b(?:while|when|as long as)\b[^.;]{0,40}?\b(?:still\s+)?(?:RUNNING|PENDING|SCALING|INITIALIZING|in flight|running)\b[^.;]{0,40}?\b(?:already|final|complete|up to date)\b/i;
const FIRST_TASK_RE = /\b(?:the first|one|any|a single) of (?:its|the|their|those) (?:taskIds?|tasks|task ids)\b[^.;]{0,40}?\b(?:SUCCESS|succeeds|ends|is done|has ended|finishes)\b[^.;]{0,40}?\b(?:fresh|ready|final|up to date|current|complete)\b/i;

function readsTooSoon(file: LintFile): Finding[] {
  const findings: Finding[] = [];
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  const run = OPERATIONS.find((op) => op.id === "scenario-run")!;
  const refresh = OPERATIONS.find((op) => op.id === "report-data")!;
  for (const sentence of blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line))) {
    const early = READ_IN_FLIGHT_RE.exec(sentence.text);
    if (early && !NOT_RE.test(early[0])) {
      findings.push({ ...sentence.at(early.index), message: `results read while the run is in flight are not final: wait until ${run.status.tool}'s ${run.status.field} ends (${run.terminal.map((t) => t.value).join(", ")})` });
      continue;
    }
    const first = FIRST_TASK_RE.exec(sentence.text);
    if (first && !NOT_RE.test(first[0])) {
      findings.push({ ...sentence.at(first.index), message: `${refresh.startTool} hands back several ${refresh.handle.field}: the report is fresh only once every one has ended (${refresh.terminal.map((t) => t.value).join(" or ")}), not the first` });
    }
  }
  return findings;
}

function usedOnAnswer(file: LintFile, refs: readonly ToolRef[], context: LintContext): Finding[] {
  const findings: Finding[] = [];
  const { lines, prose, generatedLines, frontmatterEnd } = file.scan;
  const all = blockSentences(lines, prose, (line) => line <= frontmatterEnd || generatedLines.has(line));
  const within = (sentence: Sentence) => {
    const end = sentence.at(sentence.text.length);
    return refs.filter((ref) => (ref.line > sentence.line || (ref.line === sentence.line && ref.column >= sentence.column)) && (ref.line < end.line || (ref.line === end.line && ref.column <= end.column)));
  };
  all.forEach((sentence, index) => {
    // A wait dropped ("drop the wait on get_task_result here, since ...") is no wait.
    if (WAIT_RE.test(sentence.text.replace(DROPPED_WAIT_RE, " "))) return;
    const inside = within(sentence);
    for (const start of inside) {
      const op = operationForStartTool(start.name);
      if (!op) continue;
      const at = sentence.text.indexOf(start.name);
      if (at < 0 || !RIGHT_AFTER_RE.test(sentence.text.slice(0, at).replace(/`/g, "")) || !ANSWERED_RE.test(sentence.text.slice(at + start.name.length).replace(/^`/, ""))) continue;
      const wanted = families(op);
      // The use comes first, in this sentence or in the one this one goes on from ("Read X straight away; the figures are final the moment run_scenario has returned").
      const previous = all[index - 1];
      const joined = previous && previous.block[0] === sentence.block[0] && /;\s*$/.test(previous.text) && !WAIT_RE.test(previous.text) ? previous : undefined;
      const use = useBefore(sentence, sentence.text.slice(0, at), inside, start, wanted, context) ?? (joined ? useBefore(joined, joined.text, within(joined), start, wanted, context) : undefined);
      if (!use) continue;
      findings.push({ ...use.where, message: `${use.name} uses the ${use.family} that ${start.name} is still working on when it answers: wait for it with ${op.status.tool} first` });
    }
  });
  return findings;
}

/** The use of what the work changes in `text` (a tool that takes its ids, or re-validating, or reading the run), not negated. */
function useBefore(sentence: Sentence, text: string, inside: readonly ToolRef[], start: ToolRef, wanted: ReadonlySet<string>, context: LintContext): { where: { line: number; column: number }; name: string; family: string } | undefined {
  const user = inside.find((ref) => ref !== start && sentence.text.indexOf(ref.name) >= 0 && sentence.text.indexOf(ref.name) < text.length && consumes(ref, wanted, context) !== undefined);
  if (user) {
    const lead = sentence.text.slice(0, sentence.text.indexOf(user.name));
    return NOT_RE.test(lead) ? undefined : { where: { line: user.line, column: user.column }, name: user.name, family: consumes(user, wanted, context)! };
  }
  const prose = [
    ...(wanted.has("virtual user") ? [{ re: REVALIDATE_RE, name: "re-validating", family: "virtual user" }] : []),
    ...(wanted.has("run") ? [{ re: RUN_USE_RE, name: "reading the run's files", family: "run" }] : []),
  ];
  for (const use of prose) {
    const m = use.re.exec(text);
    if (m && !NOT_RE.test(text.slice(0, m.index))) return { where: sentence.at(m.index), name: use.name, family: use.family };
  }
  return undefined;
}

export const waitBeforeUseRule: Rule = {
  id: "wait-before-use",
  description: "a start tool's work is waited for (its status tool, or words that say so) before a next step uses what it changes or produces",
  check,
};
