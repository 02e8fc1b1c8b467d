/**
 * Builds the wrap-up model from the micromark tokens markdownlint already parsed.
 * markdownlint strips front matter before parsing, so token lines are shifted by its length.
 */
import type { MicromarkToken, RuleParams } from "markdownlint";
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import { memo } from "../core/memo.js";
import { assemble } from "./assemble.js";
import {
  MAY_LINK,
  normalizeLabel,
  SEPARATOR_HTML,
  type ParsedBlock,
  type ParsedDocument,
  type ParsedHeading,
  type ParsedLink,
  type ParsedListItem,
  type ParsedDefinition,
} from "./tree-outline.js";
import { readFrontMatter } from "./source.js";
import type { Point, WrapupModel } from "./types.js";

type Token = MicromarkToken;

/** The model of the document behind `params`, built once (per token tree) and shared by every rule. */
export function modelFromMarkdownlint(params: RuleParams): WrapupModel {
  return modelOfTokens(params.parsers.micromark?.tokens ?? [], params);
}

const modelOfTokens = memo((tokens: readonly Token[], params: RuleParams): WrapupModel => {
  const model = assemble(parseMicromark(params.frontMatterLines, params.lines, tokens));
  model.path = params.name || null;
  return model;
});

export function parseMicromark(
  frontMatterLines: readonly string[],
  contentLines: readonly string[],
  tokens: readonly Token[],
): ParsedDocument {
  const offset = frontMatterLines.length;
  // markdownlint hands rules raw front matter lines and content lines whose HTML comments are
  // masked; the remark builder masks the same way.
  const lines = [...frontMatterLines, ...contentLines];
  const start = (t: Token): Point => ({ line: t.startLine + offset, column: t.startColumn });
  const end = (t: Token): Point => ({ line: t.endLine + offset, column: t.endColumn });

  const blocks: ParsedBlock[] = [];
  const headings: ParsedHeading[] = [];
  const links: ParsedLink[] = [];
  const definitions: ParsedDefinition[] = [];
  /** Each heading is read once, by the walk, and found again by the block pass. */
  const headingOf = new Map<Token, ParsedHeading>();

  /** A setext heading's text token keeps the last line's trailing blanks; mdast's content does not. */
  const contentEnd = (text: Token, setext: boolean): Point => {
    const point = end(text);
    if (!setext) return point;
    const line = lines[point.line - 1] ?? "";
    const first = start(text);
    const floor = point.line === first.line ? first.column : 1;
    let column = point.column;
    while (column > floor && (line[column - 2] === " " || line[column - 2] === "\t")) column--;
    return { line: point.line, column };
  };

  const heading = (t: Token): ParsedHeading => {
    const text = t.children.find((c) => c.type === "atxHeadingText" || c.type === "setextHeadingText");
    let depth: number;
    if (t.type === "atxHeading") {
      depth = t.children.find((c) => c.type === "atxHeadingSequence")?.text.length ?? 1;
    } else {
      const line = t.children.find((c) => c.type === "setextHeadingLine");
      depth = line?.text.trim().startsWith("=") ? 1 : 2;
    }
    return {
      depth,
      setext: t.type === "setextHeading",
      start: start(t),
      end: end(t),
      contentStart: text ? start(text) : null,
      contentEnd: text ? contentEnd(text, t.type === "setextHeading") : null,
      // CommonMark (and mdast) read U+0000 as U+FFFD (found by fuzzing).
      plain: text ? plainText(text.children).replace(/\0/g, "\uFFFD") : "",
    };
  };

  const listItems = (list: Token): ParsedListItem[] => {
    const items: ParsedListItem[] = [];
    let current: ParsedListItem | null = null;
    for (const child of list.children) {
      if (child.type === "listItemPrefix") {
        current = { start: start(child), end: end(child), paragraphStart: null, paragraphEnd: null };
        items.push(current);
      } else if (
        current &&
        child.type !== "lineEnding" &&
        child.type !== "lineEndingBlank" &&
        child.type !== "linePrefix" &&
        child.type !== "listItemIndent" &&
        (child.type as string) !== "blankLine"
      ) {
        if (current.end.line === start(child).line && current.paragraphStart === null && child.type === "content") {
          const paragraph = child.children.find((c) => c.type === "paragraph");
          if (paragraph && paragraph === child.children[0]) {
            current.paragraphStart = start(paragraph);
            current.paragraphEnd = end(paragraph);
          }
        }
        current.end = end(child);
      }
    }
    return items;
  };

  const block = (t: Token, quoted: boolean): void => {
    switch (t.type as string) {
      case "atxHeading":
      case "setextHeading": {
        const h = headingOf.get(t) ?? heading(t);
        blocks.push({ kind: "heading", heading: h, start: h.start, end: h.end, quoted });
        return;
      }
      case "content":
        for (const c of t.children) {
          if (c.type === "paragraph") blocks.push({ kind: "paragraph", start: start(c), end: end(c), quoted });
        }
        return;
      case "listOrdered":
      case "listUnordered":
        blocks.push({ kind: "list", start: start(t), end: end(t), items: listItems(t), quoted });
        return;
      case "blockQuote":
        if (quoted) {
          blocks.push({ kind: "other", start: start(t), end: end(t), quoted });
        } else {
          for (const c of t.children) block(c, true);
        }
        return;
      case "htmlFlow":
        blocks.push({
          kind: t.text.trimStart().startsWith("<!--") ? "comment" : SEPARATOR_HTML.test(t.text) ? "break" : "html",
          start: start(t),
          end: end(t),
          quoted,
        });
        return;
      case "thematicBreak":
        blocks.push({ kind: "break", start: start(t), end: end(t), quoted });
        return;
      case "codeFenced":
      case "codeIndented":
      case "table":
      case "mathFlow":
      case "directiveContainer":
      case "directiveLeaf":
        blocks.push({ kind: "other", start: start(t), end: end(t), quoted });
        return;
      default:
        // Line endings, blank lines, prefixes, definitions: no content of their own.
        return;
    }
  };
  const walk = (list: readonly Token[]): void => {
    for (const t of list) {
      switch (t.type as string) {
        case "atxHeading":
        case "setextHeading": {
          const h = heading(t);
          headingOf.set(t, h);
          headings.push(h);
          // Nothing but a link to find inside a heading.
          if (!MAY_LINK.test(t.text)) continue;
          break;
        }
        case "content":
        case "table":
          // A paragraph (and the definitions before it) or a table holds no heading, and a link,
          // an autolink, a literal autolink or a definition needs one of these characters: most
          // paragraphs and tables need no walk through their tokens.
          if (!MAY_LINK.test(t.text)) continue;
          break;
        case "link": {
          const label = t.children.find((c) => c.type === "label");
          const labelText = label?.children.find((c) => c.type === "labelText");
          const resource = t.children.find((c) => c.type === "resource");
          const reference = t.children.find((c) => c.type === "reference");
          const destination = resource ? find(resource, "resourceDestinationString") : undefined;
          let referenceKey: string | null = null;
          if (!resource) {
            const refString = reference ? find(reference, "referenceString") : undefined;
            referenceKey = normalizeLabel(refString ? refString.text : (labelText?.text ?? ""));
          }
          links.push({
            kind: resource ? "inline" : "reference",
            start: start(t),
            end: end(t),
            urlStart: destination ? start(destination) : resource ? null : null,
            urlEnd: destination ? end(destination) : null,
            textStart: labelText
              ? start(labelText)
              : label
                ? { line: start(label).line, column: start(label).column + 1 }
                : null,
            textEnd: labelText
              ? end(labelText)
              : label
                ? { line: start(label).line, column: start(label).column + 1 }
                : null,
            referenceKey,
          });
          if (resource && !destination) links[links.length - 1]!.urlStart = null;
          break;
        }
        case "autolink": {
          const target = t.children.find((c) => c.type === "autolinkProtocol" || c.type === "autolinkEmail");
          links.push({
            kind: "autolink",
            start: start(t),
            end: end(t),
            urlStart: target ? start(target) : null,
            urlEnd: target ? end(target) : null,
            textStart: null,
            textEnd: null,
            referenceKey: null,
          });
          break;
        }
        case "literalAutolink":
          links.push({
            kind: "literal",
            start: start(t),
            end: end(t),
            urlStart: start(t),
            urlEnd: end(t),
            textStart: null,
            textEnd: null,
            referenceKey: null,
          });
          break;
        case "definition": {
          const labelString = find(t, "definitionLabelString");
          const destination = find(t, "definitionDestinationString");
          if (labelString && destination) {
            definitions.push({
              key: normalizeLabel(labelString.text),
              urlStart: start(destination),
              urlEnd: end(destination),
            });
          }
          break;
        }
        default:
          break;
      }
      if (t.children.length > 0 && !LEAVES.has(t.type as string)) walk(t.children);
    }
  };
  walk(tokens);
  for (const t of tokens) block(t, false);

  const source = () => unmasked(frontMatterLines, contentLines, tokens, lines);
  return { lines, source, frontMatter: readFrontMatter(lines), blocks, headings, links, definitions };
}

