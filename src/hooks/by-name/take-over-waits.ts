// Hook take-over-waits (UserPromptExpansion on /octoperf:wait): the user
// asks, in a new session, to wait for work an earlier session started. Before
// the model reads the command, the shell takes the named works over from the
// other sessions' files (session/earlier.ts: never one that a live waiter of
// its own session holds); this hook records them here, so the command's poll
// is this session's and its hooks follow the work from that poll on, with the
// deadline it had. The typed arguments are checked with the command's own
// parser; nothing of them reaches a shell. The one line printed is shown to
// the model (measured on 2.1.330 for /octoperf:stop-wait, the same event).
import { namedWorks, parseWaitArguments } from "../../calls/wait-arguments.js";
import { andList } from "../../calls/words.js";
import { WAIT_COMMANDS } from "../claude/claude-tools.js";
import type { Decide } from "../claude/decision.js";
import type { UserPromptExpansionInput } from "../claude/input.js";
import type { MovedWork } from "../session/state.js";
import { describePending } from "../session/resume.js";
import { callOf } from "../text/work-advice.js";

/** The line the model reads; the command's steps name it. */
export const TAKE_OVER_LINE_PREFIX = "octoperf wait:";

/** The works /octoperf:wait's arguments name, one id list per work; none when it is another command or the arguments are refused. */
export function wantedByWait(input: UserPromptExpansionInput): readonly (readonly string[])[] {
  if (!WAIT_COMMANDS.includes(input.commandName)) return [];
  const parsed = parseWaitArguments(input.commandArgs);
  return parsed.ok ? namedWorks(parsed.request) : [];
}

/** The moved record as this session keeps it: what was owed or woken there is not owed here; its next poll passes the pace. */
function adopted(moved: MovedWork): MovedWork["work"] {
  const { wokenAt: _w, guardedAt: _g, releasedAt: _r, freePoll: _f, ...work } = moved.work;
  return { ...work, freePoll: true };
}

export const decideTakeOver: Decide<"UserPromptExpansion"> = (_input, state, ctx) => {
  const taken = ctx.taken ?? [];
  if (taken.length === 0) return { state, note: "no work of another session is named" };
  let works = state.works;
  let aliases = state.aliases;
  const moved: string[] = [];
  for (const result of taken) {
    if (result.kind !== "moved" || works[result.moved.key]) continue;
    const { key, aliases: names } = result.moved;
    const work = adopted(result.moved);
    works = { ...works, [key]: work };
    aliases = { ...aliases, [key]: key, ...Object.fromEntries(names.map((name) => [name, key])) };
    moved.push(describePending({ key, work }, ctx.now));
  }
  const held = taken.flatMap((r) => (r.kind === "held" ? [callOf(r.entry.key, r.entry.work)] : []));
  const lines: string[] = [];
  if (moved.length > 0) {
    const many = moved.length > 1;
    lines.push(
      `${TAKE_OVER_LINE_PREFIX} this session took over from an earlier one ${andList(moved)}. ` +
        `Poll ${many ? "each" : "it"} once now (step 2): this plugin's hooks follow ${many ? "them" : "it"} from that poll on and wake you; do not start a watcher of your own.`,
    );
  }
  if (held.length > 0) {
    const many = held.length > 1;
    lines.push(
      `${TAKE_OVER_LINE_PREFIX} ${andList(held)} ${many ? "are" : "is"} followed by the session that started ${many ? "them" : "it"}, whose own waiter wakes it: not taken over. ` +
        `Poll once and report the state; start no wait on ${many ? "them" : "it"} here.`,
    );
  }
  if (lines.length === 0) return { state, note: "the named works are already this session's" };
  const next = works === state.works ? state : { ...state, works, aliases };
  return { state: next, decision: { kind: "say", text: lines.join("\n") } };
};
