/**
 * The neutral wrap-up model. It is built once per document from the tree the linter already
 * parsed (micromark tokens in markdownlint, mdast in remark) and knows nothing of either linter.
 *
 * Positions are absolute in the file as the linter sees it (after a byte-order mark):
 * `line` is 1-based, `column` is the 1-based index of a UTF-16 code unit in `lines[line - 1]`.
 */

export interface Point {
  line: number;
  column: number;
}

/** A run of source text with its exact place; `end` is exclusive. */
export interface Span {
  start: Point;
  end: Point;
  /** The source text of the span, exactly as it is in the file. */
  text: string;
}

export type FrontMatterKind = "yaml" | "toml" | "json";

export interface FrontMatter {
  kind: FrontMatterKind;
  /** Line of the opening delimiter (always 1). */
  startLine: number;
  /** Line of the closing delimiter; null when the block never closes. */
  endLine: number | null;
  /** Raw lines between the delimiters (excluding both). */
  body: string[];
  /** Line number of `body[0]`. */
  bodyStartLine: number;
}

export interface Heading {
  depth: number;
  /** Line of the heading (for setext headings, the first text line). */
  line: number;
  /** Source of the heading's content (no `#` markers, no closing sequence), exactly as in the file. */
  content: Span;
  /** The content with inline markup removed (`code`, links and emphasis reduced to their text). */
  plain: string;
  /** Last line of the heading. */
  endLine: number;
  setext: boolean;
}

export type LinkKind = "inline" | "reference" | "autolink" | "literal";

export interface Link {
  kind: LinkKind;
  /** The destination as written (reference links: the definition's destination). */
  url: string;
  /** The link text as written (for autolinks and literals, the URL text itself). */
  text: string;
  /** The whole link in the source. */
  span: Span;
  /** The destination in the source, where it is written inline (inline, autolink, literal). */
  urlSpan: Span | null;
}

export type LabelStyle = "bold" | "heading";
/** Where the colon of a bold label stands: `**Label:**` inside, `**Label**:` outside. */
export type ColonPlacement = "inside" | "outside" | "none";

export interface Field {
  /** The label as written, without markup and colon (`Next steps`). */
  label: string;
  style: LabelStyle;
  colon: ColonPlacement;
  /** The label's source: `**Next steps:**`, `**Code**:`, or the H3 heading's content. */
  labelSpan: Span;
  /** The label's inner text in the source (between the `**`, without the colon). */
  labelTextSpan: Span;
  /** First line of the field. */
  line: number;
  /** Last line of the field's value (inclusive). */
  endLine: number;
  /** The value as text, trimmed; empty when the field has no value. */
  value: string;
  /** Whether the label stands in a block quote (`> **Tracking:** …`). */
  quoted: boolean;
}

export interface Section {
  heading: Heading;
  /** Last line of the section (inclusive). */
  endLine: number;
  fields: Field[];
  /** H3 headings inside the section that are not fields. */
  subheadings: Heading[];
  /** Whether anything other than fields stands in the section (prose before the first field). */
  hasLooseContent: boolean;
}

export interface EventItem {
  /** Whatever stands before the label (usually an emoji), trimmed. */
  marker: string;
  /** The label without markup or colon (`Date`). */
  label: string;
  /** The value after the label, trimmed. */
  value: string;
  /** The value's source span. */
  valueSpan: Span;
  line: number;
}

export interface EventDetails {
  /** First and last line of the list. */
  line: number;
  endLine: number;
  items: EventItem[];
}

/**
 * What every rule may read of a document. The project sections, the event details and the
 * unmasked lines are read on first use: `sectionsOf`, `eventDetailsOf`, `sourceOf` in
 * src/model/structure.ts.
 */
export interface WrapupModel {
  /**
   * The document's lines, front matter included, line endings removed. The content of HTML
   * comments is masked as markdownlint masks it (`<!-- ... -->` keeps its length).
   */
  lines: readonly string[];
  frontMatter: FrontMatter | null;
  /** The first H1 of the document, if any. */
  h1: Heading | null;
  /** All headings in document order (top level and in containers). */
  headings: Heading[];
  /** Every link in the document, in source order. */
  links: Link[];
  /**
   * Lines inside an HTML block that read as ATX headings (`</div>` directly followed by
   * `## 🌱 Title`): the block goes on to the next blank line, so the page shows them as text.
   */
  hiddenHeadings: Span[];
  /**
   * The document's file path as the linter names it (markdownlint `params.name`, remark
   * `file.path`), null when the linter has none. Both builders fill it.
   */
  path?: string | null;
}
