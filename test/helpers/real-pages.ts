/**
 * Where the real documents are, read without vitest (the bench and scripts use them too):
 * the 12 published Gardener wrap-ups, drafts made from them and the mojibake seed page in the
 * repository (test/wrapups/), and the whole docs corpus beside the clone (`../shared/corpus`).
 * Tests read them through test/helpers/corpus.ts, which adds the blocks that skip without it.
 */
import fs from "node:fs";
import path from "node:path";

export const SHARED = path.resolve(import.meta.dirname, "..", "..", "..", "shared");
export const CORPUS = path.join(SHARED, "corpus", "gardener-docs");
/** The real wrap-up documents, in the repository. */
export const HACKATHONS = path.resolve(import.meta.dirname, "..", "wrapups", "gardener");
/** A real wrap-up whose UTF-8 went through Windows-1254 (see test/wrapups/README.md). */
export const SEED = path.resolve(import.meta.dirname, "..", "wrapups", "seed", "2023-11-wrapup-mojibake.md");

/** Whether the whole docs corpus is beside the clone (CI has it; a fresh clone does not). */
export const HAS_CORPUS = fs.existsSync(path.join(CORPUS, "community", "hackathons"));

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
