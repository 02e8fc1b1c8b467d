/**
 * The seed: a real wrap-up (community/hackathons/2023-11.md) whose UTF-8 was read as Windows-1254
 * and saved again, the bytes Windows-1254 does not define (0x81 0x8D 0x8E 0x8F 0x90 0x9D 0x9E)
 * dropped. Every mojibake span is reported; both linters' fixes restore the clean original
 * exactly, except the spans where a dropped byte leaves more than one emoji possible, which are
 * left as they are and list the true original among their candidates.
 */
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { readWrapup, SEED } from "../helpers/corpus.js";
import { restoresExactly } from "../helpers/encoding.js";
import { fixMarkdownlint, fixRemark, lintMarkdownlint, lintRemark, type Reported } from "../helpers/lint.js";

const seed = fs.readFileSync(SEED, "utf8");
const original = readWrapup("2023-11.md");
const config = { WU008: true };

/** The seed is an older copy of the page: pair each line with the original line of the same ASCII text. */
function originalOf(seedLine: string): string {
  const skeleton = (s: string): string => s.replace(/[^\x00-\x7F]/g, "");
  const matches = original.split("\n").filter((o) => skeleton(o) === skeleton(seedLine));
  expect(matches.length, `original of ${seedLine}`).toBeGreaterThan(0);
  return matches[0]!;
}

/** `fixed` is `truth` with each left span still damaged and the truth among its candidates. */
function restoresLine(
  fixed: string,
  truth: string,
  left: { column: number; text: string; candidates: string[] }[],
): boolean {
  return restoresExactly(
    fixed,
    truth,
    left.map((span) => ({
      start: span.column - 1,
      end: span.column - 1 + span.text.length,
      candidates: span.candidates,
    })),
  );
}

function candidatesOf(message: string): string[] {
  const list = /looks like one of (.*) saved through/.exec(message)?.[1] ?? "";
  return list.split(", ").map((c) => c.replace(/ \(U\+[0-9A-F ]+(?: U\+[0-9A-F]+)*\)$/, "").replace(/ \([^)]*\)$/, ""));
}

describe("WU008 on the seed page", () => {
  test("every non-ASCII character of the seed is inside a reported span, in both linters", async () => {
    const lines = seed.split("\n");
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = (await lint(seed, config)).filter((r) => r.code === "WU008");
      const covered = new Set<string>();
      for (const r of reported) {
        const length = r.fix ? r.fix[2] : /^`([^`]+)`/.exec(r.message)![1]!.length;
        for (let k = 0; k < length; k++) covered.add(`${r.line}:${r.column! + k}`);
      }
      lines.forEach((line, i) => {
        for (let c = 0; c < line.length; c++) {
          if (line.charCodeAt(c) > 0x7f)
            expect(covered.has(`${i + 1}:${c + 1}`), `${lint.name} line ${i + 1} column ${c + 1}`).toBe(true);
        }
      });
      expect(reported.length, lint.name).toBe(35);
      expect(reported.filter((r) => r.fix).length, lint.name).toBe(32);
    }
  });

  test("the issue's example message", async () => {
    const reported = await lintMarkdownlint(seed, config);
    expect(reported.find((r) => r.line === 8)?.message).toBe(
      "`ğŸ—“ï¸` looks like 🗓️ (U+1F5D3 U+FE0F) saved through Windows-1254",
    );
    expect(reported.find((r) => r.line === 8 && r.message.startsWith("`â€“`"))?.message).toBe(
      "`â€“` looks like – (U+2013) saved through Windows-1254",
    );
  });

  for (const fix of [fixMarkdownlint, fixRemark]) {
    test(`${fix.name} restores the clean original except the ambiguous spans, and never writes a wrong character`, async () => {
      const fixed = await fix(seed, config);
      const left: Reported[] = (await lintMarkdownlint(fixed, config)).filter((r) => r.code === "WU008");
      // Only the three spans where a dropped byte leaves a choice of emoji are left.
      expect(left.map((r) => `${r.line}: ${r.message.slice(0, r.message.indexOf("` "))}\``)).toEqual([
        "9: `ğŸ“`",
        "15: `ğŸ›ï¸`",
        "91: `ğŸ”`",
      ]);
      expect(left.every((r) => r.fix === null)).toBe(true);
      const fixedLines = fixed.split("\n");
      const seedLines = seed.split("\n");
      expect(fixedLines.length).toBe(seedLines.length);
      fixedLines.forEach((line, i) => {
        const spans = left
          .filter((r) => r.line === i + 1)
          .map((r) => ({
            column: r.column!,
            text: /^`([^`]+)`/.exec(r.message)![1]!,
            candidates: candidatesOf(r.message),
          }));
        const seedLine = seedLines[i]!;
        // Lines without damage stay as they are (some differ from today's page: the seed is older).
        const truth = /[^\x00-\x7F]/.test(seedLine) ? originalOf(seedLine) : seedLine;
        expect(restoresLine(line, truth, spans), `line ${i + 1}: ${line}`).toBe(true);
      });
      // Fixing again changes nothing.
      expect(await fix(fixed, config)).toBe(fixed);
    });
  }
});
