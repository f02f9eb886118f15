// The OctoPerf server a login is for, unless told otherwise, and the command
// that signs in. The URL is the one the plugin's own .mcp.json names (checked
// in test/auth/hosted.test.ts); OctoPerf documents it as its hosted MCP server
// (Streamable HTTP, OAuth 2.1 with PKCE and dynamic client registration).
export const HOSTED_MCP_URL = "https://api.octoperf.com/mcp";

/**
 * Names another MCP server for login, logout, status and the watcher's
 * sign-in (a self-hosted OctoPerf; a test server on 127.0.0.1), so that
 * `/octoperf:login`, whose words are fixed, can sign in to it too.
 */
export const MCP_URL_ENV = "OCTOPERF_MCP_URL";

/** The MCP server a sign-in is for, unless a command line says otherwise: $OCTOPERF_MCP_URL, else the hosted one. */
export function signInServerUrl(env: Readonly<Record<string, string | undefined>>): string {
  const chosen = env[MCP_URL_ENV]?.trim();
  return chosen ? chosen : HOSTED_MCP_URL;
}

/** What a user types to sign in; every "not signed in" message names it. */
export const LOGIN_COMMAND = "octoperf-wait login";

/** How this client introduces itself to the authorization server when it registers. */
export const CLIENT_NAME = "octoperf plugin (octoperf-wait)";
