/**
 * WU008 fault injection on real lines: lines of real pages (emoji-heavy wrap-ups, a German legal
 * page) are saved through each code page, with undefined bytes kept as C1 controls or dropped,
 * and twice. Both linters find every damaged line and no other; their fixes restore the real
 * line byte for byte, except spans left because several originals fit, whose candidates include
 * the real one; fixing again changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { emojiEncoding } from "../../rules/wu008-emoji-encoding.js";
import { analyzeLines } from "../../src/encoding/index.js";
import { damages, type Damage } from "../helpers/damage.js";
import { HACKATHONS, readWrapup, wrapups } from "../helpers/corpus.js";
import { fixMarkdownlint, fixRemark, lintMarkdownlint, lintRemark } from "../helpers/lint.js";
import { neverWrong, restoresExactly } from "../helpers/encoding.js";
import { remarkModel, linesModel } from "../helpers/models.js";

/** Real pages, in the repository (test/wrapups/). */
const REAL = path.resolve(HACKATHONS, "..");
const read = (file: string): string => fs.readFileSync(path.join(REAL, file), "utf8");
const config = { WU008: true };

/** Lines of `text` with non-ASCII characters that `keep` accepts (1-based numbers), at most `max`. */
function pick(text: string, keep: (line: string) => boolean, max: number): number[] {
  const out: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (out.length < max && /[^\x00-\x7F]/.test(line) && keep(line)) out.push(i + 1);
  });
  return out;
}

const symbolsOnly = (line: string): boolean =>
  Array.from(line).every((c) => c.codePointAt(0)! < 0x80 || c.codePointAt(0)! >= 0x2000);
const PAGES = {
  wrapup2023: { file: "gardener/2023-11.md", keep: symbolsOnly, max: 12 },
  wrapup2025: {
    file: "gardener/2025-11.md",
    keep: (l: string) => symbolsOnly(l) && !l.includes("\uFE0F\uFE0F"),
    max: 12,
  },
  german: { file: "other/legal-disclosure.md", keep: (l: string) => /[äöüß]/.test(l), max: 8 },
};

/** Which pages and lines each code page is expected to catch completely (precision rules). */
function completeFor(damage: Damage, pageName: keyof typeof PAGES): boolean {
  // Read twice through a code page that drops bytes even above 0x9F, a lead byte can lose all its
  // continuation bytes (`Å` alone): nothing is left to recognise. Without its C1 bytes, Latin-1
  // leaves `ð` of an emoji and `ï¸` of its U+FE0F, which no longer say what they were.
  if ((damage.mode === "twice" || damage.mode === "mixed") && damage.lossy) return false;
  if (damage.mode === "c1-lost") return false;
  if (pageName !== "german") return true;
  // An umlaut is caught where its lead reads `Ã` (Windows-1252/-1254, ISO-8859-1); elsewhere only
  // inside words, and never in Cyrillic or Greek code pages (a single pair is never enough).
  return damage.pages.every((p) => ["windows-1252", "windows-1254", "iso-8859-1"].includes(p.id));
}

/** `fixed` is `truth`, but for spans left in place whose candidates include what stood there. */
function restoresExactlyLine(fixed: string, truth: string): boolean {
  return restoresExactly(fixed, truth, analyzeLines([fixed])[0]?.mojibake ?? []);
}

/** A character that lost every continuation byte leaves a lone lead character: nothing to find. */
const untraceable = (line: string, damage: (text: string) => string): boolean =>
  Array.from(line).some((c) => c.codePointAt(0)! >= 0x80 && damage(c).length < 2);

const baseline: Record<string, Promise<string>> = {};

