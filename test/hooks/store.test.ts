// The session store on real files in temp dirs: path safety, atomic writes,
// corrupt and oversized files, size bounds, expiry, stale locks, and two
// hooks of one session writing at once.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { bounded, emptyState, MAX_WORKS, type SessionState, type WorkRecord } from "../../src/hooks/state.js";
import { MAX_STATE_BYTES, SESSION_TTL_MS, sessionFile, stateDir, StateProblem, updateSession } from "../../src/hooks/store.js";
import { post, runHookAsync, SESSION, structured, T0, tempDataDir, toolName } from "./hook-process.js";

const now = () => T0;
const work = (handle: string, startedAt: number): WorkRecord => ({
  op: "scenario-run",
  handle,
  tool: "get_bench_result",
  args: { benchResultId: handle },
  group: `get_bench_result:${handle}`,
  startedAt,
  expectedSeconds: 600,
  cadenceSeconds: 60,
  deadlineAt: startedAt + 1_200_000,
});
const withScenario = (id: string) => (state: SessionState) => ({ state: { ...state, scenarios: { ...state.scenarios, [id]: { seconds: 90, at: T0 } } }, result: id });

describe("session store", () => {
  it("puts state under CLAUDE_PLUGIN_DATA/hooks, or the temp dir", () => {
    assert.equal(stateDir({ CLAUDE_PLUGIN_DATA: "/data/octoperf" }), "/data/octoperf/hooks");
    assert.equal(stateDir({}), join(tmpdir(), "octoperf-hooks"));
    assert.equal(stateDir({ CLAUDE_PLUGIN_DATA: "" }), join(tmpdir(), "octoperf-hooks"));
  });

  it("refuses a session id that is not a plain token", () => {
    for (const id of ["../../etc/passwd", "a/b", "", ".hidden", "a b", "x".repeat(200), "id\n"]) {
      assert.throws(() => sessionFile("/tmp/x", id), StateProblem, JSON.stringify(id));
    }
    assert.equal(sessionFile("/tmp/x", SESSION), `/tmp/x/${SESSION}.json`);
  });

  it("writes by rename, leaving no temp file, readable only by its owner", () => {
    const dir = join(tempDataDir(), "hooks");
    assert.equal(updateSession({ dir, now }, SESSION, withScenario("sc1")), "sc1");
    assert.deepEqual(readdirSync(dir), [`${SESSION}.json`]);
    const file = join(dir, `${SESSION}.json`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")).scenarios, { sc1: { seconds: 90, at: T0 } });
  });

  it("does not create a file when nothing changed", () => {
    const dir = join(tempDataDir(), "hooks");
    updateSession({ dir, now }, SESSION, (state) => ({ state, result: 0 }));
    assert.deepEqual(readdirSync(dir), []);
  });

  const corrupt: [string, string][] = [
    ["broken JSON", "{not json"],
    ["another version", JSON.stringify({ ...emptyState(), version: 2 })],
    ["a hostile handle inside", JSON.stringify({ ...emptyState(), works: { "get_bench_result:b1": { ...work("b1", T0), handle: "$(id)" } } })],
    ["an oversized file", JSON.stringify({ ...emptyState(), pad: "x".repeat(MAX_STATE_BYTES) })],
  ];
  for (const [label, text] of corrupt) {
    it(`resets ${label} and reports it`, () => {
      const dir = join(tempDataDir(), "hooks");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${SESSION}.json`), text);
      assert.throws(() => updateSession({ dir, now }, SESSION, withScenario("sc1")), /corrupt; it has been reset/);
      assert.deepEqual(JSON.parse(readFileSync(join(dir, `${SESSION}.json`), "utf8")), emptyState());
      assert.equal(updateSession({ dir, now }, SESSION, withScenario("sc2")), "sc2");
    });
  }

  it("keeps the newest records within the bounds", () => {
    let state: SessionState = emptyState();
    for (let i = 0; i < MAX_WORKS + 30; i++) {
      const w = work(`b${i}`, T0 + i);
      state = { ...state, works: { ...state.works, [`get_bench_result:b${i}`]: w }, aliases: { ...state.aliases, [`get_bench_status:b${i}`]: `get_bench_result:b${i}` } };
    }
    const kept = bounded(state);
    assert.equal(Object.keys(kept.works).length, MAX_WORKS);
    assert.ok(kept.works[`get_bench_result:b${MAX_WORKS + 29}`]);
    assert.equal(kept.works["get_bench_result:b0"], undefined);
    assert.equal(kept.aliases["get_bench_status:b0"], undefined);
    assert.equal(Object.keys(kept.aliases).length, MAX_WORKS);
  });

  it("sweeps sessions untouched for longer than the TTL when a new one starts", () => {
    const dir = join(tempDataDir(), "hooks");
    mkdirSync(dir, { recursive: true });
    const old = join(dir, "old-session.json");
    const recent = join(dir, "recent-session.json");
    const leftover = join(dir, "x.json.123.abc.tmp");
    for (const path of [old, recent, leftover]) writeFileSync(path, JSON.stringify(emptyState()));
    const aged = (Date.now() - SESSION_TTL_MS - 60_000) / 1000;
    utimesSync(old, aged, aged);
    utimesSync(leftover, aged, aged);
    updateSession({ dir, now: Date.now }, SESSION, withScenario("sc1"));
    assert.deepEqual(readdirSync(dir).sort(), [`${SESSION}.json`, "recent-session.json"]);
  });

  it("breaks a lock left by a killed hook, and fails when a live one holds it", () => {
    const dir = join(tempDataDir(), "hooks");
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, `${SESSION}.json.lock`);
    mkdirSync(lock);
    const stale = (Date.now() - 60_000) / 1000;
    utimesSync(lock, stale, stale);
    assert.equal(updateSession({ dir, now }, SESSION, withScenario("sc1")), "sc1");
    assert.equal(existsSync(lock), false);
    mkdirSync(lock);
    assert.throws(() => updateSession({ dir, now }, SESSION, withScenario("sc2")), /locked by another hook/);
  });

  it("loses no update when many hooks of one session run at once", async () => {
    const data = tempDataDir();
    const count = 12;
    const runs = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        runHookAsync("record-scenario", post(toolName("get_scenario", (i % 2) as 0 | 1), { scenarioId: `sc${i}` }, structured({ userProfiles: [{ loadStrategy: { rampUpSec: i, holdForSec: 60 } }] })), { data }),
      ),
    );
    for (const run of runs) assert.deepEqual([run.status, run.stdout, run.stderr], [0, "", ""]);
    const state = JSON.parse(readFileSync(join(data, "hooks", `${SESSION}.json`), "utf8")) as SessionState;
    assert.deepEqual(Object.keys(state.scenarios).sort(), Array.from({ length: count }, (_, i) => `sc${i}`).sort());
    assert.equal(state.scenarios.sc5?.seconds, 95);
  });
});
