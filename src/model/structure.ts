/**
 * The parts of a model read when a rule first asks for them, once per model: the project
 * sections with their fields, the event details list, and the lines with the text of HTML
 * comments as written. Most pages of a docs repository are no wrap-up, no structure rule reads
 * them, and only WU008 reads comments' text: the model's builders leave these parts to here.
 */
import { memo } from "../core/memo.js";
import { withoutTrailingColon } from "../core/trim.js";
import { toHeading, trimEnd } from "./assemble.js";
import { lineSpan, textBetween } from "./source.js";
import { outlineOf, type ParsedBlock, type ParsedDocument } from "./tree-outline.js";
import type { EventDetails, EventItem, Field, Heading, Point, Section, WrapupModel } from "./types.js";

/** One section per H2 of the document. */
export function sectionsOf(model: WrapupModel): readonly Section[] {
  return structureOf(model).sections;
}

/** The first list after the H1 and before the first H2, read as event details. */
export function eventDetailsOf(model: WrapupModel): EventDetails | null {
  return structureOf(model).eventDetails;
}

/**
 * The document's lines with the text of HTML comments as written (`model.lines` masks it as
 * markdownlint does; the same array when the document has no comment): for WU008, whose damage
 * is damage in a comment too.
 */
export const sourceOf = memo((model: WrapupModel): readonly string[] => outlineOf(model)?.source() ?? model.lines);

const NO_STRUCTURE: Structure = { eventDetails: null, sections: [] };

const structureOf = memo((model: WrapupModel): Structure => {
  const doc = outlineOf(model);
  return doc ? readStructure(doc, model) : NO_STRUCTURE;
});

interface Structure {
  eventDetails: EventDetails | null;
  sections: Section[];
}

/** The event details list and the project sections, from top-level blocks. */
function readStructure(doc: ParsedDocument, model: WrapupModel): Structure {
  const { lines } = doc;
  const headingAt = new Map(model.headings.map((h) => [h.line, h]));
  const frontMatterEnd = model.frontMatter?.endLine ?? 0;
  const outsideFrontMatter = (p: Point): boolean => p.line > frontMatterEnd;
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
