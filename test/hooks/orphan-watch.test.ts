// A background hook knows its client is gone, killed outright or not (runtime/orphan-watch.ts): by
// CLAUDE_PID and that pid's start, since the hook's own parent may be a shell
// that outlives the client; a changed parent still counts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clientEnded, orphanSigns } from "../../src/hooks/runtime/orphan-watch.js";
import type { ProcessProbe } from "../../src/hooks/session/processes.js";

function probe(alive: Map<number, string>): ProcessProbe {
  return { isAlive: (pid) => alive.has(pid), startOf: (pid) => alive.get(pid), commandOf: () => undefined };
}

describe("orphan signs", () => {
  it("sees the client end while the parent shell lives on", () => {
    const procs = new Map([[700, "t1"]]);
    const sign = orphanSigns({ CLAUDE_PID: "700" }, probe(procs), () => 55);
    assert.equal(sign(), false);
    procs.delete(700);
    assert.equal(sign(), true, "the client is gone; the parent (55) is unchanged");
  });

  it("sees a reused pid as the client's end", () => {
    const procs = new Map([[700, "t1"]]);
    const sign = clientEnded({ CLAUDE_PID: "700" }, probe(procs));
    procs.set(700, "t2");
    assert.equal(sign?.(), true);
  });

  it("falls back to the parent without a usable CLAUDE_PID", () => {
    for (const raw of [undefined, "", "0", "-1", "7x", "$(id)", "99999999999"]) {
      assert.equal(clientEnded(raw === undefined ? {} : { CLAUDE_PID: raw }, probe(new Map([[7, "t"]]))), undefined, String(raw));
    }
    let parent = 55;
    const sign = orphanSigns({}, probe(new Map()), () => parent);
    assert.equal(sign(), false);
    parent = 1;
    assert.equal(sign(), true);
  });
});
