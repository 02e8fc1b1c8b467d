/**
 * The YAML front matter of a document, parsed once per model with the `yaml` package (which
 * keeps every node's offsets) and cached, so any rule can read keys, values and their places.
 * Positions are absolute (front matter counted), like everything else in the model.
 */
import type { Document, Node, Pair, Scalar } from "yaml";
import { memo } from "../core/memo.js";
import { lazy } from "../core/lazy.js";
import type { Point, Span, WrapupModel } from "../model/types.js";
import { clip, code, firstLine } from "../core/message.js";
import { spanInLine } from "../model/source.js";

/** yaml, loaded with the first front matter that is parsed; its node tests, for the rules too. */
const yaml = lazy<typeof import("yaml")>("yaml");
export const isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof import("yaml").isAlias;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof import("yaml").isMap;
export const isPair = ((node: unknown) => yaml().isPair(node)) as typeof import("yaml").isPair;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof import("yaml").isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof import("yaml").isSeq;

export interface YamlSyntaxError {
  /** The library's error code (`MISSING_CHAR`, `BAD_INDENT`, `TAB_AS_INDENT`, …) or `DUPLICATE_KEY`. */
  code: string;
  /** Offset into `text` where the problem is. */
  offset: number;
  line: number;
  column: number;
  /** The library's own explanation, one line. */
  message: string;
  /** For an unclosed quote: the quoted scalar that never closes. */
  scalar?: Scalar;
  /** For an unclosed flow collection (`[a, b`, `{a: 1`): the bracket that never closes. */
  unclosed?: "]" | "}";
  /** For a duplicate key: the key's text and where it first stands. */
  key?: string;
  first?: Point;
}

export interface YamlFrontMatter {
  /** The body of the block, lines joined with `\n`. */
  text: string;
  document: Document.Parsed;
  /** Syntax errors in source order (duplicate keys included). */
  errors: YamlSyntaxError[];
  /** The plain value; undefined when there are syntax errors or it cannot be built. */
  value: unknown;
  /** Why the plain value could not be built (unresolved alias, alias bomb, too deep). */
  valueProblem: { message: string; offset: number } | null;
  /** The absolute point of an offset into `text`. */
  point(offset: number): Point;
  /** The text between two offsets into `text`, as a span (absolute). */
  span(from: number, to: number): Span;
}

export interface Located {
  /** The pair whose key is the path's last segment (absent for list items and the root). */
  pair: Pair | null;
  /** The key node, when there is a pair with a key that has a place. */
  key: Node | null;
  /** The value node, when it has a place. */
  node: Node | null;
}

/** The parsed YAML front matter, or null when the model has none, it is not YAML, or never closes. */
export const yamlFrontMatter = memo((model: WrapupModel): YamlFrontMatter | null => {
  const fm = model.frontMatter;
  if (!fm || fm.kind !== "yaml" || fm.endLine === null) return null;
  // By the start line and the text, built here (so that neither the key nor what is parsed from it is a cut of the page).
  const key = `${fm.bodyStartLine}\n${fm.body.join("\n")}`;
  let parsed = recent.get(key);
  if (!parsed) {
    parsed = parse(key.slice(key.indexOf("\n") + 1), fm.bodyStartLine);
    if (recent.size >= 16) recent.clear();
    recent.set(key, parsed);
  }
  return parsed;
});

/**
 * The one process-wide cache: the last front matter blocks parsed, by their text. An editor lints
 * the whole page after every keystroke, almost always below the front matter; the editor latency
 * of `npm run bench` shows the parse without it (bench/README.md).
 */
const recent = new Map<string, YamlFrontMatter>();

function parse(text: string, bodyStartLine: number): YamlFrontMatter {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the library's own check is quadratic.
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    keepSourceTokens: false,
  });
  const point = (offset: number): Point => {
    const pos = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: bodyStartLine + pos.line - 1, column: pos.col };
  };
  const errors: YamlSyntaxError[] = document.errors.map((e) => {
    const offset = e.pos[0];
    const error: YamlSyntaxError = {
      code: e.code,
      offset,
      ...point(offset),
      message: e.message.split("\n")[0]!.trim(),
    };
    if (e.code === "MISSING_CHAR" && /quote/i.test(e.message)) {
      // The library notices a missing closing quote where the text ends; the problem is the
      // opening quote.
      const scalar = openQuote(document, offset);
      if (scalar?.range) {
        error.scalar = scalar;
        error.offset = scalar.range[0];
        Object.assign(error, point(scalar.range[0]));
      }
    }
    if (e.code === "BAD_INDENT" && /^Flow (sequence|map)/.test(e.message)) {
      // Likewise an unclosed `[` or `{`: the library notices it at the next line.
      const open = openFlow(document, offset);
      if (open?.range) {
        error.unclosed = isSeq(open) ? "]" : "}";
        error.offset = open.range[0];
        Object.assign(error, point(open.range[0]));
      }
    }
    return error;
  });
  for (const dup of duplicateKeys(document)) {
    errors.push({
      code: "DUPLICATE_KEY",
      offset: dup.offset,
      ...point(dup.offset),
      message: "Map keys must be unique",
      key: dup.key,
      first: point(dup.first),
    });
  }
  errors.sort((a, b) => a.offset - b.offset);

  let value: unknown;
  let valueProblem: YamlFrontMatter["valueProblem"] = null;
  if (errors.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      const alias = firstAlias(document);
      valueProblem = { message: (error as Error).message.split("\n")[0]!, offset: alias ?? 0 };
    }
  }
  const span = (from: number, to: number): Span => ({
    start: point(from),
    end: point(to),
    text: text.slice(Math.max(0, from), Math.max(0, to)),
  });
  return { text, document, errors, value, valueProblem, point, span };
}

