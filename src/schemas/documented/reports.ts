// Bench reports as objects: listing, editing, trend and comparison reports, templates.
import { id, int, list, obj, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

const reportRef = obj({ id: id.report, name: str("Report name"), benchResultIds: list(id.benchResult, "Runs in the report"), "url?": str("Link in the OctoPerf UI") });
const created = obj({ id: id.report });
const trendBase = { projectId: id.project, "name?": str("Name of the new report") };

export const REPORT_TOOLS: readonly ToolDefinition[] = [
  tool(
    "list_bench_reports_by_project",
    "List a project's reports, and which of them need or are getting a data update.",
    obj({ projectId: id.project }),
    obj({
      reports: list(reportRef, "Reports"),
      "reportIdsNeedingDataUpdate?": list(id.report, "Reports whose data is stale"),
      "reportIdsBeingUpdated?": list(id.report, "Reports being rebuilt now"),
    }),
  ),
  tool("update_bench_report", "Replace a report with a new definition.", obj({ reportId: id.report, report: anyObject("The full report") })),
  tool("patch_bench_report", "Change part of a report (name, items, configs).", obj({ reportId: id.report, patch: anyObject("Fields to change") })),
  tool("delete_bench_report", "Delete a report.", obj({ reportId: id.report })),
  tool("create_trend_report_by_tags", "Create a trend report over the runs that carry some tags.", obj({ ...trendBase, tags: list(str("Tag"), "Tags to match") }), created),
  tool("create_trend_report_by_name", "Create a trend report over the runs whose name matches.", obj({ ...trendBase, namePattern: str("Name or part of it") }), created),
  tool(
    "create_trend_report_by_creation_date",
    "Create a trend report over the runs started in a time window.",
    obj({ ...trendBase, fromMs: int("Window start (epoch ms)"), toMs: int("Window end (epoch ms)") }),
    created,
  ),
  tool(
    "create_comparison_report",
    "Create a report that compares several runs side by side.",
    obj({ benchResultIds: list(id.benchResult, "Runs to compare", { minItems: 2 }), "names?": list(str("Label"), "Label per run") }),
    created,
  ),
  tool("list_report_templates", "List the report templates of a project.", obj({ projectId: id.project })),
  tool("get_report_template", "Read a report template.", obj({ projectId: id.project, templateId: id.template })),
  tool("patch_report_template", "Change part of a report template.", obj({ projectId: id.project, templateId: id.template, patch: anyObject("Fields to change") })),
  tool(
    "create_report_template_from_report",
    "Save a report's layout as a template for later runs.",
    obj({ reportId: id.report, "name?": str("Template name"), "description?": str("Free text") }),
    obj({ id: id.template, itemCount: int("Items in the template"), sourceItemCount: int("Items in the report"), "runSpecificFilterFields?": list(str("Field"), "Filters tied to one run, dropped") }),
  ),
  tool("apply_report_template", "Lay out a report with a template.", obj({ reportId: id.report, templateId: id.template })),
  tool("update_report_template", "Replace a report template.", obj({ projectId: id.project, templateId: id.template, template: anyObject("The full template") })),
  tool("delete_report_template", "Delete a report template.", obj({ projectId: id.project, templateId: id.template })),
];
