/**
 * WU008 properties over generated text: whatever is damaged through whichever code page, once,
 * lossily or twice, the certain fixes never write a character that was not there, fixing again
 * changes nothing, and clean text stays clean. Hostile lines end quickly.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeLines, CODE_PAGES, mojibake, type CodePage } from "../../src/encoding/index.js";
import { damages } from "../helpers/damage.js";
import { growthSync, linearBound } from "../helpers/complexity.js";
import { neverWrong } from "../helpers/encoding.js";
import { emojiEncoding } from "../../rules/wu008-emoji-encoding.js";
import { linesModel } from "../helpers/models.js";

const TOKENS = [
  "🗓️",
  "📍",
  "👤",
  "🏛️",
  "🛡️",
  "⛔️",
  "✨",
  "👨🏼‍💻",
  "🧑🏼‍🌾",
  "👨‍👩‍👧‍👦",
  "🔍",
  "📦",
  "🚀",
  "🪟",
  "⚖️",
  "➡️",
  "🇩🇪",
  "1️⃣",
  "#️⃣",
  "✍🏻",
  "🏳️‍🌈",
  "ℹ️",
  "⚡️",
  "🎉",
  // Broken emoji sequences as real pages have them: a doubled U+FE0F, a keycap without U+FE0F.
  "⚖️️",
  "⚖️",
  "1⃣",
  "⬆️",
  "⛳️",
  "⌨️",
  // Box drawing, as in code blocks.
  "├──",
  "│",
  "└──",
  "─┐",
  "für",
  "Grüße",
  "München",
  "Straße",
  "Äpfel",
  "Öl",
  "naïve",
  "café",
  "São",
  "ação",
  "İstanbul",
  "ğüş",
  "–",
  "—",
  "“",
  "”",
  "„",
  "‘",
  "’",
  "…",
  "•",
  "€",
  "©",
  "®",
  "™",
  "°",
  "±",
  "×",
  "½",
  "中文",
  "русский",
  "Ελληνικά",
  "Việt",
  "a",
  "the",
  "Gardener",
  "x86",
  "(",
  ")",
  "**",
  "`code`",
  "-",
  ":",
  ".",
];

/** Code pages and modes a text may have been damaged with; `apply` works per character. */
function damageOf(page: CodePage, mode: "c1" | "drop" | "twice" | "c1-lost"): (text: string) => string {
  if (mode === "twice") return (t) => mojibake(mojibake(t, page, "c1"), page, "c1");
  if (mode === "c1-lost")
    return (
      damages([page]).find((d) => d.mode === "c1-lost" || d.mode === "drop")?.apply ??
      ((t) => mojibake(t, page, "drop"))
    );
  return (t) => mojibake(t, page, mode);
}

/** The line with every fix of the rule applied (what both adapters write): mojibake and sequences. */
function fixLine(line: string): string {
  const findings = emojiEncoding.check(linesModel([line]), emojiEncoding.defaults);
  let out = line;
  for (const f of [...findings].filter((x) => x.fix).sort((a, b) => b.fix!.column - a.fix!.column)) {
    out = out.slice(0, f.fix!.column - 1) + f.fix!.insertText + out.slice(f.fix!.column - 1 + f.fix!.deleteCount);
  }
  return out;
}

const textArb = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 })
  .chain((tokens) =>
    fc
      .array(fc.constantFrom(" ", "", ", "), { minLength: tokens.length, maxLength: tokens.length })
      .map((seps) => tokens.map((t, i) => t + seps[i]).join("")),
  );

describe("WU008 properties", () => {
  test("clean generated text gives no mojibake", () => {
    fc.assert(
      fc.property(textArb, (text) => analyzeLines([text], { sequences: false }).length === 0),
      { numRuns: 500, seed: 8 },
    );
  });

  test("fixes never write a wrong character, and fixing again changes nothing", { timeout: 300_000 }, async () => {
    const pageArb = fc.constantFrom(...CODE_PAGES);
    const modeArb = fc.constantFrom("c1" as const, "drop" as const, "twice" as const, "c1-lost" as const);
    // Asynchronous, yielding between runs: vitest's worker must answer its parent on a busy machine.
    await fc.assert(
      fc.asyncProperty(textArb, pageArb, modeArb, async (text, page, mode) => {
        await new Promise((resolve) => setImmediate(resolve));
        const damage = damageOf(page, mode);
        const damaged = damage(text);
        const fixed = fixLine(damaged);
        expect(
          neverWrong(fixed, text, damage),
          `${page.id} ${mode}: ${JSON.stringify(damaged)} → ${JSON.stringify(fixed)}`,
        ).toBe(true);
        // One fix reaches the fixed point: a second changes nothing, broken sequences included.
        expect(fixLine(fixed), `${page.id} ${mode}: ${JSON.stringify(damaged)} fixed twice`).toBe(fixed);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  // How fast, against the parse, is test/properties/linear.test.ts's to say; here, that the cost grows linearly.
  test(
    "hostile lines: one finding each, a cost that grows linearly with the line, one fix to the fixed point",
    { timeout: 300_000 },
    async () => {
      let seed = 42;
      const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const highs = [...new Set(CODE_PAGES.flatMap((p) => p.high.filter((c): c is string => c !== null)))];
      const lines = [
        Array.from({ length: 20000 }, () => highs[Math.floor(random() * highs.length)]).join(""),
        "ğŸ".repeat(5000),
        "â€".repeat(10000),
        "πΌβ€".repeat(3000),
        "ğŸ›ï¸".repeat(3000),
        "Ã°Å¸".repeat(5000),
        "👨\u200D".repeat(5000) + "\uFE0F".repeat(5000),
      ];
      for (const line of lines) {
        // Let vitest's worker answer its parent between lines (long synchronous stretches on a busy machine).
        await new Promise((resolve) => setImmediate(resolve));
        const damage = analyzeLines([line]);
        expect(damage.length, line.slice(0, 12)).toBe(1);
        // The line four times over costs about four times as much, not sixteen (no absolute time is judged).
        let g = growthSync(line, line.repeat(4), (l) => analyzeLines([l]));
        if (g.ratio > linearBound(4)) g = growthSync(line, line.repeat(4), (l) => analyzeLines([l]), 3, true);
        expect(
          g.ratio,
          `${line.slice(0, 12)}…: ${g.small.toFixed(1)} ms, four times over ${g.large.toFixed(1)} ms`,
        ).toBeLessThanOrEqual(linearBound(4));
        // One fix reaches the fixed point even here: nothing fixable is left after it.
        const fixed = fixLine(line);
        const again = emojiEncoding.check(linesModel([fixed]), emojiEncoding.defaults);
        expect(again.filter((f) => f.fix).length, line.slice(0, 12)).toBe(0);
      }
    },
  );
});
