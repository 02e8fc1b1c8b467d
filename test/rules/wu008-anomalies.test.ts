/**
 * WU008 on broken characters and emoji sequences, front matter, comments and options: both
 * linters report the same findings at the same places, fixes are exact, idempotent and touch
 * nothing outside their span.
 */
import { describe, expect, test } from "vitest";
import { OptionsError, resolveOptions } from "../../src/core/options.js";
import { emojiEncoding } from "../../rules/wu008-emoji-encoding.js";
import { fixMarkdownlint, fixRemark, lintMarkdownlint, lintRemark, type SuiteConfig } from "../helpers/lint.js";

type Row = [line: number, column: number, message: string, fix: [number, number, number, string] | null];

async function expectBoth(doc: string, rows: Row[], config: SuiteConfig = { WU008: true }): Promise<void> {
  for (const lint of [lintMarkdownlint, lintRemark]) {
    const reported = (await lint(doc, config)).filter((r) => r.code === "WU008");
    expect(reported.map((r): Row => [r.line, r.column!, r.message, r.fix]), lint.name).toEqual(rows);
  }
}

async function expectFixed(doc: string, fixed: string, config: SuiteConfig = { WU008: true }): Promise<void> {
  for (const fix of [fixMarkdownlint, fixRemark]) {
    const once = await fix(doc, config);
    expect(once, fix.name).toBe(fixed);
    expect(await fix(once, config), `${fix.name} twice`).toBe(once);
    for (const lint of [lintMarkdownlint, lintRemark]) {
      expect((await lint(once, config)).filter((r) => r.fix !== null), `${fix.name} then ${lint.name}`).toEqual([]);
    }
  }
}

describe("WU008 broken characters", () => {
  test("U+FFFD, and a selector left after it", async () => {
    const doc = "Lost: \uFFFD and \uFFFD\uFE0F here.\n";
    const lost = "Unexpected replacement character `\uFFFD` (U+FFFD): a character was lost when the text was decoded";
    await expectBoth(doc, [
      [1, 7, lost, null],
      [1, 13, lost, null],
      [1, 14, "Unexpected variation selector U+FE0F after U+FFFD, left from a broken emoji sequence", [1, 14, 1, ""]],
    ]);
    await expectFixed(doc, "Lost: \uFFFD and \uFFFD here.\n");
  });

  test("lone surrogates", async () => {
    await expectBoth("Half: a\uD83Db and \uDE80 alone.\n", [
      [1, 8, "Unexpected lone surrogate U+D83D: half of a character is missing", null],
      [1, 15, "Unexpected lone surrogate U+DE80: half of a character is missing", null],
    ]);
  });

  test("stray C1 controls name what Windows-1252 has at that byte, and are not guessed", async () => {
    await expectBoth("Quotes: \u0093quoted\u0094 and \u0081.\n", [
      [1, 9, "Unexpected C1 control character U+0093, probably `“` (Windows-1252) read as ISO-8859-1", null],
      [1, 16, "Unexpected C1 control character U+0094, probably `”` (Windows-1252) read as ISO-8859-1", null],
      [1, 22, "Unexpected C1 control character U+0081", null],
    ]);
  });

  test("noncharacters", async () => {
    await expectBoth("Nonchars: \uFFFE \uFDD0 \u{1FFFF}.\n", [
      [1, 11, "Unexpected noncharacter U+FFFE", null],
      [1, 13, "Unexpected noncharacter U+FDD0", null],
      [1, 15, "Unexpected noncharacter U+1FFFF", null],
    ]);
  });
});

