/**
 * Turns what a builder read off the linter's tree into the wrap-up model: the H1, the headings
 * and every link. Both builders end here. The project sections, the event details and the
 * unmasked source are read from the same outline when first asked for (src/model/structure.ts).
 */
import { keepOutline, type ParsedDocument, type ParsedHeading, type ParsedLink } from "./tree-outline.js";
import { lineSpan, spanOf, textBetween } from "./source.js";
import type { Heading, Link, Point, Span, WrapupModel } from "./types.js";

export function assemble(doc: ParsedDocument): WrapupModel {
  const { lines } = doc;
  const frontMatterEnd = doc.frontMatter?.endLine ?? 0;
  const outsideFrontMatter = (p: Point): boolean => p.line > frontMatterEnd;

  const headings = doc.headings.filter((h) => outsideFrontMatter(h.start)).map((h) => toHeading(lines, h));
  const headingAt = new Map(headings.map((h) => [h.line, h]));

  const definitions = new Map<string, string>();
  for (const d of doc.definitions) {
    if (!definitions.has(d.key)) definitions.set(d.key, unwrapDestination(textBetween(lines, d.urlStart, d.urlEnd)));
  }
  const links: Link[] = [];
  for (const l of doc.links) {
    if (!outsideFrontMatter(l.start)) continue;
    const link = toLink(lines, l, definitions);
    if (link) links.push(link);
  }

  // The H1 is the first top-level (unquoted) H1 outside the front matter.
  let h1: Heading | null = null;
  for (const block of doc.blocks) {
    if (block.kind === "heading" && !block.quoted && block.heading.depth === 1 && outsideFrontMatter(block.start)) {
      h1 = headingAt.get(block.heading.start.line) ?? toHeading(lines, block.heading);
      break;
    }
  }

  const model: WrapupModel = {
    lines,
    frontMatter: doc.frontMatter,
    h1,
    headings,
    links,
    hiddenHeadings: hiddenHeadings(doc, outsideFrontMatter),
    path: null,
  };
  keepOutline(model, doc);
  return model;
}

/** An HTML block that holds raw text (`<pre>`, `<script>`, `<style>`, `<textarea>`): a `#` line there is text on purpose. */
const RAW_HTML = /^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i;
const ATX = /^( {0,3})#{1,6}(?:[ \t]+\S|[ \t]*$)/;

function hiddenHeadings(doc: ParsedDocument, outsideFrontMatter: (p: Point) => boolean): Span[] {
  const found: Span[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== "html" || !outsideFrontMatter(block.start)) continue;
    if (RAW_HTML.test(doc.lines[block.start.line - 1] ?? "")) continue;
    const end = trimEnd(doc.lines, block.start, block.end).line;
    for (let line = block.start.line + 1; line <= end; line++) {
      const text = doc.lines[line - 1] ?? "";
      const m = ATX.exec(text);
      if (m && text.trim().replace(/^#+/, "").trim() !== "")
        found.push(lineSpan(line, m[1]!.length + 1, text.trimEnd().slice(m[1]!.length)));
    }
  }
  return found;
}

/** Moves an exclusive end point back over trailing line breaks, so both trees agree on it. */
export function trimEnd(lines: readonly string[], start: Point, end: Point): Point {
  let { line, column } = end;
  while (line > start.line && column === 1) {
    line--;
    column = (lines[line - 1] ?? "").length + 1;
  }
  return { line, column };
}

export function toHeading(lines: readonly string[], h: ParsedHeading): Heading {
  const end = trimEnd(lines, h.start, h.end);
  const content =
    h.contentStart && h.contentEnd
      ? spanOf(lines, h.contentStart, h.contentEnd)
      : { start: h.start, end: h.start, text: "" };
  return { depth: h.depth, line: h.start.line, content, plain: h.plain, endLine: end.line, setext: h.setext };
}

function unwrapDestination(raw: string): string {
  return raw.startsWith("<") && raw.endsWith(">") ? raw.slice(1, -1) : raw;
}

function toLink(lines: readonly string[], l: ParsedLink, definitions: Map<string, string>): Link | null {
  const span = spanOf(lines, l.start, l.end);
  const urlSpan = l.urlStart && l.urlEnd ? spanOf(lines, l.urlStart, l.urlEnd) : null;
  let url: string;
  if (l.kind === "reference") {
    const resolved = l.referenceKey === null ? undefined : definitions.get(l.referenceKey);
    if (resolved === undefined) return null;
    url = resolved;
  } else {
    url = urlSpan ? unwrapDestination(urlSpan.text) : "";
  }
  const text = l.textStart && l.textEnd ? textBetween(lines, l.textStart, l.textEnd) : (urlSpan?.text ?? span.text);
  return { kind: l.kind, url, text, span, urlSpan };
}
