/**
 * Builds the wrap-up model from the mdast tree remark already parsed.
 */
import type { Nodes, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { VFile } from "vfile";
import { memo } from "../core/memo.js";
import { assemble } from "./assemble.js";
import {
  MAY_LINK,
  normalizeLabel,
  SEPARATOR_HTML,
  type ParsedBlock,
  type ParsedDefinition,
  type ParsedDocument,
  type ParsedHeading,
  type ParsedLink,
  type ParsedListItem,
} from "./tree-outline.js";
import { lfLineEndings, maskHtmlComments, readFrontMatter, splitLines } from "./source.js";
import { trimEndChars } from "../core/trim.js";
import type { Point, WrapupModel } from "./types.js";

/** The model of the document behind `tree`, built once and shared by every rule. */
export const modelFromMdast = memo((tree: Root, file: VFile): WrapupModel => {
  const model = assemble(parseMdast(tree, String(file.value ?? "")));
  model.path = file.path || null;
  return model;
});

type Positioned = {
  position?: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
};

const startOf = (n: Positioned): Point => ({ line: n.position!.start.line, column: n.position!.start.column });
const endOf = (n: Positioned): Point => ({ line: n.position!.end.line, column: n.position!.end.column });

export function parseMdast(tree: Root, source: string): ParsedDocument {
  // remark's offsets count from after a byte-order mark.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const raw = splitLines(text);
  const frontMatter = readFrontMatter(raw);
  // Mask HTML comments after the front matter exactly as markdownlint does for its rules.
  const bodyFrom = frontMatter?.endLine ?? 0;
  // Most pages have no comment: no join, mask and split of the whole text then.
  const hasComment = source.includes("<!--");
  const lines = hasComment
    ? [...raw.slice(0, bodyFrom), ...maskHtmlComments(raw.slice(bodyFrom).join("\n")).split("\n")]
    : raw;

  const blocks: ParsedBlock[] = [];
  const headings: ParsedHeading[] = [];
  const links: ParsedLink[] = [];
  const definitions: ParsedDefinition[] = [];
  /** Each heading is read once, by the walk, and found again by the block pass. */
  const headingOf = new Map<Nodes, ParsedHeading>();

  const heading = (node: Extract<Nodes, { type: "heading" }>): ParsedHeading => {
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    // An ATX heading is one line; a setext heading is its text and an underline (its text may
    // start with `#`, found by fuzzing).
    const setext = node.position!.end.line > node.position!.start.line;
    // remark-gfm's autolink transform can leave a heading's children without positions (a URL
    // micromark did not see as one, after `>`): read an ATX heading's content off its line.
    const fallback = first && (!first.position || !last?.position) && !setext ? atxContent(lines, startOf(node)) : null;
    return {
      depth: node.depth,
      setext,
      start: startOf(node),
      end: endOf(node),
      contentStart: fallback ? fallback.start : first?.position ? startOf(first) : null,
      contentEnd: fallback ? fallback.end : last?.position ? endOf(last) : null,
      // mdast keeps a multi-line heading's CRLF or CR in its text; micromark's line ending token
      // is read as "\n", as the model's source spans join lines.
      plain: lfLineEndings(toString(node)),
    };
  };

  const block = (node: RootContent, quoted: boolean): void => {
    if (!node.position) return;
    switch (node.type) {
      case "heading": {
        const h = headingOf.get(node) ?? heading(node);
        blocks.push({ kind: "heading", heading: h, start: h.start, end: h.end, quoted });
        return;
      }
      case "paragraph":
        blocks.push({ kind: "paragraph", start: startOf(node), end: endOf(node), quoted });
        return;
      case "list": {
        const items: ParsedListItem[] = node.children.map((item) => {
          const first = item.children[0];
          const onFirstLine = first?.type === "paragraph" && first.position?.start.line === item.position?.start.line;
          return {
            start: startOf(item),
            end: endOf(item),
            paragraphStart: onFirstLine ? startOf(first) : null,
            paragraphEnd: onFirstLine ? endOf(first) : null,
          };
        });
        blocks.push({ kind: "list", start: startOf(node), end: endOf(node), items, quoted });
        return;
      }
      case "blockquote":
        if (quoted) blocks.push({ kind: "other", start: startOf(node), end: endOf(node), quoted });
        else for (const child of node.children) block(child, true);
        return;
      case "html":
        blocks.push({
          kind: node.value.trimStart().startsWith("<!--")
            ? "comment"
            : SEPARATOR_HTML.test(node.value)
              ? "break"
              : "html",
          start: startOf(node),
          end: endOf(node),
          quoted,
        });
        return;
      case "thematicBreak":
        blocks.push({ kind: "break", start: startOf(node), end: endOf(node), quoted });
        return;
      case "definition":
      case "yaml":
      case "footnoteDefinition":
        return;
      default:
        if ((node.type as string) === "toml") return;
        blocks.push({ kind: "other", start: startOf(node), end: endOf(node), quoted });
    }
  };
  // Whether a node's source can hold a link: most paragraphs cannot, and their inline nodes
  // (most of a tree) are then not walked.
  const mayLink = (node: Nodes): boolean => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined || MAY_LINK.test(text.slice(start, end));
  };
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case "text":
      case "inlineCode":
      case "code":
      case "html":
      case "image":
      case "break":
      case "thematicBreak":
      case "yaml":
        return;
      case "paragraph":
      case "table":
        if (!mayLink(node)) return;
        break;
      case "heading":
        if (node.position) {
          const h = heading(node);
          headingOf.set(node, h);
          headings.push(h);
        }
        if (!mayLink(node)) return;
        break;
      case "link": {
        if (!node.position) break;
        const start = startOf(node);
        const end = endOf(node);
        const opener = (lines[start.line - 1] ?? "")[start.column - 1];
        if (opener === "[") {
          const { textStart, textEnd } = labelText(node, start);
          const destination = findDestination(lines, textEnd);
          links.push({
            kind: "inline",
            start,
            end,
            urlStart: destination?.start ?? null,
            urlEnd: destination?.end ?? null,
            textStart,
            textEnd,
            referenceKey: null,
          });
        } else if (opener === "<") {
          links.push({
            kind: "autolink",
            start,
            end,
            urlStart: { line: start.line, column: start.column + 1 },
            urlEnd: { line: end.line, column: end.column - 1 },
            textStart: null,
            textEnd: null,
            referenceKey: null,
          });
        } else {
          links.push({
            kind: "literal",
            start,
            end,
            urlStart: start,
            urlEnd: end,
            textStart: null,
            textEnd: null,
            referenceKey: null,
          });
        }
        return; // nothing we read nests inside a link
      }
      case "linkReference": {
        if (!node.position) break;
        const start = startOf(node);
        const { textStart, textEnd } = labelText(node, start);
        links.push({
          kind: "reference",
          start,
          end: endOf(node),
          urlStart: null,
          urlEnd: null,
          textStart,
          textEnd,
          referenceKey: normalizeLabel(node.label ?? node.identifier),
        });
        return;
      }
      case "definition": {
        if (!node.position) break;
        const destination = definitionDestination(lines, startOf(node), endOf(node));
        if (destination)
          definitions.push({
            key: normalizeLabel(node.label ?? node.identifier),
            urlStart: destination.start,
            urlEnd: destination.end,
          });
        break;
      }
      default:
        break;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  for (const node of tree.children) block(node, false);

  return { lines, source: () => raw, frontMatter, blocks, headings, links, definitions };
}

