/**
 * WU001 on the real Gardener pages: every wrap-up is clean in both linters, nothing in the rest
 * of the corpus is reported, and faults injected into copies of every wrap-up are found by both
 * linters on the right line, with nothing else changing; the weight fix restores the page.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { MONTHS } from "../../src/wrapup/dates.js";
import { CORPUS, corpusFiles, testCorpus, readWrapup, wrapups } from "../helpers/corpus.js";
import {
  fixMarkdownlint,
  fixRemark,
  lintMarkdownlintInContext,
  lintRemarkInContext,
  runMarkdownlintMany,
  type SuiteConfig,
} from "../helpers/lint.js";

const ONLY: SuiteConfig = { WU001: true };
/** Every rule of the suite that exists, to see that a fault changes nothing but WU001's findings. */
const ALL: SuiteConfig = { WU001: true, WU002: true, WU003: true, WU004: true, WU005: true };

const line = (r: { code: string; line: number; message: string }): string => `${r.code} ${r.line}: ${r.message}`;

async function both(text: string, name: string, config: SuiteConfig) {
  const markdownlint = await lintMarkdownlintInContext(text, config, name);
  const remark = await lintRemarkInContext(text, config, name);
  return { markdownlint, remark };
}

describe("real wrap-ups", () => {
  test("all twelve pages are found", () => {
    expect(wrapups()).toHaveLength(12);
  });

  for (const name of wrapups()) {
    test(`${name}: no finding in either linter`, async () => {
      // Reviewed: every page has a "Month YYYY" title, weight -YYYYMM of it, and an H1, Date
      // item and file name of the same month. Nothing a maintainer would want changed.
      const { markdownlint, remark } = await both(readWrapup(name), name, ONLY);
      expect(markdownlint.map(line)).toEqual([]);
      expect(remark.map(line)).toEqual([]);
    });
  }

  test("the consistency checks really read each page (a title one month off is reported against all three)", async () => {
    for (const name of wrapups()) {
      const text = readWrapup(name);
      const title = /^title: "(\w+) (\d{4})"$/m.exec(text)!;
      const other = MONTHS[(MONTHS.indexOf(title[1]!) + 1) % 12]!;
      const changed = text.replace(title[0], `title: "${other} ${title[2]}"`);
      const { markdownlint, remark } = await both(changed, name, ONLY);
      expect(
        markdownlint.map((r) => r.message),
        name,
      ).toEqual([expect.stringMatching(/as in the H1 `.*`, the event date `.*` and the file name `20\d\d-\d\d\.md`$/)]);
      expect(remark.map(line)).toEqual(markdownlint.map(line));
    }
  });
});

testCorpus("nothing else in the corpus is reported (not wrap-ups)", async () => {
  const names = corpusFiles();
  expect(names.length).toBeGreaterThan(1000);
  const strings = Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(CORPUS, n), "utf8")]));
  const results = await runMarkdownlintMany(strings, ONLY);
  const reported = Object.entries(results).flatMap(([name, errors]) =>
    errors.map((e) => `${name}:${e.lineNumber} ${e.errorDetail}`),
  );
  expect(reported).toEqual([]);
});

/* ---------------------------------------------------------------- fault injection */

interface Fault {
  name: string;
  text: string;
  /** Line and message of the one WU001 finding expected. */
  line: number;
  message: RegExp;
  /** Column of the finding in markdownlint (errorRange), where it has one. */
  column?: number;
  /** The text after every fix in both linters: the original page, where the fault is fixable. */
  fixed?: string;
  /** Maps a line of the original page to the faulty copy (for the other rules' findings). */
  shift: (line: number) => number | null;
}

