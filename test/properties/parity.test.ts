/**
 * Parity: every fixture, every real wrap-up and the mojibake seed, through markdownlint and
 * remark with the whole suite (link checks offline, against an empty cache): the same
 * (rule, line) findings from both.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { RULES } from "../../rules/index.js";
import { readWrapup, SEED, wrapups } from "../helpers/corpus.js";
import { lintMarkdownlint, lintRemark, type SuiteConfig } from "../helpers/lint.js";

process.env["WRAPUP_LINT_OFFLINE"] = "1";
process.env["WRAPUP_LINT_CACHE_DIR"] = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-parity-"));

const ALL: SuiteConfig = Object.fromEntries(RULES.map((r) => [r.code, true]));
const fixtures = path.resolve(import.meta.dirname, "..", "..", "fixtures");

const documents: [string, string][] = [
  ...fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith(".md"))
    .map((f): [string, string] => [`fixtures/${f}`, fs.readFileSync(path.join(fixtures, f), "utf8")]),
  ...wrapups().map((f): [string, string] => [f, readWrapup(f)]),
  ["seed/2023-11-wrapup-mojibake.md", fs.readFileSync(SEED, "utf8")],
];

test.each(documents)("%s: markdownlint and remark report the same rules on the same lines", async (_name, text) => {
  const [a, b] = await Promise.all([lintMarkdownlint(text, ALL), lintRemark(text, ALL)]);
  const key = (r: { code: string; line: number }) => `${r.code}:${r.line}`;
  expect(b.map(key).sort()).toEqual(a.map(key).sort());
});

test("the seed page gets findings from both (the suite did run)", async () => {
  const text = documents[documents.length - 1]![1];
  expect((await lintMarkdownlint(text, ALL)).length).toBeGreaterThan(10);
});

test("a finding in the URL of a page's last link reaches remark too (no end-of-file gap)", async () => {
  const text = "# Notes\n\nSee [gardener/gardener#1](http://github.com/gardener/gardener/pull/1)\n";
  const config = { WU006: true };
  const [a, b] = await Promise.all([lintMarkdownlint(text, config), lintRemark(text, config)]);
  expect(a.length).toBeGreaterThan(0);
  expect(b.map((r) => `${r.code}:${r.line}:${r.message}`)).toEqual(a.map((r) => `${r.code}:${r.line}:${r.message}`));
  expect(b.some((r) => r.fix !== null)).toBe(true);
});
