// Every asynchronous OctoPerf operation as data: how it starts, what handle it
// returns, which tool to poll with which arguments, which values are terminal
// and what to do next. Its zod schema lives in schema.ts; the generator and
// the tests parse the table with it, so a malformed rule never ships.
import { BENCH_IN_FLIGHT, TASK_STATUSES } from "./states.js";
import { LOAD_PROFILES_TOOL, PROVISIONING_HEADROOM_S } from "./profiles.js";
import type { Acceptor, NextStep, Operation, Outcome, StatusCall } from "./schema.js";
import type { OperationId } from "./operation-ids.js";

export { OPERATION_IDS, isOperationId, type OperationId } from "./operation-ids.js";
export type { Acceptor, ArgSource, NextStep, Operation, Outcome, StatusCall } from "./schema.js";

const benchStatus = (tool: "get_bench_result"): StatusCall => ({
  tool,
  args: { benchResultId: { from: "handle" } },
  field: "state",
});
const taskStatus: StatusCall = { tool: "get_task_result", args: { taskId: { from: "handle" } }, field: "status" };
const taskPending = [TASK_STATUSES[0]];

const RAW_OPERATIONS: readonly Operation[] = [
  {
    id: "validation",
    title: "Virtual-user validation run",
    startTool: "validate_virtual_user",
    startArgs: ["projectId", "virtualUserId", "providerId", "location", "iterations"],
    handle: { field: "benchResultId", many: false, source: "result", kind: "benchResultId" },
    alsoReturns: ["state"],
    status: {
      tool: "get_virtual_user_validation",
      args: { projectId: { from: "start-input", field: "projectId" }, virtualUserId: { from: "start-input", field: "virtualUserId" } },
      field: "state",
      finishedFlag: "finished",
    },
    alternatives: [benchStatus("get_bench_result")],
    inFlight: [...BENCH_IN_FLIGHT],
    terminal: [
      {
        value: "FINISHED",
        outcome: "succeeded",
        meaning: "the validation ran to the end",
        next: { action: "read get_virtual_user_validation_index; any action with failures goes to triage", skill: "octoperf-validation-triage" },
      },
      {
        value: "ABORTED",
        outcome: "failed",
        meaning: "the validation was stopped before the end",
        next: { action: "find out why with the validation index and jmeter.log", skill: "octoperf-validation-triage" },
      },
      {
        value: "ERROR",
        outcome: "failed",
        meaning: "the validation could not run (engine or infrastructure)",
        next: { action: "read the validation index; an empty index means the engine crashed, read jmeter.log", skill: "octoperf-validation-triage" },
      },
    ],
    expectedSeconds: 30,
    expectedNote: "a Playwright virtual user takes about twice as long",
    deadline: { minSeconds: 300, slackSeconds: 240, slackRatio: 1 },
    // A run stopped by stop_bench_result(benchResultId) ends ABORTED (../shared/reference/octoperf.md, jenkinsci/octoperf-plugin).
    stop: { tool: "stop_bench_result", arg: "benchResultId" },
  },
  {
    id: "scenario-run",
    title: "Scenario run (one or more bench results)",
    startTool: "run_scenario",
    startArgs: ["scenarioId"],
    handle: { field: "benchResultIds", many: true, source: "result", kind: "benchResultId" },
    alsoReturns: ["benchReportId"],
    status: benchStatus("get_bench_result"),
    alternatives: [],
    progress: {
      tool: "get_bench_status",
      field: "progress",
      decidesTermination: false,
      note: "elapsed time as a fraction or percentage; it freezes when a run aborts or errors, so it never says the run ended",
    },
    inFlight: [...BENCH_IN_FLIGHT],
    terminal: [
      {
        value: "FINISHED",
        outcome: "succeeded",
        meaning: "the run completed",
        next: { action: "read the bench report (summary, errors, insights) before calling the test good", skill: "octoperf-bench-reports" },
      },
      {
        value: "ABORTED",
        outcome: "failed",
        meaning: "the run was stopped or aborted mid-way",
        next: { action: "read jmeter.log (list_bench_result_files, read_bench_result_file_lines)", skill: "octoperf-scenario-diagnosis" },
      },
      {
        value: "ERROR",
        outcome: "failed",
        meaning: "the run failed to start or broke down",
        next: { action: "check list_bench_docker_logs, get_scenario_matching_plans and list_active_subscriptions", skill: "octoperf-scenario-diagnosis" },
      },
    ],
    expectedSeconds: 600,
    expectedNote: `the longest load profile of ${LOAD_PROFILES_TOOL} (delay + ramp-up + hold + ramp-down) plus ${PROVISIONING_HEADROOM_S} s of provisioning`,
    deadline: { minSeconds: 900, slackSeconds: 600, slackRatio: 0.25 },
    // A run stopped by stop_bench_result(benchResultId) ends ABORTED (../shared/reference/octoperf.md, jenkinsci/octoperf-plugin).
    stop: { tool: "stop_bench_result", arg: "benchResultId" },
  },
  {
    id: "pdf-export",
    title: "PDF export of one bench report",
    startTool: "export_bench_report_pdf",
    startArgs: ["benchReportId"],
    handle: { field: "taskId", many: false, source: "result", kind: "taskId" },
    alsoReturns: ["benchReportId"],
    status: taskStatus,
    alternatives: [],
    inFlight: taskPending,
    terminal: [
      {
        value: "SUCCESS",
        outcome: "succeeded",
        meaning: "the PDF is ready",
        next: { action: "find the newest .pdf with list_bench_result_files and get a link with download_bench_result_file", skill: "octoperf-export-bench-report-pdf" },
      },
      {
        value: "FAILED",
        outcome: "failed",
        meaning: "the export failed; the task's message holds the reason",
        next: { action: "show the message as it is; check the run is terminal and the report data up to date", skill: "octoperf-export-bench-report-pdf" },
      },
    ],
    expectedSeconds: 30,
    expectedNote: "10-60 s",
    deadline: { minSeconds: 300, slackSeconds: 240, slackRatio: 1 },
  },
  {
    id: "pdf-batch-export",
    title: "PDF export of up to 20 bench reports",
    startTool: "export_bench_reports_pdf",
    startArgs: ["benchReportIds"],
    handle: { field: "taskId", many: false, source: "result", kind: "taskId" },
    alsoReturns: ["benchReportIds"],
    status: taskStatus,
    alternatives: [],
    inFlight: taskPending,
    terminal: [
      {
        value: "SUCCESS",
        outcome: "succeeded",
        meaning: "every PDF is ready",
        next: { action: "get the zip link with download_bench_report_pdfs", skill: "octoperf-export-bench-report-pdf" },
      },
      {
        value: "PARTIAL",
        outcome: "partial",
        meaning: "some reports were exported, some were not",
        next: { action: "download what exists, then export the missing reports one by one", skill: "octoperf-export-bench-report-pdf" },
      },
      {
        value: "FAILED",
        outcome: "failed",
        meaning: "no PDF was produced; the task's message holds the reason",
        next: { action: "show the message as it is and export one report alone to isolate the cause", skill: "octoperf-export-bench-report-pdf" },
      },
    ],
    expectedSeconds: 120,
    expectedNote: "up to a minute per few reports",
    deadline: { minSeconds: 900, slackSeconds: 600, slackRatio: 1 },
  },
  {
    id: "correlation",
    title: "Applying correlation rules to a virtual user",
    startTool: "apply_correlations_to_virtual_user",
    startArgs: ["projectId", "virtualUserId"],
    handle: { field: "taskId", many: false, source: "result", kind: "taskId" },
    alsoReturns: [],
    status: taskStatus,
    alternatives: [],
    inFlight: taskPending,
    terminal: [
      {
        value: "SUCCESS",
        outcome: "succeeded",
        meaning: "the rules were applied",
        next: { action: "validate the virtual user again", skill: "octoperf-auto-correlation" },
      },
      {
        value: "FAILED",
        outcome: "failed",
        meaning: "the rules could not be applied; the task's message holds the reason",
        next: { action: "show the message; restore the backup if the virtual user is damaged", skill: "octoperf-auto-correlation" },
      },
    ],
    expectedSeconds: 30,
    expectedNote: "5-60 s",
    deadline: { minSeconds: 120, slackSeconds: 60, slackRatio: 1 },
  },
  {
    id: "report-data",
    title: "Report data update (one task per run of the report)",
    startTool: "update_report_data",
    startArgs: ["reportId"],
    handle: { field: "taskIds", many: true, source: "result", kind: "taskId" },
    alsoReturns: [],
    status: taskStatus,
    alternatives: [],
    inFlight: taskPending,
    terminal: [
      {
        value: "SUCCESS",
        outcome: "succeeded",
        meaning: "the data of this run is up to date",
        next: { action: "confirm with get_report_data_status, then read the report values", skill: "octoperf-bench-reports" },
      },
      {
        value: "FAILED",
        outcome: "failed",
        meaning: "the data of this run could not be rebuilt; the task's message holds the reason",
        next: { action: "show the message; the report will refuse values until its data is up to date", skill: "octoperf-bench-reports" },
      },
    ],
    expectedSeconds: 60,
    expectedNote: "seconds to minutes",
    deadline: { minSeconds: 900, slackSeconds: 600, slackRatio: 1 },
  },
  {
    id: "jtl-import",
    title: "JTL report import",
    startTool: "import_jtl_report",
    startArgs: ["projectId"],
    handle: { field: "taskId", many: false, source: "upload", kind: "taskId" },
    alsoReturns: ["benchResultId", "reportName"],
    status: taskStatus,
    alternatives: [],
    inFlight: taskPending,
    terminal: [
      {
        value: "SUCCESS",
        outcome: "succeeded",
        meaning: "the JTL was imported as a bench result",
        next: { action: "open the new report and read its values", skill: "octoperf-bench-reports" },
      },
      {
        value: "FAILED",
        outcome: "failed",
        meaning: "the import failed; the task's message holds the reason",
        next: { action: "show the message; it names the file at fault (not a zip, a missing column, an XML or date-stamped JTL)", skill: "octoperf-imports" },
      },
    ],
    expectedSeconds: 60,
    expectedNote: "seconds to minutes, with the file's size",
    deadline: { minSeconds: 900, slackSeconds: 600, slackRatio: 1 },
  },
];