describe("WU008 fault injection on real lines", () => {
  for (const [pageName, spec] of Object.entries(PAGES) as [keyof typeof PAGES, (typeof PAGES)[keyof typeof PAGES]][]) {
    // The page up to a little after its last chosen line: real context, and fewer lines to lint.
    const full = read(spec.file);
    const chosen = pick(full, spec.keep, spec.max);
    const pageLines = full.split("\n").slice(0, Math.max(...chosen) + 3);
    const page = pageLines.join("\n");
    for (const damage of damages()) {
      test(`${spec.file}: ${chosen.length} lines through ${damage.name}`, async () => {
        expect(chosen.length).toBeGreaterThan(3);
        // The clean page's own findings (2025-11 has its doubled U+FE0F) are fixed first.
        baseline[spec.file] ??= fixMarkdownlint(page, config);
        const original = await baseline[spec.file]!;
        const lines = original.split("\n");
        expect(lines.length).toBe(pageLines.length);
        const damaged = [...lines];
        for (const n of chosen) damaged[n - 1] = damage.apply(lines[n - 1]!);
        const changed = chosen.filter((n) => damaged[n - 1] !== lines[n - 1]);
        const traceable = changed.filter((n) => !untraceable(lines[n - 1]!, damage.apply));
        expect(changed.length).toBeGreaterThan(0);
        const text = damaged.join("\n");

        // Found by both linters on the damaged lines, and nowhere else.
        for (const lint of [lintMarkdownlint, lintRemark]) {
          const reported = (await lint(text, config)).filter((r) => r.code === "WU008");
          const where = new Set(reported.map((r) => r.line));
          for (const n of where) expect(changed, `${lint.name}: finding on undamaged line ${n}`).toContain(n);
          if (completeFor(damage, pageName)) {
            for (const n of traceable)
              expect(where.has(n), `${lint.name}: nothing found on line ${n}: ${damaged[n - 1]}`).toBe(true);
          }
        }

        // Every damaged character is inside a reported span, where the page is caught completely.
        if (completeFor(damage, pageName)) {
          const findings = emojiEncoding.check(remarkModel(text), emojiEncoding.defaults);
          for (const n of traceable) {
            const line = damaged[n - 1]!;
            for (let c = 0; c < line.length; c++) {
              if (line.charCodeAt(c) < 0x80) continue;
              const inside = findings.some(
                (f) => f.span!.start.line === n && c + 1 >= f.span!.start.column && c + 1 < f.span!.end.column,
              );
              expect(inside, `line ${n} column ${c + 1} of ${JSON.stringify(line)}`).toBe(true);
            }
          }
        }

        // Fixes restore the real line, or leave a span whose candidates include it; never a wrong character.
        for (const fix of [fixMarkdownlint, fixRemark]) {
          const fixed = await fix(text, config);
          const fixedLines = fixed.split("\n");
          expect(fixedLines.length).toBe(lines.length);
          fixedLines.forEach((line, i) => {
            const what = `${fix.name} line ${i + 1}: ${JSON.stringify(line)} for ${JSON.stringify(lines[i])}`;
            expect(neverWrong(line, lines[i]!, damage.apply), what).toBe(true);
            if (completeFor(damage, pageName) && traceable.includes(i + 1))
              expect(restoresExactlyLine(line, lines[i]!), what).toBe(true);
          });
          if (!damage.lossy && completeFor(damage, pageName) && traceable.length === changed.length)
            expect(fixed, fix.name).toBe(original);
          // One fix reaches the fixed point.
          expect(await fix(fixed, config), `${fix.name} twice`).toBe(fixed);
        }
      });
    }
  }
});

/** Every fix of the rule applied to the lines, as both adapters write them. */
function fixAll(lines: string[]): string[] {
  const out = [...lines];
  const findings = emojiEncoding.check(linesModel(lines), emojiEncoding.defaults).filter((f) => f.fix);
  for (const f of [...findings].sort((a, b) => b.fix!.line - a.fix!.line || b.fix!.column - a.fix!.column)) {
    const line = out[f.fix!.line - 1]!;
    out[f.fix!.line - 1] =
      line.slice(0, f.fix!.column - 1) + f.fix!.insertText + line.slice(f.fix!.column - 1 + f.fix!.deleteCount);
  }
  return out;
}

describe("WU008 on every real wrap-up, damaged whole through every code page it knows", () => {
  // Each code page with undefined bytes kept as C1 controls, dropped, all C1 bytes lost (the
  // ISO-8859 pages), and twice: no line is ever written wrong, and a second fix changes nothing.
  for (const damage of damages()) {
    test(damage.name, { timeout: 120_000 }, async () => {
      let damagedLines = 0;
      let restored = 0;
      for (const name of wrapups()) {
        // Let vitest's worker answer its parent between pages (a busy machine makes each slow).
        await new Promise((resolve) => setImmediate(resolve));
        const original = readWrapup(name).split("\n");
        const damaged = original.map(damage.apply);
        const fixed = fixAll(damaged);
        damaged.forEach((line, i) => {
          if (line === original[i]) return;
          damagedLines++;
          if (fixed[i] === original[i]) restored++;
          expect(
            neverWrong(fixed[i]!, original[i]!, damage.apply),
            `${name}:${i + 1}: ${JSON.stringify(line)} → ${JSON.stringify(fixed[i])}`,
          ).toBe(true);
        });
        expect(fixAll(fixed), `${name} fixed twice`).toEqual(fixed);
      }
      expect(damagedLines).toBeGreaterThan(100);
      // Kept bytes leave every character to restore: nearly every line comes back exactly.
      if (damage.mode === "keep" && !damage.lossy) expect(restored / damagedLines, damage.name).toBeGreaterThan(0.9);
    });
  }
});
