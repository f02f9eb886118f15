// OctoPerf sign-in for the watcher: the public API. Hooks that only need to
// know whether a login exists import ./login-state.js directly (no SDK).
export { HOSTED_MCP_URL, LOGIN_COMMAND, MCP_URL_ENV, signInServerUrl } from "./hosted.js";
export { AuthFailure, LoginRequiredError, SignInError, UnsafeStoreError, loginCommandFor, type AuthFailureKind } from "./errors.js";
export { isLoggedIn, readLoginState, type LoginState } from "./login-state.js";
export { configDirFor, type Env } from "./paths.js";
export { authProviderFor, loginCommand, logoutCommand, statusCommand, type AuthOptions, type LoginOptions } from "./commands.js";
export { loginFailureOf } from "./failures.js";
export { runAuthCommand, isAuthCommand, AUTH_USAGE } from "./cli.js";