export const OPERATIONS: readonly Operation[] = Object.freeze(RAW_OPERATIONS.map((op) => Object.freeze(op)));

export function operation(id: OperationId): Operation {
  const found = OPERATIONS.find((op) => op.id === id);
  if (!found) throw new Error(`unknown operation ${id}`);
  return found;
}

/** The operation a start tool begins, if any. */
export function operationForStartTool(tool: string): Operation | undefined {
  return OPERATIONS.find((op) => op.startTool === tool);
}

/** Operations whose state or progress a tool reports. */
export function operationsForStatusTool(tool: string): Operation[] {
  return OPERATIONS.filter(
    (op) => op.status.tool === tool || op.alternatives.some((alt) => alt.tool === tool) || op.progress?.tool === tool,
  );
}

/** Every status tool (state or progress) named by the policy. */
export function statusTools(): string[] {
  const names = new Set<string>();
  for (const op of OPERATIONS) {
    names.add(op.status.tool);
    for (const alt of op.alternatives) names.add(alt.tool);
    if (op.progress) names.add(op.progress.tool);
  }
  return [...names];
}

/** Start tools whose handle arrives in the tool's own result (hooks can see it). */
export function startTools(): string[] {
  return OPERATIONS.filter((op) => op.handle.source === "result").map((op) => op.startTool);
}

/** Deadline in seconds for an operation expected to take `expectedSeconds`. */
export function deadlineFor(op: Operation, expectedSeconds: number): number {
  const { minSeconds, slackSeconds, slackRatio } = op.deadline;
  return Math.max(minSeconds, Math.ceil(expectedSeconds + Math.max(slackSeconds, expectedSeconds * slackRatio)));
}

export function terminalValues(op: Operation): string[] {
  return op.terminal.map((acceptor) => acceptor.value);
}
