// The loopback redirect target: only /callback with this sign-in's state counts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SignInError } from "../../src/auth/errors.js";
import { startLoopback } from "../../src/auth/loopback.js";

describe("the loopback redirect", () => {
  it("ignores a callback with another state, and hands over the code that comes with its own", async () => {
    const loopback = await startLoopback();
    try {
      assert.match(loopback.redirectUrl, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const base = new URL(loopback.redirectUrl);
      assert.equal((await fetch(new URL("/other?code=x", base))).status, 404);
      const forged = await fetch(`${loopback.redirectUrl}?code=forged&state=guess`);
      assert.equal(forged.status, 400);
      await forged.text();
      const real = await fetch(`${loopback.redirectUrl}?code=the-code&state=${loopback.state}`);
      assert.equal(real.status, 200);
      await real.text();
      assert.equal(await loopback.code, "the-code");
    } finally {
      await loopback.close();
    }
  });

  it("ends the sign-in on an error answer, with the error made one safe line", async () => {
    const loopback = await startLoopback();
    try {
      await (await fetch(`${loopback.redirectUrl}?error=${encodeURIComponent("access_denied\n\x1b[31mforged")}&state=${loopback.state}`)).text();
      await assert.rejects(loopback.code, (e: unknown) => e instanceof SignInError && e.message === "the authorization server refused the sign-in (access_denied??[31mforged)");
    } finally {
      await loopback.close();
    }
  });
});
