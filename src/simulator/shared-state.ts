// A platform whose state lives in a JSON file, so several simulator
// processes (the one Claude Code starts over stdio, the one a watcher starts,
// one serving REST) see the same runs on the same clock. Each call reads the
// file first and writes it back (atomically) when something changed.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { SpeedClock } from "./clock.js";
import type { FaultPlan } from "./faults.js";
import { Platform, type PlatformState } from "./platform.js";

interface StateFile {
  readonly version: 1;
  /** Real epoch ms where the shared simulated clock starts, and its speed. */
  readonly clock: { readonly origin: number; readonly speed: number };
  readonly platform: PlatformState;
}

function read(path: string): StateFile | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as StateFile;
    return parsed.version === 1 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function write(path: string, file: StateFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(file));
  renameSync(temp, path);
}

export interface SharedPlatform {
  readonly platform: Platform;
  /** The speed in force: the file's when it existed, else the one asked for. */
  readonly speed: number;
}

/** A platform backed by the state file at `path` (created when missing). */
export function sharedPlatform(path: string, speed: number, faults: FaultPlan, realNow: () => number = Date.now): SharedPlatform {
  const existing = read(path);
  const clockInfo = existing?.clock ?? { origin: realNow(), speed };
  const platform = new Platform({ clock: new SpeedClock(clockInfo.speed, realNow, clockInfo.origin), faults });
  if (!existing) write(path, { version: 1, clock: clockInfo, platform: platform.snapshot() });
  const synced = new Proxy(platform, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function" || property === "snapshot" || property === "restore" || property === "now") return value;
      return (...args: unknown[]) => {
        const file = read(path);
        if (file) target.restore(file.platform);
        const before = JSON.stringify(target.snapshot());
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        const after = target.snapshot();
        if (JSON.stringify(after) !== before) write(path, { version: 1, clock: clockInfo, platform: after });
        return result;
      };
    },
  });
  return { platform: synced, speed: clockInfo.speed };
}
