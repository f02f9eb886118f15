// src/hooks is walked by its folders: each says what it is for, every hook of
// hooks.json has a file of its own name in by-name/, and no file lies loose.
import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { HOOKS } from "../../src/hooks/runtime/registry.js";

const HOOKS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "hooks");
const rooms = readdirSync(HOOKS_DIR).filter((name) => statSync(join(HOOKS_DIR, name)).isDirectory());

test("every room of src/hooks says what it is for", () => {
  assert.ok(rooms.length >= 5, rooms.join(", "));
  assert.deepEqual(rooms.filter((room) => !existsSync(join(HOOKS_DIR, room, "README.md"))), []);
  assert.deepEqual(readdirSync(HOOKS_DIR).filter((name) => name.endsWith(".ts")), [], "a file outside the rooms");
});

test("every hook of the registry has a file of its name in by-name/, and by-name/ holds nothing else", () => {
  const files = readdirSync(join(HOOKS_DIR, "by-name")).filter((name) => name.endsWith(".ts")).map((name) => name.slice(0, -3)).sort();
  assert.deepEqual(files, HOOKS.map((spec) => spec.name).sort());
});
