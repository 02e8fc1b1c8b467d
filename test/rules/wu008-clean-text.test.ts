/**
 * WU008 precision: clean text in many languages, math, and the strings ftfy keeps as negatives
 * (its tests/test-cases/negative.json) give no finding in either linter.
 */
import { describe, expect, test } from "vitest";
import { findMojibake } from "../../src/encoding/index.js";
import { lintMarkdownlint, lintRemark } from "../helpers/lint.js";

const multilingual = [
  // Turkish, with every letter Windows-1254 adds
  "İstanbul'da çalışıyoruz; ĞÜŞİÖÇ ğüşıöç — “Merhaba dünya!” dedi Ayşe, 5 Ağustos’ta.",
  // Portuguese
  "Ação, coração, São Paulo, pão e não: «Você já está aí?» — IGUALDADE DE GÊNERO, CONCLUSÃO.",
  // German and French, typographic quotes
  "Grüße aus München: „Anführungszeichen“ und »Guillemets«, Straße, Äpfel, Öl, Übermut; «café», où, naïve, Noël.",
  // Greek
  "Καλημέρα κόσμε! Ένα, Όλα, Ήλιος, Ώρα — «Ελληνικά» ΐ ΰ ϊ.",
  // Russian and Ukrainian, with ё, № and quotes
  "Её ёлка «моё» — твоё; № 5, «Привет, мир!» Україна, їжак, ґанок, Ўсё.",
  // Vietnamese
  "Tiếng Việt có dấu: Điện thoại, đường phố, người Hà Nội, ở đâu?",
  // Chinese and Japanese
  "中文测试：你好，世界！日本語のテキスト、「かぎ括弧」。",
  // Polish, Czech, Romanian
  "Zażółć gęślą jaźń; Příliš žluťoučký kůň úpěl ďábelské ódy; Ăsta și țară.",
  // math
  "(-1/2)! = √π, ∑∞ ≠ ∏, x² + y² = z², ±½ ¾, ∀x∈ℝ: x² ≥ 0, α ≤ β, 4288×…, ∆°, 2012—∞.",
  // emoji written correctly, including a redundant-but-harmless U+FE0F and a bare ⚠
  "⚡️ ➡️ 👨🏼‍💻 🧑🏼‍🌾 👨‍👩‍👧‍👦 🏳️‍🌈 🇩🇪 #️⃣ 1️⃣ ©️ ® ™ ✍🏻 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ⚠ ℹ️ 🏻🏼🏽🏾🏿",
  // box drawing
  "├── src/ │ └── index.ts ─┐ ┌─ ═══ ║ ╚═╝",
];

/** Strings ftfy's test suite keeps unchanged although they look like mojibake. */
const ftfyNegatives = [
  "Η ¨ανατροφή¨ δυστυχώς από τους προπονητές",
  "higher values (“+” and “×” curves) in the superficial region",
  "Con il corpo e lo spirito ammaccato,\u00a0è come se nel cuore avessi un vetro conficcato.",
  "4288×…",
  "``toda produzida pronta pra assa aí´´",
  "HUHLL Õ…",
  "RETWEET SE VOCÊ…",
  "PARCE QUE SUR LEURS PLAQUES IL Y MARQUÉ…",
  "TEM QUE SEGUIR, SDV SÓ…",
  "Join ZZAJÉ’s Official Fan List and receive news, events, and more!",
  "L’épisode 8 est trop fou ouahh",
  "Ôôô VIDA MINHA",
  "[x]\u00a0©",
  "2012—∞",
  "SENSЕ - Oleg Tsedryk",
  "OK??:(   `¬´    ):",
  "( o¬ô )",
  "∆°",
  "ESSE CARA AI QUEM É¿",
  "``hogwarts nao existe, voce nao vai pegar o trem pra lá´´",
  "SELKÄ\u00a0EDELLÄ\u00a0MAAHAN via @YouTube",
  "Offering 5×£35 pin ups",
  "NESTLÉ® requiere contratar personal para diferentes areas a nivel nacional e internacional",
  "Connect with Āø on Facebook",
  "C O N C L U S Ã O",
  "Oborzos, per. Vahbarz, frataraká§ 141",
  "MÄ£ÄM ÌÑÌ Q £ÄGÌ GÄLÄW ÑÍCH SÖÄ£ ÑÝÄ $ÚÄMÌ Q £ÄGÌ GÄK ÉÑÄK BÄDÄÑ....?????????,                     ......JÄDÍ...",
  "├┤a┼┐a┼┐a┼┐a┼┐a",
];

/** Like them: Portuguese capitals ending in `Ã` before typographic punctuation. */
const portugueseCapitals = ["ATÉ AMANHÃ… E O IRMÃ— NÃO", "“MAÇÔ — “IRMÔ, disse"];

describe("WU008 finds nothing in clean text", () => {
  for (const line of [...multilingual, ...ftfyNegatives, ...portugueseCapitals]) {
    test(line.slice(0, 40), () => {
      expect(findMojibake(line)).toEqual([]);
    });
  }

  test("a document of all of it, through both linters", async () => {
    const doc = [
      "# Clean text",
      "",
      ...[...multilingual, ...ftfyNegatives, ...portugueseCapitals].flatMap((l) => [l, ""]),
    ].join("\n");
    for (const lint of [lintMarkdownlint, lintRemark]) {
      expect(await lint(doc, { WU008: true }), lint.name).toEqual([]);
    }
  });

  test("ftfy's “mostly negative” case: only the stray C1 control is reported, not `é\\u0085` as 酠", async () => {
    const doc =
      "C'est vrai que nous n'en avons pas encore beaucoup parlé\u0085 Tu sais, ça fait de nombreuses années\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = await lint(doc, { WU008: true });
      expect(
        reported.map((r) => [r.line, r.column, r.message, r.fix]),
        lint.name,
      ).toEqual([
        [1, 57, "Unexpected C1 control character U+0085, probably `…` (Windows-1252) read as ISO-8859-1", null],
      ]);
    }
  });
});
