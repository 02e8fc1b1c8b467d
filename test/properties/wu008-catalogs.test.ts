/**
 * WU008 on clean text in every language Debian's gettext catalogs hold (iso-codes' names of
 * countries, subdivisions, languages, scripts and currencies; the messages of coreutils, glib,
 * gtk, Linux-PAM, grep and apt, as their translators wrote them): no finding but the damage that
 * really is in the catalogs, each named in KNOWN_DAMAGE (test/helpers/catalogs.ts). Serbian
 * `Арџил`, `Џорџија` and Ukrainian `Фонв’єй` are what Windows-1251 damage looks like, and words.
 */
import { describe, expect, test } from "vitest";
import { emojiEncoding } from "../../rules/wu008-emoji-encoding.js";
import { catalogText, CATALOGS, ISO_CODES, isKnownDamage, KNOWN_DAMAGE, LOCALE_DIR } from "../helpers/catalogs.js";
import { lintMarkdownlint, lintRemark } from "../helpers/lint.js";
import { linesModel } from "../helpers/models.js";

const languages = catalogText();
const found = new Set(languages.flatMap((l) => l.catalogs));
const isoFound = ISO_CODES.filter((c) => found.has(c));
const messagesFound = CATALOGS.filter((c) => !c.startsWith("iso_") && found.has(c));
const enough = isoFound.length > 0 && messagesFound.length >= 3;
if (!enough) {
  console.warn(
    `wu008-catalogs: skipped: ${LOCALE_DIR} holds ${isoFound.length} iso-codes and ${messagesFound.length} message catalogs ` +
      "(needs iso-codes and three of coreutils, glib, gtk, Linux-PAM, grep, apt: apt-get install iso-codes libglib2.0-data libgtk2.0-common)",
  );
}

describe.skipIf(!enough)("WU008 on the translations of Debian's gettext catalogs", () => {
  test("the catalogs are there: iso-codes and at least three message catalogs, in many languages", () => {
    expect(isoFound.length).toBeGreaterThan(0);
    expect(messagesFound.length).toBeGreaterThanOrEqual(3);
    expect(languages.length).toBeGreaterThan(50);
    // The languages of the issue, whose letters look like Windows-1251 damage.
    expect(languages.map((l) => l.locale)).toEqual(expect.arrayContaining(["sr", "uk", "ru", "be", "bg", "el"]));
  });

  test("no finding but the damage that is in the catalogs, which is all found", { timeout: 300_000 }, async () => {
    const unexpected: string[] = [];
    const seen = new Set<(typeof KNOWN_DAMAGE)[number]>();
    let lines = 0;
    for (const language of languages) {
      // Let vitest's worker answer its parent between languages.
      await new Promise((resolve) => setImmediate(resolve));
      const text = language.lines.map((l) => l.text);
      lines += text.length;
      for (const f of emojiEncoding.check(linesModel(text), emojiEncoding.defaults)) {
        const { catalog, text: line } = language.lines[f.span!.start.line - 1]!;
        const known = KNOWN_DAMAGE.find(
          (d) => d.locale === language.locale && d.catalog === catalog && d.matches(line),
        );
        if (known) seen.add(known);
        else unexpected.push(`${language.locale} ${catalog}: ${f.message} in ${JSON.stringify(line)}`);
      }
    }
    expect(lines).toBeGreaterThan(10_000);
    expect(unexpected).toEqual([]);
    // Each piece of real damage whose catalog this machine has is reported.
    const present = KNOWN_DAMAGE.filter((d) =>
      languages.some((l) => l.locale === d.locale && l.catalogs.includes(d.catalog)),
    );
    expect([...seen].map((d) => d.what).sort()).toEqual(present.map((d) => d.what).sort());
  });

  test(
    "Serbian, Ukrainian, Russian and Greek place, language and script names through both linters: nothing",
    { timeout: 120_000 },
    async () => {
      for (const locale of ["sr", "uk", "ru", "el"]) {
        const language = languages.find((l) => l.locale === locale);
        if (!language) continue;
        // Every name a paragraph of its own, as a page of a translated site would hold it.
        const clean = language.lines.filter(
          (l) => l.catalog.startsWith("iso_") && !isKnownDamage(locale, l.catalog, l.text),
        );
        const doc = `# ${locale}\n\n` + clean.map((l) => l.text.replace(/^[#>*+\-\d\s|=]+/, "")).join("\n\n") + "\n";
        for (const lint of [lintMarkdownlint, lintRemark]) {
          const reported = (await lint(doc, { WU008: true })).filter((r) => r.code === "WU008");
          expect(
            reported.map((r) => `${r.line}: ${r.message}`),
            `${lint.name} ${locale}`,
          ).toEqual([]);
        }
      }
    },
  );

  test("the words that look like Windows-1251 damage are in the catalogs, as words", () => {
    const all = languages.flatMap((l) => l.lines.map((x) => x.text));
    for (const word of ["Арџил", "Џорџија", "Фонв’єй"])
      expect(
        all.some((t) => t.includes(word)),
        word,
      ).toBe(true);
  });
});
