// The shell around every hook: read stdin, call decide() under the session's
// state, print the decision. Fails open: any problem (bad stdin, a locked or
// corrupt state file, an exception) gives exit 0, no decision and one line on
// stderr, so a hook bug never blocks a session.
import { readFileSync, writeSync } from "node:fs";
import { hookOutput, type DecideContext, type Decided } from "./decision.js";
import { parseHookInput, type ToolHookInput } from "./input.js";
import { API_KEY_ENV, DISABLE_ENV, TEST_CLOCK_ENV } from "./environment.js";
import type { SessionState } from "./state.js";
import { stateDir, updateSession } from "./store.js";
import { safeExcerpt } from "./safe-text.js";

export type Decide = (input: ToolHookInput, state: SessionState, ctx: DecideContext) => Decided;

type Env = Readonly<Record<string, string | undefined>>;

export function isDisabled(name: string, env: Env): boolean {
  const value = env[DISABLE_ENV];
  if (!value) return false;
  const names = value.split(",").map((part) => part.trim().toLowerCase());
  return names.includes("all") || names.includes(name);
}

export function clock(env: Env): () => number {
  const fixed = env[TEST_CLOCK_ENV];
  if (fixed && /^\d{1,15}$/.test(fixed)) return () => Number(fixed);
  return Date.now;
}

/** Run one hook invocation; returns what was written to stdout (empty when nothing was decided). */
export function runHook(name: string, decide: Decide, io: { stdin: string; env: Env; stderr: (line: string) => void }): string {
  try {
    if (isDisabled(name, io.env)) return "";
    const input = parseHookInput(io.stdin);
    const now = clock(io.env);
    const ctx: DecideContext = { now: now(), watcher: Boolean(io.env[API_KEY_ENV]) };
    const decided = updateSession({ dir: stateDir(io.env), now }, input.sessionId, (state) => {
      const result = decide(input, state, ctx);
      return { state: result.state, result };
    });
    if (decided.note) io.stderr(`octoperf ${name}: ${decided.note} (no decision)`);
    return decided.decision ? JSON.stringify(hookOutput(decided.decision)) : "";
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`octoperf ${name}: ${safeExcerpt(message, 200)} (failing open, no decision)`);
    return "";
  }
}

/** The entry point of a bundled hook. */
export function main(name: string, decide: Decide): void {
  let stdin = "";
  try {
    stdin = readFileSync(0, "utf8");
  } catch {
    // no stdin: parseHookInput reports it
  }
  // writeSync on fds 1 and 2: creating process.stdout costs a hook almost a millisecond.
  const write = (fd: number, text: string) => {
    try {
      writeSync(fd, text);
    } catch {
      // nobody listens
    }
  };
  const out = runHook(name, decide, { stdin, env: process.env, stderr: (line) => write(2, `${line}\n`) });
  if (out) write(1, `${out}\n`);
  process.exitCode = 0;
}
