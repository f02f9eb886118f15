// What the hooks remember about one Claude Code session, as plain data, and
// the pure changes made to it. The store reads and writes it; nothing here
// touches a file or a clock.
import { CLAIM_TTL_S, CONDITION_IDS, isHandle, LATE_WAKE_GRACE_S, OPERATION_IDS, type ConditionId, type OperationId, type Outcome } from "../../policy/index.js";

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
  /** The last in-flight value a poll read (a value the policy knows), for a session that resumes. */
  readonly lastValue?: string;
  /** When a background hook last woke the model about this work (a new turn follows). */
  readonly wokenAt?: number;
  /** When /octoperf:stop-wait ended its waiters: nothing is owed it until the model polls it again. */
  readonly releasedAt?: number;
  /** When the turn-end guard last woke the model because nothing held this work: once per poll. */
  readonly guardedAt?: number;
  /** When a promised background wait on it never started (its claim expired): the hooks then wait the hooks-off way. */
  readonly backgroundFailedAt?: number;
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
 * that wakes the model when the next poll is due. The quick hook of the same
 * tool call claims it first (`claimed`, pid 0: the promise is on record before
 * the model reads it); the background hook adopts the claim with its own pid,
 * proof and token, and waits outside the lock.
 */
export interface WaiterRecord {
  readonly kind: "watcher" | "timer";
  /** The hook's process (0 for a claim): it counts only while it is proved alive; /octoperf:stop-wait ends it. */
  readonly pid: number;
  /** The process's start identity (processes.ts): a live pid with another start is not this waiter. */
  readonly proof?: string;
  /** This hook run's own token: a record replaced by a newer one is no longer its own. */
  readonly token: string;
  /** The tool call (tool_use_id) whose hooks armed it: its quick hook claims, its background hook adopts. */
  readonly call?: string;
  /** A claim: promised by the quick hook, not yet adopted by the background hook. */
  readonly claimed?: true;
  /** Primary keys of the works it waits on. */
  readonly works: readonly string[];
  readonly at: number;
  /** When it is due to settle: a timer's wake, a watcher's latest end. Past it (and a grace), it no longer counts. */
  readonly until: number;
  /** A timer: the poll it follows (that work's lastPollAt). */
  readonly pollAt?: number;
}

/** The turn-end guard of the session (one at a time: a newer one retires the older). */
export interface GuardRecord {
  readonly pid: number;
  readonly proof?: string;
  readonly token: string;
  readonly at: number;
}

/**
 * A work this session handed to a later one (/octoperf:wait typed there took
 * it over: session/earlier.ts). It leaves `works` in the same write, so this
 * session neither follows nor owes it; the record is kept so that the taker
 * can finish the move if it was stopped half-way, and a resume can say where
 * the work went.
 */
export interface MovedWork {
  readonly key: string;
  /** The session that took it. */
  readonly to: string;
  readonly at: number;
  readonly work: WorkRecord;
  /** The poll keys that named it here. */
  readonly aliases: readonly string[];
  /** This session, resumed, has been told where the work went. */
  readonly told?: true;
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
  /** Tool calls whose claimed wait /octoperf:stop-wait ended before its background hook started: it never starts. */
  readonly cancelled?: readonly string[];
  readonly guard?: GuardRecord;
  /** The plan has said once in this session what signing in would save. */
  readonly signInSuggested?: true;
  /** The session was resumed then, and its next prompt has not yet been told what is pending. */
  readonly resumedAt?: number;
  /** The project folder the session runs in (CLAUDE_PROJECT_DIR), recorded once it has works: a new session there hears of them. */
  readonly project?: string;
  /** Works a later session took over (newest last). */
  readonly movedOut?: readonly MovedWork[];
}

export const MAX_WORKS = 100;
export const MAX_SCHEDULES = 50;
export const MAX_SCENARIOS = 50;
export const MAX_WAITERS = 50;
export const MAX_CONDITIONS = 20;
export const MAX_CANCELLED = 20;
export const MAX_MOVED = 20;
/** A project folder as recorded: an absolute path of printable characters, capped. */
export const MAX_PROJECT_CHARS = 1024;
export const isProject = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_PROJECT_CHARS && /^\/[\x20-\x7e\u00a0-\uffff]*$/.test(v);

