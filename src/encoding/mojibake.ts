/**
 * Mojibake: UTF-8 bytes read back through a single-byte code page, once or twice, possibly with
 * the bytes the code page does not define dropped. Pure functions over strings.
 *
 * How a span is found (precision first, after ftfy's badness heuristics):
 * 1. A cheap pre-filter: only a line holding a character some code page writes as a UTF-8 lead
 *    byte (0xC2–0xF4), directly followed by one it writes as a continuation byte (0x80–0xBF),
 *    is looked at any further. Clean text, German and typographic quotes included, stops here.
 * 2. Per code page, the line's characters are mapped back to bytes; a *segment* is a lead byte
 *    with its continuation bytes (possibly too few: the rest were dropped), a *run* is a row
 *    of adjacent segments.
 * 3. A run counts only when its decoding is plausible and its source implausible: an emoji or
 *    symbol from a 4-byte or 0xE2 sequence, `Ã`/`Â` + continuation in a Latin code page, Latin
 *    Extended-A inside a word, or at least two letters of one other script (Cyrillic, Greek, CJK
 *    …). A lone pair such as `NESTLÉ®` (→ U+026E) or `5×£35` (→ U+05E3) is never enough.
 * 4. A decoded run that is itself mojibake is decoded again (twice-applied damage).
 * 5. Dropped bytes are restored by trying every byte the code page cannot represent in every
 *    place one may be missing; a candidate is kept only if it is valid UTF-8 and every restored
 *    character lies inside an RGI emoji sequence. One candidate is a fix; several are reported.
 * 6. A single candidate is still doubted (reported, not fixed) when code pages disagree on the
 *    same text, when unexplained damage touches the span, when the decoding still holds an
 *    undecodable UTF-8 sequence, or when the line re-read with every fix applied shows new
 *    mojibake next to a fix: fixing twice must equal fixing once.
 * 7. Each stretch of non-ASCII text is read on its own with a work budget that grows with it, so
 *    hostile input ends quickly and work stays linear in the line's length.
 */
import { leadingEmoji } from "../wrapup/emoji.js";
import type { Anomaly } from "./anomalies.js";
import { byteOf, CODE_PAGES, type CodePage } from "./codepages.js";
import {
  isEmoji,
  isEmojiComponent,
  isExtendedPictographic,
  isFormat,
  isLetter,
  isTag,
  isWellFormed,
} from "./unicode.js";
import { decodeOne, isContinuation, sequenceLength } from "./utf8.js";

export interface MojibakeSpan {
  /** UTF-16 offsets into the line; `end` is exclusive. */
  start: number;
  end: number;
  /** The damaged text. */
  text: string;
  /** The code pages the text went through, the first wrong read first. */
  pages: CodePage[];
  /** Bytes were dropped somewhere along the way. */
  lossy: boolean;
  /**
   * What the text was, sorted: exactly one when that is certain, several when dropped bytes
   * leave a choice, none when it cannot be recovered.
   */
  candidates: string[];
  /**
   * Set when code pages disagree on the same text (`Ăś` is ö in ISO-8859-2, Ü in Windows-1250):
   * each reading with its candidates. `candidates` then holds them all.
   */
  readings?: { pages: CodePage[]; candidates: string[] }[];
  /**
   * Why even a single candidate is not certain: `surrounded` when the characters right around
   * the span are in its code page's upper half but belong to no span (the damage is wider than
   * what could be explained); `twice` when the decoding still holds a complete UTF-8 sequence of
   * some code page that could not be decoded further (perhaps a second layer lost bytes);
   * `readings` when another code page reads the same text too but cannot say what it was.
   */
  doubt: "surrounded" | "twice" | "readings" | "budget" | null;
  /**
   * What `--fix` writes, when it is not the candidate as it is: the restored text tidied of the
   * broken emoji sequences it holds (a doubled U+FE0F), which `tidied` lists.
   */
  written?: string;
  tidied?: Anomaly[];
}

const LEAD = 1;
const CONT = 2;
/** Per BMP code unit: could some code page write it as a lead byte (1), a continuation byte (2)? */
const ROLES = new Uint8Array(0x10000);
for (const page of CODE_PAGES) {
  for (const [unit, byte] of page.encode) {
    if (sequenceLength(byte) > 0) ROLES[unit]! |= LEAD;
    if (isContinuation(byte)) ROLES[unit]! |= CONT;
  }
}

/**
 * Work allowed per line, in combinations tried (all layers together): hostile input gets a
 * finding without candidates, never a hang.
 */
