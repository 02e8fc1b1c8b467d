/**
 * Encoding damage as it happens to real text, for the WU008 tests and the ftfy benchmark: UTF-8
 * read through a single-byte code page with the bytes it does not define kept as C1 controls
 * (as browsers and Python's sloppy codecs do) or dropped, every C1 control lost (a Latin-1 read
 * whose C1 bytes an editor dropped), and the same twice.
 */
import { CODE_PAGES, codePage, mojibake, type CodePage } from "../../src/encoding/index.js";

export type DamageMode = "keep" | "drop" | "c1-lost" | "twice";

/** The page's reading with every byte that has no printable character (undefined or C1) dropped. */
function c1Lost(text: string, page: CodePage): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    if (byte < 0x80) out += String.fromCharCode(byte);
    else {
      const c = page.high[byte - 0x80];
      if (c !== null && c !== undefined && !(c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f)) out += c;
    }
  }
  return out;
}

export interface Damage {
  name: string;
  pages: CodePage[];
  mode: DamageMode | "mixed";
  /** Bytes were lost on the way. */
  lossy: boolean;
  apply: (text: string) => string;
}

/** Whether the page has any byte that `drop` or `c1-lost` loses. */
const loses = (page: CodePage, mode: "drop" | "c1-lost"): boolean =>
  page.high.some(
    (c) => c === null || (mode === "c1-lost" && c !== null && c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f),
  );

/** Every damage the rule should know: each code page kept, dropped, C1 lost (where it differs), twice. */
export function damages(pages: readonly CodePage[] = CODE_PAGES): Damage[] {
  const out: Damage[] = [];
  for (const page of pages) {
    // Undefined bytes above 0x9F have no C1 control to stand for them: those are always dropped.
    const dropsAnyway = page.high.some((c, i) => c === null && i + 0x80 > 0x9f);
    out.push({
      name: page.label,
      pages: [page],
      mode: "keep",
      lossy: dropsAnyway,
      apply: (t) => mojibake(t, page, "c1"),
    });
    if (loses(page, "drop")) {
      out.push({
        name: `${page.label}, undefined bytes dropped`,
        pages: [page],
        mode: "drop",
        lossy: true,
        apply: (t) => mojibake(t, page, "drop"),
      });
    }
    if (
      loses(page, "c1-lost") &&
      page.high.some((c) => c !== null && c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f)
    ) {
      out.push({
        name: `${page.label}, C1 bytes lost`,
        pages: [page],
        mode: "c1-lost",
        lossy: true,
        apply: (t) => c1Lost(t, page),
      });
    }
    out.push({
      name: `${page.label} twice`,
      pages: [page, page],
      mode: "twice",
      lossy: dropsAnyway,
      apply: (t) => mojibake(mojibake(t, page, "c1"), page, "c1"),
    });
  }
  const w1254 = codePage("windows-1254");
  const w1252 = codePage("windows-1252");
  if (pages.includes(w1254) && pages.includes(w1252)) {
    out.push({
      name: "Windows-1254 then Windows-1252",
      pages: [w1254, w1252],
      mode: "mixed",
      lossy: false,
      apply: (t) => mojibake(mojibake(t, w1254, "c1"), w1252, "c1"),
    });
  }
  return out;
}

/**
 * A line of `length` characters of mixed damage: lines of real wrap-ups (`sources`), each damaged
 * a different way (every code page, kept, dropped, C1 lost, twice), one after another.
 */
export function mixedDamageLine(sources: readonly string[], length: number): string {
  const all = damages();
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < length; k++) {
    const part = all[k % all.length]!.apply(sources[(k * 7) % sources.length]!) + " ";
    parts.push(part);
    size += part.length;
  }
  return parts.join("").slice(0, length);
}
