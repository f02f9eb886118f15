// Server monitoring: monitors of many kinds, their counters and thresholds.
import { bool, id, list, obj, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

/** Every kind of monitor that has its own create tool. */
export const MONITOR_KINDS = [
  "linux", "postgres", "mysql", "oracle", "mongodb", "nginx", "apache_httpd", "lighttpd", "prometheus",
  "generic_jmx", "tomcat", "jmeter", "iis", "windows", "sqlserver", "newrelic", "sla",
] as const;

const readable = (kind: string) => kind.replace(/_/g, " ");
const applications = list(str("Application name"), "Applications to restrict to");

const createMonitor = (kind: string): ToolDefinition =>
  tool(
    `create_${kind}_monitor`,
    `Create a monitor that collects ${readable(kind)} counters during tests.`,
    obj({ projectId: id.project, name: str("Monitor name"), "agentId?": str("Monitoring agent to collect through"), "settings?": anyObject("Connection settings of this kind of monitor") }),
    obj({ id: id.monitor }),
  );

export const MONITORING_TOOLS: readonly ToolDefinition[] = [
  tool("list_monitors_by_project", "List the monitors of a project.", obj({ projectId: id.project })),
  tool("get_monitor", "Read a monitor with its settings and counters.", obj({ monitorId: id.monitor })),
  tool("list_workspace_agents", "List the monitoring agents installed for a workspace.", obj({ workspaceId: id.workspace })),
  ...MONITOR_KINDS.map(createMonitor),
  tool(
    "check_monitor_connection",
    "Test whether a monitor can reach what it watches.",
    obj({ monitorId: id.monitor }),
    obj({ reachable: bool("The target answered"), "message?": str("Details, or the error") }),
  ),
  tool("list_monitor_applications", "List the applications a monitor can collect counters for.", obj({ monitorId: id.monitor })),
  tool("preview_monitor_counters", "Show the counters a monitor would collect, without saving.", obj({ monitorId: id.monitor, "applications?": applications })),
  tool(
    "update_monitor_counters",
    "Choose which counters a monitor collects.",
    obj({ monitorId: id.monitor, "applications?": applications, "counterPaths?": list(str("Counter path"), "Counters to keep") }),
  ),
  tool("organize_monitor_counters", "Group a monitor's counters for display.", obj({ monitorId: id.monitor, groups: list(anyObject("A group of counters"), "Groups") })),
  tool("set_monitor_thresholds", "Set warning and critical thresholds on a monitor's counters.", obj({ monitorId: id.monitor, thresholds: list(anyObject("Counter and limits"), "Thresholds") })),
  tool("get_monitor_counters", "List the counters a monitor collects.", obj({ monitorId: id.monitor })),
  tool("update_monitor", "Change a monitor's name or settings.", obj({ monitorId: id.monitor, monitor: anyObject("New definition") })),
  tool("delete_monitor", "Delete a monitor.", obj({ monitorId: id.monitor })),
];
