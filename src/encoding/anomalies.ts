/**
 * Characters and emoji sequences that are broken on their own, whatever the encoding history:
 * U+FFFD, lone surrogates, C1 controls, noncharacters, and emoji sequences that are not RGI
 * (a ZWJ sequence or skin tone modifier no platform draws as one emoji, a keycap without
 * U+20E3, a variation selector with nothing to select). Pure functions over strings.
 */
import { rgiLengthAt } from "../wrapup/emoji.js";
import { CODE_PAGES } from "./codepages.js";
import {
  isC1,
  isEmojiModifier,
  isExtendedPictographic,
  isKeycapBase,
  isNoncharacter,
  isRegionalIndicator,
  isTag,
  KEYCAP,
  VS15,
  VS16,
  ZWJ,
} from "./unicode.js";

export type AnomalyKind =
  | "replacement"
  | "surrogate"
  | "c1"
  | "noncharacter"
  | "redundant-selector"
  | "dangling-selector"
  | "keycap"
  | "zwj"
  | "modifier"
  | "flag"
  | "tag";

export interface Anomaly {
  kind: AnomalyKind;
  /** UTF-16 offsets into the line; `end` is exclusive. */
  start: number;
  end: number;
  /** The offending text. */
  text: string;
  /** The text before it that it belongs to, if any (the emoji a selector follows). */
  after?: string;
  /** The certain replacement of `text`, when there is one. */
  replacement?: string;
  /** What the text should probably be (shown, never written). */
  expected?: string;
}

const size = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** A per-unit mask of the `skip` ranges, so each check is O(1). */
function maskOf(length: number, skip: readonly [number, number][]): Uint8Array | null {
  if (skip.length === 0) return null;
  const mask = new Uint8Array(length);
  for (const [s, e] of skip) mask.fill(1, s, e);
  return mask;
}

/**
 * Where a character anomaly can start: only C1 controls (U+0080–U+009F) and units from U+D800 up
 * (surrogates, noncharacters, U+FFFD) can be one. One native scan; most lines have neither.
 */
const MAY_BE_ANOMALY = /[\u0080-\u009F\uD800-\uFFFF]/;

/**
 * Where a broken emoji sequence can start: every kind needs a unit from U+2000 up (selectors,
 * ZWJ, U+20E3, pictographs, surrogate pairs) or `©`/`®`; a keycap base (`1`, `#`, `*`) is one only
 * before U+FE0F or U+20E3. Most non-ASCII lines (accents, dashes) have none: one native search
 * then, and the long loop below stays cold.
 */
const MAY_BE_EMOJI = /[\u00A9\u00AE\u2000-\uFFFF]/;

/** The index of the next unit at or after `from` that `pattern` (global) matches, or -1. */
function nextMatch(pattern: RegExp, line: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.test(line) ? pattern.lastIndex - 1 : -1;
}
/** The two patterns above, global, to search on from an index. */
const NEXT_ANOMALY = /[\u0080-\u009F\uD800-\uFFFF]/g;
const NEXT_EMOJI = /[\u00A9\u00AE\u2000-\uFFFF]/g;

/** U+FFFD, lone surrogates, C1 controls and noncharacters, outside the `skip` ranges. */
export function characterAnomalies(line: string, skip: readonly [number, number][] = []): Anomaly[] {
  const out: Anomaly[] = [];
  const first = line.search(MAY_BE_ANOMALY);
  if (first === -1) return out;
  const mask = maskOf(line.length, skip);
  for (let i = first; i < line.length;) {
    const unit = line.charCodeAt(i);
    // Only C1 controls (U+0080–U+009F) and units from U+D800 up can be anomalies.
    if (unit < 0x80 || (unit > 0x9f && unit < 0xd800) || mask?.[i] === 1) {
      // On to the next unit that can be one (one native search, not a unit at a time).
      const next = nextMatch(NEXT_ANOMALY, line, i + 1);
      if (next === -1) break;
      i = next;
      continue;
    }
    const cp = line.codePointAt(i)!;
    const n = size(cp);
    const text = line.slice(i, i + n);
    if (cp === 0xfffd) out.push({ kind: "replacement", start: i, end: i + n, text });
    else if (cp >= 0xd800 && cp <= 0xdfff) out.push({ kind: "surrogate", start: i, end: i + n, text });
    else if (isC1(cp)) {
      const byWindows = CODE_PAGES[0]!.high[cp - 0x80];
      out.push({ kind: "c1", start: i, end: i + n, text, ...(byWindows ? { expected: byWindows } : {}) });
    } else if (isNoncharacter(cp)) out.push({ kind: "noncharacter", start: i, end: i + n, text });
    i += n;
  }
  return out;
}

