// The session lock on real files, with an injected clock whose sleep only
// moves time on: a lock is broken only when its owner is gone, a live owner
// is waited for (never broken, however old its lock), and a holder can tell
// when its lock is no longer its own.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { acquireLock, isProcessAlive, type LockIO } from "../../src/hooks/session/lock.js";
import { StateProblem } from "../../src/hooks/session/state-problem.js";
import { tempDataDir } from "./hook-calls.js";

const TIMING = { waitMs: 2000, staleMs: 5000, pollMs: 5 };

function fakeIO(alive: (pid: number) => boolean = isProcessAlive): LockIO & { waited: () => number } {
  const start = Date.now();
  let waited = 0;
  let n = 0;
  return { now: () => start + waited, sleep: (ms) => void (waited += ms), isAlive: alive, pid: process.pid, token: () => `tok${++n}`, waited: () => waited };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  const pid = Number(run.stdout);
  assert.equal(isProcessAlive(pid), false);
  return pid;
}

const ago = (path: string, ms: number) => utimesSync(path, (Date.now() - ms) / 1000, (Date.now() - ms) / 1000);

describe("session lock", () => {
  it("tells live processes from ended ones", () => {
    assert.equal(isProcessAlive(process.pid), true);
    assert.equal(isProcessAlive(process.ppid), true);
    assert.equal(isProcessAlive(deadPid()), false);
    for (const pid of [0, -1, 1.5, Number.NaN]) assert.equal(isProcessAlive(pid), false, String(pid));
  });

  it("writes its pid and token, and removes only its own lock", () => {
    const path = join(tempDataDir(), "s.json.lock");
    const io = fakeIO();
    const lock = acquireLock(path, io, TIMING);
    assert.equal(readFileSync(path, "utf8"), `${process.pid} tok1\n`);
    assert.equal(lock.stillHeld(), true);
    writeFileSync(path, `${process.ppid} someoneelse\n`);
    assert.equal(lock.stillHeld(), false);
    lock.release();
    assert.equal(readFileSync(path, "utf8"), `${process.ppid} someoneelse\n`, "another's lock stays");
  });

  it("breaks at once the lock of a process that has ended", () => {
    const path = join(tempDataDir(), "s.json.lock");
    writeFileSync(path, `${deadPid()} old\n`);
    const io = fakeIO();
    const lock = acquireLock(path, io, TIMING);
    assert.equal(io.waited(), 0);
    assert.equal(lock.stillHeld(), true);
  });

  it("never breaks the lock of a live process, however old it is: it waits, then gives up", () => {
    const path = join(tempDataDir(), "s.json.lock");
    const held = `${process.ppid} alive\n`;
    writeFileSync(path, held);
    ago(path, 3_600_000);
    const io = fakeIO();
    assert.throws(() => acquireLock(path, io, TIMING), (error: unknown) => error instanceof StateProblem && new RegExp(`process ${process.ppid}, still running`).test(error.message));
    assert.ok(io.waited() >= TIMING.waitMs, `waited ${io.waited()} ms`);
    assert.equal(readFileSync(path, "utf8"), held, "the live owner's lock is untouched");
  });

  it("takes the lock as soon as a live owner lets go", () => {
    const path = join(tempDataDir(), "s.json.lock");
    writeFileSync(path, `${process.ppid} alive\n`);
    const io = fakeIO();
    let sleeps = 0;
    const owner = { ...io, sleep: (ms: number) => { io.sleep(ms); if (++sleeps === 3) rmSync(path); } };
    const lock = acquireLock(path, owner, TIMING);
    assert.equal(io.waited(), 3 * TIMING.pollMs);
    assert.equal(lock.stillHeld(), true);
  });

  it("breaks a lock without a readable owner only once it is older than the stale threshold", () => {
    for (const leftover of ["", "garbage\n"]) {
      const path = join(tempDataDir(), "s.json.lock");
      writeFileSync(path, leftover);
      assert.throws(() => acquireLock(path, fakeIO(), TIMING), /an owner that has not written its pid yet/);
      ago(path, TIMING.staleMs + 1000);
      assert.equal(acquireLock(path, fakeIO(), TIMING).stillHeld(), true, JSON.stringify(leftover));
    }
  });

  it("breaks a stale lock directory left by an earlier version", () => {
    const path = join(tempDataDir(), "s.json.lock");
    mkdirSync(path);
    ago(path, TIMING.staleMs + 1000);
    const lock = acquireLock(path, fakeIO(), TIMING);
    assert.equal(lock.stillHeld(), true);
    lock.release();
    assert.equal(existsSync(path), false);
  });

  it("gives up even when its clock stands still", () => {
    const path = join(tempDataDir(), "s.json.lock");
    writeFileSync(path, `${process.ppid} alive\n`);
    assert.throws(() => acquireLock(path, { ...fakeIO(), sleep: () => undefined }, TIMING), StateProblem);
  });
});
