// The OctoPerf server a login is for, unless told otherwise, and the command
// that signs in. The URL is the one the plugin's own .mcp.json names (checked
// in test/auth/hosted.test.ts); OctoPerf documents it as its hosted MCP server
// (Streamable HTTP, OAuth 2.1 with PKCE and dynamic client registration).
export const HOSTED_MCP_URL = "https://api.octoperf.com/mcp";

/** What a user types to sign in; every "not signed in" message names it. */
export const LOGIN_COMMAND = "octoperf-wait login";

/** How this client introduces itself to the authorization server when it registers. */
export const CLIENT_NAME = "octoperf plugin (octoperf-wait)";
