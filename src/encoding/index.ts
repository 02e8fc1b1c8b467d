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

export interface LineDamage {
  /** 0-based index into the lines given. */
  index: number;
  mojibake: MojibakeSpan[];
  anomalies: Anomaly[];
}

export interface AnalyzeOptions {
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
  // Every kind of damage needs a non-ASCII code unit: most lines are skipped by one native scan.
  const suspect: number[] = [];
  for (let index = 0; index < lines.length; index++) if (NON_ASCII.test(lines[index]!)) suspect.push(index);
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
    const skip = mojibake.map((s): [number, number] => [s.start, s.end]);
    const anomalies = [...characterAnomalies(line, skip), ...(sequences ? emojiAnomalies(line, skip) : [])].sort(
      (a, b) => a.start - b.start,
    );
    if (mojibake.length > 0 || anomalies.length > 0) out.push({ index, mojibake, anomalies });
  });
  return out;
}
