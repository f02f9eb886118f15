// Reading the values behind report items, one tool per kind of item.
import { bool, id, int, list, num, obj, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

const itemArgs = obj({ reportId: id.report, itemId: id.item });
const sampleType = str("Kind of sample (e.g. HTTP, CONTAINER)");
const values = (kind: string, description: string): ToolDefinition =>
  tool(`get_report_${kind}_values`, description, itemArgs);

export const REPORT_VALUE_TOOLS: readonly ToolDefinition[] = [
  tool(
    "get_report_summary_values",
    "Read the numbers of a summary item, in the order of the item's metrics.",
    itemArgs,
    obj({ values: list(num("A value"), "One value per metric of the item") }),
  ),
  values("table", "Read the rows of a table item."),
  values("tree", "Read a tree item: values per container and request."),
  values("top", "Read a top item: the best or worst requests by a metric."),
  values("pie", "Read the slices of a pie chart item."),
  values("line_chart", "Read the series of a line chart item."),
  values("stacked_chart", "Read the series of a stacked chart item."),
  tool(
    "get_report_area_range_values",
    "Read an area-range item: a curve against a reference band, with the error between them.",
    itemArgs,
    obj({ curve: list(anyObject("A point"), "Measured curve"), reference: list(anyObject("A point"), "Reference band"), "rmse?": num("Root mean square error") }),
  ),
  tool("get_report_insights", "Read the automatic findings of a report item.", itemArgs),
  tool(
    "get_report_errors",
    "Read the errors of a run as shown in an errors item, with failed assertions.",
    itemArgs,
    obj({ errors: list(obj({ "actionId?": id.action, errorMessage: str("What went wrong"), "assertions?": list(anyObject("A failed assertion"), "Assertions"), "timestamp?": int("When (epoch ms)") }), "Errors") }),
  ),
  tool("fetch_bench_error_http", "Fetch the request and response of one recorded error of a run.", obj({ benchResultId: id.benchResult, actionId: id.action, timestamp: int("When the error happened (epoch ms)") })),
  tool(
    "get_report_threshold_alarms",
    "Read the threshold alarms raised during a run.",
    itemArgs,
    obj({ alarms: list(obj({ thresholdId: str("Threshold"), counterId: str("Counter"), "connectionId?": str("Monitor connection"), severity: str("Severity") }), "Alarms") }),
  ),
  tool("get_report_textual_monitors", "Read the text values reported by monitors during a run.", itemArgs),
  tool("list_bench_load_generators", "List the load generators a run used and their health.", itemArgs),
  values("monitors_table", "Read the table of monitor counters of a run."),
  tool("get_report_item_allow_select", "Tell which choices an item's selectors allow.", itemArgs),
  tool("get_report_tag_keys", "List the tag keys available for filtering a report.", obj({ reportId: id.report, sampleType })),
  tool(
    "get_report_tag_values",
    "List the values of some tag keys, optionally under filters.",
    obj({ reportId: id.report, sampleType, tagKeys: list(str("Tag key"), "Keys"), "filters?": list(anyObject("A filter"), "Filters") }),
  ),
  tool(
    "validate_report_item",
    "Check an item's definition before saving it.",
    itemArgs,
    obj({ valid: bool("The item can be shown"), violations: list(str("A problem"), "Problems found") }),
  ),
];
