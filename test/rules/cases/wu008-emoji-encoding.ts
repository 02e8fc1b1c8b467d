/**
 * WU008's cases as data, run like its doc's examples (test/rules/rule-docs.test.ts): through both
 * linters, at the same line and column in both, fixed and re-linted (a fix touches nothing outside
 * its span: the fixed text is the whole page). What is not a page and its findings (a bad option,
 * the seed page against its original, properties over generated text, the corpus) stays code.
 */
import type { RuleCase } from "../../helpers/examples.js";

const LOST = "Unexpected replacement character `\uFFFD` (U+FFFD): a character was lost when the text was decoded";
const CALENDAR = "`ğŸ—“ï¸` looks like 🗓️ (U+1F5D3 U+FE0F) saved through Windows-1254";

/** Comments of every shape: block, multi-line, quoted, in a table, after a blank line, next to a disable comment. */
const COMMENTS = [
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

const COMMENTS_FIXED = [
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

/** Mojibake as it is met in the wild (the kinds ftfy's tests collect): the line, the text it was, its findings on line 3. */
const WILD: [damaged: string, original: string, findings: string[]][] = [
  [
    "The Mona Lisa doesnâ€™t have eyebrows.",
    "The Mona Lisa doesn’t have eyebrows.",
    ["3:20: `â€™` looks like ’ (U+2019) saved through Windows-1252"],
  ],
  [
    "â€œmismatched quotesâ€¦â€\u009D",
    "“mismatched quotes…”",
    [
      "3:1: `â€œ` looks like “ (U+201C) saved through Windows-1252",
      "3:21: `â€¦â€<U+009D>` looks like …” (U+2026 U+201D) saved through Windows-1252",
    ],
  ],
  [
    "Ã‰tudes, crÃ¨me brÃ»lÃ©e, piÃ±ata, naÃ¯ve, GrÃ¼ÃŸe",
    "Études, crème brûlée, piñata, naïve, Grüße",
    [
      "3:1: `Ã‰` looks like É (U+00C9) saved through Windows-1252",
      "3:12: `Ã¨` looks like è (U+00E8) saved through Windows-1252",
      "3:19: `Ã»` looks like û (U+00FB) saved through Windows-1252",
      "3:22: `Ã©` looks like é (U+00E9) saved through Windows-1252",
      "3:29: `Ã±` looks like ñ (U+00F1) saved through Windows-1252",
      "3:38: `Ã¯` looks like ï (U+00EF) saved through Windows-1252",
      "3:46: `Ã¼ÃŸ` looks like üß (U+00FC U+00DF) saved through Windows-1252",
    ],
  ],
  [
    "Thanks! ðŸ˜Š ðŸ‘\u008D",
    "Thanks! 😊 👍",
    [
      "3:9: `ðŸ˜Š` looks like 😊 (U+1F60A) saved through Windows-1252",
      "3:14: `ðŸ‘<U+008D>` looks like 👍 (U+1F44D) saved through Windows-1252",
    ],
  ],
  [
    "Ã¢â‚¬Å“doubleÃ¢â‚¬Â\u009D mojibake",
    "“double” mojibake",
    [
      "3:1: `Ã¢â‚¬Å“` looks like “ (U+201C) saved through Windows-1252 twice",
      "3:14: `Ã¢â‚¬Â<U+009D>` looks like ” (U+201D) saved through Windows-1252 twice",
    ],
  ],
  [
    "Latin-1: â\u0080\u009cquotedâ\u0080\u009d",
    "Latin-1: “quoted”",
    [
      "3:10: `â<U+0080><U+009C>` looks like “ (U+201C) saved through ISO-8859-1",
      "3:19: `â<U+0080><U+009D>` looks like ” (U+201D) saved through ISO-8859-1",
    ],
  ],
  [
    "MacRoman: Gr√º√üe aus K√∂ln",
    "MacRoman: Grüße aus Köln",
    [
      "3:13: `√º√ü` looks like üß (U+00FC U+00DF) saved through MacRoman",
      "3:24: `√∂` looks like ö (U+00F6) saved through MacRoman",
    ],
  ],
  [
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€",
    "привет мир",
    [
      "3:1: `Ð¿Ñ€Ð¸Ð²ÐµÑ‚` looks like привет (U+043F U+0440 U+0438 U+0432 U+0435 U+0442) saved through Windows-1252",
      "3:14: `Ð¼Ð¸Ñ€` looks like мир (U+043C U+0438 U+0440) saved through Windows-1252",
    ],
  ],
  [
    "Î±Î²Î³ Î´ÎµÎ¶",
    "αβγ δεζ",
    [
      "3:1: `Î±Î²Î³` looks like αβγ (U+03B1 U+03B2 U+03B3) saved through Windows-1252",
      "3:8: `Î´ÎµÎ¶` looks like δεζ (U+03B4 U+03B5 U+03B6) saved through Windows-1252",
    ],
  ],
  [
    "ä¸­æ–‡ and æ—¥æœ¬èªž",
    "中文 and 日本語",
    [
      "3:1: `ä¸<U+00AD>æ–‡` looks like 中文 (U+4E2D U+6587) saved through Windows-1252",
      "3:12: `æ—¥æœ¬èªž` looks like 日本語 (U+65E5 U+672C U+8A9E) saved through Windows-1252",
    ],
  ],
];

const notes = (line: string): string => `# Notes\n\n${line}\n`;

export const CASES: RuleCase[] = [
  // Broken characters
  {
    name: "U+FFFD, and a selector left after it",
    text: "Lost: \uFFFD and \uFFFD\uFE0F here.\n",
    findings: [
      `1:7: ${LOST}`,
      `1:13: ${LOST}`,
      "1:14: Unexpected variation selector U+FE0F after U+FFFD, left from a broken emoji sequence",
    ],
    fixed: "Lost: \uFFFD and \uFFFD here.\n",
  },
  {
    name: "lone surrogates",
    text: "Half: a\uD83Db and \uDE80 alone.\n",
    findings: [
      "1:8: Unexpected lone surrogate U+D83D: half of a character is missing",
      "1:15: Unexpected lone surrogate U+DE80: half of a character is missing",
    ],
  },
  {
    name: "stray C1 controls name what Windows-1252 has at that byte, and are not guessed",
    text: "Quotes: \u0093quoted\u0094 and \u0081.\n",
    findings: [
      "1:9: Unexpected C1 control character U+0093, probably `“` (Windows-1252) read as ISO-8859-1",
      "1:16: Unexpected C1 control character U+0094, probably `”` (Windows-1252) read as ISO-8859-1",
      "1:22: Unexpected C1 control character U+0081",
    ],
  },
  {
    name: "noncharacters",
    text: "Nonchars: \uFFFE \uFDD0 \u{1FFFF}.\n",
    findings: [
      "1:11: Unexpected noncharacter U+FFFE",
      "1:13: Unexpected noncharacter U+FDD0",
      "1:15: Unexpected noncharacter U+1FFFF",
    ],
  },
  // Broken emoji sequences
  {
    name: "a ZWJ sequence that is not RGI, a ZWJ joining nothing; RGI sequences and ZWJ in text are fine",
    text: "ZWJ: 👨‍🚀‍🦲 but 👩‍🚀 is fine, 👩‍ alone, क्‍ष, a‍b.\n",
    findings: [
      "1:6: Unexpected ZWJ sequence `👨‍🚀‍🦲` (U+1F468 U+200D U+1F680 U+200D U+1F9B2): not an RGI emoji, it shows as separate emoji",
      "1:36: Unexpected ZWJ (U+200D) after `👩`, joining it into no RGI emoji sequence",
    ],
  },
  {
    name: "a skin tone modifier after an emoji that takes none; RGI modifier sequences and a palette are fine",
    text: "Mods: 🚀🏽 👍🏽 🏻🏼 ✍🏻\n",
    findings: ["1:9: Unexpected skin tone modifier `🏽` after `🚀`, which takes none"],
  },
  {
    name: "keycaps: U+FE0F added where U+20E3 shows the intent, a digit with U+FE0F only reported, `#️` in a slug left alone",
    text: "Keys: 1⃣ 2️ [x](#️-slug) #️⃣ *️⃣ 3️⃣ #⃣\n",
    findings: [
      "1:7: Unexpected keycap `1⃣` without U+FE0F, expected `1️⃣`",
      "1:10: Unexpected keycap `2️` without U+20E3, expected `2️⃣`",
      "1:38: Unexpected keycap `#⃣` without U+FE0F, expected `#️⃣`",
    ],
    fixed: "Keys: 1️⃣ 2️ [x](#️-slug) #️⃣ *️⃣ 3️⃣ #️⃣\n",
  },
  {
    name: "a redundant U+FE0F is removed; one after an emoji-style emoji is accepted, as pages write it",
    text: "VS: ⚖️️ ⚡️ ⚡️️ ⛔️ a️ ©️ ↔️\n",
    findings: [
      "1:7: Unexpected redundant variation selector U+FE0F after `⚖️`, expected `⚖️`",
      "1:14: Unexpected redundant variation selector U+FE0F after `⚡️`, expected `⚡️`",
    ],
    fixed: "VS: ⚖️ ⚡️ ⚡️ ⛔️ a️ ©️ ↔️\n",
  },
  {
    name: "regional indicators that form no RGI flag",
    text: "Flags: 🇩🇪 🇦🇦 🇩 x\n",
    findings: [
      "1:13: Unexpected regional indicators `🇦🇦` (U+1F1E6 U+1F1E6): not an RGI flag",
      "1:18: Unexpected regional indicators `🇩` (U+1F1E9): not an RGI flag",
    ],
  },
  {
    name: "`sequences: false` leaves emoji sequences alone",
    text: "VS: ⚖️️ 🚀🏽\n",
    options: { sequences: false },
    findings: [],
  },
  // Where and how
  {
    name: "mojibake in front matter and in an HTML comment, at the same place in both linters",
    text: "---\ntitle: ğŸ—“ï¸ November\n---\n\n# Wrap Up <!-- ğŸ—“ï¸ -->\n",
    findings: [`2:8: ${CALENDAR}`, `5:16: ${CALENDAR}`],
    fixed: "---\ntitle: 🗓️ November\n---\n\n# Wrap Up <!-- 🗓️ -->\n",
  },
  {
    name: "comments of every shape",
    text: COMMENTS,
    findings: [
      "4:8: `Ã¼` looks like ü (U+00FC) saved through Windows-1252",
      "4:13: `Ã¼` looks like ü (U+00FC) saved through Windows-1252",
      "6:1: `â”œâ”€â”€` looks like ├── (U+251C U+2500 U+2500) saved through Windows-1252",
      "9:17: `Ã¼ÃŸ` looks like üß (U+00FC U+00DF) saved through Windows-1252",
      "11:14: `Ã¼` looks like ü (U+00FC) saved through Windows-1252",
      "15:11: `ðŸš€` looks like 🚀 (U+1F680) saved through Windows-1252",
    ],
    fixed: COMMENTS_FIXED,
  },
  {
    name: "a damaged `⚖️️` is restored and tidied in one fix: a second one changes nothing",
    text: "## âš–ï¸ï¸ Load Balancer\n",
    findings: [
      "1:4: `âš–ï¸ï¸` looks like ⚖️️ (U+2696 U+FE0F U+FE0F) saved through Windows-1252; written as ⚖️ (U+2696 U+FE0F), without the redundant U+FE0F",
    ],
    fixed: "## ⚖️ Load Balancer\n",
  },
  {
    name: "emoji whose C1 bytes a Latin-1 read lost: every fit listed, nothing written (no ⏬️ for ⬆️)",
    text: "## â¬ï¸ Deploy\n\nâ¡ï¸ faster, â³ï¸ golf\n",
    findings: [
      "1:4: `â¬ï¸` looks like one of ⏬️ (U+23EC U+FE0F), ⬅️ (U+2B05 U+FE0F), ⬆️ (U+2B06 U+FE0F), ⬇️ (U+2B07 U+FE0F), ⬛️ (U+2B1B U+FE0F), ⬜️ (U+2B1C U+FE0F) saved through Windows-1252 or ISO-8859-1, which dropped bytes; not fixed, as more than one fits",
      "3:1: `â¡ï¸` looks like one of ⚡️ (U+26A1 U+FE0F), ✡️ (U+2721 U+FE0F), ➡️ (U+27A1 U+FE0F) saved through Windows-1254 or ISO-8859-1, which dropped bytes; not fixed, as more than one fits",
      "3:14: `â³ï¸` looks like one of ⏳️ (U+23F3 U+FE0F), ⛳️ (U+26F3 U+FE0F), ✳️ (U+2733 U+FE0F) saved through Windows-1252 or ISO-8859-1, which dropped bytes; not fixed, as more than one fits",
    ],
  },
  {
    name: "damage left behind is reported: MacRoman at a word's edge, box drawing in a code block, damaged twice (not restored)",
    text: "# Tree\n\nðŸš€ √ñsterreich\n\n```text\nâ”œâ”€â”€ src/\nâ”‚   â””â”€â”€ index.ts\nÃ¢â€Å“Ã¢â€â‚¬Ã¢â€â‚¬ docs/\n```\n\nMath stays: √π\n",
    findings: [
      "3:1: `ðŸš€` looks like 🚀 (U+1F680) saved through Windows-1252",
      "3:6: `√ñ` looks like Ö (U+00D6) saved through MacRoman",
      "6:1: `â”œâ”€â”€` looks like ├── (U+251C U+2500 U+2500) saved through Windows-1252",
      "7:1: `â”‚` looks like │ (U+2502) saved through Windows-1252",
      "7:7: `â””â”€â”€` looks like └── (U+2514 U+2500 U+2500) saved through Windows-1252",
      "8:1: `Ã¢â€Å“Ã¢â€â‚¬Ã¢â€â‚¬` looks like text saved through Windows-1252, which dropped bytes; the original cannot be restored",
    ],
    fixed:
      "# Tree\n\n🚀 Österreich\n\n```text\n├── src/\n│   └── index.ts\nÃ¢â€Å“Ã¢â€â‚¬Ã¢â€â‚¬ docs/\n```\n\nMath stays: √π\n",
  },
  {
    name: "code pages that read the same text differently: all readings listed, nothing fixed",
    text: "Both: PersĂśnlich\n",
    findings: [
      "1:11: `Ăś` looks like one of Ü (U+00DC), ö (U+00F6) saved through Windows-1250 or ISO-8859-2; not fixed, as more than one fits",
    ],
  },
  {
    name: "a span next to damage it cannot explain is reported, not fixed",
    text: "x Äâ€“ y\n",
    findings: [
      "1:4: `â€“` looks like – (U+2013) saved through Windows-1252; not fixed, as the text around it is damaged too",
    ],
  },
  {
    name: "`codePages` limits the code pages considered",
    text: "- ğŸ—“ï¸ **Date:** 06.11.2023 â€“ 10.11.2023\n",
    options: { codePages: ["windows-1252"] },
    findings: ["1:31: `â€“` looks like – (U+2013) saved through Windows-1252"],
    fixed: "- ğŸ—“ï¸ **Date:** 06.11.2023 – 10.11.2023\n",
  },
  {
    name: "each fix replaces its span and nothing else",
    text: "**Motivation/Benefits**: â›”ï¸ prevented, ğŸ‘¨ğŸ¼â€ğŸ’» improved â€“ ok.\n",
    findings: [
      "1:26: `â›”ï¸` looks like ⛔️ (U+26D4 U+FE0F) saved through Windows-1252",
      "1:43: `ğŸ‘¨ğŸ¼â€ğŸ’»` looks like 👨🏼‍💻 (U+1F468 U+1F3FC U+200D U+1F4BB) saved through Windows-1254",
      "1:66: `â€“` looks like – (U+2013) saved through Windows-1252",
    ],
    fixed: "**Motivation/Benefits**: ⛔️ prevented, 👨🏼‍💻 improved – ok.\n",
  },
  // In the wild
  ...WILD.map(([damaged, original, findings]): RuleCase => ({
    name: `in the wild: ${damaged}`,
    text: notes(damaged),
    findings,
    fixed: notes(original),
  })),
];
