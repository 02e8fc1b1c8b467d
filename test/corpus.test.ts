/**
 * The real Gardener docs: every wrap-up through both linters (snapshot of the findings, which
 * were reviewed one by one; parity of rule, line and message), and the rest of the docs site,
 * which must get no structure finding at all.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CORPUS, corpusFiles, testCorpus, readWrapup, wrapups } from "./helpers/corpus.js";
import { lintMarkdownlint, lintRemark, runMarkdownlintMany, type SuiteConfig } from "./helpers/lint.js";

/** "WU004 30: …" sorts by rule, then line (as markdownlint lists its results). */
const byRuleAndLine = (a: string, b: string): number => {
  const [ra, la] = a.split(/[ :]/);
  const [rb, lb] = b.split(/[ :]/);
  return ra!.localeCompare(rb!) || Number(la) - Number(lb) || a.localeCompare(b);
};

const STRUCTURE: SuiteConfig = { WU001: true, WU002: true, WU003: true, WU004: true, WU005: true };

describe("real wrap-ups", () => {
  for (const name of wrapups()) {
    test(name, async () => {
      const text = readWrapup(name);
      const fromMarkdownlint = (await lintMarkdownlint(text, STRUCTURE)).map((r) => `${r.code} ${r.line}: ${r.message}`).sort(byRuleAndLine);
      const fromRemark = (await lintRemark(text, STRUCTURE)).map((r) => `${r.code} ${r.line}: ${r.message}`).sort(byRuleAndLine);
      expect(fromRemark).toEqual(fromMarkdownlint);
      expect(fromMarkdownlint).toMatchSnapshot();
    });
  }
});

testCorpus("no structure findings outside the wrap-ups, over the whole corpus", async () => {
  const names = corpusFiles();
  expect(names.length).toBeGreaterThan(1000);
  const strings = Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(CORPUS, n), "utf8")]));
  const results = await runMarkdownlintMany(strings, STRUCTURE);
  const withFindings = Object.entries(results)
    .filter(([, errors]) => errors.length > 0)
    .map(([name]) => name)
    .sort();
  expect(withFindings.every((n) => /^community\/hackathons\/20\d\d-\d\d\.md$/.test(n)), withFindings.join(", ")).toBe(true);
  // The wrap-ups that follow the field template do get findings: the rules did run.
  expect(withFindings.length).toBeGreaterThan(5);
});