/** Every collection node, without recursion (front matter can be arbitrarily deep). */
function* collections(document: Document.Parsed): Generator<Node> {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      yield node;
      for (const pair of node.items) stack.push(pair.value, pair.key);
    } else if (isSeq(node)) {
      yield node;
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
}

function* scalars(document: Document.Parsed): Generator<Scalar> {
  if (isScalar(document.contents)) yield document.contents;
  for (const node of collections(document)) {
    const items: unknown[] = isMap(node) ? node.items.flatMap((p) => [p.key, p.value]) : isSeq(node) ? node.items : [];
    for (const item of items) if (isScalar(item)) yield item;
  }
}

function openQuote(document: Document.Parsed, offset: number): Scalar | null {
  let best: Scalar | null = null;
  for (const scalar of scalars(document)) {
    if (scalar.type !== "QUOTE_DOUBLE" && scalar.type !== "QUOTE_SINGLE") continue;
    const range = scalar.range;
    if (!range || range[0] >= offset || offset > range[2] + 1) continue;
    if (!best || range[0] > best.range![0]) best = scalar;
  }
  return best;
}

function openFlow(document: Document.Parsed, offset: number): Node | null {
  let best: Node | null = null;
  for (const node of collections(document)) {
    if (!(node as { flow?: boolean }).flow) continue;
    const range = node.range;
    if (!range || range[0] >= offset || offset > range[2] + 1) continue;
    if (!best || range[0] > best.range![0]) best = node;
  }
  return best;
}

function duplicateKeys(document: Document.Parsed): { key: string; offset: number; first: number }[] {
  const found: { key: string; offset: number; first: number }[] = [];
  for (const node of collections(document)) {
    if (!isMap(node)) continue;
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const id = String(key.value);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, key.range[0]);
      else found.push({ key: id, offset: key.range[0], first });
    }
  }
  return found;
}

function firstAlias(document: Document.Parsed): number | null {
  let first: number | null = null;
  for (const node of collections(document)) {
    const items: unknown[] = isMap(node) ? node.items.flatMap((p) => [p.key, p.value]) : isSeq(node) ? node.items : [];
    for (const item of items) {
      const range = isAlias(item) ? item.range : null;
      if (range && (first === null || range[0] < first)) first = range[0];
    }
  }
  return first;
}

/** The nodes at a path of keys and list indexes (as in ajv's `instancePath`). */
export function locate(document: Document.Parsed, path: readonly (string | number)[]): Located {
  let node: unknown = document.contents;
  let pair: Pair | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const found: Pair | undefined = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!found) return { pair: null, key: null, node: null };
      pair = found;
      node = found.value;
    } else if (isSeq(node)) {
      const index = typeof segment === "number" ? segment : Number(segment);
      pair = null;
      node = node.items[index];
    } else {
      return { pair: null, key: null, node: null };
    }
  }
  const key = pair && isPair(pair) && (pair.key as Node | null)?.range ? (pair.key as Node) : null;
  const value = node && (node as Node).range ? (node as Node) : null;
  return { pair, key, node: value };
}

/**
 * Where a key stands, for a finding about it: its key node's first line; a key with no place, its
 * parent's; the root, the opening `---`.
 */
export function keySpan(model: WrapupModel, yaml: YamlFrontMatter, path: readonly string[]): Span {
  if (path.length === 0) return spanInLine(model.lines, model.frontMatter!.startLine, 0, 3);
  const found = locate(yaml.document, path);
  const node = found.key ?? found.node;
  if (!node?.range) return keySpan(model, yaml, path.slice(0, -1));
  return firstLineOf(yaml.span(node.range[0], node.range[1]));
}

/** A span cut to its first line. */
export function firstLineOf(span: Span): Span {
  const text = firstLine(span.text);
  return text === span.text
    ? span
    : { start: span.start, end: { line: span.start.line, column: span.start.column + text.length }, text };
}

/** A value as a message names it: its text as inline code (clipped to its first line), or "mapping", "list". */
export function describeNode(node: Node, source: string): string {
  if (!source.includes("\n") && source.length <= 60) return code(source);
  if (isMap(node)) return "mapping";
  if (isSeq(node)) return "list";
  return code(clip(firstLine(source)));
}

/** The text of a line from a column on, trimmed and clipped, for a message (else the whole line's). */
export function textFrom(model: WrapupModel, point: Point): string {
  const text = model.lines[point.line - 1] ?? "";
  return clip(text.slice(point.column - 1).trim()) || clip(text.trim());
}
