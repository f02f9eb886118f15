// Which process a waiter record names: a pid proved by its start identity,
// and a command line naming the hook bundle before anything is signalled.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, it } from "node:test";
import { isOurHookProcess, isRecordedProcess, ownProof, startFromStat, stopHookProcess, systemProbe, type ProcessProbe } from "../../src/hooks/session/processes.js";

const HOOK_LINE = "node\0/p/scripts/hooks/octoperf-hook.cjs\0wait-in-background\0";

function probe(table: Record<number, { start?: string; command?: string }>): ProcessProbe {
  return {
    isAlive: (pid) => pid in table,
    startOf: (pid) => table[pid]?.start,
    commandOf: (pid) => table[pid]?.command,
  };
}

describe("a recorded process, proved", () => {
  it("reads the start time after the command name, whatever the name holds", () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[19] = "987654";
    assert.equal(startFromStat(`4242 (node ) x (y) ${fields.join(" ")}`), "t987654");
    assert.equal(startFromStat("garbage"), undefined);
    assert.equal(startFromStat("1 (a) S 1 2"), undefined);
  });

  it("counts a live pid only with the start it was recorded with: a reused pid is another process", () => {
    const p = probe({ 10: { start: "t100" }, 11: {} });
    assert.equal(isRecordedProcess(10, "t100", p), true);
    assert.equal(isRecordedProcess(10, "t999", p), false, "the pid was given to another process");
    assert.equal(isRecordedProcess(12, "t100", p), false, "gone");
    assert.equal(isRecordedProcess(11, "t100", p), true, "its start cannot be read now: alive is all that is known (until bounds it)");
    assert.equal(isRecordedProcess(10, undefined, p), true, "recorded without a proof");
  });

  it("signals only what it proved is this plugin's hook: the recorded start and the bundle's command line", () => {
    const p = probe({ 20: { start: "t1", command: HOOK_LINE }, 21: { start: "t1", command: "node\0/usr/lib/other.js\0" }, 22: { start: "t1" } });
    assert.equal(isOurHookProcess(20, "t1", p), true);
    assert.equal(isOurHookProcess(20, "t2", p), false, "a reused pid");
    assert.equal(isOurHookProcess(20, undefined, p), false, "no proof recorded: never signalled");
    assert.equal(isOurHookProcess(21, "t1", p), false, "another program");
    assert.equal(isOurHookProcess(22, "t1", p), false, "a command line that cannot be read proves nothing");
    assert.equal(isOurHookProcess(23, "t1", p), false, "gone");
    assert.equal(stopHookProcess(21, "t1", p), false);
  });

  it("on this machine: a process's own proof, another's differs, and one that exited is gone", { skip: process.platform !== "linux" && process.platform !== "darwin" }, async () => {
    const mine = ownProof();
    assert.ok(mine, "this process has a readable start");
    assert.equal(systemProbe.startOf(process.pid), mine);
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const pid = child.pid!;
    const theirs = systemProbe.startOf(pid);
    assert.ok(theirs);
    assert.equal(isRecordedProcess(pid, theirs), true);
    assert.equal(isOurHookProcess(pid, theirs), false, "node -e is not the hook bundle");
    child.kill("SIGKILL");
    await once(child, "exit");
    assert.equal(isRecordedProcess(pid, theirs), false);
  });
});
