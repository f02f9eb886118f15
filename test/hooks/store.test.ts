// The session store on real files in temp dirs: the state folder (private
// outside Claude Code), path safety, atomic writes, corrupt and oversized
// files, size bounds, expiry, and hooks of one session writing at once: a
// slow writer holding the lock, a lock broken under a live writer, and many
// bundled hooks started together. No update is ever lost.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { once } from "node:events";
import { systemStoreIO } from "../../src/hooks/runtime/core.js";
import { bounded, emptyState, MAX_WORKS, withWork, type SessionState } from "../../src/hooks/session/state.js";
import { fallbackStateDir, stateDir } from "../../src/hooks/session/state-dir.js";
import { StateProblem } from "../../src/hooks/session/state-problem.js";
import { MAX_STATE_BYTES, SESSION_TTL_MS, sessionFile, updateSession, type StoreOptions } from "../../src/hooks/session/store.js";
import { workRecord } from "./fixtures/work-record.js";
import { post, REPO_ROOT, runBundleAsync, runHook, SESSION, structured, T0, tempDataDir, toolName, virtualWaitIO } from "./hook-calls.js";

const store = (dir: string, overrides: Partial<StoreOptions> = {}): StoreOptions => ({ dir, io: virtualWaitIO(), lockWaitMs: 2000, ...overrides });
const withScenario = (id: string) => (state: SessionState) => ({ state: { ...state, scenarios: { ...state.scenarios, [id]: { seconds: 90, at: T0 } } }, result: id });
const withHandle = (handle: string) => (state: SessionState) => ({ state: withWork(state, `get_bench_result:${handle}`, workRecord(handle, T0)), result: handle });
const readState = (dir: string) => JSON.parse(readFileSync(join(dir, `${SESSION}.json`), "utf8")) as SessionState;
const uid = process.getuid?.();

describe("state folder", () => {
  it("is CLAUDE_PLUGIN_DATA/hooks inside Claude Code", () => {
    const tmp = tempDataDir();
    assert.equal(stateDir({ CLAUDE_PLUGIN_DATA: "/data/octoperf" }, { tmpdir: tmp, uid }), "/data/octoperf/hooks");
    assert.deepEqual(readdirSync(tmp), [], "the fallback folder is not made when it is not used");
  });

  it("outside Claude Code is a folder of the user's own under the temp dir, made 0700", () => {
    const tmp = tempDataDir();
    for (const env of [{}, { CLAUDE_PLUGIN_DATA: "" }]) {
      const dir = stateDir(env, { tmpdir: tmp, uid });
      assert.equal(dir, join(tmp, `octoperf-hooks-${uid}`));
      assert.equal(statSync(dir).mode & 0o777, 0o700);
    }
  });

  it("refuses a fallback folder others can write, one that is not a folder, and one of another user", { skip: uid === undefined && "no user ids here" }, () => {
    const refused = (prepare: (dir: string) => void, why: RegExp) => {
      const tmp = tempDataDir();
      const dir = fallbackStateDir({ tmpdir: tmp, uid });
      prepare(dir);
      assert.throws(() => stateDir({}, { tmpdir: tmp, uid }), (error: unknown) => error instanceof StateProblem && why.test(error.message) && /CLAUDE_PLUGIN_DATA/.test(error.message));
    };
    refused((dir) => (mkdirSync(dir), chmodSync(dir, 0o777)), /can be written by other users; the hooks will not use it/);
    refused((dir) => (mkdirSync(dir), chmodSync(dir, 0o720)), /can be written by other users/);
    refused((dir) => writeFileSync(dir, "x"), /is not a plain folder/);
    refused((dir) => symlinkSync(tempDataDir(), dir), /is not a plain folder/);
    if (uid === 0) refused((dir) => (mkdirSync(dir, { mode: 0o700 }), chownSync(dir, 65534, 65534)), /belongs to another user \(uid 65534\)/);
  });

  it("makes the hook fail open with that note", () => {
    const tmp = tempDataDir();
    const dir = fallbackStateDir({ tmpdir: tmp, uid });
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    // No CLAUDE_PLUGIN_DATA: as when a hook runs outside Claude Code.
    const run = runHook("record-scenario", post(toolName("get_scenario"), { scenarioId: "sc1" }, structured({ userProfiles: [{ loadStrategy: { holdForSec: 60 } }] })), {
      data: "",
      store: { ...virtualWaitIO(), tmpdir: tmp },
    });
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /^octoperf record-scenario: StateProblem: the state folder .* can be written by other users; the hooks will not use it .*\(failing open, no decision\)\n$/);
    assert.deepEqual(readdirSync(dir), [], "nothing written there");
  });
});

