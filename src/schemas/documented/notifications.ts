// Notifications sent on test events (e-mail, chat, HTTP, Jira), as OctoPerf's
// notifications skill describes them (NOTIFICATIONS below): every create tool
// takes workspaceId, eventIds (at least one) and optional filters, plus its
// channel's target and secret, whose argument names no source gives; an
// update takes the same plus notificationId. The Jira tools take a
// `connection`, and create_jira_notification a `board` built from the lookups.
import { bool, id, int, list, obj, oneOf, str, type JsonSchema } from "../json-schema.js";
import { tool, type Citation, type ToolDefinition } from "../tool-entry.js";
import { pluginSkill } from "./sources.js";

const NOTIFICATIONS = pluginSkill("notifications");
export const NOTIFICATION_CHANNELS = ["email", "slack", "teams", "google_chat", "webex", "http", "jira"] as const;
const EVENTS = ["TEST_STARTED", "TEST_ENDED", "TEST_PASSED", "TEST_FAILED", "TEST_ERROR"] as const;
const MATCH_TYPES = ["CONTAINS", "EQUALS", "EQUALS_IGNORECASE", "CONTAINS_IGNORECASE", "STARTS_WITH", "ENDS_WITH"] as const;
const CONNECTION_TYPES = ["JIRA_CLOUD", "JIRA_DATA_CENTER_BASIC", "JIRA_DATA_CENTER_ACCESS_TOKEN"] as const;

const eventIds = list(oneOf(EVENTS, "A test event"), "Events that trigger it", { minItems: 1 });
const range = obj({ "min?": int("At least"), "max?": int("At most") });
const filters = obj({
  "scenarioName?": obj({ search: str("Text to match"), "matchType?": oneOf(MATCH_TYPES, "How to match (CONTAINS by default)") }),
  "testDurationMinutes?": range,
  "concurrentUsers?": range,
}, "Which tests fire it; an omitted part is no filter");
const connection = obj({
  url: str("Jira URL (Jira Cloud: *.atlassian.net)"),
  connectionType: oneOf(CONNECTION_TYPES, "How to authenticate"),
  "email?": str("Account e-mail (Cloud) or user name (Data Center basic)"),
  apiKey: str("API token, password or personal access token (write-only)"),
}, "How to reach Jira");
const board = obj({
  boardId: str("Jira board"),
  projectId: str("Jira project of the board"),
  statusId: str("Source status column"),
  "issueNameFilter?": str("Word in the issue summary; empty for every issue"),
  "passTransitionId?": str("Transition on TEST_PASSED"),
  "failTransitionId?": str("Transition on TEST_FAILED"),
  "errorTransitionId?": str("Transition on TEST_ERROR"),
}, "Where the notification comments and moves issues");

const label = (channel: string) => (channel === "http" ? "an HTTP call" : channel === "email" ? "an e-mail" : `a ${channel.replace("_", " ")} message`);
/** The channel's target and secret: their argument names are not published, so the arguments stay unverified. */
const channelFields = (channel: string): Record<string, JsonSchema> =>
  channel === "jira" ? { connection, board } : channel === "email" ? { "attachPdfReport?": bool("Attach the PDF report") } : {};
const statedArguments: Citation = { arguments: [NOTIFICATIONS] };

const create = (channel: string): ToolDefinition =>
  tool(
    `create_${channel}_notification`,
    `Send ${label(channel)} when chosen test events happen.`,
    obj({ workspaceId: id.workspace, eventIds, "filters?": filters, ...channelFields(channel) }),
    undefined,
    channel === "jira" ? statedArguments : undefined,
  );

const update = (channel: string): ToolDefinition =>
  tool(
    `update_${channel}_notification`,
    `Overwrite ${label(channel)} notification (events, filters, channel settings; resend the secret).`,
    obj({ notificationId: id.notification, workspaceId: id.workspace, eventIds, "filters?": filters, ...channelFields(channel) }),
  );

export const NOTIFICATION_TOOLS: readonly ToolDefinition[] = [
  tool("list_notifications_by_workspace", "List the notifications of a workspace, without their secrets.", obj({ workspaceId: id.workspace })),
  tool("get_notification", "Read a notification: its non-secret target and details.", obj({ notificationId: id.notification })),
  tool("list_notifications_matching_scenario", "List the notifications a run of this scenario would send.", obj({ workspaceId: id.workspace, scenarioId: id.scenario })),
  ...NOTIFICATION_CHANNELS.map(create),
  tool("check_jira_notification_connection", "Test a Jira connection.", obj({ connection }), obj({ reachable: bool("Jira answered with these credentials") }), { results: [NOTIFICATIONS] }),
  tool("list_jira_notification_boards", "List the Jira boards a connection can see, with their project.", obj({ connection })),
  tool("list_jira_notification_statuses", "List the statuses of a Jira project.", obj({ connection, projectId: str("Jira project of the chosen board") })),
  tool("list_jira_notification_transitions", "List the transitions of a board's issues.", obj({ connection, boardId: str("Jira board") })),
  ...NOTIFICATION_CHANNELS.map(update),
  tool("delete_notification", "Delete a notification.", obj({ notificationId: id.notification })),
  tool("test_notification", "Send a test message through a notification.", obj({ notificationId: id.notification })),
];
