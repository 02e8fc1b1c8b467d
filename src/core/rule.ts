/**
 * The contract every rule keeps: a pure function from the wrap-up model and its options to
 * findings. Rules know nothing of markdownlint or remark; the adapters do the rest.
 */
import type { WrapupModel } from "../model/types.js";
import type { Profile } from "../profile/types.js";

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

export interface Finding {
  /** Absolute line in the file (front matter counted). */
  line: number;
  /** 1-based column of the offending text, if known. */
  column?: number;
  /** Length of the offending text in code units. */
  length?: number;
  /** One sentence naming the offending text: "Unexpected `x`, expected `y`". */
  message: string;
  /** The offending text, shown by markdownlint as context. */
  context?: string;
  fix?: Fix;
  /** "warning" for findings that are not certain errors (markdownlint has no per-finding severity). */
  severity?: "error" | "warning";
}

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
  /** Which documents the rule reads: the profile's wrap-ups, or (absent) every Markdown document. */
  scope?: "wrapups" | "all";
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

/** Findings in document order (line, then column), as both linters will show them. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.line - b.finding.line || (a.finding.column ?? 0) - (b.finding.column ?? 0) || a.index - b.index)
    .map((x) => x.finding);
}

/**
 * markdownlint has no severity per finding, only per rule. A finding the rule rates a warning
 * (a link GitHub did not answer) points at its doc's `#warnings` section instead of the doc;
 * our CLI reads that and counts it as a warning (exit code, `::warning`, SARIF level).
 */
export const WARNING_ANCHOR = "#warnings";
