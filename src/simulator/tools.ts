// What each simulated MCP tool does: one handler per tool name, over the
// platform. Results follow the catalog's output schemas.
import { LOAD_PROFILES_TOOL } from "../policy/index.js";
import type { Platform } from "./platform.js";
import { integer, text, texts, type ToolArgs } from "./tool-args.js";

export type ToolResult = Readonly<Record<string, unknown>>;
type Handler = (platform: Platform, args: ToolArgs) => ToolResult;

const iso = (ms: number): string => new Date(ms).toISOString();

export const TOOL_HANDLERS: Readonly<Record<string, Handler>> = {
  [LOAD_PROFILES_TOOL]: (p, a) => structuredClone(p.scenario(text(a, "scenarioId"))) as unknown as ToolResult,
  run_scenario: (p, a) => {
    const report = p.runScenario(text(a, "scenarioId"));
    return { benchReportId: report.id, benchResultIds: [...report.benchResultIds] };
  },
  get_bench_result: (p, a) => {
    const view = p.benchResult(text(a, "benchResultId"));
    return {
      id: view.id,
      state: view.state,
      ...(view.scenarioId ? { scenarioId: view.scenarioId } : {}),
      ...(view.benchReportId ? { batchId: view.benchReportId } : {}),
      designProjectId: view.designProjectId,
      resultProjectId: view.resultProjectId,
      createdAt: iso(view.created),
    };
  },
  get_bench_status: (p, a) => {
    const percent = p.progress(text(a, "benchResultId"));
    return { progress: p.faults.progressFraction ? percent / 100 : percent };
  },
  stop_bench_result: (p, a) => {
    const view = p.stop(text(a, "benchResultId"));
    return { benchResultId: view.id, state: view.state };
  },
  // Any providerId and location work here; the input schema has checked they are given.
  validate_virtual_user: (p, a) => p.validate(text(a, "projectId"), text(a, "virtualUserId"), integer(a, "iterations", 1)),
  get_virtual_user_validation: (p, a) => p.validation(text(a, "projectId"), text(a, "virtualUserId")),
  get_bench_report: (p, a) => {
    const report = p.report(text(a, "reportId"), "reportId");
    return { ...report, benchResultIds: [...report.benchResultIds], configs: [], items: [{ "@type": "SummaryReportItem", id: "summary" }] };
  },
  list_bench_result_files: (p, a) => ({ files: p.files(text(a, "benchResultId")) }),
  read_bench_result_file_lines: (p, a) =>
    p.fileLines(text(a, "benchResultId"), text(a, "filename"), integer(a, "offset", 0), integer(a, "limit", 200)),
  export_bench_report_pdf: (p, a) => p.exportPdf(text(a, "benchReportId")),
  export_bench_reports_pdf: (p, a) => p.exportPdfs(texts(a, "benchReportIds")),
  apply_correlations_to_virtual_user: (p, a) => p.applyCorrelations(text(a, "projectId"), text(a, "virtualUserId")),
  update_report_data: (p, a) => p.updateReportData(text(a, "reportId")),
  import_jtl_report: (p, a) => p.importJtl(text(a, "projectId")),
  get_task_result: (p, a) => {
    const { taskId, status, message } = p.task(text(a, "taskId"));
    return { taskId, status, message };
  },
};

export const SIMULATED_TOOLS: readonly string[] = Object.keys(TOOL_HANDLERS);
