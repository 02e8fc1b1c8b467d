/** Source-text helpers shared by both model builders and the rules. */
import helpers from "markdownlint/helpers";
import type { FrontMatter, Point, Span } from "./types.js";
import { trimEndChars } from "../core/trim.js";

/** Splits text into lines the way both linters count them (CRLF, CR and LF end a line). */
export function splitLines(text: string): string[] {
  // Most files have no CR: a plain split then.
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}

/** `text` with every CRLF and CR as LF. */
export function lfLineEndings(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * Masks the content of HTML comments exactly as markdownlint does before it hands lines to
 * rules (same length, same line breaks), so that both linters see the same lines.
 */
export function maskHtmlComments(text: string): string {
  return text.includes("<!--") ? (helpers.clearHtmlCommentText(text) as string) : text;
}

const OPENERS: Record<string, { kind: FrontMatter["kind"]; close: RegExp }> = {
  "---": { kind: "yaml", close: /^---[ \t]*$/ },
  "+++": { kind: "toml", close: /^\+\+\+[ \t]*$/ },
  "{": { kind: "json", close: /^\}[ \t]*$/ },
};

/**
 * Reads the front matter block at the top of the document: YAML (`---`), TOML (`+++`) or JSON
 * (`{ … }`), as markdownlint recognizes them. A block whose opener has no closer is reported as
 * unclosed (`endLine: null`) only for YAML, the only kind the opener alone identifies.
 */
export function readFrontMatter(lines: readonly string[]): FrontMatter | null {
  const first = trimEndChars(lines[0] ?? "", " \t");
  const opener = OPENERS[first];
  if (!opener) return null;
  for (let i = 1; i < lines.length; i++) {
    if (opener.close.test(lines[i]!)) {
      return { kind: opener.kind, startLine: 1, endLine: i + 1, body: lines.slice(1, i), bodyStartLine: 2 };
    }
  }
  if (opener.kind !== "yaml") return null;
  return { kind: "yaml", startLine: 1, endLine: null, body: lines.slice(1), bodyStartLine: 2 };
}

/** The source text between two points (end exclusive). */
export function textBetween(lines: readonly string[], start: Point, end: Point): string {
  if (start.line === end.line) return (lines[start.line - 1] ?? "").slice(start.column - 1, end.column - 1);
  const out: string[] = [(lines[start.line - 1] ?? "").slice(start.column - 1)];
  for (let l = start.line + 1; l < end.line; l++) out.push(lines[l - 1] ?? "");
  out.push((lines[end.line - 1] ?? "").slice(0, end.column - 1));
  return out.join("\n");
}

export function spanOf(lines: readonly string[], start: Point, end: Point): Span {
  return { start, end, text: textBetween(lines, start, end) };
}

/** A span on one line from a column and a length. */
export function lineSpan(line: number, column: number, text: string): Span {
  return { start: { line, column }, end: { line, column: column + text.length }, text };
}

/** The text of `lines[line - 1]` from offset `from` to `to` (0-based, `to` exclusive), as a span. */
export function spanInLine(lines: readonly string[], line: number, from: number, to: number): Span {
  return lineSpan(line, from + 1, (lines[line - 1] ?? "").slice(from, to));
}

/** The part of a span from offset `from` to `to` of its text (as `String.slice`, offsets not negative). */
export function sliceSpan(span: Span, from: number, to?: number): Span {
  const start = Math.min(from, span.text.length);
  const text = span.text.slice(start, to);
  return { start: pointAt(span, start), end: pointAt(span, start + text.length), text };
}

/** The point at an offset into a span's text. */
function pointAt(span: Span, offset: number): Point {
  const before = span.text.slice(0, offset);
  const newline = before.lastIndexOf("\n");
  if (newline === -1) return { line: span.start.line, column: span.start.column + offset };
  return { line: span.start.line + before.split("\n").length - 1, column: offset - newline };
}