describe("session store", () => {
  it("refuses a session id that is not a plain token", () => {
    for (const id of ["../../etc/passwd", "a/b", "", ".hidden", "a b", "x".repeat(200), "id\n"]) {
      assert.throws(() => sessionFile("/tmp/x", id), StateProblem, JSON.stringify(id));
    }
    assert.equal(sessionFile("/tmp/x", SESSION), `/tmp/x/${SESSION}.json`);
  });

  it("writes by rename, leaving no temp or lock file, readable only by its owner", () => {
    const dir = join(tempDataDir(), "hooks");
    assert.equal(updateSession(store(dir), SESSION, withScenario("sc1")), "sc1");
    assert.deepEqual(readdirSync(dir), [`${SESSION}.json`]);
    const file = join(dir, `${SESSION}.json`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(readState(dir).scenarios, { sc1: { seconds: 90, at: T0 } });
  });

  it("does not create a file when nothing changed", () => {
    const dir = join(tempDataDir(), "hooks");
    updateSession(store(dir), SESSION, (state) => ({ state, result: 0 }));
    assert.deepEqual(readdirSync(dir), []);
  });

  const corrupt: [string, string][] = [
    ["broken JSON", "{not json"],
    ["another version", JSON.stringify({ ...emptyState(), version: 2 })],
    ["a hostile handle inside", JSON.stringify({ ...emptyState(), works: { "get_bench_result:b1": { ...workRecord("b1", T0), handle: "$(id)" } } })],
    ["an oversized file", JSON.stringify({ ...emptyState(), pad: "x".repeat(MAX_STATE_BYTES) })],
  ];
  for (const [label, text] of corrupt) {
    it(`resets ${label} and reports it`, () => {
      const dir = join(tempDataDir(), "hooks");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${SESSION}.json`), text);
      assert.throws(() => updateSession(store(dir), SESSION, withScenario("sc1")), /corrupt; it has been reset/);
      assert.deepEqual(readState(dir), emptyState());
      assert.equal(updateSession(store(dir), SESSION, withScenario("sc2")), "sc2");
    });
  }

  it("keeps the newest records within the bounds", () => {
    let state: SessionState = emptyState();
    for (let i = 0; i < MAX_WORKS + 30; i++) {
      state = { ...withWork(state, `get_bench_result:b${i}`, workRecord(`b${i}`, T0 + i)), aliases: { ...state.aliases, [`get_bench_status:b${i}`]: `get_bench_result:b${i}` } };
    }
    const kept = bounded(state);
    assert.equal(Object.keys(kept.works).length, MAX_WORKS);
    assert.ok(kept.works[`get_bench_result:b${MAX_WORKS + 29}`]);
    assert.equal(kept.works["get_bench_result:b0"], undefined);
    assert.equal(kept.aliases["get_bench_status:b0"], undefined);
    assert.equal(Object.keys(kept.aliases).length, MAX_WORKS);
  });

  it("sweeps old sessions, temp files and abandoned locks when a new session starts, never a live hook's lock", () => {
    const dir = join(tempDataDir(), "hooks");
    mkdirSync(dir, { recursive: true });
    const aged = (name: string, text: string, ms: number) => {
      writeFileSync(join(dir, name), text);
      utimesSync(join(dir, name), (Date.now() - ms) / 1000, (Date.now() - ms) / 1000);
    };
    aged("old-session.json", JSON.stringify(emptyState()), SESSION_TTL_MS + 60_000);
    aged("recent-session.json", JSON.stringify(emptyState()), 60_000);
    aged("x.json.123.abc.tmp", "{}", 3_600_000);
    aged("dead.json.lock", "", 3_600_000);
    aged("live.json.lock", `${process.ppid} alive\n`, 3_600_000);
    updateSession(store(dir), SESSION, withScenario("sc1"));
    assert.deepEqual(readdirSync(dir).sort(), [`${SESSION}.json`, "live.json.lock", "recent-session.json"]);
  });
});

/** Start the slow writer (a real process) on `dir`; resolves once it holds the lock. */
async function slowWriter(dir: string, handle: string, go: string) {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "test/hooks/fixtures/slow-writer.ts"), dir, SESSION, handle, go], { cwd: REPO_ROOT });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, "close");
  while (!out.includes("holding\n")) {
    await Promise.race([once(child.stdout, "data"), exited]);
    if (child.exitCode !== null) throw new Error(`slow writer ended early: ${err}`);
  }
  return {
    pid: child.pid!,
    done: async () => {
      const [code] = (await exited) as [number];
      assert.equal(code, 0, err);
      return out;
    },
  };
}

describe("hooks of one session at once", () => {
  it("waits for a slow writer that holds the lock past the stale threshold: no handle lost", async () => {
    const dir = join(tempDataDir(), "hooks");
    const go = join(dir, "..", "go");
    const writer = await slowWriter(dir, "b1", go);
    const staleLockMs = 50;
    const real = systemStoreIO();
    const started = Date.now();
    // Real time and real sleeps: the writer is told to go on once it has held the lock twice the stale threshold.
    const io = { ...real, sleep: (ms: number) => (Date.now() - started > 2 * staleLockMs && !existsSync(go) && writeFileSync(go, ""), real.sleep(ms)) };
    updateSession({ dir, io, lockWaitMs: 20_000, staleLockMs }, SESSION, withHandle("b2"));
    assert.ok(Date.now() - started > 2 * staleLockMs, "it waited");
    assert.equal(await writer.done(), "holding\ndone 1\n");
    assert.deepEqual(Object.keys(readState(dir).works).sort(), ["get_bench_result:b1", "get_bench_result:b2"]);
  });

  it("loses no handle even when the lock is broken under a live writer (a reused pid): the writer decides again", async () => {
    const dir = join(tempDataDir(), "hooks");
    const go = join(dir, "..", "go");
    const writer = await slowWriter(dir, "b1", go);
    // This hook takes the writer for dead, breaks its lock and writes b2 while the writer still decides.
    const io = { ...virtualWaitIO(), isAlive: (pid: number) => pid !== writer.pid };
    updateSession({ dir, io, lockWaitMs: 2000 }, SESSION, withHandle("b2"));
    assert.deepEqual(Object.keys(readState(dir).works), ["get_bench_result:b2"]);
    writeFileSync(go, "");
    assert.equal(await writer.done(), "holding\ndone 2\n", "the writer saw the state change and decided again");
    assert.deepEqual(Object.keys(readState(dir).works).sort(), ["get_bench_result:b1", "get_bench_result:b2"]);
  });

  it("loses no update when many bundled hooks of one session run at once", async () => {
    const data = tempDataDir();
    const count = 12;
    const runs = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        runBundleAsync("record-scenario", post(toolName("get_scenario", (i % 2) as 0 | 1), { scenarioId: `sc${i}` }, structured({ userProfiles: [{ loadStrategy: { rampUpSec: i, holdForSec: 60 } }] })), { data }),
      ),
    );
    for (const run of runs) assert.deepEqual([run.status, run.stdout, run.stderr], [0, "", ""]);
    const state = readState(join(data, "hooks"));
    assert.deepEqual(Object.keys(state.scenarios).sort(), Array.from({ length: count }, (_, i) => `sc${i}`).sort());
    assert.equal(state.scenarios.sc5?.seconds, 95);
  });
});
