// Can the watcher wait on this operation without the model, and with which
// backend words? The watcher (src/watcher/run.ts) polls over REST with an API
// key, else over MCP with the stored sign-in. Over REST it cannot see every
// outcome (REST_OBSERVABLE_OPERATIONS): those wait over MCP when a sign-in
// exists, else not at all (the model polls, paced by the hooks).
import { REST_OBSERVABLE_OPERATIONS, type OperationId } from "../../policy/index.js";
import { watcherCommandAt, type WatcherInvocation } from "../../calls/wait-calls.js";
import type { DecideContext, Reach } from "../claude/decision.js";

/** The watcher's backend words for this operation, or undefined when it cannot see the outcome. */
export function watcherBackend(op: OperationId, reach: Reach): readonly string[] | undefined {
  const rest = (REST_OBSERVABLE_OPERATIONS as readonly OperationId[]).includes(op);
  if (reach.apiKey && rest) return [];
  if (reach.login()) return reach.apiKey ? ["--backend", "mcp"] : [];
  return undefined;
}

export function watcherCanWait(op: OperationId, reach: Reach): boolean {
  return watcherBackend(op, reach) !== undefined;
}

/** How the model runs the watcher for `op` here: the plugin's absolute path, and the backend words. */
export function invocationFor(op: OperationId, ctx: DecideContext): WatcherInvocation {
  return { command: watcherCommandAt(ctx.pluginRoot), extra: watcherBackend(op, ctx.reach) ?? [] };
}
