// Where the session state lives. Inside Claude Code: ${CLAUDE_PLUGIN_DATA}/hooks,
// the plugin's private data folder. Outside it (a hook run by hand, a test),
// a folder of the user's own under the temp dir, octoperf-hooks-<uid>: made
// 0700, and refused when it is not a plain folder, belongs to someone else or
// others can write to it (whoever can write there can forge a session's
// state). A refusal is a StateProblem: the hook fails open with that note.
import { lstatSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PLUGIN_DATA_ENV } from "../runtime/environment.js";
import { errorCode, StateProblem } from "./state-problem.js";

export interface StateDirIO {
  readonly tmpdir: string;
  /** This user's id; undefined where there is none (Windows): then only the folder type is checked. */
  readonly uid: number | undefined;
}

export const FALLBACK_DIR_PREFIX = "octoperf-hooks-";

export function fallbackStateDir(io: StateDirIO): string {
  return join(io.tmpdir, `${FALLBACK_DIR_PREFIX}${io.uid ?? "user"}`);
}

/** Create the folder 0700 if needed, then check it is ours alone to write. */
export function ensurePrivateDir(dir: string, uid: number | undefined): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw new StateProblem(`cannot create the state folder ${dir} (${errorCode(error) ?? "error"})`);
  }
  const stat = lstatSync(dir);
  const refuse = (why: string) =>
    new StateProblem(`the state folder ${dir} ${why}; the hooks will not use it (remove it, or run inside Claude Code, which sets ${PLUGIN_DATA_ENV})`);
  if (!stat.isDirectory()) throw refuse("is not a plain folder");
  if (uid === undefined) return;
  if (stat.uid !== uid) throw refuse(`belongs to another user (uid ${stat.uid})`);
  if ((stat.mode & 0o022) !== 0) throw refuse("can be written by other users");
}

/** The state folder for this environment; the fallback one is checked (and made) here. */
export function stateDir(env: Readonly<Record<string, string | undefined>>, io: StateDirIO): string {
  const data = env[PLUGIN_DATA_ENV];
  if (data && data.length > 0) return join(data, "hooks");
  const dir = fallbackStateDir(io);
  ensurePrivateDir(dir, io.uid);
  return dir;
}