const ISLAND_BUDGET = 20_000;
/** And this much per character of the island: work stays linear in the line's length. */
const UNIT_BUDGET = 200;
let budget = ISLAND_BUDGET;
/** Takes `n` from the line's budget; false when it is spent. */
function spend(n: number): boolean {
  if (n > budget) {
    budget = 0;
    return false;
  }
  budget -= n;
  return true;
}

/** The pre-filter: a possible lead character right before a possible continuation character. */
export function mayHoldMojibake(line: string): boolean {
  for (let i = 0; i + 1 < line.length; i++) {
    const unit = line.charCodeAt(i);
    if (unit >= 0x80 && ROLES[unit]! & LEAD && ROLES[line.charCodeAt(i + 1)]! & CONT) return true;
  }
  return false;
}

interface Segment {
  start: number;
  end: number;
  bytes: number[];
  /** Bytes the sequence needs; more than `bytes.length` when some were dropped. */
  need: number;
}

function segments(line: string, page: CodePage): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < line.length) {
    const lead = byteOf(page, line.charCodeAt(i));
    const need = lead >= 0 ? sequenceLength(lead) : 0;
    if (need === 0) {
      i++;
      continue;
    }
    const bytes = [lead];
    let j = i + 1;
    while (j < line.length && bytes.length < need) {
      const b = byteOf(page, line.charCodeAt(j));
      if (!isContinuation(b)) break;
      bytes.push(b);
      j++;
    }
    const overfull = bytes.length === need && j < line.length && isContinuation(byteOf(page, line.charCodeAt(j)));
    if (bytes.length === 1 || overfull) {
      i++;
      continue;
    }
    out.push({ start: i, end: j, bytes, need });
    i = j;
  }
  return out;
}

type Grade = "strong" | "latin" | "pair" | "extended" | "word" | "weak" | `script:${string}`;

/** Punctuation that may follow a word ending in `Ã` (Portuguese `AMANHÃ…`): context decides. */
const TRAILING_PUNCTUATION = new Set(Array.from("‚„…‘’“”•–—‹›"));

function scriptOf(cp: number): string | null {
  if (cp >= 0x370 && cp <= 0x3ff) return "greek";
  if (cp >= 0x400 && cp <= 0x52f) return "cyrillic";
  if (cp >= 0x590 && cp <= 0x5ff) return "hebrew";
  if (cp >= 0x600 && cp <= 0x6ff) return "arabic";
  if ((cp >= 0x3040 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff)) return "cjk";
  return null;
}

/** How much a complete segment that decodes to `cp` says about mojibake. */
function grade(page: CodePage, bytes: readonly number[], cp: number): Grade {
  if (bytes.length === 4) return (cp >= 0x1f000 && cp <= 0x1faff) || isTag(cp) ? "strong" : "weak";
  if (bytes.length === 3) {
    // General punctuation, arrows, technical and other symbols, dingbats (most BMP emoji),
    // the variation selectors and the byte-order mark.
    if (
      (cp >= 0x2000 && cp <= 0x27ff) ||
      (cp >= 0x2900 && cp <= 0x2bff) ||
      cp === 0xfe0f ||
      cp === 0xfe0e ||
      cp === 0xfeff
    ) {
      return "strong";
    }
    const script = scriptOf(cp);
    return script ? `script:${script}` : "weak";
  }
  const lead = bytes[0]!;
  // `Ã`/`Â` before a continuation character: hardly ever meant (ftfy's strongest 2-byte clue).
  const leadChar = page.high[lead - 0x80];
  if (page.latin && (leadChar === "\u00C3" || leadChar === "\u00C2")) {
    return TRAILING_PUNCTUATION.has(page.high[bytes[1]! - 0x80] ?? "") ? "pair" : "latin";
  }
  // Other Latin leads (`Ä`, `Å`, `Ă`, `Ā`, `Ć`) are real letters of real words: context decides.
  if (page.latin && lead >= 0xc2 && lead <= 0xc5) return "extended";
  if (!page.latin && (page.id === "macintosh" || page.id === "cp437") && (lead === 0xc2 || lead === 0xc3))
    return "word";
  const script = scriptOf(cp);
  return script ? `script:${script}` : "weak";
}

/** A letter of the Latin script's first blocks (ASCII to Latin Extended-B). */
const latinLetter = (cp: number): boolean => cp >= 0x41 && cp <= 0x24f && isLetter(cp);

const letterAt = (line: string, index: number): boolean => {
  if (index < 0 || index >= line.length) return false;
  return isLetter(line.codePointAt(index)!);
};
const lowercaseAt = (line: string, index: number): boolean => {
  const unit = line.charCodeAt(index);
  return unit >= 0x61 && unit <= 0x7a;
};
const letterBefore = (line: string, index: number): boolean => {
  if (index <= 0) return false;
  const unit = line.charCodeAt(index - 1);
  const at = unit >= 0xdc00 && unit <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return isLetter(line.codePointAt(at)!);
};

