/**
 * Each rule doc's head and options table and the README's rule table are written from the rules
 * (`npm run docs`, scripts/docs.mjs): the committed text must be what the rules say now.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { RULES } from "../../rules/index.js";
// @ts-expect-error: a plain ES module script, no types
import { BEGIN, END, generated, optionsTable } from "../../scripts/docs.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const files = generated(RULES, root) as Map<string, string>;

for (const [file, text] of files) {
  test(`${file} holds the generated text as \`npm run docs\` writes it`, () => {
    expect(fs.readFileSync(path.join(root, file), "utf8"), "run `npm run docs` and commit").toBe(text);
  });
}

test("every rule doc and the README carry generated text, every option has a description", () => {
  expect(files.size).toBe(RULES.length + 1);
  for (const text of files.values()) expect(text).toContain(BEGIN);
  for (const text of files.values()) expect(text).toContain(END);
  for (const rule of RULES) expect(() => optionsTable(rule)).not.toThrow();
});

test("an option without a description is refused, not written as an empty cell", () => {
  const rule = { ...RULES[2]!, schema: { properties: { order: { type: "boolean" } } } };
  expect(() => optionsTable(rule)).toThrow(/`order` has no description/);
});
