// The asynchronous core: start tools, status tools and the files a finished
// run leaves. States and statuses are written from OctoPerf's sources, not
// from our policy: test/schemas/policy-agreement.test.ts fails when the two
// disagree (as botocore checks its waiters against the API's shapes).
import { bool, id, int, list, num, obj, oneOf, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";
import { AGENTS_MD, JENKINS_BENCH_STATES, MAVEN_BENCH_RESULT, MAVEN_BENCH_STATES, pluginSkill } from "./sources.js";

/**
 * Bench result states: OctoPerf's Maven client (MAVEN_BENCH_STATES) lists
 * CREATED, PENDING, SCALING, PREPARING, INITIALIZING, RUNNING, FINISHED,
 * ABORTED, ERROR, as do AGENTS.md and the async-polling skill; the Jenkins
 * client (JENKINS_BENCH_STATES) adds SCHEDULED, between PENDING and SCALING.
 */
export const SOURCE_BENCH_STATES = ["CREATED", "PENDING", "SCHEDULED", "SCALING", "PREPARING", "INITIALIZING", "RUNNING", "FINISHED", "ABORTED", "ERROR"] as const;
/**
 * Task statuses: PENDING, SUCCESS and FAILED from the async-polling and
 * export-bench-report-pdf skills. PARTIAL (a batch PDF export with some
 * reports missing) comes from the team's summary only: unconfirmed.
 */
export const SOURCE_TASK_STATUSES = ["PENDING", "SUCCESS", "FAILED", "PARTIAL"] as const;
export const UNCONFIRMED_TASK_STATUSES = ["PARTIAL"] as const;

const POLLING = pluginSkill("async-polling");
const PDF = pluginSkill("export-bench-report-pdf");
const benchState = oneOf(SOURCE_BENCH_STATES, "Lifecycle state of the bench result");
const taskStatus = oneOf(SOURCE_TASK_STATUSES, "Status of the task; PENDING while it runs");
const states = { results: [AGENTS_MD, POLLING, MAVEN_BENCH_STATES, JENKINS_BENCH_STATES] } as const;
const locale = str("Language of the PDF, e.g. en or fr");
const timezone = str("IANA time zone for the dates in the PDF, e.g. Europe/Paris");
const presigned = obj({
  url: str("Presigned URL, valid for a few minutes and for one use"),
  method: str("HTTP method to use with the URL"),
  "expiresAt?": str("When the URL stops working (ISO-8601)"),
  "instructions?": str("How to use the URL"),
});

export const ASYNC_TOOLS: readonly ToolDefinition[] = [
  tool(
    "validate_virtual_user",
    "Start a validation run of a virtual user (a few iterations on one provider location). Returns at once with the bench result to watch.",
    obj({
      projectId: id.project,
      virtualUserId: id.virtualUser,
      providerId: id.provider,
      location: str("Location (region) of the provider to run from"),
      iterations: int("How many iterations to run", { minimum: 1 }),
    }),
    obj({ benchResultId: id.benchResult, state: benchState }),
    { results: [AGENTS_MD, MAVEN_BENCH_STATES, JENKINS_BENCH_STATES] },
  ),
  tool(
    "get_virtual_user_validation",
    "Read where the latest validation of a virtual user stands: its state and whether it has finished.",
    obj({ projectId: id.project, virtualUserId: id.virtualUser }),
    obj({ "benchResultId?": id.benchResult, finished: bool("True once the state is terminal"), state: benchState }),
    states,
  ),
  tool(
    "run_scenario",
    "Start a load test of a scenario. Returns at once with the bench report and one bench result per run to watch.",
    obj({ scenarioId: id.scenario, "templateId?": id.template }),
    obj({ benchReportId: id.benchReport, benchResultIds: list(id.benchResult, "One bench result per run", { minItems: 1 }) }),
    { results: [POLLING] },
  ),
  tool(
    "get_bench_result",
    "Read a bench result, including the lifecycle state that tells whether the run has ended.",
    obj({ benchResultId: id.benchResult }),
    obj({
      id: id.benchResult,
      state: benchState,
      "scenarioId?": id.scenario,
      "batchId?": str("Id shared by the results of one launch"),
      "designProjectId?": id.project,
      "resultProjectId?": id.project,
    }),
    { results: [AGENTS_MD, POLLING, MAVEN_BENCH_RESULT, MAVEN_BENCH_STATES, JENKINS_BENCH_STATES] },
  ),
  tool(
    "get_bench_status",
    "Read how far a running test has progressed in elapsed time. Progress only: it does not say whether the run has ended.",
    obj({ benchResultId: id.benchResult }),
    obj({ progress: num("Elapsed-time progress (a fraction or a percentage depending on the server)") }),
    { results: [AGENTS_MD, POLLING] },
  ),
  tool(
    "stop_bench_result",
    "Ask a running test to stop; the bench result then ends ABORTED.",
    obj({ benchResultId: id.benchResult }),
    obj({ "benchResultId?": id.benchResult, "state?": benchState }),
  ),
  tool(
    "export_bench_report_pdf",
    "Start rendering a bench report as a PDF. Returns a task to watch; the file lands among the run's files.",
    obj({ benchReportId: id.benchReport, "locale?": locale, "timezone?": timezone }),
    obj({ benchReportId: id.benchReport, taskId: id.task }),
    { results: [PDF] },
  ),
  tool(
    "export_bench_reports_pdf",
    "Start rendering up to 20 bench reports as PDFs in one task; the task can end PARTIAL.",
    obj({ benchReportIds: list(id.benchReport, "Reports to export", { minItems: 1, maxItems: 20 }), "locale?": locale, "timezone?": timezone }),
    obj({ benchReportIds: list(id.benchReport, "Reports in the task"), taskId: id.task }),
  ),
  tool(
    "download_bench_report_pdfs",
    "Get one presigned link to a zip of the PDFs exported for these reports.",
    obj({ benchReportIds: list(id.benchReport, "Reports whose PDFs to bundle", { minItems: 1, maxItems: 20 }) }),
    presigned,
  ),
  tool(
    "get_task_result",
    "Read where an asynchronous task stands (PDF export, correlation, report data update, JTL import).",
    obj({ taskId: id.task }),
    obj({ taskId: id.task, status: taskStatus, "message?": str("Backend message; on failure, the reason") }),
    { results: [PDF, POLLING], unconfirmedValues: UNCONFIRMED_TASK_STATUSES },
  ),
  tool(
    "apply_correlations_to_virtual_user",
    "Start applying the project's correlation rules to a virtual user. Returns a task to watch.",
    obj({ projectId: id.project, virtualUserId: id.virtualUser }),
    obj({ taskId: id.task }),
    { results: [AGENTS_MD, POLLING] },
  ),
  tool(
    "update_report_data",
    "Start rebuilding the data behind a report: one task per run of the report.",
    obj({ reportId: id.report }),
    obj({ taskIds: list(id.task, "One task per run of the report") }),
    { results: [POLLING] },
  ),
  tool(
    "get_report_data_status",
    "Tell whether a report's data is up to date, needs an update, or is being updated.",
    obj({ reportId: id.report }),
    obj({ status: oneOf(["upToDate", "needsUpdate", "updating", "unknown"], "Freshness of the report data") }),
  ),
  tool(
    "import_jtl_report",
    "Get a presigned upload for a zipped JTL file; the upload's answer holds the task to watch and the new bench result.",
    obj({ projectId: id.project }),
    obj({ url: str("Presigned upload URL"), method: str("HTTP method of the upload"), "expiresAt?": str("Expiry (ISO-8601)"), "instructions?": str("How to upload") }),
    { results: [pluginSkill("jtl-import")] },
  ),
  tool(
    "get_scenario",
    "Read a scenario with its user profiles and their load strategies (timings in milliseconds).",
    obj({ scenarioId: id.scenario }),
    obj({
      id: id.scenario,
      "name?": str("Scenario name"),
      "projectId?": id.project,
      userProfiles: list(
        obj({
          "name?": str("Profile name"),
          "virtualUserId?": id.virtualUser,
          "providerId?": id.provider,
          "location?": str("Provider location"),
          "loadStrategy?": anyObject("Timings: delayMs, rampUpMs, plateauMs, plateauVus, rampDownMs, stepCount, points"),
          "load?": anyObject("Same as loadStrategy, on some servers"),
        }),
        "One entry per load profile",
      ),
    }),
    { results: [POLLING] },
  ),
  tool(
    "list_bench_result_files",
    "List the files a run left behind (logs such as jmeter.log, exported PDFs).",
    obj({ benchResultId: id.benchResult }),
    obj({ files: list(str("File name"), "File names, newest last") }),
  ),
  tool(
    "read_bench_result_file_lines",
    "Read lines of a text file of a run, e.g. jmeter.log.",
    obj({ benchResultId: id.benchResult, filename: str("File name from list_bench_result_files"), "offset?": int("First line (0-based)"), "limit?": int("How many lines") }),
    obj({ lines: list(str("One line"), "The lines read"), "total?": int("Lines in the file") }),
  ),
  tool(
    "download_bench_result_file",
    "Get a short-lived presigned link to download one file of a run.",
    obj({ benchResultId: id.benchResult, filename: str("File name from list_bench_result_files") }),
    presigned,
    { results: [PDF, AGENTS_MD] },
  ),
  tool(
    "get_bench_report",
    "Read a bench report: its runs, configuration and items.",
    obj({ reportId: id.report }),
    obj({
      id: id.report,
      projectId: id.project,
      name: str("Report name"),
      benchResultIds: list(id.benchResult, "Runs shown in the report"),
      "configs?": list(anyObject("Per-run configuration"), "Run configurations"),
      "items?": list(anyObject("A report item; @type names its kind"), "Report items"),
      "url?": str("Link to the report in the OctoPerf UI"),
    }),
  ),
  tool(
    "list_bench_docker_logs",
    "List the container logs of a run, to see why it failed to start or broke down.",
    obj({ benchResultId: id.benchResult }),
    obj({ logs: list(anyObject("One container log"), "Container logs") }),
  ),
];