/** Whether a run of complete segments is mojibake, judged on its grades and its neighbours. */
function plausibleRun(
  page: CodePage,
  line: string,
  run: readonly Segment[],
  grades: readonly Grade[],
  cps: readonly number[],
): boolean {
  if (grades.includes("strong")) return true;
  const start = run[0]!.start;
  const end = run[run.length - 1]!.end;
  if (grades.every((g) => g === "latin" || g === "pair" || g === "extended" || g === "word")) {
    return grades.every((g, k) => {
      if (g === "latin") return true;
      // `Ã–L` is `ÖL`, but `AMANHÃ…` is Portuguese: a letter must follow, or a sure pair stand by.
      if (g === "pair") return letterAt(line, end) || grades.includes("latin");
      // Inside a lowercase word (`Å¡koda`), or next to an unmistakable `Ã`/`Â` pair; never in
      // capitals or leetspeak (`MÄ£ÄM`, `SELKÄ EDELLÄ`, a name written `Āø`).
      if (g === "extended") return lowercaseAt(line, end) || grades.includes("latin");
      if (letterBefore(line, start) && letterAt(line, end)) return true;
      // At a word's edge, a pair of two letters that decodes to a Latin letter (`√ñsterreich`,
      // MacRoman for `Österreich`); never `√π` in a formula.
      const second = page.high[run[k]!.bytes[1]! - 0x80]?.codePointAt(0) ?? 0;
      return (
        run.length === 1 &&
        latinLetter(cps[k]!) &&
        latinLetter(second) &&
        (letterBefore(line, start) || lowercaseAt(line, end))
      );
    });
  }
  const first = grades[0]!;
  return run.length > 1 && first.startsWith("script:") && grades.every((g) => g === first);
}

/** Every character a lossy segment may have been: each undefined byte in each missing place. */
function restorations(page: CodePage, segment: Segment): number[] | null {
  const missing = segment.need - segment.bytes.length;
  if (missing > 2 || page.undefinedContinuations.length === 0) return [];
  // Null: the island's budget is spent, nothing is known. The same work is charged whether or
  // not the answer is remembered, so that a line is read the same way whatever came before it.
  if (!spend(page.undefinedContinuations.length ** missing * (segment.need - 1))) return null;
  let key = segment.need;
  for (const b of segment.bytes) key = key * 256 + b;
  let known = RESTORED.get(page);
  if (!known) RESTORED.set(page, (known = new Map()));
  let answer = known.get(key);
  if (!answer) known.set(key, (answer = restore(page, segment)));
  return answer;
}

/** What `restorations` found, per code page and segment (bytes and length): a few hundred at most. */
const RESTORED = new Map<CodePage, Map<number, number[]>>();

function restore(page: CodePage, segment: Segment): number[] {
  const missing = segment.need - segment.bytes.length;
  const found = new Set<number>();
  const conts = segment.bytes.slice(1);
  const slots = segment.need - 1;
  const fill = (placed: number[], from: number, left: number): void => {
    if (left === 0) {
      // `placed` holds the slots that get a restored byte; try every byte in each.
      const combos = placed.reduce<number[][]>(
        (acc) => acc.flatMap((c) => page.undefinedContinuations.map((b) => [...c, b])),
        [[]],
      );
      for (const restored of combos) {
        const bytes = [segment.bytes[0]!];
        let k = 0;
        let r = 0;
        for (let slot = 0; slot < slots; slot++) bytes.push(placed.includes(slot) ? restored[r++]! : conts[k++]!);
        const cp = decodeOne(bytes);
        if (cp >= 0 && isWellFormed(cp)) found.add(cp);
      }
      return;
    }
    for (let slot = from; slot < slots; slot++) fill([...placed, slot], slot + 1, left - 1);
  };
  fill([], 0, missing);
  return [...found].sort((a, b) => a - b);
}

/**
 * Every restored character sits inside an RGI emoji sequence, and no emoji part is left over.
 * With `contextual`, more is accepted: an emoji character written without the U+FE0F that would
 * make it RGI (`⌨`, as real pages write it), or one `contextual` accepts (of the same block as a
 * character the run decodes to without restoring: `┐` after `├─`). Only the strict reading says
 * whether restored bytes fit at all; the lenient one lists what else fits as well.
 */
