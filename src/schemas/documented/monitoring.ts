// Server monitoring, as OctoPerf's monitoring skill describes it (MONITORING
// below): project-scoped monitors that run through a workspace agent, one
// create tool per kind of target, then counters and applications to choose.
// The create tools take the target's connection details, whose argument names
// no source gives: their arguments stay unverified.
import { anyObject, bool, id, list, obj, str } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";
import { pluginSkill } from "./sources.js";

const MONITORING = pluginSkill("monitoring");

/** Every kind of monitor that has its own create tool. */
export const MONITOR_KINDS = [
  "linux", "postgres", "mysql", "oracle", "mongodb", "nginx", "apache_httpd", "lighttpd", "prometheus",
  "generic_jmx", "tomcat", "jmeter", "iis", "windows", "sqlserver", "newrelic", "sla",
] as const;

const readable = (kind: string) => kind.replace(/_/g, " ");
const applications = list(str("Application name, from list_monitor_applications"), "Applications whose counters to include");
const agent = str("Monitoring agent (UP, in the workspace that owns the project) that opens the connection");

const createMonitor = (kind: string): ToolDefinition =>
  tool(
    `create_${kind}_monitor`,
    `Create a monitor that collects ${readable(kind)} counters during every run of the project's scenarios.`,
    obj({ projectId: id.project, agentId: agent }),
  );

export const MONITORING_TOOLS: readonly ToolDefinition[] = [
  tool("list_monitors_by_project", "List the monitors of a project, without their credentials.", obj({ projectId: id.project })),
  tool("get_monitor", "Read a monitor: type, agent, target, enabled, tags (no credentials).", obj({ monitorId: id.monitor })),
  tool(
    "list_workspace_agents",
    "List the monitoring agents of a workspace with their state; only an UP agent can run a monitor.",
    obj({ workspaceId: id.workspace }),
    obj({ agents: list(obj({ "id?": str("Agent id"), state: str("Agent state, UP when usable") }), "Agents") }),
    { results: [MONITORING] },
  ),
  ...MONITOR_KINDS.map(createMonitor),
  tool(
    "check_monitor_connection",
    "Ask the agent to open the monitor's connection and authenticate (synchronous, up to about a minute).",
    obj({ monitorId: id.monitor }),
    obj({ reachable: bool("The target answered with valid credentials"), "message?": str("The agent's error when not reachable") }),
    { results: [MONITORING] },
  ),
  tool(
    "list_monitor_applications",
    "List the applications (disks, network interfaces, processes, webapps...) a monitor can collect counters for.",
    obj({ monitorId: id.monitor }),
    obj({ applications: list(obj({ type: str("Kind of application"), name: str("Application name") }), "Applications") }),
    { results: [MONITORING] },
  ),
  tool(
    "preview_monitor_counters",
    "Show a monitor's counter tree as slash-joined paths, with what is selected by default and now.",
    obj({ monitorId: id.monitor, "applications?": applications }),
    obj({ counters: list(obj({ path: str("Slash-joined counter path"), selectedByDefault: bool("Selected by the type's default"), selected: bool("Collected now") }), "Counters") }),
    { results: [MONITORING] },
  ),
  tool(
    "update_monitor_counters",
    "Replace the counters a monitor collects with the chosen paths (a folder keeps its subtree); without paths, back to the defaults.",
    obj({ monitorId: id.monitor, "applications?": applications, "counterPaths?": list(str("Counter path"), "Counters to keep") }),
  ),
  tool("organize_monitor_counters", "Group a monitor's counters for display.", obj({ monitorId: id.monitor, groups: list(anyObject("A group of counters"), "Groups") })),
  tool("set_monitor_thresholds", "Set warning and critical thresholds on a monitor's counters.", obj({ monitorId: id.monitor })),
  tool("get_monitor_counters", "List the counters a monitor collects, with their thresholds.", obj({ monitorId: id.monitor })),
  tool(
    "update_monitor",
    "Rename, enable or disable, retag, or move a monitor to another agent; the counters stay as they are.",
    obj({ monitorId: id.monitor, "name?": str("New name"), "enabled?": bool("Collected on runs"), "tags?": list(str("Tag"), "Tags"), "agentId?": agent }),
  ),
  tool("delete_monitor", "Delete a monitor; recorded values of past runs stay.", obj({ monitorId: id.monitor })),
];