/** The code points of `text`, as numbers. */
const cps = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0)!);

/** After an emoji-ish character at `i`: the element of a ZWJ sequence (base, modifier, selector). */
function elementEnd(line: string, i: number): number {
  let j = i + size(line.codePointAt(i)!);
  while (j < line.length) {
    const cp = line.codePointAt(j)!;
    if (cp === VS16 || cp === VS15 || isEmojiModifier(cp) || isTag(cp) || cp === KEYCAP) j += size(cp);
    else break;
  }
  return j;
}

/** Broken emoji sequences outside the `skip` ranges. */
export function emojiAnomalies(line: string, skip: readonly [number, number][] = []): Anomaly[] {
  const out: Anomaly[] = [];
  const first = line.search(MAY_BE_EMOJI);
  if (first === -1) return out;
  const mask = maskOf(line.length, skip);
  // From the unit before the first candidate: a keycap base there belongs to it.
  let i = Math.max(0, first - 1);
  let previousEnd = -1;
  let previous = "";
  while (i < line.length) {
    const unit = line.charCodeAt(i);
    // Fast path: ASCII other than a keycap base, and BMP text below the symbol blocks.
    if ((unit < 0x80 && !isKeycapBase(unit)) || (unit >= 0x80 && unit < 0x2000 && unit !== 0xa9 && unit !== 0xae)) {
      // On to the unit before the next candidate (a keycap base there belongs to it): every unit
      // in between takes this branch, or is a keycap base with no selector after it.
      const next = nextMatch(NEXT_EMOJI, line, i + 1);
      if (next === -1) break;
      i = Math.max(i + 1, next - 1);
      continue;
    }
    if (mask?.[i] === 1) {
      i++;
      continue;
    }
    const cp = line.codePointAt(i)!;
    const next = i + size(cp) < line.length ? line.codePointAt(i + size(cp))! : -1;
    if (isKeycapBase(cp)) {
      if (next === VS16 || next === KEYCAP) {
        const length = rgiLengthAt(line, i);
        if (length > 0) {
          previous = line.slice(i, i + length);
          i += length;
          previousEnd = i;
          continue;
        }
        if (next === KEYCAP) {
          const expected = String.fromCodePoint(cp, VS16, KEYCAP);
          out.push({
            kind: "keycap",
            start: i,
            end: i + 2,
            text: line.slice(i, i + 2),
            replacement: expected,
            expected,
          });
          i += 2;
        } else if (cp >= 0x30 && cp <= 0x39) {
          // `#` and `*` are Markdown syntax and sit next to emoji (`**️`, a slug's `#️`): digits only.
          out.push({
            kind: "keycap",
            start: i,
            end: i + 2,
            text: line.slice(i, i + 2),
            expected: String.fromCodePoint(cp, VS16, KEYCAP),
          });
          i += 2;
        } else {
          i += 2;
        }
        previousEnd = -1;
        continue;
      }
      i++;
      continue;
    }
    if (cp === VS16 || cp === VS15) {
      // A selector no emoji took: doubled after an emoji, or after something without an emoji form.
      const redundant = previousEnd === i && previous !== "";
      const base =
        i > 0
          ? line.codePointAt(
              i - 1 - (i >= 2 && line.charCodeAt(i - 1) >= 0xdc00 && line.charCodeAt(i - 1) <= 0xdfff ? 1 : 0),
            )!
          : -1;
      if (redundant && cp === VS16) {
        let j = i;
        while (j < line.length && line.charCodeAt(j) === VS16) j++;
        out.push({
          kind: "redundant-selector",
          start: i,
          end: j,
          text: line.slice(i, j),
          after: previous,
          replacement: "",
        });
        i = j;
        continue;
      }
      // After plain text (a letter, a space) a selector is invisible and harmless, and real pages
      // have such leftovers: only one left where an emoji sequence broke is reported.
      if (
        !redundant &&
        base >= 0 &&
        (base === 0xfffd || base === ZWJ || base === KEYCAP || isTag(base) || isRegionalIndicator(base))
      ) {
        const afterText = base >= 0 ? String.fromCodePoint(base) : "";
        // Every selector of the row: removing only the first would leave the next one dangling.
        let j = i + 1;
        while (j < line.length && (line.charCodeAt(j) === VS16 || line.charCodeAt(j) === VS15)) j++;
        out.push({
          kind: "dangling-selector",
          start: i,
          end: j,
          text: line.slice(i, j),
          after: afterText,
          replacement: "",
        });
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (cp === KEYCAP) {
      out.push({ kind: "keycap", start: i, end: i + 1, text: line.slice(i, i + 1) });
      i++;
      continue;
    }
    const rgiLength = rgiLengthAt(line, i);
    if (rgiLength > 0) {
      const rgi = line.slice(i, i + rgiLength);
      let end = i + rgiLength;
      // A U+FE0F after an emoji already in emoji style is harmless (`⚡️`), as real pages write it.
      if (line.charCodeAt(end) === VS16 && !rgi.endsWith("\uFE0F")) end++;
      const after = line.codePointAt(end);
      if (after === ZWJ && end + 1 < line.length && isExtendedPictographic(line.codePointAt(end + 1)!)) {
        // A ZWJ sequence that is not RGI as a whole: show it whole.
        let j = end;
        while (
          j < line.length &&
          line.codePointAt(j) === ZWJ &&
          j + 1 < line.length &&
          isExtendedPictographic(line.codePointAt(j + 1)!)
        ) {
          j = elementEnd(line, j + 1);
        }
        out.push({ kind: "zwj", start: i, end: j, text: line.slice(i, j) });
        i = j;
        previousEnd = -1;
        continue;
      }
      if (after === ZWJ) {
        // A ZWJ after a complete emoji that joins it to nothing (`👩‍ `).
        out.push({ kind: "zwj", start: end, end: end + 1, text: "\u200D", after: line.slice(i, end) });
        i = end + 1;
        previousEnd = -1;
        continue;
      }
      if (after !== undefined && isEmojiModifier(after) && !(cps(rgi).length === 1 && isEmojiModifier(cps(rgi)[0]!))) {
        const m = String.fromCodePoint(after);
        out.push({ kind: "modifier", start: end, end: end + m.length, text: m, after: line.slice(i, end) });
        i = end + m.length;
        previousEnd = -1;
        continue;
      }
      previous = line.slice(i, end);
      i = end;
      previousEnd = end;
      continue;
    }
    if (isRegionalIndicator(cp)) {
      const pair = next !== -1 && isRegionalIndicator(next);
      const n = pair ? 4 : 2;
      out.push({ kind: "flag", start: i, end: i + n, text: line.slice(i, i + n) });
      i += n;
      previousEnd = -1;
      continue;
    }
    if (isTag(cp)) {
      let j = i;
      while (j < line.length && isTag(line.codePointAt(j)!)) j += 2;
      out.push({ kind: "tag", start: i, end: j, text: line.slice(i, j) });
      i = j;
      previousEnd = -1;
      continue;
    }
    if (cp === ZWJ) {
      const before = i > 0 ? line.codePointAt(i - 1 - (i >= 2 && line.charCodeAt(i - 1) >= 0xdc00 ? 1 : 0))! : -1;
      const pictBefore = before >= 0 && (isExtendedPictographic(before) || before === VS16 || isEmojiModifier(before));
      if (pictBefore) {
        // After an emoji that is no RGI sequence itself: whatever follows, it joins into nothing RGI.
        out.push({
          kind: "zwj",
          start: i,
          end: i + 1,
          text: line.slice(i, i + 1),
          after: String.fromCodePoint(before),
        });
      }
      i++;
      previousEnd = -1;
      continue;
    }
    if (isEmojiModifier(cp)) {
      // A modifier RGI would have taken (they are RGI on their own); nothing to do.
      i += 2;
      continue;
    }
    i += size(cp);
    previousEnd = -1;
    previous = "";
  }
  return out;
}
