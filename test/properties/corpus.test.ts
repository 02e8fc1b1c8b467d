/**
 * The rest of the Gardener docs site (1,072 pages beside the clone in CI): no page but the
 * wrap-ups gets a structure finding. The wrap-ups themselves are judged page by page in
 * test/properties/house-style.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { CORPUS, corpusFiles, testCorpus } from "../helpers/corpus.js";
import { runMarkdownlintMany, type SuiteConfig } from "../helpers/lint.js";

const STRUCTURE: SuiteConfig = { WU001: true, WU002: true, WU003: true, WU004: true, WU005: true };

testCorpus("no structure findings outside the wrap-ups, over the whole corpus", async () => {
  const names = corpusFiles();
  expect(names.length).toBeGreaterThan(1000);
  const strings = Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(CORPUS, n), "utf8")]));
  const results = await runMarkdownlintMany(strings, STRUCTURE);
  const withFindings = Object.entries(results)
    .filter(([, errors]) => errors.length > 0)
    .map(([name]) => name)
    .sort();
  // Only the wrap-ups with a slip their authors would mend (test/properties/house-style.test.ts names each).
  expect(withFindings).toEqual(["community/hackathons/2023-05.md", "community/hackathons/2026-05.md"]);
});
