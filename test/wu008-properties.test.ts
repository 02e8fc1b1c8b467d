/**
 * WU008 properties over generated text: whatever is damaged through whichever code page, once,
 * lossily or twice, the certain fixes never write a character that was not there, fixing again
 * changes nothing, and clean text stays clean. Hostile lines end quickly.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeLines, CODE_PAGES, mojibake, type CodePage } from "../src/encoding/index.js";
import { growthSync, linearBound } from "./helpers/complexity.js";
import { neverWrong } from "./helpers/encoding.js";

const TOKENS = [
  "🗓️", "📍", "👤", "🏛️", "🛡️", "⛔️", "✨", "👨🏼‍💻", "🧑🏼‍🌾", "👨‍👩‍👧‍👦", "🔍", "📦", "🚀", "🪟", "⚖️", "➡️", "🇩🇪",
  "1️⃣", "#️⃣", "✍🏻", "🏳️‍🌈", "ℹ️", "⚡️", "🎉",
  "für", "Grüße", "München", "Straße", "Äpfel", "Öl", "naïve", "café", "São", "ação", "İstanbul", "ğüş",
  "–", "—", "“", "”", "„", "‘", "’", "…", "•", "€", "©", "®", "™", "°", "±", "×", "½",
  "中文", "русский", "Ελληνικά", "Việt",
  "a", "the", "Gardener", "x86", "(", ")", "**", "`code`", "-", ":", ".",
];

/** Code pages and modes a text may have been damaged with; `apply` works per character. */
function damageOf(page: CodePage, mode: "c1" | "drop" | "twice"): (text: string) => string {
  if (mode === "twice") return (t) => mojibake(mojibake(t, page, "c1"), page, "c1");
  return (t) => mojibake(t, page, mode);
}

/** The line with every certain mojibake fix applied (what both adapters write). */
function fixLine(line: string): string {
  const spans = analyzeLines([line], { sequences: false })[0]?.mojibake ?? [];
  let out = line;
  for (const span of [...spans].reverse()) {
    if (span.candidates.length === 1 && span.doubt === null) out = out.slice(0, span.start) + span.candidates[0] + out.slice(span.end);
  }
  return out;
}


const textArb = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }).chain((tokens) =>
  fc.array(fc.constantFrom(" ", "", ", "), { minLength: tokens.length, maxLength: tokens.length }).map((seps) =>
    tokens.map((t, i) => t + seps[i]).join(""),
  ),
);

describe("WU008 properties", () => {
  test("clean generated text gives no mojibake", () => {
    fc.assert(
      fc.property(textArb, (text) => analyzeLines([text], { sequences: false }).length === 0),
      { numRuns: 500, seed: 8 },
    );
  });

  test("fixes never write a wrong character, and fixing again changes nothing", () => {
    const pageArb = fc.constantFrom(...CODE_PAGES);
    const modeArb = fc.constantFrom("c1" as const, "drop" as const, "twice" as const);
    fc.assert(
      fc.property(textArb, pageArb, modeArb, (text, page, mode) => {
        const damage = damageOf(page, mode);
        const damaged = damage(text);
        const fixed = fixLine(damaged);
        expect(neverWrong(fixed, text, damage), `${page.id} ${mode}: ${JSON.stringify(damaged)} → ${JSON.stringify(fixed)}`).toBe(true);
        expect(fixLine(fixed)).toBe(fixed);
      }),
      { numRuns: 1500, seed: 8 },
    );
  });

  test("hostile lines: one finding each, and a cost that grows linearly with the line", async () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
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
      expect(g.ratio, `${line.slice(0, 12)}…: ${g.small.toFixed(1)} ms, four times over ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(linearBound(4));
    }
  });
});
