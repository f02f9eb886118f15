// Account, workspaces, projects and Docker providers (cloud and on-premise).
import { bool, id, list, obj, oneOf, str, anyObject, int } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

const ROLES = ["ADMIN", "TESTER", "TEST_EXECUTOR", "VIEWER", "CUSTOM"] as const;
const role = oneOf(ROLES, "Role of a member in the workspace");
const workspaceRow = obj({ id: id.workspace, name: str("Workspace name"), "role?": role });
const location = str("Location (region) name of the provider");

export const WORKSPACE_TOOLS: readonly ToolDefinition[] = [
  tool(
    "get_current_user",
    "Who is signed in: account id, e-mail, admin flag and the workspaces with the user's role in each.",
    obj({}),
    obj({ id: str("Account id"), username: str("E-mail of the account"), "platformAdmin?": bool("Platform administrator"), workspaces: list(workspaceRow, "Workspaces the user belongs to") }),
  ),
  tool("list_workspaces", "List the workspaces the user can see, with the user's role in each.", obj({}), obj({ workspaces: list(workspaceRow, "Workspaces") })),
  tool("create_workspace", "Create a workspace.", obj({ name: str("Workspace name"), "description?": str("Free text") })),
  tool("update_workspace", "Rename or describe a workspace.", obj({ workspaceId: id.workspace, "name?": str("New name"), "description?": str("Free text") })),
  tool("list_workspace_members", "List the members of a workspace and their roles.", obj({ workspaceId: id.workspace })),
  tool("add_workspace_member", "Invite a user into a workspace with a role.", obj({ workspaceId: id.workspace, username: str("E-mail of the user"), "role?": role })),
  tool("set_workspace_member_role", "Change the role of a workspace member.", obj({ workspaceId: id.workspace, userId: str("Member id"), role })),
  tool("remove_workspace_member", "Remove a member from a workspace.", obj({ workspaceId: id.workspace, userId: str("Member id") })),
  tool("list_projects_by_workspace", "List the projects of a workspace.", obj({ workspaceId: id.workspace })),
  tool("create_project", "Create a project in a workspace.", obj({ workspaceId: id.workspace, name: str("Project name"), "description?": str("Free text") })),
  tool("update_project", "Rename or describe a project.", obj({ projectId: id.project, "name?": str("New name"), "description?": str("Free text") })),
  tool(
    "delete_project",
    "Delete a project and everything in it; the project's name must be typed again as confirmation.",
    obj({ projectId: id.project, confirmProjectName: str("The project's exact name, as a safety check") }),
  ),
  tool("list_scenarios_by_project", "List the scenarios of a project.", obj({ projectId: id.project })),
  tool("list_virtual_users", "List the virtual users of a project.", obj({ projectId: id.project })),
  tool(
    "list_docker_providers_by_workspace",
    "List the load generator providers a workspace can use, with their locations.",
    obj({ workspaceId: id.workspace }),
    obj({ providers: list(obj({ id: id.provider, "name?": str("Provider name"), type: str("Provider type"), "driver?": str("Driver"), locations: list(anyObject("A location"), "Locations") }), "Providers") }),
  ),
  tool("list_public_docker_providers", "List OctoPerf's shared cloud providers and their regions.", obj({})),
  tool(
    "create_onpremise_docker_provider",
    "Create an on-premise provider with its first locations; agents then join it.",
    obj({ workspaceId: id.workspace, name: str("Provider name"), locations: list(str("Location name"), "Initial locations", { minItems: 1 }) }),
  ),
  tool("add_provider_location", "Add a location to an on-premise provider.", obj({ providerId: id.provider, location })),
  tool(
    "update_provider_location",
    "Rename a location of an on-premise provider; agents still bound to the old name are reported.",
    obj({ providerId: id.provider, location, newName: str("New location name") }),
    obj({ "orphanedAgents?": list(anyObject("An agent"), "Agents left on the old name") }),
  ),
  tool("remove_provider_location", "Remove a location from an on-premise provider.", obj({ providerId: id.provider, location })),
  tool(
    "get_onpremise_agent_command",
    "Get the shell command that installs an agent into a location of an on-premise provider.",
    obj({ providerId: id.provider, location }),
    obj({ command: str("Install command") }),
  ),
  tool(
    "list_provider_agents",
    "List the agents of an on-premise provider with their state and uninstall command.",
    obj({ providerId: id.provider }),
    obj({
      agents: list(
        // UP: OctoPerf/octoperf-claude-plugins skills/octoperf-onpremise-agent/SKILL.md (agents are re-read "until they appear UP");
        // no source lists the other states, so UP is an example, not a closed set.
        obj({ id: str("Agent id"), state: str("Agent state", { examples: ["UP"] }), "duplicateOnHost?": bool("Another agent runs on the same host"), "remoteAddr?": str("Agent address"), "uninstallCommand?": str("Command to remove it") }),
        "Agents",
      ),
    }),
  ),
  tool("get_provider_usage", "Show what uses a provider (scenarios, runs) before changing it.", obj({ providerId: id.provider, "limit?": int("Rows to return") })),
];
