/**
 * Fixtures in fixtures/*.md carry their expected findings inline, as markdownlint's own test
 * suite does: `{WU003}` on a line expects a WU003 finding there, `{WU003:-2}` two lines up.
 * Each fixture's `markdownlint-configure-file` comment says which rules run. Both linters must
 * report exactly the markers; fixes from both are applied and re-linted until nothing fixable
 * is left, and both linters fix to the same text.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { fixMarkdownlint, fixRemark, lintMarkdownlint, lintRemark, type SuiteConfig } from "../helpers/lint.js";

const dir = path.resolve(import.meta.dirname, "..", "..", "fixtures");

export function readMarkers(text: string): string[] {
  const markers: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const m of line.matchAll(/\{(WU\d{3})(?::([+-]\d+))?\}/g)) {
      markers.push(`${m[1]}:${index + 1 + Number(m[2] ?? 0)}`);
    }
  });
  return markers.sort();
}

export function readConfig(text: string): SuiteConfig {
  const m = /<!--\s*markdownlint-configure-file\s*(\{[\s\S]*?\})\s*-->/.exec(text);
  if (!m) throw new Error("fixture without a markdownlint-configure-file comment");
  const { default: _default, ...rules } = JSON.parse(m[1]!) as SuiteConfig;
  return rules;
}

const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort();

describe("fixtures", () => {
  test("there are fixtures", () => expect(files.length).toBeGreaterThan(3));
  for (const name of files) {
    test(name, async () => {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      const config = readConfig(text);
      const expected = readMarkers(text);
      for (const lint of [lintMarkdownlint, lintRemark]) {
        const reported = (await lint(text, config)).map((r) => `${r.code}:${r.line}`).sort();
        expect(reported, `${lint.name} on ${name}`).toEqual(expected);
      }
      // Fix until nothing fixable is left (at most three rounds), with each linter.
      const fixedBy: string[] = [];
      for (const [fix, lint] of [
        [fixMarkdownlint, lintMarkdownlint],
        [fixRemark, lintRemark],
      ] as const) {
        let current = text;
        for (let round = 0; round < 3; round++) {
          const next = await fix(current, config);
          if (next === current) break;
          current = next;
        }
        for (const check of [lintMarkdownlint, lintRemark]) {
          expect(
            (await check(current, config)).filter((r) => r.fix !== null),
            `${fix.name} then ${check.name}`,
          ).toEqual([]);
        }
        void lint;
        fixedBy.push(current);
      }
      expect(fixedBy[1]).toBe(fixedBy[0]);
    });
  }
});