function faults(name: string, original: string): Fault[] {
  const lines = original.split("\n");
  const end = lines.indexOf("---", 1) + 1;
  const at = (prefix: string): number => lines.findIndex((l, i) => i < end && l.startsWith(prefix)) + 1;
  const titleLine = at("title:");
  const weightLine = at("weight:");
  const localLine = at("local:");
  const weight = Number(/^weight: (-\d+)$/.exec(lines[weightLine - 1]!)![1]);
  const replaceLine = (n: number, text: string): string => lines.map((l, i) => (i === n - 1 ? text : l)).join("\n");
  const same = (l: number): number => l;
  const wrongWeight = weight === -202612 ? -202601 : weight - 1;
  return [
    {
      name: "title deleted",
      text: lines.filter((_, i) => i !== titleLine - 1).join("\n"),
      line: 1,
      column: 1,
      message: /^Unexpected front matter without `title`, expected a `title` key$/,
      shift: (l) => (l === titleLine ? null : l > titleLine ? l - 1 : l),
    },
    {
      name: "wrong weight",
      text: replaceLine(weightLine, `weight: ${wrongWeight}`),
      line: weightLine,
      column: 9,
      message: new RegExp(
        `^Unexpected weight \`${wrongWeight}\`, expected \`${weight}\` for the title \`\\w+ \\d{4}\`$`,
      ),
      fixed: original,
      shift: same,
    },
    {
      name: "unclosed quote",
      text: replaceLine(titleLine, lines[titleLine - 1]!.replace(/"$/, "")),
      line: titleLine,
      column: 8,
      message: /^Unexpected `"\w+ \d{4}` without a closing `"`, expected `"\w+ \d{4}"`$/,
      shift: same,
    },
    {
      name: "duplicate key",
      text: [...lines.slice(0, localLine), "local: false", ...lines.slice(localLine)].join("\n"),
      line: localLine + 1,
      column: 1,
      message: new RegExp(
        `^Unexpected second \`local\` key, expected each key once \\(the first \`local\` is on line ${localLine}\\)$`,
      ),
      shift: (l) => (l > localLine ? l + 1 : l),
    },
    {
      name: "non-integer weight",
      text: replaceLine(weightLine, 'weight: "abc"'),
      line: weightLine,
      column: 9,
      message: new RegExp(`^Unexpected weight \`"abc"\`, expected \`${weight}\` for the title \`\\w+ \\d{4}\`$`),
      fixed: original,
      shift: same,
    },
    {
      name: "no front matter",
      text: lines.slice(end + 1).join("\n"),
      line: 1,
      message:
        /^Unexpected wrap-up without front matter, expected a YAML block between `---` lines with `title` and `weight` at the top$/,
      shift: (l) => (l <= end + 1 ? null : l - end - 1),
    },
  ];
}

describe("fault injection on copies of the real wrap-ups", () => {
  for (const name of wrapups()) {
    test(name, async () => {
      const original = readWrapup(name);
      const before = await both(original, name, ALL);
      expect(before.markdownlint.filter((r) => r.code === "WU001")).toEqual([]);
      for (const fault of faults(name, original)) {
        const label = `${name}, ${fault.name}`;
        expect(fault.text, label).not.toBe(original);
        const after = await both(fault.text, name, ALL);
        for (const [linter, reported] of Object.entries(after)) {
          const wu001 = reported.filter((r) => r.code === "WU001");
          expect(
            wu001.map((r) => r.line),
            `${label}, ${linter}`,
          ).toEqual([fault.line]);
          expect(wu001[0]!.message, `${label}, ${linter}`).toMatch(fault.message);
          // Nothing else changes: the other rules report what they reported on the page.
          const others = reported
            .filter((r) => r.code !== "WU001")
            .map(line)
            .sort();
          const expected = before[linter as keyof typeof before]
            .filter((r) => r.code !== "WU001" && fault.shift(r.line) !== null)
            // Lines move, and so do the lines other messages refer to ("as on line 28").
            .map((r) =>
              line({
                ...r,
                line: fault.shift(r.line)!,
                message: r.message.replace(/\bline (\d+)/g, (_, n: string) => `line ${fault.shift(Number(n)) ?? n}`),
              }),
            )
            .sort();
          expect(others, `${label}, ${linter}: other rules`).toEqual(expected);
        }
        // Parity: the same rule, line and message in both linters.
        expect(after.remark.map(line).sort(), `${label}: parity`).toEqual(after.markdownlint.map(line).sort());
        if (fault.column !== undefined) {
          expect(after.markdownlint.find((r) => r.code === "WU001")!.column, `${label}: column`).toBe(fault.column);
        }
        const wu001 = after.markdownlint.find((r) => r.code === "WU001")!;
        if (fault.fixed !== undefined) {
          expect(wu001.fix, `${label}: fixable`).not.toBeNull();
          for (const fix of [fixMarkdownlint, fixRemark]) {
            const fixed = await fix(fault.text, ONLY, name);
            expect(fixed, `${label}: ${fix.name}`).toBe(fault.fixed);
            const again = await both(fixed, name, ONLY);
            expect([...again.markdownlint, ...again.remark], `${label}: ${fix.name}, re-linted`).toEqual([]);
          }
        } else {
          expect(wu001.fix, `${label}: no fix`).toBeNull();
        }
      }
    });
  }
});
