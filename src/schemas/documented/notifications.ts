// Notifications sent on test events (e-mail, chat, HTTP, Jira).
import { bool, id, list, obj, oneOf, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

export const NOTIFICATION_CHANNELS = ["email", "slack", "teams", "google_chat", "webex", "http", "jira"] as const;
const EVENTS = ["TEST_STARTED", "TEST_ENDED", "TEST_PASSED", "TEST_FAILED", "TEST_ERROR"] as const;
const eventIds = list(oneOf(EVENTS, "A test event"), "Events that trigger it", { minItems: 1 });
const filters = anyObject("Which scenarios or projects it applies to");
const label = (channel: string) => (channel === "http" ? "an HTTP call" : channel === "email" ? "an e-mail" : `a ${channel.replace("_", " ")} message`);

const create = (channel: string): ToolDefinition =>
  tool(
    `create_${channel}_notification`,
    `Send ${label(channel)} when chosen test events happen.`,
    obj({
      workspaceId: id.workspace,
      name: str("Notification name"),
      eventIds,
      "filters?": filters,
      "settings?": anyObject("Channel settings (address, webhook, project...)"),
      ...(channel === "email" ? { "attachPdfReport?": bool("Attach the PDF report") } : {}),
    }),
    obj({ id: id.notification }),
  );

const update = (channel: string): ToolDefinition =>
  tool(`update_${channel}_notification`, `Change ${label(channel)} notification.`, obj({ notificationId: id.notification, "eventIds?": eventIds, "filters?": filters, "settings?": anyObject("Channel settings") }));

const jira = obj({ workspaceId: id.workspace, "settings?": anyObject("Jira URL and credentials") });

export const NOTIFICATION_TOOLS: readonly ToolDefinition[] = [
  tool("list_notifications_by_workspace", "List the notifications of a workspace.", obj({ workspaceId: id.workspace })),
  tool("get_notification", "Read a notification.", obj({ notificationId: id.notification })),
  tool("list_notifications_matching_scenario", "List the notifications a run of this scenario would send.", obj({ workspaceId: id.workspace, scenarioId: id.scenario })),
  ...NOTIFICATION_CHANNELS.map(create),
  tool("check_jira_notification_connection", "Test the Jira connection of a notification.", jira),
  tool("list_jira_notification_boards", "List the Jira boards a notification can post to.", jira),
  tool("list_jira_notification_statuses", "List the Jira statuses available.", jira),
  tool("list_jira_notification_transitions", "List the Jira transitions available.", jira),
  ...NOTIFICATION_CHANNELS.map(update),
  tool("delete_notification", "Delete a notification.", obj({ notificationId: id.notification })),
  tool("test_notification", "Send a test message through a notification.", obj({ notificationId: id.notification })),
];
