// What the hooks remember about one Claude Code session, as plain data, and
// the pure changes made to it. The store reads and writes it; nothing here
// touches a file or a clock.
import { CONDITION_IDS, isHandle, OPERATION_IDS, type ConditionId, type OperationId, type Outcome } from "../policy/index.js";

/** One piece of work being waited for: one handle of one started operation. */
export interface WorkRecord {
  readonly op: OperationId;
  /** The handle the start returned (benchResultId or taskId). */
  readonly handle: string;
  /** The primary status call: its tool and validated arguments. */
  readonly tool: string;
  readonly args: Readonly<Record<string, string>>;
  /** Works started by the same call share a group (a scenario run's bench results). */
  readonly group: string;
  readonly startedAt: number;
  readonly expectedSeconds: number;
  readonly cadenceSeconds: number;
  readonly deadlineAt: number;
  readonly lastPollAt?: number;
  /** The next poll passes whatever the pace: set when a loop or monitor starts. */
  readonly freePoll?: boolean;
  readonly deadlineNoted?: boolean;
  /** When a background watcher on this work ended in an error: the hooks then pace the model's polls instead. */
  readonly watcherFailedAt?: number;
  readonly terminal?: { readonly value: string; readonly outcome: Outcome; readonly at: number };
}

/** A CronCreate job or a Monitor task tied to the works its prompt or command names. */
export interface ScheduleRecord {
  readonly kind: "cron" | "monitor";
  readonly id: string;
  /** Primary keys of the works it polls. */
  readonly works: readonly string[];
  readonly at: number;
}

/**
 * A background hook at work for this session: a watcher it runs, or a timer
 * that wakes the model when the next poll is due. Recorded under the lock
 * before the long wait, which runs outside it.
 */
export interface WaiterRecord {
  readonly kind: "watcher" | "timer";
  /** The hook's process: a watcher counts only while it lives; /octoperf:stop-wait ends it. */
  readonly pid: number;
  /** This hook run's own token: a record replaced by a newer one is no longer its own. */
  readonly token: string;
  /** Primary keys of the works it waits on. */
  readonly works: readonly string[];
  readonly at: number;
  /** A watcher's latest end (its deadline); a timer's wake. */
  readonly until: number;
  /** A timer: the poll it follows (that work's lastPollAt). */
  readonly pollAt?: number;
}

/** A wait with no handle (src/policy/conditions.ts), by its key ("list_provider_agents:<providerId>"). */
export interface ConditionRecord {
  readonly id: ConditionId;
  readonly startedAt: number;
  readonly cadenceSeconds: number;
  readonly deadlineAt: number;
  readonly lastReadAt?: number;
  /** How it ended, in the words said then (built from policy text and checked ids only). */
  readonly ended?: { readonly kind: "ready" | "failed" | "deadline"; readonly at: number; readonly text: string };
}

export interface SessionState {
  readonly version: 1;
  /** By primary key ("get_bench_result:<id>"). */
  readonly works: Readonly<Record<string, WorkRecord>>;
  /** Every key a poll can carry (primary, alternative, progress) -> primary key. */
  readonly aliases: Readonly<Record<string, string>>;
  readonly schedules: readonly ScheduleRecord[];
  /** Expected run seconds by scenarioId, from get_scenario results. */
  readonly scenarios: Readonly<Record<string, { readonly seconds: number; readonly at: number }>>;
  /** Background hooks at work (absent in files written before them). */
  readonly waiters?: readonly WaiterRecord[];
  /** Condition waits armed in this session (absent until one is). */
  readonly conditions?: Readonly<Record<string, ConditionRecord>>;
}

export const MAX_WORKS = 100;
export const MAX_SCHEDULES = 50;
export const MAX_SCENARIOS = 50;
export const MAX_WAITERS = 50;
export const MAX_CONDITIONS = 20;

