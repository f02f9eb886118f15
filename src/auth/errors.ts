// Typed failures of signing in and of using a stored login. The watcher turns
// every AuthFailure into its auth exit (3); messages hold a server URL and a
// file path at most, never a token, a code or a client secret.
import { printable } from "../policy/duration.js";
import { HOSTED_MCP_URL, LOGIN_COMMAND } from "./hosted.js";

export type AuthFailureKind = "login-required" | "unsafe-store" | "sign-in-failed";

export abstract class AuthFailure extends Error {
  abstract readonly kind: AuthFailureKind;
}

/** No usable login for the server: never signed in, signed out, or the sign-in expired and cannot be renewed. */
export class LoginRequiredError extends AuthFailure {
  override name = "LoginRequiredError";
  readonly kind = "login-required";
  constructor(
    readonly serverUrl: string,
    reason: string,
  ) {
    super(`${reason} for ${shownUrl(serverUrl)}: run \`${loginCommandFor(serverUrl)}\``);
  }
}

/** The folder that holds tokens could be written (or the files read) by someone else: nothing is read or written. */
export class UnsafeStoreError extends AuthFailure {
  override name = "UnsafeStoreError";
  readonly kind = "unsafe-store";
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`refusing the credential folder ${path}: ${reason}`);
  }
}

/** The browser sign-in did not finish: refused, timed out, or the server answered something unusable. */
export class SignInError extends AuthFailure {
  override name = "SignInError";
  readonly kind = "sign-in-failed";
}

/** A server URL as it may be shown: one printable line, capped. */
export function shownUrl(serverUrl: string): string {
  return printable(serverUrl, 200);
}

/** The login command for a server: the hosted one needs no flag. */
export function loginCommandFor(serverUrl: string): string {
  return serverUrl === HOSTED_MCP_URL ? LOGIN_COMMAND : `${LOGIN_COMMAND} --mcp-url ${shownUrl(serverUrl)}`;
}
