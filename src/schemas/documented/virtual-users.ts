// Virtual users: reading, validation results, imports from other tools, edits.
import { bool, id, int, list, obj, oneOf, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";
import { pluginSkill } from "./sources.js";

const TRIAGE = pluginSkill("validation-triage");

const presignedUpload = obj({ url: str("Presigned upload URL"), method: str("HTTP method of the upload"), "expiresAt?": str("Expiry (ISO-8601)"), "instructions?": str("How to upload") });
const HTTP_BODY_KINDS = ["RECORDED_REQUEST", "RECORDED_RESPONSE", "VALIDATION_REQUEST", "VALIDATION_RESPONSE"] as const;
const timestamp = int("Timestamp of one validation iteration (epoch ms)");
const projectOnly = obj({ projectId: id.project });
const conversion = obj({
  "virtualUserId?": id.virtualUser,
  "portability?": oneOf(["MECHANICAL", "ASSISTED", "MOSTLY_MANUAL"], "How much manual work the conversion left"),
  "unconverted?": list(obj({ kind: str("What was not converted"), "marker?": str("Where it sits"), "virtualUser?": str("Virtual user name"), "facts?": anyObject("Details, typed by @type") }), "Parts left to convert by hand"),
});

export const VIRTUAL_USER_TOOLS: readonly ToolDefinition[] = [
  tool("get_virtual_user", "Read a virtual user with its full action tree.", obj({ virtualUserId: id.virtualUser })),
  tool("describe_virtual_user", "Summarise a virtual user's structure in a compact, readable form.", obj({ virtualUserId: id.virtualUser })),
  tool(
    "sanity_check_virtual_user",
    "Check a virtual user for common mistakes before running it.",
    obj({ virtualUserId: id.virtualUser }),
    obj({ findings: list(obj({ level: str("Severity"), message: str("What is wrong") }), "Findings") }),
  ),
  tool(
    "get_virtual_user_validation_index",
    "Per action of the last validation: how many iterations succeeded, and when each success and failure happened.",
    obj({ virtualUserId: id.virtualUser }),
    obj({
      actions: list(
        obj({ actionId: id.action, success: int("Successful iterations"), total: int("Iterations"), "successTimestamps?": list(timestamp, "When it succeeded"), "failedTimestamps?": list(timestamp, "When it failed") }),
        "One entry per action; empty when the engine crashed",
      ),
    }),
    { results: [TRIAGE] },
  ),
  tool(
    "get_validation_failure_detail",
    "Show the recorded and replayed request and response of one action in one validation iteration.",
    obj({ virtualUserId: id.virtualUser, actionId: id.action, "timestamp?": timestamp }),
    obj({ "recordedRequest?": anyObject("As recorded"), "recordedResponse?": anyObject("As recorded"), "validationRequest?": anyObject("As replayed"), "validationResponse?": anyObject("As replayed") }),
  ),
  tool(
    "fetch_validation_http_body",
    "Fetch one HTTP body (recorded or replayed, request or response) of a validation iteration.",
    obj({ projectId: id.project, virtualUserId: id.virtualUser, actionId: id.action, timestamp, kind: oneOf(HTTP_BODY_KINDS, "Which body") }),
    undefined,
    { arguments: [TRIAGE] },
  ),
  tool(
    "import_har_virtual_user",
    "Get a presigned upload that turns a HAR recording into a virtual user.",
    obj({
      projectId: id.project,
      "adBlocking?": bool("Drop requests to known ad and tracking hosts"),
      "resources?": oneOf(["REMOVE", "KEEP_ALL"], "What to do with static resources"),
      "thinktime?": oneOf(["THINKTIMES", "DELAYS"], "How recorded pauses are replayed"),
      "maxThinktimeMs?": int("Longest pause kept"),
      "virtualUserId?": str("Existing virtual user to replace"),
    }),
    presignedUpload,
  ),
  tool("import_postman_virtual_user", "Get a presigned upload that turns a Postman collection into a virtual user.", projectOnly, presignedUpload),
  tool("import_playwright_virtual_user", "Get a presigned upload for a Playwright spec that becomes a real-browser virtual user.", projectOnly, presignedUpload),
  tool("upload_jmx_virtual_user", "Get a presigned upload that imports a JMeter .jmx plan as virtual users.", projectOnly, presignedUpload),
  tool("analyze_neoload_project", "Analyse a NeoLoad project before import and say how portable it is.", obj({ projectId: id.project, "providerId?": id.provider }), conversion),
  tool("import_neoload_virtual_user", "Convert a NeoLoad project into virtual users and list what was not converted.", obj({ projectId: id.project, providerId: id.provider }), conversion),
  tool("analyze_loadrunner_project", "Analyse a LoadRunner project before import and say how portable it is.", projectOnly, conversion),
  tool("import_loadrunner_virtual_user", "Convert a LoadRunner project into virtual users and list what was not converted.", projectOnly, conversion),
  tool(
    "import_urls_virtual_user",
    "Build a virtual user from a list of URLs, optionally crawling from them.",
    obj({ projectId: id.project, urls: list(str("A URL"), "URLs to visit"), "crawl?": oneOf(["DO_NOT_CRAWL", "CRAWL"], "Whether to follow links") }),
  ),
  tool("import_webdriver_virtual_user", "Get a presigned upload for a WebDriver script that becomes a virtual user.", projectOnly, presignedUpload),
  tool("update_virtual_user", "Replace a virtual user with a new definition.", obj({ virtualUserId: id.virtualUser, virtualUser: anyObject("The full virtual user") })),
  tool(
    "backup_virtual_user",
    "Save a labelled copy of a virtual user before changing it.",
    obj({ virtualUserId: id.virtualUser, label: str("Label of the backup") }),
    obj({ "backupId?": str("Id of the copy"), "virtualUserId?": id.virtualUser }),
  ),
  tool("patch_virtual_user", "Apply a list of patch operations to a virtual user.", obj({ virtualUserId: id.virtualUser, ops: list(anyObject("One patch operation"), "Operations, in order") })),
  tool("delete_virtual_user", "Delete a virtual user.", obj({ virtualUserId: id.virtualUser })),
];
