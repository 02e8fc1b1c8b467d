/**
 * WU008 on mojibake as it is met in the wild (the kinds ftfy's tests collect): typographic
 * quotes, accents and emoji through Windows-1252, twice through it, Latin-1 with C1 controls,
 * MacRoman, Cyrillic and Greek read as Windows-1252. Both linters fix each to the original.
 */
import { describe, expect, test } from "vitest";
import { fixMarkdownlint, fixRemark, lintMarkdownlint, lintRemark } from "../helpers/lint.js";

const cases: [damaged: string, original: string][] = [
  ["The Mona Lisa doesnâ€™t have eyebrows.", "The Mona Lisa doesn’t have eyebrows."],
  ["â€œmismatched quotesâ€¦â€\u009D", "“mismatched quotes…”"],
  ["Ã‰tudes, crÃ¨me brÃ»lÃ©e, piÃ±ata, naÃ¯ve, GrÃ¼ÃŸe", "Études, crème brûlée, piñata, naïve, Grüße"],
  ["Thanks! ðŸ˜Š ðŸ‘\u008D", "Thanks! 😊 👍"],
  ["Ã¢â‚¬Å“doubleÃ¢â‚¬Â\u009D mojibake", "“double” mojibake"],
  ["Latin-1: â\u0080\u009cquotedâ\u0080\u009d", "Latin-1: “quoted”"],
  ["MacRoman: Gr√º√üe aus K√∂ln", "MacRoman: Grüße aus Köln"],
  ["Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "привет мир"],
  ["Î±Î²Î³ Î´ÎµÎ¶", "αβγ δεζ"],
  ["ä¸­æ–‡ and æ—¥æœ¬èªž", "中文 and 日本語"],
];

describe("WU008 on mojibake met in the wild", () => {
  for (const [damaged, original] of cases) {
    test(damaged, async () => {
      const doc = `# Notes\n\n${damaged}\n`;
      for (const lint of [lintMarkdownlint, lintRemark]) {
        const reported = await lint(doc, { WU008: true });
        expect(reported.length, lint.name).toBeGreaterThan(0);
        expect(reported.every((r) => r.line === 3 && r.fix !== null), lint.name).toBe(true);
      }
      for (const fix of [fixMarkdownlint, fixRemark]) expect(await fix(doc, { WU008: true }), fix.name).toBe(`# Notes\n\n${original}\n`);
    });
  }
});
