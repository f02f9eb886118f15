// PostToolUse on Claude Code's own scheduling tools. A CronCreate whose prompt
// names recorded handles (pollPrompt names every one) and a Monitor whose
// command names them (the watcher takes them as arguments) are tied to those
// handles, so the outcome hook can give the exact CronDelete id or Monitor
// task id. CronDelete and TaskStop forget them again. No text is injected.
import { isHandle } from "../../policy/index.js";
import type { Decide } from "../claude/decision.js";
import { CRON_CREATE, CRON_DELETE, MONITOR, TASK_STOP } from "../claude/claude-tools.js";
import { withWork, type ScheduleRecord, type SessionState, type WorkRecord } from "../session/state.js";
import { readToolResult } from "../claude/tool-response.js";

const MAX_SCANNED_CHARS = 20_000;

function tokens(text: string): Set<string> {
  return new Set(text.slice(0, MAX_SCANNED_CHARS).split(/[^A-Za-z0-9_-]+/).filter((t) => t.length > 0));
}

/** A work is named when its handle, or every argument of its status call, appears as a word. */
function named(words: Set<string>, work: WorkRecord): boolean {
  return words.has(work.handle) || Object.values(work.args).every((value) => words.has(value));
}

function record(state: SessionState, kind: ScheduleRecord["kind"], id: unknown, text: unknown, now: number): SessionState {
  if (!isHandle(id) || typeof text !== "string") return state;
  const words = tokens(text);
  const keys = Object.entries(state.works)
    .filter(([, work]) => named(words, work))
    .map(([key]) => key);
  if (keys.length === 0) return state;
  let next: SessionState = {
    ...state,
    schedules: [...state.schedules.filter((s) => !(s.kind === kind && s.id === id)), { kind, id, works: keys, at: now }],
  };
  for (const key of keys) {
    const work = next.works[key]!;
    if (!work.terminal) next = withWork(next, key, { ...work, freePoll: true });
  }
  return next;
}

function forget(state: SessionState, kind: ScheduleRecord["kind"], id: unknown): SessionState {
  if (!isHandle(id) || !state.schedules.some((s) => s.kind === kind && s.id === id)) return state;
  return { ...state, schedules: state.schedules.filter((s) => !(s.kind === kind && s.id === id)) };
}

function resultId(response: unknown, field: string): unknown {
  const result = readToolResult(response);
  return result.kind === "object" && !result.isError ? result.value[field] : undefined;
}

export const decideSchedule: Decide<"PostToolUse"> = (input, state, ctx) => {
  const given = input.toolInput;
  switch (input.toolName) {
    case CRON_CREATE:
      return { state: record(state, "cron", resultId(input.toolResponse, "id"), given.prompt, ctx.now) };
    case MONITOR:
      return { state: record(state, "monitor", resultId(input.toolResponse, "taskId"), given.command, ctx.now) };
    case CRON_DELETE:
      return { state: forget(state, "cron", given.id) };
    case TASK_STOP:
      return { state: forget(state, "monitor", given.task_id ?? given.shell_id) };
    default:
      return { state, note: "not a scheduling tool" };
  }
};