/**
 * The lines with the text of HTML comments as written. markdownlint masks comments in the lines
 * it hands rules but parses the content as written, and its top-level tokens cover the content
 * end to end: their text, joined, is the content (but for the artificial tokens markdownlint adds
 * for undefined references). Only a page with a comment pays for the join.
 */
function unmasked(
  frontMatterLines: readonly string[],
  contentLines: readonly string[],
  tokens: readonly Token[],
  lines: string[],
): string[] {
  if (!contentLines.some((line) => line.includes("<!--"))) return lines;
  let content = "";
  // markdownlint appends artificial tokens for undefined references (`[!NOTE]`) after the rest.
  for (const t of tokens) if (!(t.type as string).startsWith("undefinedReference")) content += t.text;
  const source = [...frontMatterLines, ...content.split("\n")];
  // Masking keeps every line's length; anything else means the tokens are not what was assumed.
  if (source.length !== lines.length || source.some((line, i) => line.length !== lines[i]!.length)) return lines;
  return source;
}

/**
 * Tokens whose inside holds nothing the model reads: links do not nest; markdownlint re-parses
 * the inside of HTML blocks as Markdown, which CommonMark (and remark) does not; code and math
 * hold no headings, links or definitions.
 */
const LEAVES = new Set([
  "link",
  "literalAutolink",
  "autolink",
  "htmlFlow",
  "codeFenced",
  "codeIndented",
  "codeText",
  "mathFlow",
  "mathText",
  "htmlText",
  // Markers and their blanks (a list item's `-` or `1.`, a quote's `>`), a table's delimiter
  // row, a definition once read: nothing inside to find.
  "listItemPrefix",
  "blockQuotePrefix",
  "tableDelimiterRow",
  "definition",
]);

