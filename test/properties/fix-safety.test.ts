/**
 * Fix safety: fixing twice equals fixing once, in both linters; no byte outside a fix's span
 * changes; the linted text goes back to the file's own line endings. `wrapup-lint --fix` on
 * files: test/integration/fix-files.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { applyFixes } from "markdownlint";
import { describe, expect, test } from "vitest";
import { normalize, restore } from "../../src/cli/fix-files.js";
import { RULES } from "../../rules/index.js";
import { readWrapup, wrapups } from "../helpers/corpus.js";
import { fixMarkdownlint, fixRemark, lintMarkdownlint, runMarkdownlint, type SuiteConfig } from "../helpers/lint.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const fixtures = path.join(root, "fixtures");
const ALL: SuiteConfig = Object.fromEntries(RULES.filter((r) => !r.asynchronous).map((r) => [r.code, true]));

/** Real wrap-ups and the broken fixtures: pages with fixable findings of every fixable rule. */
function documents(): [string, string][] {
  const broken = fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith(".md"))
    .map((f): [string, string] => [f, fs.readFileSync(path.join(fixtures, f), "utf8")]);
  return [...wrapups().map((w): [string, string] => [w, readWrapup(w)]), ...broken];
}

const variants = (text: string): Record<string, string> => ({
  lf: text,
  crlf: text.replace(/\r?\n/g, "\r\n"),
  bom: "\uFEFF" + text,
});

describe("fixing twice equals fixing once", () => {
  test("markdownlint and remark, every real wrap-up and fixture, LF, CRLF and BOM", async () => {
    let fixedSome = 0;
    for (const [name, page] of documents()) {
      for (const [variant, text] of Object.entries(variants(page))) {
        const once = await fixMarkdownlint(text, ALL);
        expect(await fixMarkdownlint(once, ALL), `${name} (${variant}) markdownlint`).toBe(once);
        const remarkOnce = await fixRemark(text, ALL);
        expect(await fixRemark(remarkOnce, ALL), `${name} (${variant}) remark`).toBe(remarkOnce);
        if (once !== text) fixedSome++;
      }
    }
    expect(fixedSome).toBeGreaterThan(5);
  });

  test("documents assembled from real wrap-up lines with faults spliced in", async () => {
    const lines = wrapups().flatMap((w) => readWrapup(w).split("\n"));
    const faults = [
      "**Next steps:**",
      "**Code**:",
      "## 🚀Title",
      "## ℹ Title",
      "- 🗓️ **Date:** 06.11.2023-10.11.2023",
      "â€“ text",
      "⚡️️ x",
      "### Next Steps:",
    ];
    const doc = fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.nat(lines.length - 1).map((i) => lines[i]!),
            fc.constantFrom(...faults),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        fc.constantFrom("\n", "\r\n"),
      )
      .map(([picked, eol]) => "# Hack The Garden 11/2023 Wrap Up" + eol + eol + picked.join(eol) + eol);
    await fc.assert(
      fc.asyncProperty(doc, async (text) => {
        const once = await fixMarkdownlint(text, ALL);
        expect(await fixMarkdownlint(once, ALL)).toBe(once);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});

describe("no byte outside a fix's span changes", () => {
  test("markdownlint's applyFixes with the suite's fixes: only the spans differ", async () => {
    let spans = 0;
    for (const [name, page] of documents()) {
      for (const [variant, text] of Object.entries(variants(page))) {
        const errors = await runMarkdownlint(text, ALL);
        const fixed = applyFixes(text, errors);
        const reported = await lintMarkdownlint(text, ALL);
        const byLine = new Map<number, [number, number, string][]>();
        for (const r of reported) {
          if (!r.fix) continue;
          const [line, column, deleteCount, insertText] = r.fix;
          byLine.set(line, [...(byLine.get(line) ?? []), [column, deleteCount, insertText]]);
        }
        // The same lines, with the same endings and BOM; each line equal outside its fixes.
        const split = (t: string) => t.split(/(?<=\r\n|\r(?!\n)|\n)/);
        const before = split(text);
        const after = split(fixed);
        expect(after.length, `${name} (${variant})`).toBe(before.length);
        before.forEach((original, i) => {
          const now = after[i]!;
          const ending = /\r\n|\r|\n$/.exec(original)?.[0] ?? "";
          expect(now.endsWith(ending), `${name} (${variant}) line ${i + 1} ending`).toBe(true);
          const fixes = byLine.get(i + 1);
          if (!fixes) {
            expect(now, `${name} (${variant}) line ${i + 1}`).toBe(original);
            return;
          }
          // Fixes on a line never overlap: rebuild the line from the original and the fixes.
          const bom = i === 0 && original.startsWith("\uFEFF") ? 1 : 0;
          let expected = original;
          for (const [column, deleteCount, insertText] of [...fixes].sort((a, b) => b[0] - a[0])) {
            const at = column - 1 + bom;
            expected = expected.slice(0, at) + insertText + expected.slice(at + deleteCount);
            spans++;
          }
          expect(now, `${name} (${variant}) line ${i + 1}`).toBe(expected);
        });
        if (variant === "bom") expect(fixed.startsWith("\uFEFF")).toBe(true);
      }
    }
    expect(spans).toBeGreaterThan(10);
  });
});

describe("restore: the linted text back to the file's own endings", () => {
  test("each line keeps its ending, the BOM stays; added lines take the common ending", () => {
    const original = "\uFEFFa\r\nb\nc\rd";
    expect(normalize(original)).toBe("a\nb\nc\nd");
    expect(restore(original, "A\nb\nC\nd")).toBe("\uFEFFA\r\nb\nC\rd");
    expect(restore("x\r\ny\r\nz\n", "x\nnew\ny\nz\n")).toBe("x\r\nnew\r\ny\r\nz\n".replace("z\n", "z\r\n"));
    expect(restore(original, normalize(original))).toBe(original);
  });

  test("any text: restoring its own normalized form gives it back", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "\n", "\r", "\r\n", "\uFEFF", " ") }), (text) => {
        expect(restore(text, normalize(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
