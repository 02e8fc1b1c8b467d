/**
 * The contract every rule keeps: a pure function from the wrap-up model and its options to
 * findings. Rules know nothing of markdownlint or remark; the adapters do the rest.
 */
import type { Span, WrapupModel } from "../model/types.js";
import type { Profile } from "../profile/types.js";
import { firstLine } from "./message.js";

/** A single-line edit, as markdownlint's fixInfo and remark's `expected` both express it. */
export interface Fix {
  /** Absolute line in the file (front matter counted). */
  line: number;
  /** 1-based column of the first code unit replaced. */
  column: number;
  /** How many code units are replaced. */
  deleteCount: number;
  insertText: string;
}

interface Said {
  /** One sentence naming the offending text: "Unexpected `x`, expected `y`" (`message.ts`). */
  message: string;
  /**
   * What markdownlint shows as context (remark: the message's `actual`). A span's finding shows
   * the span's text unless this says otherwise; null shows none.
   */
  context?: string | null;
  fix?: Fix;
  /** "warning" for findings that are not certain errors (markdownlint has no per-finding severity). */
  severity?: "error" | "warning";
}

/**
 * What a rule reports: `{ span: field.labelTextSpan, message }`, the offending text as a span of
 * the model (`sliceSpan`, `spanInLine` in src/model/source.ts cut one), or `{ line, message }`
 * for a whole line (absolute, front matter counted). The rule says where; `locate` derives how
 * the adapters report it.
 */
export type Finding = Said & ({ span: Span; line?: never } | { line: number; span?: never });

/** A finding as both adapters report it: an absolute line (front matter counted), a 1-based column and a length in code units. */
export interface Located extends Omit<Said, "context"> {
  line: number;
  column?: number;
  length?: number;
  context?: string;
}

/**
 * Where a finding stands and what it shows, derived once, here, for both adapters: a span's
 * start is the line and column, the length is that of its first line (at least one code unit),
 * the context its text.
 */
export function locate(finding: Finding): Located {
  const { span, line, context, ...said } = finding;
  if (!span) return { line: line!, ...said, ...(context !== undefined && context !== null ? { context } : {}) };
  const shown = context === undefined ? span.text : context;
  return {
    line: span.start.line,
    column: span.start.column,
    length: Math.max(1, firstLine(span.text).length),
    ...said,
    ...(shown !== null ? { context: shown } : {}),
  };
}

/** Findings located, in document order (line, then column), as both linters will show them. */
export function located(findings: readonly Finding[]): Located[] {
  return sortFindings(findings.map(locate));
}

/** Findings in document order (line, then column; else as reported). */
export function sortFindings<F extends Finding | Located>(findings: readonly F[]): F[] {
  const at = (f: Finding | Located): [number, number] => {
    const span = (f as Finding).span;
    return span ? [span.start.line, span.start.column] : [f.line!, (f as Located).column ?? 0];
  };
  return findings
    .map((finding, index) => ({ finding, index, at: at(finding) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index)
    .map((x) => x.finding);
}

/** The fix that writes `insertText` in place of a single-line span. */
export function replace(span: Span, insertText: string): Fix {
  return { line: span.start.line, column: span.start.column, deleteCount: span.text.length, insertText };
}

export type Scope = "all" | "wrapups" | "projects";

/**
 * `R` is what `check` returns: findings, or (for a rule that asks the network, `asynchronous`)
 * a promise of them.
 */
export interface WrapupRule<O = Record<string, unknown>, R extends Finding[] | Promise<Finding[]> = Finding[]> {
  code: string;
  name: string;
  /** A short phrase, no end punctuation (markdownlint's `description`). */
  description: string;
  /** The rule's doc file in rules/, without extension. */
  doc: string;
  /**
   * JSON Schema of the options object; every property has a default in `defaults` and a
   * `description` (the doc's options table is generated from both: `npm run docs`).
   */
  schema: Record<string, unknown>;
  defaults: O;
  fixable: boolean;
  /** What the fix covers, when not every finding has one (the README's rule table). */
  fixes?: string;
  /** Checks what a schema cannot (a pattern that must compile); returns a one-line problem. */
  validate?(options: O): string | null;
  /** True when `check` returns a promise (markdownlint: an `asynchronous` custom rule). */
  asynchronous?: boolean;
  /**
   * Which documents the rule reads (`run-rule.ts` decides, once per document): `"wrapups"`, the
   * profile's wrap-ups; `"projects"`, the wrap-ups whose project sections follow the field
   * template (not a stub, not a free-form page); absent or `"all"`, every Markdown document.
   */
  scope?: Scope;
  /** `profile` is the document's (see src/profile/load.ts); `check` runs only on documents in `scope`. */
  check(model: WrapupModel, options: O, profile: Profile): R;
}

/**
 * A rule whatever its options: what the registry, the adapters and option resolution hold. `check`
 * takes the rule's own options type, so no narrower type admits every rule; each rule's options
 * are validated against its own schema before `check` sees them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyRule = WrapupRule<any, Finding[] | Promise<Finding[]>>;

/** Where the docs live: each rule's `information` URL points into this tree. */
export const DOCS_BASE = "https://github.com/wrapup-lint/wrapup-lint/blob/main/rules/";

export function docUrl(rule: Pick<WrapupRule, "doc">): string {
  return `${DOCS_BASE}${rule.doc}.md`;
}

/**
 * markdownlint has no severity per finding, only per rule. A finding the rule rates a warning
 * (a link GitHub did not answer) points at its doc's `#warnings` section instead of the doc;
 * our CLI reads that and counts it as a warning (exit code, `::warning`, SARIF level).
 */
export const WARNING_ANCHOR = "#warnings";
