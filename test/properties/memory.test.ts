/**
 * A long-lived process (an editor, a language server, a CI run over thousands of pages) must not
 * keep the documents it has linted. What the suite remembers it mostly remembers per document
 * (src/core/memo.ts); its one cache by text (parsed front matter, for the editor) must not keep a cut
 * from a page, and with it the page. Measured here on the real linters:
 * lint many distinct large pages, collect garbage, and compare the heap with what it was.
 */
import { describe, expect, test } from "vitest";
import { runMarkdownlint, runRemark, type SuiteConfig } from "../helpers/lint.js";

const gc = (globalThis as { gc?: () => void }).gc;

/** A distinct ~200 KB wrap-up: front matter, fields, GitHub links unique to the page. */
function page(n: number): string {
  const padding = `Filler text for page ${n}, long enough to matter. `.repeat(4000);
  return [
    "---",
    `title: "November 2023"`,
    "weight: -202311",
    `note: page ${n} ${"x".repeat(40)}`,
    "---",
    "",
    "# Hack The Garden 11/2023 Wrap Up",
    "",
    `## 🚀 Project number ${n}`,
    "",
    `**Problem Statement:** ${padding}`,
    "",
    `**Label number ${n} that names no field:** something`,
    "",
    `**Code:** [gardener/gardener#${n}](https://github.com/gardener/gardener/pull/${n}), <https://github.com/gardener/gardener-extension-${n}/tree/main/docs>`,
    "",
  ].join("\n");
}

function heapMb(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1048576;
}

const CONFIG: SuiteConfig = {
  WU001: true,
  WU003: { unknown: true },
  WU004: true,
  WU006: true,
  WU007: { offline: true },
  WU008: true,
};
const PAGES = 40; // 40 × ~200 KB = ~8 MB of text (twice that as UTF-16 would be)

describe("memory", () => {
  test.skipIf(!gc)("markdownlint: linting 40 distinct 200 KB pages keeps none of them", async () => {
    await runMarkdownlint(page(-1), CONFIG); // modules and lazy tables loaded before measuring
    const before = heapMb();
    for (let n = 0; n < PAGES; n++) {
      const errors = await runMarkdownlint(page(n), CONFIG);
      // The pages are linted for real: the unknown label is reported on each.
      expect(errors.some((e) => e.ruleNames[0] === "WU003")).toBe(true);
    }
    const grown = heapMb() - before;
    expect(grown, `heap grew by ${grown.toFixed(1)} MB`).toBeLessThan(4);
  });

  test.skipIf(!gc)("remark: linting 40 distinct 200 KB pages keeps none of them", async () => {
    await runRemark(page(-1), CONFIG);
    const before = heapMb();
    for (let n = 0; n < PAGES; n++) {
      const file = await runRemark(page(n), CONFIG);
      expect(file.messages.some((m) => m.source === "wrapup-lint" && m.ruleId === "wrapup-section-fields")).toBe(true);
    }
    const grown = heapMb() - before;
    expect(grown, `heap grew by ${grown.toFixed(1)} MB`).toBeLessThan(4);
  });
});
