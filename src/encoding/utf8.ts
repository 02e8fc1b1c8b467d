/** Strict UTF-8: one character from 2–4 bytes, shortest form, no surrogates, at most U+10FFFF. */

/** How many bytes a sequence starting with `lead` has; 0 when `lead` cannot start one. */
export function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

export const isContinuation = (byte: number): boolean => byte >= 0x80 && byte <= 0xbf;

/** The code point `bytes` encode as one UTF-8 sequence, or -1. */
export function decodeOne(bytes: readonly number[]): number {
  const n = bytes.length;
  const b0 = bytes[0] ?? 0;
  if (n < 2 || sequenceLength(b0) !== n) return -1;
  for (let i = 1; i < n; i++) if (!isContinuation(bytes[i]!)) return -1;
  const b1 = bytes[1]!;
  if (n === 2) return ((b0 & 0x1f) << 6) | (b1 & 0x3f);
  if (n === 3) {
    if (b0 === 0xe0 && b1 < 0xa0) return -1;
    if (b0 === 0xed && b1 > 0x9f) return -1;
    return ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (bytes[2]! & 0x3f);
  }
  if (b0 === 0xf0 && b1 < 0x90) return -1;
  if (b0 === 0xf4 && b1 > 0x8f) return -1;
  return ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((bytes[2]! & 0x3f) << 6) | (bytes[3]! & 0x3f);
}

/** `0xF0 0x9F 0x97 0x93` */
export function hexBytes(bytes: readonly number[]): string {
  return bytes.map((b) => "0x" + b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}
