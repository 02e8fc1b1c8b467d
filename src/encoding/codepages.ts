/**
 * The single-byte code pages that UTF-8 text is most often mis-decoded through (the ones ftfy
 * handles), with their real mapping tables taken from iconv-lite: nothing here is hand-typed.
 */
import iconv from "iconv-lite";

export interface CodePage {
  /** iconv-lite's name: `windows-1254`. */
  id: string;
  /** The name used in messages: `Windows-1254`. */
  label: string;
  /** What each byte 0x80–0xFF decodes to; null where the code page defines nothing. */
  high: readonly (string | null)[];
  /** Character (code unit) to byte, for the high half only (ASCII maps to itself everywhere). */
  encode: ReadonlyMap<number, number>;
  /**
   * Continuation bytes (0x80–0xBF) the code page does not define, or decodes to a C1 control (the
   * ISO-8859 pages): the ones a lossy save drops. An editor that reads Latin-1 and drops its C1
   * controls loses 0x80–0x9F, and a byte Windows-1252 defines (0x86 in `⬆️`) may be one of them.
   */
  undefinedContinuations: readonly number[];
  /** Whether the code page writes Western European languages (Latin letters at 0xC0–0xFF). */
  latin: boolean;
}

const SPECS: { id: string; label: string; latin: boolean }[] = [
  { id: "windows-1252", label: "Windows-1252", latin: true },
  { id: "windows-1254", label: "Windows-1254", latin: true },
  { id: "iso-8859-1", label: "ISO-8859-1", latin: true },
  { id: "windows-1250", label: "Windows-1250", latin: true },
  { id: "windows-1257", label: "Windows-1257", latin: true },
  { id: "iso-8859-2", label: "ISO-8859-2", latin: true },
  { id: "windows-1251", label: "Windows-1251", latin: false },
  { id: "windows-1253", label: "Windows-1253", latin: false },
  { id: "macintosh", label: "MacRoman", latin: false },
  { id: "cp437", label: "CP437", latin: false },
];

function build(spec: { id: string; label: string; latin: boolean }): CodePage {
  const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => i + 0x80));
  const decoded = iconv.decode(bytes, spec.id);
  const chars = Array.from(decoded);
  if (chars.length !== 128) throw new Error(`${spec.id}: expected 128 characters from iconv-lite`);
  const high: (string | null)[] = chars.map((c) => (c === "\uFFFD" ? null : c));
  const encode = new Map<number, number>();
  high.forEach((c, i) => {
    if (c !== null && c.length === 1) encode.set(c.charCodeAt(0), i + 0x80);
  });
  const undefinedContinuations: number[] = [];
  high.forEach((c, i) => {
    const byte = i + 0x80;
    if (c !== null) {
      if (c.length === 1 && c.charCodeAt(0) === byte && byte <= 0x9f) undefinedContinuations.push(byte);
      return;
    }
    // Browsers (the WHATWG decoders) and Python's "sloppy" codecs keep an undefined byte as the
    // C1 control with the same number; accept that spelling too.
    if (byte <= 0x9f && !encode.has(byte)) encode.set(byte, byte);
    if (byte <= 0xbf) undefinedContinuations.push(byte);
  });
  // Apple's own MacRoman table gives 0xF0 the Apple logo (U+F8FF), which iconv-lite leaves out;
  // without it no emoji (all start with 0xF0) could be read back from MacRoman mojibake.
  if (spec.id === "macintosh" && high[0xf0 - 0x80] === null) {
    high[0xf0 - 0x80] = "\uF8FF";
    encode.set(0xf8ff, 0xf0);
  }
  return { id: spec.id, label: spec.label, high, encode, undefinedContinuations, latin: spec.latin };
}

/** Every supported code page, in the order they are tried when nothing else decides. */
export const CODE_PAGES: readonly CodePage[] = SPECS.map(build);

export const CODE_PAGE_IDS: readonly string[] = CODE_PAGES.map((c) => c.id);

export function codePage(id: string): CodePage {
  const found = CODE_PAGES.find((c) => c.id === id);
  if (!found) throw new Error(`unknown code page ${id}`);
  return found;
}

/** The byte `char` (one UTF-16 code unit) is written as in `page`, or -1. ASCII maps to itself. */
export function byteOf(page: CodePage, unit: number): number {
  if (unit < 0x80) return unit;
  return page.encode.get(unit) ?? -1;
}

/** Encodes `text` in `page`; null if a character is not in it. */
export function encodeIn(page: CodePage, text: string): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const b = byteOf(page, text.charCodeAt(i));
    if (b < 0) return null;
    out.push(b);
  }
  return out;
}

/**
 * Simulates the damage: `text` saved as UTF-8, read back through `page`. Bytes the code page does
 * not define are dropped (`lossy`, as the seed page shows) or kept as C1 controls (as browsers do).
 */
export function mojibake(text: string, page: CodePage, undefinedBytes: "drop" | "c1" = "c1"): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    if (byte < 0x80) out += String.fromCharCode(byte);
    else {
      const c = page.high[byte - 0x80];
      if (c !== null && c !== undefined) out += c;
      else if (undefinedBytes === "c1" && byte <= 0x9f) out += String.fromCharCode(byte);
    }
  }
  return out;
}
