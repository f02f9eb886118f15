// Project assets: variables, HTTP servers and project files.
import { bool, id, int, list, obj, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

const variable = str("Variable id");
const server = str("HTTP server id");
const filename = str("File name in the project");
const named = (extra: Record<string, ReturnType<typeof str>> = {}) => obj({ projectId: id.project, name: str("Variable name"), ...extra });

export const PROJECT_ASSET_TOOLS: readonly ToolDefinition[] = [
  tool("list_variables", "List the variables of a project.", obj({ projectId: id.project })),
  tool("create_constant_variable", "Create a variable with one fixed value.", named({ value: str("The value") })),
  tool(
    "create_csv_variable",
    "Create variables read row by row from a CSV file of the project.",
    obj({ projectId: id.project, name: str("Variable name"), filename, "columns?": list(str("Column name"), "Column names"), "ignoreFirstLine?": bool("Skip the header row"), "delimiter?": str("Column separator") }),
  ),
  tool("create_counter_variable", "Create a counter that increases on each use.", obj({ projectId: id.project, name: str("Variable name"), "start?": int("First value"), "increment?": int("Step") })),
  tool("create_random_variable", "Create a variable that takes a random value on each use.", obj({ projectId: id.project, name: str("Variable name"), "min?": int("Lowest value"), "max?": int("Highest value") })),
  tool("create_secret_variable", "Create a variable whose value is stored encrypted and never shown.", named({ value: str("The secret value") })),
  tool("delete_variable", "Delete a variable.", obj({ projectId: id.project, variableId: variable })),
  tool("list_http_servers_by_project", "List the HTTP servers (hosts) the project's virtual users call.", obj({ projectId: id.project })),
  tool("list_http_server_usages", "Show which requests use an HTTP server.", obj({ projectId: id.project, serverId: server })),
  tool("update_http_server", "Change an HTTP server's host, port or scheme.", obj({ projectId: id.project, serverId: server, server: anyObject("New definition") })),
  tool("delete_http_server", "Delete an HTTP server.", obj({ projectId: id.project, serverId: server })),
  tool("delete_unused_http_servers", "Delete the HTTP servers no request uses.", obj({ projectId: id.project })),
  tool("list_project_files", "List the files attached to a project (CSV data, certificates...).", obj({ projectId: id.project }), obj({ files: list(str("File name"), "File names") })),
  tool(
    "read_project_file_lines",
    "Read lines of a text file of a project.",
    obj({ projectId: id.project, filename, "offset?": int("First line (0-based)"), "limit?": int("How many lines") }),
    obj({ lines: list(str("One line"), "The lines read") }),
  ),
  tool("upload_project_file", "Get a presigned upload that adds a file to a project.", obj({ projectId: id.project, filename })),
  tool("download_project_file", "Get a presigned link to download a file of a project.", obj({ projectId: id.project, filename })),
  tool("delete_project_file", "Delete a file of a project.", obj({ projectId: id.project, filename })),
];
