/**
 * WU008 wrapup-emoji-encoding: no mojibake (UTF-8 read through a single-byte code page, once or
 * twice, possibly with bytes dropped), no broken characters, no broken emoji sequences. Applies
 * to every Markdown document. Fixes only what is certain.
 */
import { sourceOf } from "../src/model/structure.js";
import { analyzeLines, CODE_PAGE_IDS, codePage, type Anomaly, type MojibakeSpan } from "../src/encoding/index.js";
import { codePoints } from "../src/encoding/unicode.js";
import { replace, sortFindings, type Finding, type WrapupRule } from "../src/core/rule.js";
import { code } from "../src/core/message.js";
import { lineSpan } from "../src/model/source.js";

export interface EmojiEncodingOptions {
  /** Code pages the text may have been read through, most likely first. */
  codePages: string[];
  /** Also report broken emoji sequences (non-RGI ZWJ sequences, modifiers, keycaps, selectors). */
  sequences: boolean;
}

/** It reads no profile: every Markdown document, as it is. */
export const emojiEncoding = {
  code: "WU008",
  name: "wrapup-emoji-encoding",
  description: "Text is clean UTF-8: no mojibake, broken characters or broken emoji sequences",
  doc: "wu008-emoji-encoding",
  fixable: true,
  fixes: "where certain",
  schema: {
    properties: {
      codePages: {
        type: "array",
        items: { enum: [...CODE_PAGE_IDS] },
        uniqueItems: true,
        description: "iconv-lite names of the code pages to consider, most likely first",
      },
      sequences: { type: "boolean", description: "also report broken emoji sequences" },
    },
  },
  defaults: { codePages: [...CODE_PAGE_IDS], sequences: true },
  check(model, options) {
    const pages = options.codePages.map(codePage);
    const findings: Finding[] = [];
    // Comments too: damage there is damage a maintainer wants to know of (`source`, unmasked,
    // read only when a line holds a comment).
    const damage = analyzeLines(model.lines, { pages, sequences: options.sequences, source: () => sourceOf(model) });
    for (const { index, mojibake, anomalies } of damage) {
      const line = index + 1;
      for (const span of mojibake) findings.push(mojibakeFinding(line, span));
      for (const anomaly of anomalies) findings.push(anomalyFinding(line, anomaly));
    }
    return sortFindings(findings);
  },
} satisfies WrapupRule<EmojiEncodingOptions>;

