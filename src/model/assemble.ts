/**
 * Turns what a builder read off the linter's tree into the wrap-up model: the H1, the event
 * details list, the project sections and their fields, and every link. Both builders end here.
 */
import type { ParsedBlock, ParsedDocument, ParsedHeading, ParsedLink } from "./tree-outline.js";
import { lineSpan, spanOf, textBetween } from "./source.js";
import type { EventDetails, EventItem, Field, Heading, Link, Point, Section, Span, WrapupModel } from "./types.js";
import { withoutTrailingColon } from "../core/trim.js";

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

  const { eventDetails, sections } = readStructure(doc, headingAt, outsideFrontMatter);
  return {
    lines,
    source: doc.source(),
    frontMatter: doc.frontMatter,
    h1,
    headings,
    eventDetails,
    sections,
    links,
    hiddenHeadings: hiddenHeadings(doc, outsideFrontMatter),
    path: null,
  };
}

interface Structure {
  eventDetails: EventDetails | null;
  sections: Section[];
}

/** The event details list and the project sections, from top-level blocks. */
function readStructure(
  doc: ParsedDocument,
  headingAt: ReadonlyMap<number, Heading>,
  outsideFrontMatter: (p: Point) => boolean,
): Structure {
  const { lines } = doc;
  const blocks = doc.blocks
    .filter((b) => outsideFrontMatter(b.start))
    .map((b) => ({ ...b, end: trimEnd(lines, b.start, b.end) }) as ParsedBlock);
  let h1: Heading | null = null;
  let eventDetails: EventDetails | null = null;
  const sections: Section[] = [];
  let section: Section | null = null;
  let field: Field | null = null;
  let sawH2 = false;
  let h1Index = -1;

  const closeField = (): void => {
    if (field) field.value = field.value.trim();
    field = null;
  };

  blocks.forEach((block, index) => {
    if (block.kind === "heading" && !block.quoted) {
      const heading = headingAt.get(block.heading.start.line) ?? toHeading(lines, block.heading);
      if (heading.depth === 1) {
        if (!h1) {
          h1 = heading;
          h1Index = index;
        }
        closeField();
        section = null;
        return;
      }
      if (heading.depth === 2) {
        closeField();
        sawH2 = true;
        section = { heading, endLine: heading.endLine, fields: [], subheadings: [], hasLooseContent: false };
        sections.push(section);
        return;
      }
      if (section && heading.depth === 3) {
        closeField();
        field = headingField(heading);
        section.fields.push(field);
        section.endLine = heading.endLine;
        return;
      }
    }
    if (!section) {
      if (block.kind === "list" && h1 && !sawH2 && !eventDetails && index > h1Index) {
        eventDetails = readEventDetails(lines, block);
      }
      return;
    }
    const current: Section = section;
    if (block.kind === "comment" || block.kind === "break") return;
    current.endLine = Math.max(current.endLine, block.end.line);
    if (block.kind === "paragraph") {
      // A label may also start a later line of a paragraph (`TODO: …` on the line above it,
      // with no blank line between): the field starts there.
      const parts = paragraphParts(lines, block.start, block.end, block.quoted);
      if (parts.length === 1) {
        const labelled = boldField(lines, block.start, block.end, block.quoted);
        if (labelled) {
          closeField();
          field = labelled;
          current.fields.push(labelled);
          return;
        }
      } else {
        for (const part of parts) {
          const labelled =
            part === parts[0]
              ? boldField(lines, part.start, part.end, block.quoted)
              : boldField(lines, part.start, part.end, false);
          if (labelled && (part === parts[0] || labelled.colon !== "none")) {
            closeField();
            field = labelled;
            current.fields.push(labelled);
          } else if (field) {
            const f: Field = field;
            f.value += "\n" + textBetween(lines, part.start, part.end);
            f.endLine = Math.max(f.endLine, part.end.line);
          } else {
            current.hasLooseContent = true;
          }
        }
        return;
      }
    }
    if (block.kind === "heading" && block.heading.depth > 3) {
      const heading = headingAt.get(block.heading.start.line);
      if (heading && !field) current.subheadings.push(heading);
    }
    if (field) {
      const f: Field = field;
      f.value += "\n" + textBetween(lines, block.start, block.end);
      f.endLine = Math.max(f.endLine, block.end.line);
    } else {
      current.hasLooseContent = true;
    }
  });
  closeField();

  return { eventDetails, sections };
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

/** A bold label with a colon at the start of a line (after up to three spaces). */
const LINE_LABEL = /^ {0,3}(\*\*|__)(?![\s*_])[^\n]*?[^\s\\](?::\1|\1\s*:)/;

/** A paragraph cut before each later line that starts with a bold label and its colon. */
function paragraphParts(
  lines: readonly string[],
  start: Point,
  end: Point,
  quoted: boolean,
): { start: Point; end: Point }[] {
  const parts: { start: Point; end: Point }[] = [];
  let from = start;
  if (!quoted) {
    for (let line = start.line + 1; line <= end.line; line++) {
      const text = lines[line - 1] ?? "";
      if (!LINE_LABEL.test(text)) continue;
      parts.push({ start: from, end: { line: line - 1, column: (lines[line - 2] ?? "").length + 1 } });
      from = { line, column: text.length - text.trimStart().length + 1 };
    }
  }
  parts.push({ start: from, end });
  return parts;
}

/** Moves an exclusive end point back over trailing line breaks, so both trees agree on it. */
function trimEnd(lines: readonly string[], start: Point, end: Point): Point {
  let { line, column } = end;
  while (line > start.line && column === 1) {
    line--;
    column = (lines[line - 1] ?? "").length + 1;
  }
  return { line, column };
}

function toHeading(lines: readonly string[], h: ParsedHeading): Heading {
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

/**
 * A bold label at the start of a paragraph: `**Label:** value`, `**Label**: value`, or a bold
 * line alone (`**Next Steps**`, no colon). Underscore emphasis (`__Label:__`) counts too.
 */
const BOLD_LABEL = /^(\*\*|__)(?![\s*_])([^\n]*?[^\s\\])\1/;

function boldField(lines: readonly string[], start: Point, end: Point, quoted: boolean): Field | null {
  const first = (lines[start.line - 1] ?? "").slice(start.column - 1);
  const match = BOLD_LABEL.exec(first);
  if (!match) return null;
  const marker = match[1]!;
  const inner = match[2]!;
  const after = first.slice(match[0].length);
  let colon: Field["colon"];
  let labelText = inner;
  let labelSource = match[0];
  if (/:\s*$/.test(inner)) {
    colon = "inside";
    labelText = withoutTrailingColon(inner);
  } else if (/^\s*:/.test(after)) {
    colon = "outside";
    labelSource = match[0] + after.slice(0, after.indexOf(":") + 1);
  } else if (after.trim() === "" && inner.length <= 60) {
    colon = "none";
  } else {
    return null;
  }
  const label = labelText.trim();
  if (label === "") return null;
  const labelSpan = lineSpan(start.line, start.column, labelSource);
  const innerColumn = start.column + marker.length + (labelText.length - labelText.trimStart().length);
  const labelTextSpan = lineSpan(start.line, innerColumn, label);
  const valueStart: Point = { line: start.line, column: start.column + labelSource.length };
  const value = textBetween(lines, valueStart, end);
  return {
    label,
    style: "bold",
    colon,
    labelSpan,
    labelTextSpan,
    line: start.line,
    endLine: end.line,
    value,
    quoted,
  };
}

function headingField(heading: Heading): Field {
  const raw = heading.content.text;
  const colon = /:\s*$/.test(raw) ? "inside" : "none";
  const labelText = withoutTrailingColon(raw);
  return {
    label: withoutTrailingColon(heading.plain).trim(),
    style: "heading",
    colon,
    labelSpan: heading.content,
    labelTextSpan: lineSpan(heading.content.start.line, heading.content.start.column, labelText),
    line: heading.line,
    endLine: heading.endLine,
    value: "",
    quoted: false,
  };
}

/** `🗓️ **Date:** 06.11.2023 – 10.11.2023`: marker, bold label (colon inside or out), value. */
const EVENT_ITEM = /^(.*?)(\*\*|__)(?![\s*_])([^\n]*?[^\s\\])\2(\s*:)?/;

function readEventDetails(lines: readonly string[], block: Extract<ParsedBlock, { kind: "list" }>): EventDetails {
  const items: EventItem[] = [];
  for (const item of block.items) {
    if (!item.paragraphStart) continue;
    const { line, column } = item.paragraphStart;
    const text = (lines[line - 1] ?? "").slice(column - 1);
    const match = EVENT_ITEM.exec(text);
    let marker = "";
    let label = "";
    let valueOffset = 0;
    if (match) {
      marker = match[1]!.trim();
      label = withoutTrailingColon(match[3]!).trim();
      valueOffset = match[0].length;
    }
    const rest = text.slice(valueOffset);
    const leading = rest.length - rest.trimStart().length;
    const value = rest.trim();
    items.push({
      marker,
      label,
      value,
      valueSpan: lineSpan(line, column + valueOffset + leading, value),
      line,
    });
  }
  return { line: block.start.line, endLine: block.end.line, items };
}