function emojiConsistent(
  text: string,
  restored: readonly [number, number][],
  contextual: ((cp: number) => boolean) | null,
): boolean {
  const mask = new Uint8Array(text.length);
  for (const [s, e] of restored) mask.fill(1, s, e);
  let i = 0;
  while (i < text.length) {
    const emoji = leadingEmoji(text.slice(i, i + 40));
    if (emoji) {
      i += emoji.length;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    if (contextual && mask[i] === 1 && (contextual(cp) || (isEmoji(cp) && cp > 0xff && !isEmojiComponent(cp)))) {
      i += n;
      continue;
    }
    if (isEmojiComponent(cp) || mask[i] === 1) return false;
    i += n;
  }
  return true;
}

/** Unicode's blocks are aligned to 16 code points; these stand for the symbol blocks well enough. */
const blockOf = (cp: number): number => cp >> 7;

/** At most this many candidates are named in a message; more are "cannot be restored". */
const MAX_LISTED = 32;

/** Candidates tried when restored characters must form emoji, and when they may be anything. */
const MAX_EMOJI_COMBINATIONS = 20000;
const MAX_COMBINATIONS = 512;

/** Characters an RGI emoji sequence is made of. */
const emojiPart = (cp: number): boolean => isEmoji(cp) || isExtendedPictographic(cp) || isEmojiComponent(cp);

/**
 * A character that is not text on its own but may be a byte of a second layer of mojibake: a C1
 * control (an undefined byte kept by a browser) or MacRoman's Apple logo (its byte 0xF0).
 */
const deferred = (cp: number): boolean => (cp >= 0x80 && cp <= 0x9f) || cp === 0xf8ff;

interface Judged {
  start: number;
  end: number;
  page: CodePage;
  /** Decodings after this one layer. */
  decodings: string[];
  lossy: boolean;
  /** Restored bytes form emoji (or nothing was restored). */
  final: boolean;
  /** Reported even without a candidate: the source is unmistakably mojibake. */
  evident: boolean;
  /** Counts only if every decoding is itself wholly mojibake (a second layer). */
  needsDeeper: boolean;
  /** A part of a run whose decoding is itself undecodable mojibake: one layer of two at most. */
  layered?: boolean;
}

/** Every combination of one option per segment, restored characters' places noted. */
function combine(
  run: readonly Segment[],
  options: readonly number[][],
): { text: string; restored: [number, number][] }[] {
  let texts: { parts: string[]; length: number; restored: [number, number][] }[] = [
    { parts: [], length: 0, restored: [] },
  ];
  run.forEach((s, k) => {
    const isLossy = s.bytes.length < s.need;
    const choices = options[k]!;
    const grow = (t: (typeof texts)[number], cp: number, copy: boolean): (typeof texts)[number] => {
      const c = String.fromCodePoint(cp);
      const next = copy ? { parts: [...t.parts], length: t.length, restored: [...t.restored] } : t;
      if (isLossy) next.restored.push([next.length, next.length + c.length]);
      next.parts.push(c);
      next.length += c.length;
      return next;
    };
    // One choice: extend in place (no copies, linear in the run's length).
    texts =
      choices.length === 1
        ? texts.map((t) => grow(t, choices[0]!, false))
        : texts.flatMap((t) => choices.map((cp) => grow(t, cp, true)));
  });
  return texts.map((t) => ({ text: t.parts.join(""), restored: t.restored }));
}

/** How many combinations the options make, saturating (never Infinity or NaN). */
function product(options: readonly number[][]): number {
  if (options.some((o) => o.length === 0)) return 0;
  let n = 1;
  for (const o of options) {
    n *= o.length;
    if (n > Number.MAX_SAFE_INTEGER / 64) return Number.MAX_SAFE_INTEGER;
  }
  return n;
}

function judgeRun(line: string, page: CodePage, run: readonly Segment[]): Judged | null {
  const start = run[0]!.start;
  const end = run[run.length - 1]!.end;
  const lossy = run.some((s) => s.bytes.length < s.need);
  const base = { start, end, page, lossy };
  if (!lossy) {
    const cps = run.map((s) => decodeOne(s.bytes));
    const decodings = [String.fromCodePoint(...cps)];
    if (
      !cps.some(deferred) &&
      plausibleRun(
        page,
        line,
        run,
        run.map((s, k) => grade(page, s.bytes, cps[k]!)),
        cps,
      )
    ) {
      return { ...base, decodings, final: false, evident: true, needsDeeper: false };
    }
    // Implausible as one layer (`Å¸`, `СЂСџ`, a C1 control): perhaps the first of two.
    return run.length > 1 ? { ...base, decodings, final: false, evident: false, needsDeeper: true } : null;
  }
  const restored = run.map((s) => (s.bytes.length < s.need ? restorations(page, s) : [decodeOne(s.bytes)]));
  // A line so long and damaged that the budget ran out: report it, restore nothing.
  if (restored.includes(null)) return { ...base, decodings: [], final: true, evident: true, needsDeeper: false };
  const options = restored as number[][];
  const evident =
    run.some((s, k) => s.bytes.length === s.need && grade(page, s.bytes, options[k]![0]!) === "strong") ||
    run.some((s) => s.bytes.length < s.need && s.bytes[0] === 0xf0 && s.bytes[1] === 0x9f);
  // Restored characters must be emoji parts, or of a symbol block the run shows elsewhere (a box
  // drawing that lost a byte next to whole ones may be any box drawing): try only those first.
  const blocks = new Set<number>();
  run.forEach((s, k) => {
    if (s.bytes.length === s.need && options[k]![0]! >= 0x2000) blocks.add(blockOf(options[k]![0]!));
  });
  const contextual = (cp: number): boolean => cp >= 0x2000 && blocks.has(blockOf(cp));
  const emojiOptions = options.map((o, k) =>
    run[k]!.bytes.length < run[k]!.need ? o.filter((cp) => emojiPart(cp) || contextual(cp)) : o,
  );
  const emojiTotal = product(emojiOptions);
  if (
    emojiTotal > 0 &&
    emojiTotal * run.length <= MAX_EMOJI_COMBINATIONS * 4 &&
    emojiTotal <= MAX_EMOJI_COMBINATIONS &&
    spend(emojiTotal * run.length)
  ) {
    const texts = combine(run, emojiOptions);
    const emoji = texts.some((t) => emojiConsistent(t.text, t.restored, null))
      ? [...new Set(texts.filter((t) => emojiConsistent(t.text, t.restored, contextual)).map((t) => t.text))]
      : [];
    if (emoji.length > 0) return { ...base, decodings: emoji, final: true, evident: true, needsDeeper: false };
  }
  // A lone dropped byte in general punctuation (`â€` for a closing quote): list what fits.
  if (run.length === 1 && run[0]!.bytes[0] === 0xe2 && (run[0]!.bytes[1] === 0x80 || run[0]!.bytes[1] === 0x81)) {
    const punctuation = options[0]!.filter((cp) => !isFormat(cp)).map((cp) => String.fromCodePoint(cp));
    if (punctuation.length > 0)
      return { ...base, decodings: punctuation, final: true, evident: true, needsDeeper: false };
  }
  const total = product(options);
  if (
    total === 0 ||
    total > MAX_COMBINATIONS ||
    total * run.length > MAX_COMBINATIONS * 8 ||
    !spend(total * run.length)
  ) {
    return evident ? { ...base, decodings: [], final: true, evident, needsDeeper: false } : null;
  }
  // Perhaps the restored text is itself mojibake (damaged twice, bytes dropped on the first read).
  const texts = combine(run, options).map((t) => t.text);
  return { ...base, decodings: texts, final: false, evident, needsDeeper: !evident };
}

/** The script whose letters fill a non-Latin code page's upper half (Windows-1251, -1253). */
const PAGE_SCRIPT: Record<string, string> = { "windows-1251": "cyrillic", "windows-1253": "greek" };

/**
 * Whether the run stands inside a real word of its code page's script: `рџ` in `Арџил`, `в’є` in
 * `Фонв’єй` (Serbian, Ukrainian) are what Windows-1251 damage looks like, but the letters around
 * them are not mojibake (a letter a lead byte stands for, with no continuation after it, and not
 * one that lost its only continuation byte). As a translator reads it: a word, not damage.
 */
function insideWord(line: string, page: CodePage, start: number, end: number, lossy: boolean): boolean {
  const script = PAGE_SCRIPT[page.id];
  if (!script) {
    // In a Latin page only a lossy run needs this (`đš` in Slovenian `portugalđščina` through
    // ISO-8859-2 without its C1 bytes): letters only, with a letter right before and after it.
    if (!lossy || !page.latin || !letterBefore(line, start) || !letterAt(line, end)) return false;
    for (let i = start; i < end; i++) if (!isLetter(line.charCodeAt(i))) return false;
    return true;
  }
  const real = (at: number): boolean => {
    if (at < 0 || at >= line.length) return false;
    const cp = line.charCodeAt(at);
    if (!isLetter(cp) || scriptOf(cp) !== script) return false;
    const byte = byteOf(page, cp);
    // A 2-byte lead whose continuation was dropped may be damage too (`Р` for `И` in Windows-1251).
    return !(sequenceLength(byte) === 2 && page.undefinedContinuations.some((b) => isWellFormed(decodeOne([byte, b]))));
  };
  if (!real(start - 1) && !real(end)) return false;
  for (let i = start; i < end; i++) {
    const cp = line.charCodeAt(i);
    if (!(isLetter(cp) && scriptOf(cp) === script) && !APOSTROPHES.has(cp)) return false;
  }
  return true;
}

/** Apostrophes inside words (Ukrainian `в’є`, Belarusian `п'е`). */
const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);

