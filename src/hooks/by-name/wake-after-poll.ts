// Hook wake-after-poll (PostToolUse and PostToolUseFailure on a status tool,
// asyncRewake): after a poll that is not final, arm the wait for every work of
// its start that still runs: the watcher again with credentials, else a timer
// that wakes the model when the next poll is due (the policy's schedule),
// never after the deadline. Settled in wait/one-wake.ts.
import { bareToolName, classify, nextPollGap, operation, statusTools, type Operation } from "../../policy/index.js";
import type { PostToolUseInput } from "../claude/input.js";
import { readToolResult, resultField } from "../claude/tool-response.js";
import { fieldFor, pollKeys } from "../session/keys.js";
import { watcherBackend } from "../session/reach.js";
import { groupOf, watcherHolding, workFor } from "../session/state.js";
import { addWaiter, armWatch, waiterFor, watchSpecOf, type Arm } from "../wait/one-wake.js";

/** Whether this poll's answer is final for its work (a progress reading never is). */
function pollIsFinal(input: PostToolUseInput, tool: string, op: Operation): boolean {
  const field = fieldFor(op, tool);
  if (!field || field.progress) return false;
  const result = readToolResult(input.toolResponse);
  const value = result.kind === "unknown" || result.isError ? undefined : resultField(result, field.field);
  return classify(op, value).kind === "terminal";
}

/**
 * After a status poll: a wait for every work of its start that still runs,
 * whichever one was polled (a poll that ended one handle leaves the others
 * waited on). The watcher again with credentials (a run that outlasted a
 * background wait), else the timer, due one cadence after the poll and never
 * after the deadline: a timer due then wakes the model with the deadline.
 */
export const armAfterPoll: Arm = (input, state, ctx) => {
  if (!ctx.hooks) return { state, note: "the background hooks are turned off" };
  const tool = bareToolName(input.toolName);
  if (tool === undefined || !statusTools().includes(tool)) return { state, note: "not a status tool of the policy" };
  const found = workFor(state, pollKeys(tool, input.toolInput));
  if (!found) return { state, note: "a handle this session did not start" };
  const { key, work } = found;
  const op = operation(work.op);
  const polledEnded = work.terminal !== undefined || pollIsFinal(input, tool, op);
  const running = groupOf(state, work.group).filter((m) => !m.work.terminal && !(polledEnded && m.key === key));
  if (running.length === 0) return { state, note: polledEnded ? "the poll was final" : "the work has ended" };
  if (running.some((m) => m.work.backgroundFailedAt !== undefined)) return { state, note: "a background wait on it never started before: the model waits the hooks-off way" };
  const call = input.toolUseId;
  const holder = running.find((m) => watcherHolding(state, m.key, ctx, call));
  if (holder) return { state, note: "a background watcher waits on it" };
  const deadlineAt = Math.max(...running.map((m) => m.work.deadlineAt));
  // Past the deadline already: a timer due now says so, unless the poll's own answer already did (settleTimer reads deadlineNoted).
  if (ctx.now >= deadlineAt && running.every((m) => m.work.deadlineNoted)) return { state, note: "past its deadline, and the model was told" };
  const backend = ctx.now >= deadlineAt || running.some((m) => m.work.watcherFailedAt !== undefined) ? undefined : watcherBackend(op.id, ctx.reach);
  if (backend !== undefined) return armWatch(state, ctx, watchSpecOf(op, running, work, ctx), backend, call);
  const startedAt = Math.min(...running.map((m) => m.work.startedAt));
  // The cadence runs from this poll; for the others of a start whose polled handle just ended, from their own last poll.
  const pollAt = polledEnded ? ctx.now : (work.lastPollAt ?? ctx.now);
  const from = polledEnded ? Math.min(...running.map((m) => m.work.lastPollAt ?? m.work.startedAt)) : pollAt;
  // Coarse while the run is well short of its expected end, every N near it (the policy's schedule).
  const gapS = nextPollGap((from - startedAt) / 1000, work.expectedSeconds, work.cadenceSeconds);
  const dueAt = Math.min(deadlineAt, Math.max(ctx.now, from + gapS * 1000));
  const keys = running.map((m) => m.key);
  const waiter = waiterFor("timer", ctx, call, keys, dueAt, pollAt);
  // A newer poll's timer replaces the older ones of the same works: one wake per cadence.
  const next = addWaiter(state, waiter, (w) => w.kind === "timer" && w.works.some((k) => keys.includes(k)));
  return { state: next, job: { kind: "timer", token: ctx.token, op: op.id, works: keys, dueAt, pollAt, cadenceSeconds: work.cadenceSeconds } };
};
