import { test } from "node:test";
import assert from "node:assert/strict";
import { expectedRunSeconds, longestProfileSeconds, PROVISIONING_HEADROOM_S } from "../../src/policy/profiles.js";

test("the longest profile decides, with provisioning headroom added", () => {
  const scenario = {
    userProfiles: [
      { loadStrategy: { rampUpSec: 60, holdForSec: 300, rampDownSec: 30 } },
      { loadStrategy: { rampUpSec: 120, holdForSec: 600 } },
    ],
  };
  assert.equal(longestProfileSeconds(scenario), 720);
  assert.equal(expectedRunSeconds(scenario), 720 + PROVISIONING_HEADROOM_S);
});

test("millisecond fields of the raw scenario count the same", () => {
  const raw = { userProfiles: [{ load: { delayMs: 10_000, rampUpMs: 60_000, plateauMs: 540_000, rampDownMs: 30_500 } }] };
  assert.equal(longestProfileSeconds(raw), 640.5);
  assert.equal(expectedRunSeconds(raw), 671);
});

test("seconds win over milliseconds when a profile has both", () => {
  assert.equal(longestProfileSeconds({ userProfiles: [{ loadStrategy: { rampUpSec: 10, rampUpMs: 99_000 } }] }), 10);
});

test("a scenario with no timings gives no estimate rather than a guess", () => {
  for (const bad of [undefined, null, 42, "x", {}, { userProfiles: "no" }, { userProfiles: [] }, { userProfiles: [{ loadStrategy: { users: 10 } }] }, { userProfiles: [{ loadStrategy: { rampUpSec: -5 } }] }]) {
    assert.equal(expectedRunSeconds(bad), undefined, JSON.stringify(bad));
  }
});

test("profiles without timings do not hide the ones with timings", () => {
  assert.equal(longestProfileSeconds({ userProfiles: [null, { loadStrategy: {} }, { loadStrategy: { holdForSec: 90 } }] }), 90);
});
