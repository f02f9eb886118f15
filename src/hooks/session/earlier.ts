// What other sessions of the state folder left pending, and how one of their
// works moves to this session. Claude Code gives each session its own state
// file (store.ts); a new session (not a resume) in the same project hears of
// the works an earlier one left pending (hook pick-up-waits), and
// /octoperf:wait typed with one of their handles takes it over (hook
// take-over-waits). One wait, one waker: a work that a live waiter of its own
// session holds is never taken, and the move is one write in the giving
// session's file (the work leaves `works` for `movedOut`, under that file's
// lock) before the taking session records it. A taker stopped between the two
// writes finishes the move the next time it is asked.
//
// Reading is bounded: the newest MAX_EARLIER_SESSIONS files, each capped by
// the store (MAX_STATE_BYTES), and a file that does not validate is skipped.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { operation } from "../../policy/index.js";
import { pendingWorks } from "./resume.js";
import { readSession, updateSession, type StoreOptions } from "./store.js";
import {
  isLive,
  MAX_MOVED,
  SESSION_ID_PATTERN,
  waitersOf,
  type Liveness,
  type MovedWork,
  type SessionState,
  type WorkEntry,
  type WorkRecord,
} from "./state.js";

/** How many other sessions' files are read, newest first. */
export const MAX_EARLIER_SESSIONS = 20;
/** How many names of the folder are looked at at most. */
const MAX_LISTED = 2000;

/** Another session's state, as its file held it when read. */
export interface EarlierSession {
  readonly sessionId: string;
  readonly state: SessionState;
}

/** A pending work of another session, and whether a live waiter of that session holds it. */
export interface EarlierWork extends WorkEntry {
  readonly sessionId: string;
  readonly held: boolean;
}

/** The other sessions' files, newest first, read without their locks (a file is only ever replaced whole). */
export function readEarlierSessions(dir: string, selfId: string): EarlierSession[] {
  let names: string[];
  try {
    names = readdirSync(dir).slice(0, MAX_LISTED);
  } catch {
    return [];
  }
  const files = names.flatMap((name) => {
    const id = name.endsWith(".json") ? name.slice(0, -".json".length) : "";
    if (id === selfId || !SESSION_ID_PATTERN.test(id)) return [];
    try {
      return [{ id, at: statSync(join(dir, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  files.sort((a, b) => b.at - a.at);
  return files.slice(0, MAX_EARLIER_SESSIONS).flatMap(({ id }) => {
    const state = readSession(dir, id);
    return state ? [{ sessionId: id, state }] : [];
  });
}

function heldBy(state: SessionState, key: string, live: Liveness): boolean {
  return waitersOf(state).some((w) => w.works.includes(key) && isLive(w, live));
}

/** The works other sessions of this project left pending, oldest start first. */
export function earlierPending(earlier: readonly EarlierSession[], project: string, live: Liveness): EarlierWork[] {
  return earlier
    .filter((s) => s.state.project === project)
    .flatMap((s) => pendingWorks(s.state).map((e) => ({ ...e, sessionId: s.sessionId, held: heldBy(s.state, e.key, live) })))
    .sort((a, b) => a.work.startedAt - b.work.startedAt);
}

/** Whether a work is the one these ids name: a validation by its project and virtual user, any other by its handle. */
export function isNamed(work: WorkRecord, ids: readonly string[]): boolean {
  if (ids.length === 1) return work.handle === ids[0];
  const names = Object.keys(operation(work.op).status.args);
  return names.length === ids.length && names.every((name, i) => work.args[name] === ids[i]);
}

/** What became of one named work in the other sessions. */
export type TakeResult =
  | { readonly kind: "moved"; readonly from: string; readonly moved: MovedWork }
  | { readonly kind: "held"; readonly from: string; readonly entry: WorkEntry };

/** One session's side of a move: named pending works that no live waiter holds leave `works` for `movedOut`. */
export function giveAway(state: SessionState, wanted: readonly (readonly string[])[], to: string, live: Liveness): { state: SessionState; moved: MovedWork[]; held: WorkEntry[] } {
  const pending = pendingWorks(state).filter((e) => wanted.some((ids) => isNamed(e.work, ids)));
  const held = pending.filter((e) => heldBy(state, e.key, live));
  const free = pending.filter((e) => !held.includes(e));
  if (free.length === 0) return { state, moved: [], held };
  const keys = new Set(free.map((e) => e.key));
  const moved = free.map(({ key, work }) => ({ key, to, at: live.now, work, aliases: Object.keys(state.aliases).filter((a) => state.aliases[a] === key).slice(0, 10) }));
  const works = Object.fromEntries(Object.entries(state.works).filter(([key]) => !keys.has(key)));
  const aliases = Object.fromEntries(Object.entries(state.aliases).filter(([, key]) => !keys.has(key)));
  const movedOut = [...(state.movedOut ?? []), ...moved].slice(-MAX_MOVED);
  return { state: { ...state, works, aliases, movedOut }, moved, held };
}

/**
 * Take the named works over from the other sessions: each giving session's
 * file is changed under its own lock, one at a time (never two locks at once).
 * Moves already made to this session and not yet recorded here come back too.
 */
export function takeOver(options: StoreOptions, selfId: string, wanted: readonly (readonly string[])[], live: Liveness): TakeResult[] {
  const results: TakeResult[] = [];
  for (const earlier of readEarlierSessions(options.dir, selfId)) {
    for (const moved of earlier.state.movedOut ?? []) {
      if (moved.to === selfId && wanted.some((ids) => isNamed(moved.work, ids))) results.push({ kind: "moved", from: earlier.sessionId, moved });
    }
    const named = pendingWorks(earlier.state).some((e) => wanted.some((ids) => isNamed(e.work, ids)));
    if (!named) continue;
    const given = updateSession(options, earlier.sessionId, (state) => {
      const out = giveAway(state, wanted, selfId, live);
      return { state: out.state, result: out };
    });
    for (const moved of given.moved) results.push({ kind: "moved", from: earlier.sessionId, moved });
    for (const entry of given.held) results.push({ kind: "held", from: earlier.sessionId, entry });
  }
  return results;
}