describe("WU008 broken emoji sequences", () => {
  test("a ZWJ sequence that is not RGI, a ZWJ joining nothing; RGI sequences and ZWJ in text are fine", async () => {
    await expectBoth("ZWJ: 👨‍🚀‍🦲 but 👩‍🚀 is fine, 👩‍ alone, क्‍ष, a‍b.\n", [
      [1, 6, "Unexpected ZWJ sequence `👨‍🚀‍🦲` (U+1F468 U+200D U+1F680 U+200D U+1F9B2): not an RGI emoji, it shows as separate emoji", null],
      [1, 36, "Unexpected ZWJ (U+200D) after `👩`, joining it into no RGI emoji sequence", null],
    ]);
  });

  test("a skin tone modifier after an emoji that takes none; RGI modifier sequences and a palette are fine", async () => {
    await expectBoth("Mods: 🚀🏽 👍🏽 🏻🏼 ✍🏻\n", [[1, 9, "Unexpected skin tone modifier `🏽` after `🚀`, which takes none", null]]);
  });

  test("keycaps: U+FE0F added where U+20E3 shows the intent, a digit with U+FE0F only reported, `#️` in a slug left alone", async () => {
    const doc = "Keys: 1⃣ 2️ [x](#️-slug) #️⃣ *️⃣ 3️⃣ #⃣\n";
    await expectBoth(doc, [
      [1, 7, "Unexpected keycap `1⃣` without U+FE0F, expected `1️⃣`", [1, 7, 2, "1️⃣"]],
      [1, 10, "Unexpected keycap `2️` without U+20E3, expected `2️⃣`", null],
      [1, 38, "Unexpected keycap `#⃣` without U+FE0F, expected `#️⃣`", [1, 38, 2, "#️⃣"]],
    ]);
    await expectFixed(doc, "Keys: 1️⃣ 2️ [x](#️-slug) #️⃣ *️⃣ 3️⃣ #️⃣\n");
  });

  test("a redundant U+FE0F is removed; one after an emoji-style emoji is accepted, as pages write it", async () => {
    const doc = "VS: ⚖️️ ⚡️ ⚡️️ ⛔️ a️ ©️ ↔️\n";
    await expectBoth(doc, [
      [1, 7, "Unexpected redundant variation selector U+FE0F after `⚖️`, expected `⚖️`", [1, 7, 1, ""]],
      [1, 14, "Unexpected redundant variation selector U+FE0F after `⚡️`, expected `⚡️`", [1, 14, 1, ""]],
    ]);
    await expectFixed(doc, "VS: ⚖️ ⚡️ ⚡️ ⛔️ a️ ©️ ↔️\n");
  });

  test("regional indicators that form no RGI flag", async () => {
    await expectBoth("Flags: 🇩🇪 🇦🇦 🇩 x\n", [
      [1, 13, "Unexpected regional indicators `🇦🇦` (U+1F1E6 U+1F1E6): not an RGI flag", null],
      [1, 18, "Unexpected regional indicators `🇩` (U+1F1E9): not an RGI flag", null],
    ]);
  });

  test("`sequences: false` leaves emoji sequences alone", async () => {
    await expectBoth("VS: ⚖️️ 🚀🏽\n", [], { WU008: { sequences: false } });
  });
});