/** The damaged text as shown in a message: invisible controls spelled out. */
function visible(text: string): string {
  return text.replace(
    /[\u0080-\u009F\u00AD\u200B-\u200F\uFEFF]/g,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`,
  );
}

function path(pages: readonly { label: string }[]): string {
  const labels = pages.map((p) => p.label);
  if (labels.length === 2 && labels[0] === labels[1]) return `${labels[0]} twice`;
  return labels.join(" and then ");
}

function through(span: MojibakeSpan): string {
  const paths = span.readings ? [...new Set(span.readings.map((r) => path(r.pages)))] : [path(span.pages)];
  return `saved through ${paths.join(" or ")}`;
}

function mojibakeFinding(line: number, span: MojibakeSpan): Finding {
  const base = { span: lineSpan(line, span.start + 1, span.text) };
  const quoted = code(visible(span.text));
  const dropped = span.lossy ? ", which dropped bytes" : "";
  if (span.candidates.length === 1) {
    const original = span.candidates[0]!;
    const looks = `${quoted} looks like ${original} (${codePoints(original)}) ${through(span)}`;
    if (span.doubt === "surrounded")
      return { ...base, message: `${looks}; not fixed, as the text around it is damaged too` };
    if (span.doubt === "twice") return { ...base, message: `${looks}; not fixed, as it may have been damaged twice` };
    if (span.doubt === "budget")
      return { ...base, message: `${looks}; not fixed, as the text around it is too damaged to read in full` };
    if (span.doubt === "readings")
      return { ...base, message: `${looks}; not fixed, as it may also be something else that lost bytes` };
    if (span.written !== undefined) {
      const what = [...new Set((span.tidied ?? []).map(tidiedAs))].join(", ");
      return {
        ...base,
        message: `${looks}; written as ${span.written} (${codePoints(span.written)}), ${what}`,
        fix: replace(base.span, span.written),
      };
    }
    return { ...base, message: looks, fix: replace(base.span, original) };
  }
  if (span.candidates.length > 1) {
    const list = span.candidates.map((c) => `${c} (${codePoints(c)})`).join(", ");
    return {
      ...base,
      message: `${quoted} looks like one of ${list} ${through(span)}${dropped}; not fixed, as more than one fits`,
    };
  }
  return { ...base, message: `${quoted} looks like text ${through(span)}${dropped}; the original cannot be restored` };
}

/** What tidying a restored text did, for the message. */
function tidiedAs(anomaly: Anomaly): string {
  switch (anomaly.kind) {
    case "redundant-selector":
      return "without the redundant U+FE0F";
    case "dangling-selector":
      return "without the variation selector left from a broken emoji sequence";
    case "keycap":
      return "with the keycap's U+FE0F";
    default:
      return `without ${codePoints(anomaly.text)}`;
  }
}

function hex(text: string): string {
  return codePoints(text);
}

function anomalyFinding(line: number, anomaly: Anomaly): Finding {
  const base = { span: lineSpan(line, anomaly.start + 1, anomaly.text) };
  const fix = anomaly.replacement !== undefined ? { fix: replace(base.span, anomaly.replacement) } : {};
  switch (anomaly.kind) {
    case "replacement":
      return {
        ...base,
        message: `Unexpected replacement character ${code("\uFFFD")} (U+FFFD): a character was lost when the text was decoded`,
      };
    case "surrogate":
      return { ...base, message: `Unexpected lone surrogate ${hex(anomaly.text)}: half of a character is missing` };
    case "c1":
      return {
        ...base,
        message:
          `Unexpected C1 control character ${hex(anomaly.text)}` +
          (anomaly.expected ? `, probably ${code(anomaly.expected)} (Windows-1252) read as ISO-8859-1` : ""),
      };
    case "noncharacter":
      return { ...base, message: `Unexpected noncharacter ${hex(anomaly.text)}` };
    case "redundant-selector":
      return {
        ...base,
        ...fix,
        message: `Unexpected redundant variation selector ${hex(anomaly.text)} after ${code(String(anomaly.after))}, expected ${code(String(anomaly.after))}`,
      };
    case "dangling-selector":
      return {
        ...base,
        ...fix,
        message: `Unexpected variation selector ${hex(anomaly.text)} after ${hex(anomaly.after ?? "")}, left from a broken emoji sequence`,
      };
    case "keycap":
      if (anomaly.text === "\u20E3") {
        return { ...base, message: "Unexpected combining keycap U+20E3 without a digit, `#` or `*` before it" };
      }
      return {
        ...base,
        ...fix,
        message: anomaly.text.endsWith("\u20E3")
          ? `Unexpected keycap ${code(anomaly.text)} without U+FE0F, expected ${code(String(anomaly.expected))}`
          : `Unexpected keycap ${code(anomaly.text)} without U+20E3, expected ${code(String(anomaly.expected))}`,
      };
    case "zwj":
      return anomaly.text === "\u200D"
        ? {
            ...base,
            message: `Unexpected ZWJ (U+200D) after ${code(String(anomaly.after))}, joining it into no RGI emoji sequence`,
          }
        : {
            ...base,
            message: `Unexpected ZWJ sequence ${code(anomaly.text)} (${hex(anomaly.text)}): not an RGI emoji, it shows as separate emoji`,
          };
    case "modifier":
      return {
        ...base,
        message: `Unexpected skin tone modifier ${code(anomaly.text)} after ${code(String(anomaly.after))}, which takes none`,
      };
    case "flag":
      return {
        ...base,
        message: `Unexpected regional indicators ${code(anomaly.text)} (${hex(anomaly.text)}): not an RGI flag`,
      };
    case "tag":
      return { ...base, message: `Unexpected tag characters (${hex(anomaly.text)}) outside an emoji tag sequence` };
  }
}

export default emojiEncoding;
