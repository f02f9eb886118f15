// What uninstall does with settings.json after Claude Code's own uninstall.
import assert from "node:assert/strict";
import { test } from "node:test";
import { settingsAction, withoutPlugin } from "../../src/install/settings.js";

const ID = "octoperf@octoperf-plugins";
const MARKET = "octoperf-plugins";
const ORIGINAL = '{\n    "theme": "dark"\n}\n';

test("the user's exact bytes come back when only the plugin's entries differ", () => {
  const afterClaude = JSON.stringify({ theme: "dark", enabledPlugins: {}, extraKnownMarketplaces: {} }, null, 2);
  assert.deepEqual(settingsAction(afterClaude, ORIGINAL, ID, MARKET), { kind: "restore" });
  const stillThere = JSON.stringify({ theme: "dark", enabledPlugins: { [ID]: true }, extraKnownMarketplaces: { [MARKET]: { source: { source: "directory", path: "/x" } } } });
  assert.deepEqual(settingsAction(stillThere, ORIGINAL, ID, MARKET), { kind: "restore" });
});

test("a settings file the install created is deleted when nothing else is in it", () => {
  assert.deepEqual(settingsAction('{"enabledPlugins": {}, "extraKnownMarketplaces": {}}', undefined, ID, MARKET), { kind: "delete" });
  assert.deepEqual(settingsAction(undefined, undefined, ID, MARKET), { kind: "keep" });
});

test("changes the user made meanwhile are kept; only the plugin's entries go", () => {
  const changed = JSON.stringify({ theme: "light", enabledPlugins: { [ID]: true, "other@m": true } });
  const action = settingsAction(changed, ORIGINAL, ID, MARKET);
  assert.equal(action.kind, "rewrite");
  assert.deepEqual(JSON.parse((action as { text: string }).text), { theme: "light", enabledPlugins: { "other@m": true } });
  // Another plugin the user enabled before the install is not touched.
  const before = { enabledPlugins: { "other@m": true } };
  assert.deepEqual(withoutPlugin({ enabledPlugins: { "other@m": true, [ID]: true } }, before, ID, MARKET), before);
  // An entry the user had under the same name before stays.
  assert.deepEqual(withoutPlugin({ enabledPlugins: { [ID]: false } }, { enabledPlugins: { [ID]: false } }, ID, MARKET), { enabledPlugins: { [ID]: false } });
});

test("an unreadable settings file is left alone", () => {
  assert.deepEqual(settingsAction("{not json", ORIGINAL, ID, MARKET), { kind: "keep" });
});

test("an empty settings file comes back with its exact bytes", () => {
  for (const original of ["", "\n", "  \n\t"]) {
    // What Claude Code 2.1.330 leaves after marketplace remove and plugin uninstall, starting from a 0-byte file.
    const afterClaude = JSON.stringify({ enabledPlugins: {}, extraKnownMarketplaces: {} }, null, 2);
    assert.deepEqual(settingsAction(afterClaude, original, ID, MARKET), { kind: "restore" }, JSON.stringify(original));
    assert.deepEqual(settingsAction(JSON.stringify({ enabledPlugins: { [ID]: true } }), original, ID, MARKET), { kind: "restore" });
  }
  // Settings the user added meanwhile are kept.
  const action = settingsAction(JSON.stringify({ theme: "light", enabledPlugins: {} }), "", ID, MARKET);
  assert.deepEqual(action.kind === "rewrite" && JSON.parse(action.text), { theme: "light" });
});
