// The quick hooks' shell, and the bundle's entry for every hook: read stdin,
// call the hook's logic under the session's state, emit the decision. Fails open: any problem (an unknown
// hook name, bad stdin, a locked, corrupt or unsafe state folder, an
// exception) gives exit 0, no decision and one line on stderr, so a hook bug
// never blocks a session. Everything it touches comes in through HookIO, so
// tests run it from source with a fixed clock.
//
// A background hook (registry.ts) runs from the background bundle
// (background-entry.ts, loaded from next to this one only then): it arms
// under the lock, waits outside it, settles under the lock, and either wakes
// the model (exit 2, its one line alone on stderr) or exits 0.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { configDirFor, loginsFolder } from "../../auth/config-dir.js";
import { emit, SILENT, type DecideContext, type Decided, type Emission } from "../claude/decision.js";
import { parseHookInput, type HookEvent, type HookInput } from "../claude/input.js";
import { stopHookProcess, systemProbe } from "../session/processes.js";
import type { SessionState } from "../session/state.js";
import { readEarlierSessions, takeOver } from "../session/earlier.js";
import { updateSession, type StoreOptions } from "../session/store.js";
import { contextFor, decisionClock, failOpen, finishWith, isDisabled, pluginRootOf, specFor, storeOptions, systemStoreIO, writeFd, type BackgroundBundle, type Env, type HookIO } from "./core.js";
import { BACKGROUND_BUNDLE } from "./environment.js";
import { abortWhenOrphaned, orphanSigns } from "./orphan-watch.js";
import { QUICK_DECISIONS } from "./quick-decisions.js";
import { hookSpec, type HookSpec } from "./registry.js";

/** The hook's decide() when the input is of its event (the types then line up), else undefined. */
function decideFor(spec: HookSpec, input: HookInput, state: SessionState, ctx: DecideContext): Decided<HookEvent> | undefined {
  const quick = spec.kind === "quick" ? QUICK_DECISIONS[spec.name] : undefined;
  if (quick === undefined) return undefined;
  if (quick.event === "PreToolUse" && input.event === "PreToolUse") return quick.decide(input, state, ctx);
  if (quick.event === "PostToolUse" && input.event === "PostToolUse") return quick.decide(input, state, ctx);
  if (quick.event === "UserPromptExpansion" && input.event === "UserPromptExpansion") return quick.decide(input, state, ctx);
  if (quick.event === "SessionStart" && input.event === "SessionStart") return quick.decide(input, state, ctx);
  if (quick.event === "UserPromptSubmit" && input.event === "UserPromptSubmit") return quick.decide(input, state, ctx);
  return undefined;
}

/** The project, on a state that has works and none yet: a new session in that folder can then hear of them. */
function stampProject(state: SessionState, project: string | undefined): SessionState {
  if (project === undefined || state.project !== undefined || Object.keys(state.works).length === 0) return state;
  return { ...state, project };
}

/** What the hook reads of the other sessions, or takes from them, before it decides (quick-decisions.ts). */
function withEarlier(spec: HookSpec, input: HookInput, ctx: DecideContext, options: StoreOptions): DecideContext {
  const quick = spec.kind === "quick" ? QUICK_DECISIONS[spec.name] : undefined;
  if (quick?.readsEarlier && ctx.project !== undefined) return { ...ctx, earlier: readEarlierSessions(options.dir, input.sessionId) };
  if (quick?.event === "UserPromptExpansion" && input.event === "UserPromptExpansion" && quick.takes) {
    const wanted = quick.takes(input);
    if (wanted.length > 0) return { ...ctx, taken: takeOver(options, input.sessionId, wanted, ctx) };
  }
  return ctx;
}

/** Run one quick hook invocation: what it prints on stdout and its exit code. */
export function runHook(name: string, io: HookIO): Emission {
  try {
    const spec = specFor(name, io);
    if (!spec) return SILENT;
    if (isDisabled(spec.name, io.env)) return SILENT;
    if (spec.kind !== "quick") {
      io.stderr(`octoperf ${spec.name}: a background hook, not run this way (failing open, no decision)`);
      return SILENT;
    }
    const input = parseHookInput(io.stdin);
    if (input.event !== spec.event) {
      io.stderr(`octoperf ${spec.name}: not a ${spec.event} event (no decision)`);
      return SILENT;
    }
    const options = storeOptions(io, spec);
    const ctx = withEarlier(spec, input, contextFor(io), options);
    const decided = updateSession(options, input.sessionId, (state) => {
      const result = decideFor(spec, input, state, ctx) ?? { state };
      return { state: stampProject(result.state, ctx.project), result };
    });
    for (const waiter of decided.stop ?? []) io.stopWaiter?.(waiter);
    if (decided.note) io.stderr(`octoperf ${spec.name}: ${decided.note} (no decision)`);
    return decided.decision ? emit(decided.decision, spec.event) : SILENT;
  } catch (error) {
    return failOpen(io, name, error);
  }
}

/**
 * The background bundle, loaded from next to this one only when needed: its
 * code (the waits, the login check) is never compiled by a quick hook.
 */
function backgroundBundle(pluginRoot: string | undefined): BackgroundBundle {
  if (!pluginRoot) throw new Error("the plugin's folder is not known");
  // A computed path: esbuild leaves this require to run time.
  return require(join(pluginRoot, BACKGROUND_BUNDLE)) as BackgroundBundle;
}

function loggedInCheck(env: Env, pluginRoot: string | undefined): () => boolean {
  return () => {
    // Most people never signed in: the folder of logins tells, without loading the login code (and node:crypto).
    let folder: string;
    try {
      folder = loginsFolder(configDirFor(env));
    } catch {
      return false;
    }
    return existsSync(folder) && backgroundBundle(pluginRoot).isLoggedIn(env);
  };
}

/** The real I/O of a hook process, for stdin already read. */
export function systemHookIO(stdin: string, pluginRoot: string | undefined, write: (fd: number, text: string) => void): HookIO {
  return {
    stdin,
    env: process.env,
    now: decisionClock(process.env),
    store: systemStoreIO(),
    stderr: (line) => write(2, `${line}\n`),
    ...(pluginRoot ? { pluginRoot } : {}),
    loggedIn: loggedInCheck(process.env, pluginRoot),
    stopWaiter: (waiter) => stopHookProcess(waiter.pid, waiter.proof),
    processes: systemProbe,
  };
}

/** The entry point of the bundle: `octoperf-hook.cjs <hook-name>`. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  let stdin = "";
  try {
    stdin = readFileSync(0, "utf8");
  } catch {
    // no stdin: parseHookInput reports it
  }
  const name = argv[0] ?? "";
  const pluginRoot = pluginRootOf(process.argv[1]);
  const io = systemHookIO(stdin, pluginRoot, writeFd);
  if (hookSpec(name)?.kind === "guard") {
    runGuardMain(name, io);
    return;
  }
  if (hookSpec(name)?.kind === "background") {
    try {
      backgroundBundle(pluginRoot).runBackgroundMain(name, io);
    } catch (error) {
      failOpen(io, name, error);
    }
    return;
  }
  finishWith(runHook(name, io));
}

/** The guard runs from this bundle (it must work where the background one cannot load); signals end it silently. */
function runGuardMain(name: string, io: HookIO): void {
  const controller = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => controller.abort());
  abortWhenOrphaned(controller, orphanSigns(io.env));
  void import("./guard-shell.js")
    .then(({ runGuardHook }) => runGuardHook(name, { ...io, signal: controller.signal }))
    .then(finishWith, () => finishWith(SILENT))
    .finally(() => process.exit());
}

