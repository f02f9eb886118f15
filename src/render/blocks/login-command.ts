// Generated regions of commands/login.md: sign in to OctoPerf from the
// session, so the hooks' background watcher can wait outside the model. The
// typed argument is one of a fixed set of words; each word maps to one
// command written here in full, so nothing the user typed reaches a shell.
// The sign-in runs under Monitor: every line it prints is an event, so the
// model sees the sign-in URL while the loopback still waits for the browser
// (and can show it on a remote shell), then the outcome line.
import { LOGIN_COMMAND } from "../../auth/hosted.js";
import { SIGN_IN_TIMEOUT_MS } from "../../auth/sign-in.js";
import { code } from "../../calls/words.js";

export const LOGIN_USAGE = "/octoperf:login [login | status | logout]";

/** What each accepted word runs: the watcher's own subcommands, by the name bin/ puts on PATH. */
const WATCHER = LOGIN_COMMAND.split(" ")[0]!;
export const LOGIN_WORDS = ["login", "status", "logout"] as const;
export type LoginWord = (typeof LOGIN_WORDS)[number];

/** The one shell command each word runs, as the body gives it (the sign-in's stderr joins its stdout, for Monitor). */
export function loginShellCommand(word: LoginWord): string {
  return word === "login" ? `${WATCHER} login 2>&1` : `${WATCHER} ${word}`;
}

/** Monitor's own limit for the sign-in: the sign-in's timeout and one minute more, so its last line always arrives. */
export const LOGIN_MONITOR_TIMEOUT_MS = SIGN_IN_TIMEOUT_MS + 60_000;
/** Not "OctoPerf ...": /octoperf:stop-wait stops Monitors whose description starts so, and a sign-in is not a wait. */
export const LOGIN_MONITOR_DESCRIPTION = "Sign in to OctoPerf";

export type LoginParse = { readonly ok: true; readonly word: LoginWord } | { readonly ok: false; readonly problem: string };

/** The reference reading of the argument the body states: empty means login; one word of LOGIN_WORDS; nothing else. */
export function parseLoginArgument(args: string): LoginParse {
  const text = args.trim();
  if (text === "") return { ok: true, word: "login" };
  const word = LOGIN_WORDS.find((w) => w === text);
  return word ? { ok: true, word } : { ok: false, problem: `expected nothing or one of ${LOGIN_WORDS.join(", ")}` };
}

export function loginUsage(): string {
  return [
    `Usage: ${code(LOGIN_USAGE)}`,
    "",
    "Examples:",
    `- ${code("/octoperf:login")}: sign in to OctoPerf in the browser, once; the hooks then wait on every run outside the model.`,
    `- ${code("/octoperf:login status")}: signed in or not, and until when.`,
    `- ${code("/octoperf:login logout")}: forget the stored sign-in.`,
  ].join("\n");
}

export function loginSteps(): string {
  const monitor = JSON.stringify({ command: loginShellCommand("login"), description: LOGIN_MONITOR_DESCRIPTION, timeout_ms: LOGIN_MONITOR_TIMEOUT_MS });
  return [
    `1. **Check the argument first.** Empty or ${code("login")}: sign in (step 2). ${code("status")}: step 3. ${code("logout")}: step 4. Anything else (other words, quotes, ${code("$")}, backticks, line breaks): answer with the usage line and an example, and stop. Run only the commands below, exactly as written: never put the argument in a command.`,
    `2. **Sign in.** Call Monitor with ${code(monitor)}. Each line it prints comes to you as an event. When a line says ${code("Open this page to sign in: <url>")}, show the user that URL on its own line, with every ${code("&amp;")} written back as ${code("&")} (Claude Code 2.1.330 escapes event text as XML), and say a browser should have opened; on a remote shell they open it themselves and sign in there. The last line says ${code("signed in to ...")}: tell the user the login is stored in their config folder, readable by them alone, and the next run they start is waited on by the hooks' background watcher, outside the model, which wakes you once with the outcome. Any other last line says why the sign-in failed: report it in one sentence; waits go on as before (you poll, the hooks pace you), so nothing is blocked.`,
    `3. **Status.** Run ${code(loginShellCommand("status"))} with Bash and report its one line (it never shows a token). Not signed in: say ${code("/octoperf:login")} signs in.`,
    `4. **Sign out.** Run ${code(loginShellCommand("logout"))} with Bash and report its one line.`,
    "5. **Never** ask for, print or store a token, a password or an API key yourself: the sign-in happens in the browser and the watcher keeps what it receives.",
  ].join("\n");
}
