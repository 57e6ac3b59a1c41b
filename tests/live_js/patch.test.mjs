// The live element's patch functions (app/components/live.js) against the Python reference
// (app/patch.py) on the same cases: tests/test_live_js.py writes each case with the result Python
// gives to the JSON file named by PATCH_CASES, and runs this with `node --test`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

globalThis.window = {};  // live.js records its draws on window; nothing else of the browser runs on import
const { applyPatch, dragPatch } = await import(new URL("../../app/components/live.js", import.meta.url));
const cases = JSON.parse(readFileSync(process.env.PATCH_CASES, "utf8"));

test("there are cases of every kind", () => {
  assert.ok(cases.apply.length > 0 && cases.drag.length > 0);
});

for (const { name, base, patch, expected } of cases.apply) {
  test(`apply: ${name}`, () => assert.deepEqual(applyPatch(base, patch), expected));
}

for (const { name, drag, cell, expected } of cases.drag) {
  test(`drag: ${name}`, () => assert.deepEqual(dragPatch(drag, cell), expected));
}