export function emptyState(): SessionState {
  return { version: 1, works: {}, aliases: {}, schedules: [], scenarios: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isKey = (v: unknown): v is string => typeof v === "string" && v.length <= 200 && /^[a-z_]+:[A-Za-z0-9_/-]+$/.test(v);

function isWork(v: unknown): v is WorkRecord {
  if (!isRecord(v) || !(OPERATION_IDS as readonly unknown[]).includes(v.op) || !isHandle(v.handle)) return false;
  if (typeof v.tool !== "string" || !/^[a-z_]{1,64}$/.test(v.tool) || !isRecord(v.args) || !Object.values(v.args).every(isHandle)) return false;
  if (!isKey(v.group) || !isTime(v.startedAt) || !isTime(v.expectedSeconds) || !isTime(v.cadenceSeconds) || !isTime(v.deadlineAt)) return false;
  if (v.lastPollAt !== undefined && !isTime(v.lastPollAt)) return false;
  if (v.watcherFailedAt !== undefined && !isTime(v.watcherFailedAt)) return false;
  if (v.terminal !== undefined) {
    const t = v.terminal;
    if (!isRecord(t) || typeof t.value !== "string" || !/^[A-Z_]{1,32}$/.test(t.value) || !isTime(t.at)) return false;
    if (t.outcome !== "succeeded" && t.outcome !== "failed" && t.outcome !== "partial") return false;
  }
  return true;
}

function isSchedule(v: unknown): v is ScheduleRecord {
  return (
    isRecord(v) &&
    (v.kind === "cron" || v.kind === "monitor") &&
    isHandle(v.id) &&
    Array.isArray(v.works) &&
    v.works.length <= MAX_WORKS &&
    v.works.every(isKey) &&
    isTime(v.at)
  );
}

function isWaiter(v: unknown): v is WaiterRecord {
  return (
    isRecord(v) &&
    (v.kind === "watcher" || v.kind === "timer") &&
    typeof v.pid === "number" &&
    Number.isSafeInteger(v.pid) &&
    v.pid > 0 &&
    typeof v.token === "string" &&
    /^[A-Za-z0-9]{1,64}$/.test(v.token) &&
    Array.isArray(v.works) &&
    v.works.length <= MAX_WORKS &&
    v.works.every(isKey) &&
    isTime(v.at) &&
    isTime(v.until) &&
    (v.pollAt === undefined || isTime(v.pollAt))
  );
}

const ENDED_TEXT_MAX = 600;

function isCondition(v: unknown): v is ConditionRecord {
  if (!isRecord(v) || !(CONDITION_IDS as readonly unknown[]).includes(v.id) || !isTime(v.startedAt) || !isTime(v.cadenceSeconds) || !isTime(v.deadlineAt)) return false;
  if (v.lastReadAt !== undefined && !isTime(v.lastReadAt)) return false;
  if (v.ended === undefined) return true;
  const e = v.ended;
  return isRecord(e) && (e.kind === "ready" || e.kind === "failed" || e.kind === "deadline") && isTime(e.at) && typeof e.text === "string" && e.text.length <= ENDED_TEXT_MAX && !/[\r\n]/.test(e.text);
}

/** A state read back from disk, checked field by field: a bad one is corrupt as a whole. */
export function isSessionState(v: unknown): v is SessionState {
  if (!isRecord(v) || v.version !== 1 || !isRecord(v.works) || !isRecord(v.aliases) || !Array.isArray(v.schedules) || !isRecord(v.scenarios)) return false;
  if (!Object.entries(v.works).every(([key, work]) => isKey(key) && isWork(work))) return false;
  if (!Object.entries(v.aliases).every(([key, primary]) => isKey(key) && isKey(primary))) return false;
  if (!v.schedules.every(isSchedule)) return false;
  if (v.waiters !== undefined && !(Array.isArray(v.waiters) && v.waiters.every(isWaiter))) return false;
  if (v.conditions !== undefined && !(isRecord(v.conditions) && Object.entries(v.conditions).every(([key, c]) => isKey(key) && isCondition(c)))) return false;
  return Object.entries(v.scenarios).every(([id, s]) => isHandle(id) && isRecord(s) && isTime(s.seconds) && isTime(s.at));
}

/** Drop the oldest records beyond the bounds, and aliases that point nowhere. */
export function bounded(state: SessionState): SessionState {
  const works = Object.entries(state.works)
    .sort(([, a], [, b]) => b.startedAt - a.startedAt)
    .slice(0, MAX_WORKS);
  const kept = new Set(works.map(([key]) => key));
  const aliases = Object.fromEntries(Object.entries(state.aliases).filter(([, primary]) => kept.has(primary)));
  const schedules = [...state.schedules]
    .map((s) => ({ ...s, works: s.works.filter((key) => kept.has(key)) }))
    .filter((s) => s.works.length > 0)
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_SCHEDULES);
  const scenarios = Object.fromEntries(
    Object.entries(state.scenarios)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, MAX_SCENARIOS),
  );
  // A waiter may name works its start hook has not recorded yet (the two run at once): kept by age, not by its works.
  const waiters = [...(state.waiters ?? [])].sort((a, b) => b.at - a.at).slice(0, MAX_WAITERS);
  const conditions = Object.entries(state.conditions ?? {})
    .sort(([, a], [, b]) => b.startedAt - a.startedAt)
    .slice(0, MAX_CONDITIONS);
  return {
    version: 1,
    works: Object.fromEntries(works),
    aliases,
    schedules,
    scenarios,
    ...(waiters.length > 0 ? { waiters } : {}),
    ...(conditions.length > 0 ? { conditions: Object.fromEntries(conditions) } : {}),
  };
}

/** The work a poll key belongs to, with its primary key. */
export function workFor(state: SessionState, keys: readonly string[]): { key: string; work: WorkRecord } | undefined {
  for (const alias of keys) {
    const key = state.aliases[alias];
    const work = key === undefined ? undefined : state.works[key];
    if (key !== undefined && work) return { key, work };
  }
  return undefined;
}

/** The works of a group, primary key first, in start order. */
export function groupOf(state: SessionState, group: string): { key: string; work: WorkRecord }[] {
  return Object.entries(state.works)
    .filter(([, work]) => work.group === group)
    .map(([key, work]) => ({ key, work }));
}

export function withWork(state: SessionState, key: string, work: WorkRecord): SessionState {
  return { ...state, works: { ...state.works, [key]: work } };
}

/** Schedules that poll a work and are still recorded. */
export function schedulesOf(state: SessionState, key: string): ScheduleRecord[] {
  return state.schedules.filter((s) => s.works.includes(key));
}

/** The background waiters of a session. */
export function waitersOf(state: SessionState): readonly WaiterRecord[] {
  return state.waiters ?? [];
}

export function withWaiters(state: SessionState, waiters: readonly WaiterRecord[]): SessionState {
  const { waiters: _old, ...rest } = state;
  return waiters.length > 0 ? { ...rest, waiters } : rest;
}

/** A live background watcher that waits on this work, if any (a dead one's record no longer counts). */
export function watcherHolding(state: SessionState, key: string, alive: (pid: number) => boolean): WaiterRecord | undefined {
  return waitersOf(state).find((w) => w.kind === "watcher" && w.works.includes(key) && alive(w.pid));
}

/** A live timer that will wake the model for this work, if any. */
export function timerFor(state: SessionState, key: string, alive: (pid: number) => boolean): WaiterRecord | undefined {
  return waitersOf(state).find((w) => w.kind === "timer" && w.works.includes(key) && alive(w.pid));
}
