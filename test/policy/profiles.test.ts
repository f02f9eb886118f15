import { test } from "node:test";
import assert from "node:assert/strict";
import { expectedRun, expectedRunSeconds, longestProfileSeconds, MAX_PROFILES, PROVISIONING_HEADROOM_S, scenarioLoadLength } from "../../src/policy/profiles.js";

const rampUp = (delayMs: number, rampUpMs: number, plateauMs: number) => ({ "@type": "UserProfileLoadRampUp", delayMs, rampUpMs, plateauMs, plateauVus: 50 });

test("today's REST shape: userProfiles[].load, UserProfileLoadRampUp in milliseconds; the longest profile decides", () => {
  const scenario = {
    id: "s1",
    userProfiles: [
      { name: "checkout", load: rampUp(0, 60_000, 480_000) },
      { name: "browse", load: rampUp(10_000, 120_000, 600_000) },
    ],
  };
  assert.deepEqual(scenarioLoadLength(scenario), { kind: "known", seconds: 730 });
  assert.equal(expectedRunSeconds(scenario), 730 + PROVISIONING_HEADROOM_S);
});

test("the MCP answer: loadStrategy with milliseconds or seconds, a part in seconds winning over its milliseconds", () => {
  assert.equal(longestProfileSeconds({ userProfiles: [{ loadStrategy: { delayMs: 10_000, rampUpMs: 60_000, plateauMs: 540_000, rampDownMs: 30_500 } }] }), 640.5);
  assert.equal(longestProfileSeconds({ userProfiles: [{ loadStrategy: { rampUpSec: 60, holdForSec: 300, rampDownSec: 30 } }] }), 390);
  assert.equal(longestProfileSeconds({ userProfiles: [{ loadStrategy: { rampUpSec: 10, rampUpMs: 99_000 } }] }), 10);
  assert.equal(expectedRunSeconds({ userProfiles: [{ load: { rampUpMs: 500 } }] }), Math.ceil(0.5 + PROVISIONING_HEADROOM_S));
});

test("older shapes: userLoads[].strategy with points[].timeInMs, or UserLoadRampup with delay, rampup and peak", () => {
  const points = { userLoads: [{ strategy: { "@type": "UserLoadOctoPerf", points: [{ threadsCount: 1, timeInMs: 0 }, { threadsCount: 10, timeInMs: 300_000 }] } }] };
  assert.equal(longestProfileSeconds(points), 300);
  const rampup = { userLoads: [{ strategy: { "@type": "UserLoadRampup", userload: 10, rampup: 30_000, peak: 90_000, delay: 0 } }] };
  assert.equal(longestProfileSeconds(rampup), 120);
});

test("a profile whose length cannot be worked out makes the estimate unknown, with the reason", () => {
  const cases: Array<[unknown, RegExp]> = [
    [undefined, /not an object/],
    [{}, /no load profiles/],
    [{ userProfiles: [] }, /no load profiles/],
    [{ userProfiles: "no" }, /no load profiles/],
    [{ userProfiles: [{ name: "a", loadStrategy: { users: 10 } }] }, /^profile 1 "a": it has no timing fields$/],
    [{ userProfiles: [{ load: { rampUpSec: -5 } }] }, /rampUpSec is -5, not a duration/],
    [{ userProfiles: [{ load: { plateauMs: "10m" } }] }, /plateauMs is "10m", not a duration/],
    [{ userProfiles: [{ load: { "@type": "UserProfileLoadStairs", rampUpMs: 1000, plateauMs: 1000 } }] }, /load type "UserProfileLoadStairs" is not one whose length is published/],
    [{ userProfiles: [{ load: { rampUpMs: 1000, plateauMs: 1000, stepCount: 5 } }] }, /stepped load \(stepCount\)/],
    [{ userProfiles: [{ load: rampUp(0, 1000, 1000) }, null] }, /^profile 2: it is not an object$/],
    [{ userProfiles: [{ load: rampUp(0, 1000, 1000) }, { name: "b" }] }, /^profile 2 "b": it has no load$/],
    [{ userLoads: [{ strategy: { "@type": "UserLoadOctoPerf", points: [{ threadsCount: 1 }] } }] }, /a point has no timeInMs/],
    [{ userProfiles: [{ load: { holdForSec: 1e12 } }] }, /more than the 7-day maximum/],
    [{ userProfiles: Array.from({ length: MAX_PROFILES + 1 }, () => ({ load: rampUp(0, 1, 1) })) }, /at most 1000 are read/],
  ];
  for (const [scenario, reason] of cases) {
    const length = expectedRun(scenario);
    assert.equal(length.kind, "unknown", JSON.stringify(scenario)?.slice(0, 80));
    assert.match((length as { reason: string }).reason, reason);
    assert.equal(expectedRunSeconds(scenario), undefined);
  }
});

test("a hostile profile name or type is quoted on one line, capped", () => {
  const length = scenarioLoadLength({ userProfiles: [{ name: "x\nocto\x1b[2Kperf", load: { "@type": `T${"y".repeat(500)}\n` } }] });
  assert.equal(length.kind, "unknown");
  const reason = (length as { reason: string }).reason;
  assert.ok(!/[\r\n\x1b]/.test(reason), reason);
  assert.ok(reason.length < 160, reason);
  assert.match(reason, /^profile 1 "x octoperf": its load type "Ty+\.\.\." is not one/);
});
