/**
 * Clean text in many languages from the gettext catalogs (`.mo` files) Debian installs under
 * /usr/share/locale: iso-codes (country, language, script and currency names) and the messages of
 * coreutils, glib, gtk, Linux-PAM, grep and apt, as translators wrote them.
 *
 * A `.mo` file is read with the few lines its format needs (GNU gettext manual, "The Format of
 * GNU MO Files"): a magic number giving the byte order, the number of strings, and two tables of
 * (length, offset) pairs for the originals and the translations.
 */
import fs from "node:fs";
import path from "node:path";

export const LOCALE_DIR = "/usr/share/locale";

/** The catalogs read, by file name: iso-codes first, then message catalogs. */
export const CATALOGS = [
  "iso_3166-1.mo",
  "iso_3166-2.mo",
  "iso_3166-3.mo",
  "iso_639-2.mo",
  "iso_639-3.mo",
  "iso_15924.mo",
  "iso_4217.mo",
  "coreutils.mo",
  "glib20.mo",
  "gtk20.mo",
  "gtk20-properties.mo",
  "Linux-PAM.mo",
  "grep.mo",
  "apt.mo",
  "libapt-pkg6.0.mo",
] as const;

export const ISO_CODES = CATALOGS.filter((c) => c.startsWith("iso_"));

/** The translations of one `.mo` file (the header entry left out), decoded by its own charset. */
export function readMo(file: string): string[] {
  const data = fs.readFileSync(file);
  const magic = data.readUInt32LE(0);
  const le = magic === 0x950412de;
  if (!le && data.readUInt32BE(0) !== 0x950412de) throw new Error(`${file}: not a .mo file`);
  const u32 = (at: number): number => (le ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const count = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const entry = (table: number, i: number): Buffer => {
    const length = u32(table + i * 8);
    const offset = u32(table + i * 8 + 4);
    return data.subarray(offset, offset + length);
  };
  let charset = "utf-8";
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const original = entry(originals, i);
    const translation = entry(translations, i);
    if (original.length === 0) {
      charset = /charset=([-\w]+)/i.exec(translation.toString("latin1"))?.[1]?.toLowerCase() ?? "utf-8";
      continue;
    }
    // Plural forms are NUL-separated.
    for (const form of new TextDecoder(charset === "charset" ? "utf-8" : charset, { fatal: false })
      .decode(translation)
      .split("\0")) {
      if (form.length > 0) out.push(form);
    }
  }
  return out;
}

export interface LanguageText {
  /** The locale directory's name: `sr`, `uk`, `pt_BR`, `sr@latin`. */
  locale: string;
  /** Which catalogs it came from. */
  catalogs: string[];
  /** One entry per translated line: the catalog, and the text. */
  lines: { catalog: string; text: string }[];
}

/** Every locale with at least one of the catalogs, its translations split into lines. */
export function catalogText(catalogs: readonly string[] = CATALOGS): LanguageText[] {
  if (!fs.existsSync(LOCALE_DIR)) return [];
  const out: LanguageText[] = [];
  for (const locale of fs.readdirSync(LOCALE_DIR).sort()) {
    const dir = path.join(LOCALE_DIR, locale, "LC_MESSAGES");
    if (!fs.existsSync(dir)) continue;
    const found: string[] = [];
    const lines: { catalog: string; text: string }[] = [];
    for (const catalog of catalogs) {
      const file = path.join(dir, catalog);
      if (!fs.existsSync(file)) continue;
      found.push(catalog);
      for (const message of readMo(file))
        for (const text of message.split(/\r\n|\r|\n/)) if (/[^\x00-\x7F]/.test(text)) lines.push({ catalog, text });
    }
    if (lines.length > 0) out.push({ locale, catalogs: found, lines });
  }
  return out;
}

/**
 * Damage that is really in the catalogs (Debian 12's iso-codes 4.15, gtk 2.24.33): WU008 must
 * report it, and nothing else. Each names the locale, the catalog and how the line shows it.
 */
export const KNOWN_DAMAGE: { locale: string; catalog: string; what: string; matches: (text: string) => boolean }[] = [
  {
    locale: "be",
    catalog: "gtk20-properties.mo",
    what: "U+FFFD where a Cyrillic letter was lost (`�экстам`, `стаў�ца`)",
    matches: (t) => t.includes("\uFFFD"),
  },
  {
    locale: "mn",
    catalog: "gtk20.mo",
    what: "U+FFFD where a Cyrillic letter was lost (`�астэрийн`)",
    matches: (t) => t.includes("\uFFFD"),
  },
  {
    locale: "mn",
    catalog: "gtk20-properties.mo",
    what: "U+FFFD where a letter was lost (`�адио-төлөв`, `�ixbuf`)",
    matches: (t) => t.includes("\uFFFD"),
  },
  {
    locale: "cy",
    catalog: "gtk20.mo",
    what: "Welsh `sgrÃ®n` for `sgrîn`, UTF-8 read as Latin-1",
    matches: (t) => t.includes("sgrÃ®n"),
  },
];

export const isKnownDamage = (locale: string, catalog: string, text: string): boolean =>
  KNOWN_DAMAGE.some((d) => d.locale === locale && d.catalog === catalog && d.matches(text));
