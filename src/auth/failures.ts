// Which errors from an MCP connection mean "sign in again": for the
// watcher's MCP backend, which turns them into its auth exit with a message
// that names the login command.
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InvalidClientError, InvalidGrantError, InvalidTokenError, UnauthorizedClientError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { AuthFailure, LoginRequiredError } from "./errors.js";

/**
 * An AuthFailure for an error that a new sign-in would fix (or that is
 * already one), else undefined: a 401 from the server even after a refresh,
 * a refresh token or client the authorization server no longer knows, the
 * SDK giving up on authorization.
 */
export function loginFailureOf(error: unknown, serverUrl: string): AuthFailure | undefined {
  if (error instanceof AuthFailure) return error;
  if (error instanceof StreamableHTTPError && error.code === 401) return new LoginRequiredError(serverUrl, "the server refused the stored sign-in (HTTP 401)");
  if (error instanceof InvalidGrantError || error instanceof InvalidTokenError) return new LoginRequiredError(serverUrl, "the sign-in has expired or was revoked");
  if (error instanceof InvalidClientError || error instanceof UnauthorizedClientError) return new LoginRequiredError(serverUrl, "the authorization server no longer knows this client");
  if (error instanceof UnauthorizedError) return new LoginRequiredError(serverUrl, "the server asked for a sign-in");
  return undefined;
}
