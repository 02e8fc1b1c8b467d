/**
 * Encoding damage in a document: mojibake spans (with what they were) and broken characters or
 * emoji sequences, per line. Pure functions over strings; no linter knowledge.
 */
import { characterAnomalies, emojiAnomalies, type Anomaly } from "./anomalies.js";
import { CODE_PAGES, type CodePage } from "./codepages.js";
import { findMojibake, type MojibakeSpan } from "./mojibake.js";

export { CODE_PAGE_IDS, CODE_PAGES, codePage, mojibake, type CodePage } from "./codepages.js";
export { findMojibake, mayHoldMojibake, type MojibakeSpan } from "./mojibake.js";
export { characterAnomalies, emojiAnomalies, type Anomaly, type AnomalyKind } from "./anomalies.js";

const NON_ASCII = /[^\x00-\x7F]/;
/** A non-ASCII unit or the start of an HTML comment. */
const NON_ASCII_OR_COMMENT = /[^\x00-\x7F]|<!--/;

export interface LineDamage {
  /** 0-based index into the lines given. */
  index: number;
  mojibake: MojibakeSpan[];
  anomalies: Anomaly[];
}

export interface AnalyzeOptions {
  /**
   * The same lines with the text of HTML comments as written, when `lines` has them masked: read
   * only when a line holds `<!--`.
   */
  source?: () => readonly string[];
  /** Code pages to consider, in default order of preference. */
  pages?: readonly CodePage[];
  /** Also report broken emoji sequences. */
  sequences?: boolean;
}

/**
 * Every damaged line of a document. Where two code pages explain a span equally well (`â€“` is
 * the same in Windows-1252 and Windows-1254), the one that explains most of the document wins.
 */
export function analyzeLines(lines: readonly string[], options: AnalyzeOptions = {}): LineDamage[] {
  const pages = options.pages ?? CODE_PAGES;
  const sequences = options.sequences ?? true;
  const found = new Map<number, MojibakeSpan[]>();
  const count = new Map<CodePage, number>();
  // Every kind of damage needs a non-ASCII code unit: most lines are skipped by one native scan,
  // which finds a comment's `<!--` on the way.
  let suspect: number[] = [];
  let comment = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!NON_ASCII_OR_COMMENT.test(line)) continue;
    if (NON_ASCII.test(line)) suspect.push(index);
    if (!comment && line.includes("<!--")) comment = true;
  }
  if (comment && options.source) {
    lines = options.source();
    suspect = [];
    for (let index = 0; index < lines.length; index++) if (NON_ASCII.test(lines[index]!)) suspect.push(index);
  }
  if (suspect.length === 0) return [];
  suspect.forEach((index) => {
    const line = lines[index]!;
    const spans = findMojibake(line, pages);
    if (spans.length === 0) return;
    found.set(index, spans);
    for (const span of spans) for (const page of new Set(span.pages)) count.set(page, (count.get(page) ?? 0) + 1);
  });
  if (found.size > 0) {
    const preferred = [...pages].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
    if (preferred.some((p, i) => p !== pages[i])) {
      for (const index of found.keys()) found.set(index, findMojibake(lines[index]!, preferred));
    }
  }
  const out: LineDamage[] = [];
  suspect.forEach((index) => {
    const line = lines[index]!;
    const mojibake = found.get(index) ?? [];
    const anomalies = mojibake.some(fixable)
      ? anomaliesAfterFixes(line, mojibake, sequences)
      : anomaliesOf(line, mojibake, sequences);
    if (mojibake.length > 0 || anomalies.length > 0) out.push({ index, mojibake, anomalies });
  });
  return out;
}

/** A span `--fix` writes: one candidate, no doubt. */
const fixable = (span: MojibakeSpan): boolean => span.candidates.length === 1 && span.doubt === null;

function anomaliesOf(line: string, mojibake: readonly MojibakeSpan[], sequences: boolean): Anomaly[] {
  const skip = mojibake.map((s): [number, number] => [s.start, s.end]);
  return [...characterAnomalies(line, skip), ...(sequences ? emojiAnomalies(line, skip) : [])].sort(
    (a, b) => a.start - b.start,
  );
}

/**
 * The anomalies of the line as it reads once every certain mojibake fix is written, in the
 * line's own offsets, so that one `--fix` reaches what a second would: a restored `⚖️️` is written
 * without its redundant U+FE0F (folded into the span's fix, `written`), and a U+FE0F that stood
 * after the damage and is redundant after the restored emoji is reported at once.
 */
function anomaliesAfterFixes(line: string, mojibake: MojibakeSpan[], sequences: boolean): Anomaly[] {
  // The fixed line, and where each fix stands in it.
  let fixed = "";
  let at = 0;
  const regions: { start: number; end: number; span: MojibakeSpan }[] = [];
  const skip: [number, number][] = [];
  for (const span of mojibake) {
    fixed += line.slice(at, span.start);
    const start = fixed.length;
    fixed += fixable(span) ? span.candidates[0]! : span.text;
    if (fixable(span)) regions.push({ start, end: fixed.length, span });
    else skip.push([start, fixed.length]);
    at = span.end;
  }
  fixed += line.slice(at);
  /** Offset in the line of an offset of the fixed line outside every fix (or at a fix's edge). */
  const toLine = (f: number): number => {
    let delta = 0;
    for (const r of regions) {
      if (r.start >= f) break;
      delta += r.span.end - r.span.start - (r.end - r.start);
    }
    return f + delta;
  };
  const found = [...characterAnomalies(fixed, skip), ...(sequences ? emojiAnomalies(fixed, skip) : [])].sort(
    (a, b) => a.start - b.start,
  );
  const out: Anomaly[] = [];
  const folded = new Map<(typeof regions)[number], Anomaly[]>();
  for (const anomaly of found) {
    const touched = regions.filter((r) => anomaly.start < r.end && r.start < anomaly.end);
    if (touched.length === 0) {
      const start = toLine(anomaly.start);
      out.push({ ...anomaly, start, end: start + (anomaly.end - anomaly.start) });
    } else if (anomaly.replacement !== undefined && touched.length === 1) {
      // Inside or across a fix: the fix writes the tidied text.
      folded.set(touched[0]!, [...(folded.get(touched[0]!) ?? []), anomaly]);
    }
    // One without a certain replacement (a ZWJ sequence that is not RGI) is reported once the
    // fix is written.
  }
  for (const [region, tidied] of folded) {
    const from = Math.min(region.start, ...tidied.map((a) => a.start));
    const to = Math.max(region.end, ...tidied.map((a) => a.end));
    let written = fixed.slice(from, to);
    for (const a of [...tidied].reverse())
      written = written.slice(0, a.start - from) + a.replacement! + written.slice(a.end - from);
    const span = region.span;
    // The span grows over what an anomaly covers outside it (a U+FE0F right after the damage).
    span.start -= region.start - from;
    span.end += to - region.end;
    span.text = line.slice(span.start, span.end);
    span.written = written;
    span.tidied = tidied;
  }
  return out;
}