function find(t: Token, type: string): Token | undefined {
  for (const c of t.children) {
    if (c.type === type) return c;
    const d = find(c, type);
    if (d) return d;
  }
  return undefined;
}

/** Text content without markup, as mdast-util-to-string gives it for the same source. */
function plainText(children: readonly Token[]): string {
  let out = "";
  for (const t of children) {
    switch (t.type as string) {
      case "data":
      case "codeTextData":
        out += t.text;
        break;
      case "codeTextPadding":
        break;
      case "lineEnding":
        out += "\n";
        break;
      case "characterEscapeValue":
        out += t.text;
        break;
      // A GFM literal autolink (`https://…` in text) and an autolink's destination (`<https://…>`)
      // are their own text, as mdast's link children are (found by fuzzing).
      case "literalAutolink":
      case "autolinkProtocol":
      case "autolinkEmail":
        out += t.text;
        break;
      case "characterReference": {
        const value = t.children.find((c) => c.type.startsWith("characterReferenceValue"));
        const marker = t.children
          .filter((c) => c.type.startsWith("characterReferenceMarker"))
          .map((c) => c.text)
          .join("");
        if (!value) break;
        if (marker.startsWith("&#")) {
          const code = marker.toLowerCase().includes("x") ? parseInt(value.text, 16) : parseInt(value.text, 10);
          out += Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
        } else {
          const decoded = decodeNamedCharacterReference(value.text);
          out += decoded === false ? t.text : decoded;
        }
        break;
      }
      case "resource":
      case "reference":
      case "htmlText":
        break;
      default:
        out += plainText(t.children);
    }
  }
  return out;
}
