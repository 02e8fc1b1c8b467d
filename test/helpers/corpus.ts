/**
 * Real documents for the tests. The 12 published Gardener wrap-ups and the mojibake seed page
 * live in the repository (test/wrapups/, copies of `../shared/corpus`), so that a fresh clone
 * runs every rule test. The whole Gardener docs corpus (1,072 pages) is only beside the clone
 * in CI (`../shared/corpus`): tests that need it use `describeCorpus` / `testCorpus`, which skip
 * and say so when it is not there.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "vitest";

export const SHARED = path.resolve(import.meta.dirname, "..", "..", "..", "shared");
export const CORPUS = path.join(SHARED, "corpus", "gardener-docs");
/** The real wrap-up documents, in the repository. */
export const HACKATHONS = path.resolve(import.meta.dirname, "..", "wrapups", "gardener");
/** A real wrap-up whose UTF-8 went through Windows-1254 (see test/wrapups/README.md). */
export const SEED = path.resolve(import.meta.dirname, "..", "wrapups", "seed", "2023-11-wrapup-mojibake.md");

/** Whether the whole docs corpus is beside the clone (CI has it; a fresh clone does not). */
export const HAS_CORPUS = fs.existsSync(path.join(CORPUS, "community", "hackathons"));

let said = false;
function sayCorpusMissing(): void {
  if (HAS_CORPUS || said) return;
  said = true;
  console.warn(`Skipped: tests over the whole Gardener docs corpus need ${CORPUS} (CI has it beside the clone).`);
}

/** A describe block over the whole corpus: skipped, saying so, when the corpus is not there. */
export function describeCorpus(name: string, body: () => void): void {
  sayCorpusMissing();
  describe.skipIf(!HAS_CORPUS)(`${name} [needs ../shared/corpus]`, body);
}

/** A test over the whole corpus: skipped, saying so, when the corpus is not there. */
export const testCorpus = ((name: string, fn: () => unknown, timeout?: number) => {
  sayCorpusMissing();
  return test.skipIf(!HAS_CORPUS)(`${name} [needs ../shared/corpus]`, fn, timeout);
}) as (name: string, fn: () => unknown, timeout?: number) => void;

/** The real wrap-up documents (`20*.md`), by file name. */
export function wrapups(): string[] {
  return fs
    .readdirSync(HACKATHONS)
    .filter((f) => /^20\d\d-\d\d\.md$/.test(f))
    .sort();
}

export function readWrapup(name: string): string {
  return fs.readFileSync(path.join(HACKATHONS, name), "utf8");
}

/** A draft made from a real page, with the slips drafts have (test/wrapups/README.md lists them). */
export function readDraft(name: string): string {
  return fs.readFileSync(path.join(HACKATHONS, "..", "drafts", name), "utf8");
}

/** Every Markdown file of the corpus, relative to it (empty when the corpus is not there). */
export function corpusFiles(): string[] {
  if (!HAS_CORPUS) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) out.push(path.relative(CORPUS, full));
    }
  };
  walk(CORPUS);
  return out.sort();
}