/** The content of an ATX heading on its line: after `#`s and blanks, before a closing sequence. */
function atxContent(lines: readonly string[], at: Point): { start: Point; end: Point } | null {
  const text = lines[at.line - 1] ?? "";
  let i = at.column - 1;
  while (text[i] === "#") i++;
  while (text[i] === " " || text[i] === "\t") i++;
  let end = trimEndChars(text, " \t").length;
  const withoutClosing = trimEndChars(text.slice(0, end), "#");
  if (withoutClosing.length < end && (withoutClosing.length <= i || /[ \t]$/.test(withoutClosing)))
    end = trimEndChars(withoutClosing, " \t").length;
  if (end <= i) return null;
  return { start: { line: at.line, column: i + 1 }, end: { line: at.line, column: end + 1 } };
}

function labelText(node: { children: Positioned[] }, start: Point): { textStart: Point; textEnd: Point } {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (first?.position && last?.position) return { textStart: startOf(first), textEnd: endOf(last) };
  const empty = { line: start.line, column: start.column + 1 };
  return { textStart: empty, textEnd: empty };
}

const [LT, GT, BACKSLASH, OPEN, CLOSE] = [0x3c, 0x3e, 0x5c, 0x28, 0x29];
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** Reads a CommonMark link destination starting at `from` (after optional whitespace). */
function readDestination(lines: readonly string[], from: Point): { start: Point; end: Point } | null {
  const { column } = from;
  let { line } = from;
  let text = lines[line - 1] ?? "";
  // Skip spaces and at most one line ending.
  let i = column - 1;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  if (i >= text.length && line < lines.length) {
    line++;
    text = lines[line - 1] ?? "";
    i = 0;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  }
  if (text.charCodeAt(i) === LT) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== GT) j += text.charCodeAt(j) === BACKSLASH ? 2 : 1;
    return { start: { line, column: i + 1 }, end: { line, column: Math.min(j, text.length - 1) + 2 } };
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) {
      j += 2;
      continue;
    }
    // A space, a tab or another control character ends it.
    if (c <= 0x20) break;
    if (c === OPEN) depth++;
    if (c === CLOSE) {
      if (depth === 0) break;
      depth--;
    }
    j++;
  }
  j = Math.min(j, text.length);
  if (j === i) return null;
  return { start: { line, column: i + 1 }, end: { line, column: j + 1 } };
}

/** The destination of `[text](destination …)`, given where the text ends (at the `]`). */
function findDestination(lines: readonly string[], textEnd: Point): { start: Point; end: Point } | null {
  const text = lines[textEnd.line - 1] ?? "";
  const close = textEnd.column - 1;
  if (text[close] !== "]" || text[close + 1] !== "(") return null;
  return readDestination(lines, { line: textEnd.line, column: close + 3 });
}

/** The destination of a `[label]: destination` definition. */
function definitionDestination(
  lines: readonly string[],
  start: Point,
  end: Point,
): { start: Point; end: Point } | null {
  for (let line = start.line; line <= end.line; line++) {
    const text = lines[line - 1] ?? "";
    const from = line === start.line ? start.column - 1 : 0;
    const colon = text.indexOf("]:", from);
    if (colon !== -1) return readDestination(lines, { line, column: colon + 3 });
  }
  return null;
}
