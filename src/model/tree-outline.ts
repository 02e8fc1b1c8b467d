/**
 * What a builder reads off the linter's own tree: block outlines, headings and links with their
 * places. `assemble()` turns it into the wrap-up model; everything about wrap-ups lives there, so
 * the two builders stay thin and cannot disagree about meaning.
 */
import type { FrontMatter, Point, WrapupModel } from "./types.js";

export interface ParsedHeading {
  depth: number;
  setext: boolean;
  start: Point;
  /** Exclusive end of the whole heading. */
  end: Point;
  /** Content (text between markers); null for an empty heading. */
  contentStart: Point | null;
  contentEnd: Point | null;
  plain: string;
}

export interface ParsedListItem {
  start: Point;
  end: Point;
  /** The first paragraph of the item, if it starts with one. */
  paragraphStart: Point | null;
  paragraphEnd: Point | null;
}

export type ParsedBlock =
  | { kind: "heading"; heading: ParsedHeading; start: Point; end: Point; quoted: boolean }
  | { kind: "paragraph"; start: Point; end: Point; quoted: boolean }
  | { kind: "list"; start: Point; end: Point; items: ParsedListItem[]; quoted: boolean }
  | { kind: "comment"; start: Point; end: Point; quoted: boolean }
  /** An HTML block other than a comment (`<div>` … up to a blank line). */
  | { kind: "html"; start: Point; end: Point; quoted: boolean }
  /** A separator: a thematic break, or an HTML block that is only `<hr>` or `<br>`. */
  | { kind: "break"; start: Point; end: Point; quoted: boolean }
  | { kind: "other"; start: Point; end: Point; quoted: boolean };

export interface ParsedLink {
  kind: "inline" | "reference" | "autolink" | "literal";
  start: Point;
  end: Point;
  /** Inline, autolink, literal: where the destination is written. */
  urlStart: Point | null;
  urlEnd: Point | null;
  /** Label text between `[` and `]` (inline, reference); autolinks and literals: null. */
  textStart: Point | null;
  textEnd: Point | null;
  /** Reference links: the normalized label of the definition they use. */
  referenceKey: string | null;
}

export interface ParsedDefinition {
  key: string;
  urlStart: Point;
  urlEnd: Point;
}

export interface ParsedDocument {
  lines: string[];
  /**
   * The lines with HTML comments as written (the same array as `lines` when there is none), read
   * when first asked for: only WU008 needs them, and only on a page with a comment.
   */
  source: () => string[];
  frontMatter: FrontMatter | null;
  /** Top-level blocks in order; the blocks of a top-level block quote stand in its place, `quoted`. */
  blocks: ParsedBlock[];
  /** Every heading, at any depth of nesting, in order. */
  headings: ParsedHeading[];
  links: ParsedLink[];
  definitions: ParsedDefinition[];
}

/**
 * What a link (`[`), an autolink (`<`), a definition (`[`) or a GFM literal autolink (`www.`,
 * `http://`, `https://`, an address with `@`, `mailto:` and `xmpp:` included) cannot be without.
 * Both builders skip the inside of text without it.
 */
export const MAY_LINK = /[[<@]|ww|:\/\//i;

/** An HTML block that only separates (`<hr />`, `<br>`): no content of a field. */
export const SEPARATOR_HTML = /^\s*(?:<(?:hr|br)\b[^<>]*>\s*)+$/i;

/** Normalizes a link label as CommonMark does to match references with definitions. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, " ")
    .trim()
    .toLowerCase()
    .toUpperCase();
}

/** The outline each model was assembled from, kept for the parts read on first use (src/model/structure.ts). */
const outlines = new WeakMap<WrapupModel, ParsedDocument>();

export function keepOutline(model: WrapupModel, doc: ParsedDocument): void {
  outlines.set(model, doc);
}

/** The outline behind a model; none for a model made by hand. */
export function outlineOf(model: WrapupModel): ParsedDocument | undefined {
  return outlines.get(model);
}
