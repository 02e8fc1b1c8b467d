/** The shared corpus beside the project: the real Gardener docs and their wrap-ups. */
import fs from "node:fs";
import path from "node:path";

export const SHARED = path.resolve(import.meta.dirname, "..", "..", "..", "shared");
export const CORPUS = path.join(SHARED, "corpus", "gardener-docs");
export const HACKATHONS = path.join(CORPUS, "community", "hackathons");

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

/** Every Markdown file of the corpus, relative to it. */
export function corpusFiles(): string[] {
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
