// Scenario 1: every skill and command of the plugin is listed for the model
// with its description, and the listing's size is recorded with and without
// the plugin.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PLUGIN_NAME, SKILL_NAMES } from "../../src/policy/index.js";
import { listingEntries, pluginListingChars, type ListingEntry } from "./harness/listing.js";
import { pluginCost } from "./harness/plugin-details.js";
import { shippedCommands, shippedSkill } from "./harness/plugin-files.js";
import { buildPluginVariant, type PluginVariant } from "./harness/plugin-variant.js";
import { visibleText } from "./harness/requests.js";
import { text } from "./harness/script.js";
import { describeRun, runSession, type SessionRecord } from "./harness/session.js";

let variant: PluginVariant;
let withPlugin: SessionRecord;
let withoutPlugin: SessionRecord;

function firstRequest(record: SessionRecord) {
  const first = record.model.requests[0];
  assert.ok(first, `no model request\n${describeRun(record)}`);
  return first;
}

function entryFor(entries: readonly ListingEntry[], name: string): ListingEntry {
  const entry = entries.find((e) => e.name === name);
  assert.ok(entry, `${name} is not in the listing: ${entries.map((e) => e.name).join(", ")}`);
  return entry;
}

describe("scenario 1: the plugin's skills and commands in the listing", () => {
  before(async () => {
    variant = await buildPluginVariant({ mcp: "none" });
    const session = { prompt: "hello", steps: [text("hello")] } as const;
    [withPlugin, withoutPlugin] = await Promise.all([
      runSession({ ...session, plugin: { mcp: "none" } }),
      runSession(session),
    ]);
  });
  after(async () => variant.dispose());

  test("every skill is listed with its description", () => {
    const entries = listingEntries(firstRequest(withPlugin));
    assert.ok(SKILL_NAMES.length > 0);
    for (const name of SKILL_NAMES) {
      const skill = shippedSkill(name);
      assert.ok(skill.description.length > 0, `${name} has no description in its frontmatter`);
      const entry = entryFor(entries, skill.listedName);
      assert.ok(entry.description.startsWith(skill.description.trim()), `${name} is listed as: ${entry.description}`);
    }
  });

  test("the commands are typed by the user, not offered to the model: they stay out of the listing", () => {
    const commands = shippedCommands();
    assert.ok(commands.some((c) => c.listedName === `${PLUGIN_NAME}:wait`), "commands/wait.md is missing");
    const listed = listingEntries(firstRequest(withPlugin)).map((e) => e.name);
    for (const command of commands) {
      assert.ok(command.description.length > 0, `${command.path} has no description`);
      // disable-model-invocation: true keeps a command out of the listing (checked on 2.1.330).
      assert.ok(!listed.includes(command.listedName), `${command.listedName} is in the model's listing`);
    }
  });

  test("nothing of the plugin is listed without it", () => {
    const entries = listingEntries(firstRequest(withoutPlugin));
    assert.ok(entries.length > 0, "the baseline listing is empty");
    assert.deepEqual(
      entries.filter((e) => e.name.startsWith(`${PLUGIN_NAME}:`)),
      [],
    );
  });

  test("the listing's size with and without the plugin", async (t) => {
    const withEntries = listingEntries(firstRequest(withPlugin));
    const withoutEntries = listingEntries(firstRequest(withoutPlugin));
    const pluginChars = pluginListingChars(withEntries, PLUGIN_NAME);
    const listingChars = (entries: readonly ListingEntry[]) => entries.reduce((sum, e) => sum + e.text.length + 1, 0);
    const addedChars = visibleText(firstRequest(withPlugin)).length - visibleText(firstRequest(withoutPlugin)).length;
    const cost = await pluginCost(variant.dir, PLUGIN_NAME);
    t.diagnostic(`listing: ${listingChars(withoutEntries)} chars without the plugin, ${listingChars(withEntries)} with it`);
    t.diagnostic(`plugin entries: ${pluginChars} chars, ~${Math.ceil(pluginChars / 4)} tokens (4 chars a token)`);
    t.diagnostic(`first request grew by ${addedChars} chars (~${Math.ceil(addedChars / 4)} tokens)`);
    t.diagnostic(`claude plugin details: always-on ~${cost.alwaysOnTokens ?? "?"} tokens`);
    assert.equal(listingChars(withEntries) - listingChars(withoutEntries), pluginChars);
    assert.ok(pluginChars > 0);
    // The plugin adds its listing and nothing else of that size to the first request.
    assert.ok(addedChars >= pluginChars, `the request grew by ${addedChars} chars, less than the ${pluginChars} listed`);
    assert.ok(cost.alwaysOnTokens !== undefined, `no always-on figure in:\n${cost.text}`);
  });
});