/** Every run of `line` that may be mojibake in `page`, one layer deep, longest first. */
function runsIn(line: string, page: CodePage): Judged[] {
  const out: Judged[] = [];
  const judge = (run: Segment[], split = true, layered = false): void => {
    if (run.length === 0) return;
    const candidate = judgeRun(line, page, run);
    const judged =
      candidate && insideWord(line, page, candidate.start, candidate.end, candidate.lossy) ? null : candidate;
    if (judged) {
      if (layered) judged.layered = true;
      out.push(judged);
    }
    if (split && run.length > 1 && (!judged || judged.needsDeeper)) {
      // Rejected as a whole (or only as a second layer): its parts may still be mojibake of
      // their own, a Greek word next to a Cyrillic one, each closing quote of `â€â€`. Judging
      // them now finds in one pass what a second pass would find after the first fix. Parts of
      // a first layer whose decoding still looks like mojibake are never fixed on their own.
      const layeredParts =
        layered || (judged !== null && !judged.lossy && holdsSequence(judged.decodings[0]!, CODE_PAGES));
      const classOf = (s: Segment): string => {
        if (s.bytes.length < s.need) return `lossy:${s.start}`;
        const g = grade(page, s.bytes, decodeOne(s.bytes));
        return g === "extended" || g === "word" || g === "pair" ? "latin" : g;
      };
      let piece: Segment[] = [];
      let pieceClass = "";
      const pieces: Segment[][] = [];
      for (const s of run) {
        const c = classOf(s);
        if (piece.length > 0 && c !== pieceClass) {
          pieces.push(piece);
          piece = [];
        }
        piece.push(s);
        pieceClass = c;
      }
      pieces.push(piece);
      if (pieces.length > 1) for (const p of pieces) judge(p, false, layeredParts);
    }
    // Without its C1 controls the run may still hold first-layer mojibake.
    const isDeferred = (s: Segment): boolean => s.bytes.length === s.need && deferred(decodeOne(s.bytes));
    if (run.some(isDeferred)) {
      let piece: Segment[] = [];
      for (const s of run) {
        if (isDeferred(s)) {
          judge(piece, true, layered);
          piece = [];
        } else piece.push(s);
      }
      judge(piece, true, layered);
    }
  };
  let run: Segment[] = [];
  for (const segment of segments(line, page)) {
    const complete = segment.bytes.length === segment.need;
    const cp = complete ? decodeOne(segment.bytes) : 0;
    if (complete && (cp < 0 || !(isWellFormed(cp) || deferred(cp)))) {
      judge(run);
      run = [];
      continue;
    }
    if (run.length > 0 && run[run.length - 1]!.end !== segment.start) {
      judge(run);
      run = [];
    }
    run.push(segment);
  }
  judge(run);
  return out;
}

