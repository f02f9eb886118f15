// What the plugin's hooks recorded in a real client's session, and waiting
// for an event there: the tests wait on records, never on a fixed time.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SessionState } from "../../../src/hooks/session/state.js";

/** Every session state the hooks wrote under this HOME (CLAUDE_PLUGIN_DATA/hooks/<session>.json), or only `session`'s. */
export async function hookStates(home: string, session?: string): Promise<SessionState[]> {
  const states: SessionState[] = [];
  const data = join(home, ".claude", "plugins", "data");
  for (const plugin of await readdir(data).catch(() => [] as string[])) {
    const dir = join(data, plugin, "hooks");
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith(".json") || (session !== undefined && name !== `${session}.json`)) continue;
      try {
        states.push(JSON.parse(await readFile(join(dir, name), "utf8")) as SessionState);
      } catch {
        // being written: read it next time
      }
    }
  }
  return states;
}

/** Try `check` every 100 ms until it gives a value; fail after `timeoutMs` (generous: CI shares two cores), naming what was awaited. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const began = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - began > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