export function emptyState(): SessionState {
  return { version: 1, works: {}, aliases: {}, schedules: [], scenarios: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isKey = (v: unknown): v is string => typeof v === "string" && v.length <= 200 && /^[a-z_]+:[A-Za-z0-9_/-]+$/.test(v);
/** Claude Code session ids are UUIDs; anything else never reaches a file path. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** A tool_use_id as Claude Code writes them ("toolu_..."); anything else is not recorded. */
export const CALL_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const isCallId = (v: unknown): v is string => typeof v === "string" && CALL_ID_PATTERN.test(v);
const isProof = (v: unknown): boolean => v === undefined || (typeof v === "string" && /^[A-Za-z0-9 :_-]{1,64}$/.test(v));
const isToken = (v: unknown): v is string => typeof v === "string" && /^[A-Za-z0-9]{1,64}$/.test(v);
const isPid = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;

function isWork(v: unknown): v is WorkRecord {
  if (!isRecord(v) || !(OPERATION_IDS as readonly unknown[]).includes(v.op) || !isHandle(v.handle)) return false;
  if (typeof v.tool !== "string" || !/^[a-z_]{1,64}$/.test(v.tool) || !isRecord(v.args) || !Object.values(v.args).every(isHandle)) return false;
  if (!isKey(v.group) || !isTime(v.startedAt) || !isTime(v.expectedSeconds) || !isTime(v.cadenceSeconds) || !isTime(v.deadlineAt)) return false;
  if (v.lastPollAt !== undefined && !isTime(v.lastPollAt)) return false;
  if (v.lastValue !== undefined && !(typeof v.lastValue === "string" && /^[A-Z_]{1,32}$/.test(v.lastValue))) return false;
  for (const time of [v.watcherFailedAt, v.wokenAt, v.releasedAt, v.guardedAt, v.backgroundFailedAt]) if (time !== undefined && !isTime(time)) return false;
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
    (v.claimed === true ? v.pid === 0 : v.claimed === undefined && isPid(v.pid)) &&
    isProof(v.proof) &&
    isToken(v.token) &&
    (v.call === undefined || isCallId(v.call)) &&
    Array.isArray(v.works) &&
    v.works.length <= MAX_WORKS &&
    v.works.every(isKey) &&
    isTime(v.at) &&
    isTime(v.until) &&
    (v.pollAt === undefined || isTime(v.pollAt))
  );
}

function isMoved(v: unknown): v is MovedWork {
  return (
    isRecord(v) &&
    isKey(v.key) &&
    typeof v.to === "string" &&
    SESSION_ID_PATTERN.test(v.to) &&
    isTime(v.at) &&
    isWork(v.work) &&
    Array.isArray(v.aliases) &&
    v.aliases.length <= 10 &&
    v.aliases.every(isKey) &&
    (v.told === undefined || v.told === true)
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
  if (v.resumedAt !== undefined && !isTime(v.resumedAt)) return false;
  if (v.signInSuggested !== undefined && v.signInSuggested !== true) return false;
  if (v.cancelled !== undefined && !(Array.isArray(v.cancelled) && v.cancelled.length <= MAX_CANCELLED && v.cancelled.every(isCallId))) return false;
  if (v.guard !== undefined && !(isRecord(v.guard) && isPid(v.guard.pid) && isProof(v.guard.proof) && isToken(v.guard.token) && isTime(v.guard.at))) return false;
  if (v.project !== undefined && !isProject(v.project)) return false;
  if (v.movedOut !== undefined && !(Array.isArray(v.movedOut) && v.movedOut.length <= MAX_MOVED && v.movedOut.every(isMoved))) return false;
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
  const cancelled = (state.cancelled ?? []).slice(-MAX_CANCELLED);
  const movedOut = (state.movedOut ?? []).slice(-MAX_MOVED);
  return {
    version: 1,
    works: Object.fromEntries(works),
    aliases,
    schedules,
    scenarios,
    ...(waiters.length > 0 ? { waiters } : {}),
    ...(conditions.length > 0 ? { conditions: Object.fromEntries(conditions) } : {}),
    ...(cancelled.length > 0 ? { cancelled } : {}),
    ...(state.guard ? { guard: state.guard } : {}),
    ...(state.resumedAt !== undefined ? { resumedAt: state.resumedAt } : {}),
    ...(state.signInSuggested ? { signInSuggested: true as const } : {}),
    ...(state.project !== undefined ? { project: state.project } : {}),
    ...(movedOut.length > 0 ? { movedOut } : {}),
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

/** A work with its primary key. */
export interface WorkEntry {
  readonly key: string;
  readonly work: WorkRecord;
}

/** When the work was last touched by the model: its last poll, else its start. */
export function lastTouched(work: WorkRecord): number {
  return Math.max(work.lastPollAt ?? work.startedAt, work.startedAt);
}

/** /octoperf:stop-wait released it and the model has not polled it since: nothing is owed it. */
export function isReleased(work: WorkRecord): boolean {
  return work.releasedAt !== undefined && work.releasedAt >= lastTouched(work);
}

/** The works of a group, primary key first, in start order. */
export function groupOf(state: SessionState, group: string): WorkEntry[] {
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

/** Whether a process is the one recorded: alive, and (when a proof was recorded) with the same start identity. */
export type ProcessCheck = (pid: number, proof?: string) => boolean;

/** What tells a live waiter from a lost one: the decision clock and the process check. */
export interface Liveness {
  readonly now: number;
  readonly alive: ProcessCheck;
  /** Decision-clock ms per real ms (DecideContext.scale); 1 when absent. */
  readonly scale?: number;
}

export type WaiterHealth = "live" | "unadopted" | "gone" | "late";

/**
 * A claim is live until CLAIM_TTL_S after it was made; an adopted waiter while
 * its process is proved alive and it is not LATE_WAKE_GRACE_S past its `until`.
 */
export function waiterHealth(w: WaiterRecord, live: Liveness): WaiterHealth {
  const scale = live.scale ?? 1;
  if (w.claimed) return live.now <= w.at + CLAIM_TTL_S * 1000 * scale ? "live" : "unadopted";
  if (!live.alive(w.pid, w.proof)) return "gone";
  return live.now <= w.until + LATE_WAKE_GRACE_S * 1000 * scale ? "live" : "late";
}

export const isLive = (w: WaiterRecord, live: Liveness): boolean => waiterHealth(w, live) === "live";

/** A live background watcher (or its claim) that waits on this work, if any; `except` is the caller's own call. */
export function watcherHolding(state: SessionState, key: string, live: Liveness, except?: string): WaiterRecord | undefined {
  return waitersOf(state).find((w) => w.kind === "watcher" && w.works.includes(key) && (except === undefined || w.call !== except) && isLive(w, live));
}

/** A live timer (or its claim) that will wake the model for this work, if any. */
export function timerFor(state: SessionState, key: string, live: Liveness): WaiterRecord | undefined {
  return waitersOf(state).find((w) => w.kind === "timer" && w.works.includes(key) && isLive(w, live));
}
