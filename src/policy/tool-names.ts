// The names an OctoPerf MCP tool has inside Claude Code: `mcp__octoperf__x`
// when the user configured the server, `mcp__plugin_octoperf_octoperf__x` when
// it comes from this plugin's .mcp.json. Hook matchers are derived from here.

export const PLUGIN_NAME = "octoperf";
export const SERVER_NAME = "octoperf";
export const TOOL_PREFIXES = [`mcp__${SERVER_NAME}__`, `mcp__plugin_${PLUGIN_NAME}_${SERVER_NAME}__`] as const;

export function claudeToolNames(tool: string): string[] {
  return TOOL_PREFIXES.map((prefix) => prefix + tool);
}

/** The bare OctoPerf tool name of a Claude Code tool name, if it is one of ours. */
export function bareToolName(claudeName: string): string | undefined {
  for (const prefix of TOOL_PREFIXES) {
    if (claudeName.startsWith(prefix)) return claudeName.slice(prefix.length);
  }
  return undefined;
}

/** An exact-name hook matcher ("a|b|c") covering both forms of each tool. */
export function hookMatcher(tools: readonly string[]): string {
  return tools.flatMap(claudeToolNames).join("|");
}