/**
 * The mojibake spans of one line, not overlapping. `pages` is the order of preference between
 * code pages that explain a span equally well (the document's most frequent one first).
 */
export function findMojibake(line: string, pages: readonly CodePage[] = CODE_PAGES): MojibakeSpan[] {
  if (!mayHoldMojibake(line)) return [];
  // A span is made of characters a code page writes as bytes 0x80–0xFF, and its context is one
  // character either side: each stretch of non-ASCII text (an island) is read on its own, with
  // the ASCII character around it, and a budget of its own. Work grows with the line, linearly.
  const islands: { start: number; end: number; spans: MojibakeSpan[]; spent: boolean }[] = [];
  for (let i = 0; i < line.length;) {
    if (line.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < line.length && line.charCodeAt(j) >= 0x80) j++;
    if (j - i >= 2) islands.push({ start: i, end: j, spans: [], spent: false });
    i = j;
  }
  for (const island of islands) {
    const from = Math.max(0, island.start - 1);
    const text = line.slice(from, Math.min(line.length, island.end + 1));
    if (!mayHoldMojibake(text)) continue;
    budget = ISLAND_BUDGET + UNIT_BUDGET * text.length;
    const chosen = find(text, pages, 0);
    guard(text, pages, chosen);
    island.spent = budget === 0;
    island.spans = chosen.map((span) => ({ ...span, start: span.start + from, end: span.end + from }));
  }
  const out: MojibakeSpan[] = [];
  for (const island of islands) {
    for (const span of island.spans) {
      // An island whose budget ran out is read only in part: nothing in it is certain, so that a
      // fix never leaves more to fix (a second pass would read it the same way).
      if (island.spent && span.doubt === null) span.doubt = "budget";
      out.push(span);
    }
  }
  return out;
}