describe("WU008 where and how", () => {
  test("mojibake in front matter and in HTML comments is reported and fixed by both linters, at the same place", async () => {
    const doc = "---\ntitle: ğŸ—“ï¸ November\n---\n\n# Wrap Up <!-- ğŸ—“ï¸ -->\n";
    const message = "`ğŸ—“ï¸` looks like 🗓️ (U+1F5D3 U+FE0F) saved through Windows-1254";
    await expectBoth(doc, [
      [2, 8, message, [2, 8, 6, "🗓️"]],
      [5, 16, message, [5, 16, 6, "🗓️"]],
    ]);
    await expectFixed(doc, "---\ntitle: 🗓️ November\n---\n\n# Wrap Up <!-- 🗓️ -->\n");
  });

  test("comments of every shape: block, multi-line, quoted, in a table, after a blank line, next to a disable comment", async () => {
    const doc = [
      "# Wrap Up",
      "",
      "<!--",
      "TODO: fÃ¼r MÃ¼nchen",
      "",
      "â”œâ”€â”€ src/",
      "-->",
      "",
      "> quoted <!-- GrÃ¼ÃŸe --> text",
      "",
      "| a | b <!-- Ã¼ber --> |",
      "| --- | --- |",
      "",
      "<!-- markdownlint-disable-next-line MD013 -->",
      "text <!-- ðŸš€ --> and [!NOTE] reference",
      "",
    ].join("\n");
    const fixed = [
      "# Wrap Up",
      "",
      "<!--",
      "TODO: für München",
      "",
      "├── src/",
      "-->",
      "",
      "> quoted <!-- Grüße --> text",
      "",
      "| a | b <!-- über --> |",
      "| --- | --- |",
      "",
      "<!-- markdownlint-disable-next-line MD013 -->",
      "text <!-- 🚀 --> and [!NOTE] reference",
      "",
    ].join("\n");
    const places: [number, number][] = [];
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = (await lint(doc, { WU008: true })).filter((r) => r.code === "WU008");
      places.push(...reported.map((r): [number, number] => [r.line, r.column!]));
      expect(reported.map((r) => [r.line, r.column]), lint.name).toEqual([
        [4, 8],
        [4, 13],
        [6, 1],
        [9, 17],
        [11, 14],
        [15, 11],
      ]);
    }
    // The very same places in both linters.
    expect(places.slice(0, places.length / 2)).toEqual(places.slice(places.length / 2));
    await expectFixed(doc, fixed);
  });

  test("a damaged `⚖️️` is restored and tidied in one fix: a second one changes nothing", async () => {
    const doc = "## âš–ï¸ï¸ Load Balancer\n";
    await expectBoth(doc, [
      [
        1,
        4,
        "`âš–ï¸ï¸` looks like ⚖️️ (U+2696 U+FE0F U+FE0F) saved through Windows-1252; written as ⚖️ (U+2696 U+FE0F), without the redundant U+FE0F",
        [1, 4, 7, "⚖️"],
      ],
    ]);
    await expectFixed(doc, "## ⚖️ Load Balancer\n");
  });

  test("emoji whose C1 bytes a Latin-1 read lost: every fit listed, nothing written (no ⏬️ for ⬆️)", async () => {
    const doc = "## â¬ï¸ Deploy\n\nâ¡ï¸ faster, â³ï¸ golf\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = (await lint(doc, { WU008: true })).filter((r) => r.code === "WU008");
      expect(reported.every((r) => r.fix === null), lint.name).toBe(true);
      const text = reported.map((r) => r.message).join("\n");
      for (const truth of ["⬆️", "⚡️", "⛳️"]) expect(text, `${lint.name}: ${truth} among the candidates`).toContain(truth);
      expect(reported.map((r) => [r.line, r.column]), lint.name).toEqual([
        [1, 4],
        [3, 1],
        [3, 14],
      ]);
    }
    await expectFixed(doc, doc);
  });

  test("damage left behind is reported: MacRoman at a word's edge, box drawing in a code block, damaged twice", async () => {
    const doc = "# Tree\n\nðŸš€ √ñsterreich\n\n```text\nâ”œâ”€â”€ src/\nâ”‚   â””â”€â”€ index.ts\nÃ¢â€Å“Ã¢â€â‚¬Ã¢â€â‚¬ docs/\n```\n\nMath stays: √π\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = (await lint(doc, { WU008: true })).filter((r) => r.code === "WU008");
      expect(reported.map((r) => [r.line, r.column, r.fix?.[3] ?? null]), lint.name).toEqual([
        [3, 1, "🚀"],
        [3, 6, "Ö"],
        [6, 1, "├──"],
        [7, 1, "│"],
        [7, 7, "└──"],
        // Damaged twice, and the second read dropped 0x9D: reported, not restored.
        [8, 1, null],
      ]);
    }
    await expectFixed(doc, "# Tree\n\n🚀 Österreich\n\n```text\n├── src/\n│   └── index.ts\nÃ¢â€Å“Ã¢â€â‚¬Ã¢â€â‚¬ docs/\n```\n\nMath stays: √π\n");
  });

  test("code pages that read the same text differently: all readings listed, nothing fixed", async () => {
    await expectBoth("Both: PersĂśnlich\n", [
      [1, 11, "`Ăś` looks like one of Ü (U+00DC), ö (U+00F6) saved through Windows-1250 or ISO-8859-2; not fixed, as more than one fits", null],
    ]);
  });

  test("a span next to damage it cannot explain is reported, not fixed", async () => {
    // `Ä` alone lost every continuation byte; the dash next to it decodes, but the text around is damaged.
    await expectBoth("x Äâ€“ y\n", [
      [1, 4, "`â€“` looks like – (U+2013) saved through Windows-1252; not fixed, as the text around it is damaged too", null],
    ]);
  });

  test("`codePages` limits the code pages considered", async () => {
    const doc = "- ğŸ—“ï¸ **Date:** 06.11.2023 â€“ 10.11.2023\n";
    await expectBoth(doc, [[1, 31, "`â€“` looks like – (U+2013) saved through Windows-1252", [1, 31, 3, "–"]]], {
      WU008: { codePages: ["windows-1252"] },
    });
  });

  test("a bad option is one line", () => {
    expect(() => resolveOptions(emojiEncoding, { codePages: ["ebcdic"] })).toThrow(OptionsError);
    expect(() => resolveOptions(emojiEncoding, { codePages: ["ebcdic"] })).toThrow(/^WU008\/wrapup-emoji-encoding: option "codePages.0" must be one of /);
  });

  test("a fix replaces its span and nothing else", async () => {
    const doc = "**Motivation/Benefits**: â›”ï¸ prevented, ğŸ‘¨ğŸ¼â€ğŸ’» improved â€“ ok.\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      for (const r of await lint(doc, { WU008: true })) {
        const [, column, deleteCount, insertText] = r.fix!;
        const fixed = doc.slice(0, column - 1) + insertText + doc.slice(column - 1 + deleteCount);
        expect(fixed.slice(0, column - 1)).toBe(doc.slice(0, column - 1));
        expect(fixed.slice(column - 1 + insertText.length)).toBe(doc.slice(column - 1 + deleteCount));
      }
    }
    await expectFixed(doc, "**Motivation/Benefits**: ⛔️ prevented, 👨🏼‍💻 improved – ok.\n");
  });
});