/**
 * Fixing twice must equal fixing once: if the line with every certain fix applied shows
 * mojibake that touches a fix (a restored character combining with its neighbour, as `â€` + `±`
 * reads `‱`), those fixes are not certain after all.
 */
function guard(line: string, pages: readonly CodePage[], chosen: MojibakeSpan[]): void {
  for (let round = 0; round < 4; round++) {
    const fixable = chosen.filter((s) => s.candidates.length === 1 && s.doubt === null);
    if (fixable.length === 0) return;
    let fixed = "";
    let at = 0;
    const regions: [number, number, MojibakeSpan][] = [];
    for (const span of fixable) {
      fixed += line.slice(at, span.start);
      const start = fixed.length;
      fixed += span.candidates[0]!;
      regions.push([start, fixed.length, span]);
      at = span.end;
    }
    fixed += line.slice(at);
    // Where a character of the fixed line stood in the original (-1 inside a fix).
    const origin = new Int32Array(fixed.length + 1).fill(-1);
    {
      let f = 0;
      let o = 0;
      for (const [start, end, span] of regions) {
        for (; f < start; f++, o++) origin[f] = o;
        f = end;
        o = span.end;
      }
      for (; f <= fixed.length; f++, o++) origin[f] = o;
    }
    let changed = false;
    for (const again of mayHoldMojibake(fixed) ? find(fixed, pages, 0) : []) {
      const from = origin[again.start]!;
      const to = origin[again.end]!;
      const old =
        from >= 0 &&
        to >= 0 &&
        chosen.some((c) => c.start === from && c.end === to && same(c.candidates, again.candidates));
      if (old) continue;
      // New damage after fixing: every fix in the same stretch of non-ASCII text had a hand in it.
      let left = again.start;
      let right = again.end;
      while (left > 0 && fixed.charCodeAt(left - 1) >= 0x80) left--;
      while (right < fixed.length && fixed.charCodeAt(right) >= 0x80) right++;
      for (const [start, end, span] of regions) {
        if (start <= right && left <= end && span.doubt === null) {
          span.doubt = "surrounded";
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

function find(line: string, pages: readonly CodePage[], depth: number): MojibakeSpan[] {
  if (!mayHoldMojibake(line)) return [];
  const found: { judged: Judged; rank: number }[] = [];
  pages.forEach((page, rank) => {
    for (const judged of runsIn(line, page)) found.push({ judged, rank });
  });
  found.sort(
    (a, b) =>
      b.judged.end - b.judged.start - (a.judged.end - a.judged.start) ||
      a.rank - b.rank ||
      a.judged.start - b.judged.start,
  );
  const chosen: MojibakeSpan[] = [];
  const taken = new Uint8Array(line.length);
  const byExtent = new Map<string, Judged[]>();
  for (const { judged } of found) {
    const key = `${judged.start}:${judged.end}`;
    byExtent.set(key, [...(byExtent.get(key) ?? []), judged]);
  }
  for (const { judged } of found) {
    if (taken.subarray(judged.start, judged.end).some((t) => t === 1)) continue;
    const span = resolve(line, judged, pages, depth);
    if (!span) continue;
    if (judged.layered && span.doubt === null) span.doubt = "twice";
    taken.fill(1, span.start, span.end);
    // Other code pages reading the very same text differently make it ambiguous.
    const readings = [{ pages: span.pages, candidates: span.candidates }];
    for (const other of byExtent.get(`${judged.start}:${judged.end}`) ?? []) {
      if (other === judged) continue;
      const alternative = resolve(line, other, pages, depth);
      if (!alternative || readings.some((r) => same(r.candidates, alternative.candidates))) continue;
      readings.push({ pages: alternative.pages, candidates: alternative.candidates });
    }
    if (readings.length > 1) {
      span.readings = readings;
      span.candidates = sortCandidates(readings.flatMap((r) => r.candidates));
      // One reading restores a single text, another none it can name (too many fit): not certain.
      if (span.candidates.length === 1 && span.doubt === null) span.doubt = "readings";
    }
    chosen.push(span);
  }
  // Damage that reaches past the span into text no span explains: not certain. (Any non-ASCII
  // neighbour counts, whichever code page is named: the verdict must not depend on the order.)
  for (const span of chosen) {
    const high = (at: number): boolean => at >= 0 && at < line.length && taken[at] !== 1 && line.charCodeAt(at) >= 0x80;
    if (high(span.start - 1) || high(span.end)) span.doubt = "surrounded";
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Whether some code page reads a complete multi-byte UTF-8 sequence somewhere in `text`. */
function holdsSequence(text: string, pages: readonly CodePage[]): boolean {
  if (!mayHoldMojibake(text)) return false;
  return pages.some((page) => segments(text, page).some((s) => s.bytes.length === s.need));
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Decodes deeper where a decoding is itself wholly mojibake; drops what stays implausible. */
function resolve(line: string, judged: Judged, pages: readonly CodePage[], depth: number): MojibakeSpan | null {
  const text = line.slice(judged.start, judged.end);
  const base = { start: judged.start, end: judged.end, text, doubt: null };
  const deeper = (decoded: string): MojibakeSpan | null => {
    if (depth >= 2 || !spend(decoded.length)) return null;
    const inner = find(decoded, pages, depth + 1);
    if (inner.length === 0) return null;
    // Wholly mojibake: spans side by side from start to end (`Ã©` then `Ñ€Ñƒ…`, é then русский).
    let at = 0;
    for (const span of inner) {
      if (span.start !== at) return null;
      at = span.end;
    }
    if (at !== decoded.length) return null;
    if (inner.length === 1) return inner[0]!;
    let candidates = [""];
    for (const span of inner) {
      candidates = candidates.flatMap((c) => span.candidates.map((x) => c + x));
      if (candidates.length > 64) candidates = [];
    }
    return {
      start: 0,
      end: decoded.length,
      text: decoded,
      pages: inner[0]!.pages,
      lossy: inner.some((x) => x.lossy),
      candidates,
      doubt: inner.some((x) => x.doubt !== null) ? "twice" : null,
    };
  };
  if (judged.final) {
    return { ...base, pages: [judged.page], lossy: judged.lossy, candidates: sortCandidates(judged.decodings) };
  }
  const results = new Set<string>();
  let innerPages: CodePage[] | null = null;
  let innerLossy = false;
  let innerDoubt = false;
  let allDeeper = true;
  /** Decodings that are text as they are (no second layer). */
  const shallow: string[] = [];
  for (const decoded of judged.decodings) {
    const inner = deeper(decoded);
    if (inner) {
      for (const c of inner.candidates) results.add(c);
      innerPages ??= inner.pages;
      innerLossy ||= inner.lossy;
      innerDoubt ||= inner.doubt !== null;
    } else {
      allDeeper = false;
      shallow.push(decoded);
    }
  }
  // A first layer that is not plausible on its own counts only through a plausible second one:
  // all of it when nothing was restored, some restoration when bytes were.
  if (judged.needsDeeper && !(innerPages && results.size > 0 && (allDeeper || judged.lossy))) return null;
  if (!judged.lossy) {
    const decoded = judged.decodings[0]!;
    if (innerPages && allDeeper) {
      const doubt = innerDoubt ? ("twice" as const) : null;
      return {
        ...base,
        pages: [...innerPages, judged.page],
        lossy: innerLossy,
        candidates: sortCandidates([...results]),
        doubt,
      };
    }
    const doubt = holdsSequence(decoded, pages) ? ("twice" as const) : null;
    return { ...base, pages: [judged.page], lossy: false, candidates: [decoded], doubt };
  }
  if (innerPages && results.size > 0 && judged.evident && shallow.length > 0) {
    // Plausible as one layer too: what a restoration reads as it is fits as well as what it reads
    // as a second layer (`β€β€ΆΒ®`: `‚•®`, a MacRoman `⥨`, as much as `“•®`). All listed, or none
    // when they are too many to name.
    const all = new Set([...results, ...shallow]);
    return {
      ...base,
      pages: [judged.page],
      lossy: true,
      candidates: all.size <= MAX_LISTED ? sortCandidates([...all]) : [],
    };
  }
  if (innerPages && results.size > 0) {
    const doubt = innerDoubt ? ("twice" as const) : null;
    return {
      ...base,
      pages: [...innerPages, judged.page],
      lossy: true,
      candidates: sortCandidates([...results]),
      doubt,
    };
  }
  return judged.evident ? { ...base, pages: [judged.page], lossy: true, candidates: [] } : null;
}

function sortCandidates(texts: string[]): string[] {
  const key = (t: string): number[] => Array.from(t, (c) => c.codePointAt(0)!);
  return [...new Set(texts)].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return ka.length - kb.length;
  });
}
