/**
 * WU006 wrapup-github-link-form: GitHub links are well formed, their text agrees with their
 * URL, and a field links the kind of thing its label promises. No network.
 */
import type { Field, WrapupModel } from "../src/model/types.js";
import { githubLinks } from "../src/github/links.js";
import { memo } from "../src/core/memo.js";
import { article, either } from "../src/core/message.js";
import type { Finding, WrapupRule } from "../src/core/rule.js";
import { checkLinkText } from "../src/github/link-text.js";
import { KIND_NAMES, type GitHubKind } from "../src/github/url.js";

export interface GitHubLinkFormOptions {
  /** Field label (case-insensitive) → the kinds of GitHub link allowed under it. */
  fieldKinds: Record<string, GitHubKind[]>;
  /** Check that link text agrees with the URL. */
  linkText: boolean;
}

const KINDS = Object.keys(KIND_NAMES);

export const DEFAULT_FIELD_KINDS: Record<string, GitHubKind[]> = {
  Issue: ["issue", "discussion"],
};

/** Fragments that point at a conversation inside a pull request: issue-like. */
const CONVERSATION = /^(?:discussion_r\d+|issuecomment-\d+|pullrequestreview-\d+)$/;

/** The field each line belongs to, indexed once per model (not a scan per link). */
const fieldLines = memo((model: WrapupModel): Map<number, Field> => {
  const index = new Map<number, Field>();
  for (const section of model.sections) {
    for (const field of section.fields) {
      const from = Math.max(field.line, section.heading.line);
      const to = Math.min(field.endLine, section.endLine);
      for (let l = from; l <= to; l++) if (!index.has(l)) index.set(l, field);
    }
  }
  return index;
});

function listOf(kinds: GitHubKind[]): string {
  return either(kinds.map((k) => article(KIND_NAMES[k] ?? k)));
}

/** It reads no profile: every Markdown document, as it is. */
export const githubLinkForm = {
  code: "WU006",
  name: "wrapup-github-link-form",
  description: "GitHub links are well formed and agree with their text and field",
  doc: "wu006-github-link-form",
  fixable: true,
  fixes: "where certain",
  schema: {
    properties: {
      fieldKinds: {
        type: "object",
        additionalProperties: { type: "array", items: { enum: KINDS } },
        description: `field label (case-insensitive) → allowed kinds: ${KINDS.map((k) => `\`${k}\``).join(", ")}; \`{}\` turns the check off`,
      },
      linkText: { type: "boolean", description: "check that link text agrees with the URL" },
    },
  },
  defaults: { fieldKinds: DEFAULT_FIELD_KINDS, linkText: true },
  check(model, options) {
    const findings: Finding[] = [];
    const fieldKinds = new Map(Object.entries(options.fieldKinds).map(([label, kinds]) => [label.toLowerCase(), kinds]));
    for (const { link, parsed } of githubLinks(model)) {
      const url = link.url.trim();
      const span = link.urlSpan;
      // Where the URL stands in the source, to point at and fix a part of it.
      const exact = span && span.start.line === span.end.line ? span.text.indexOf(url) : -1;
      const where = (offset: number): { line: number; column: number } =>
        exact >= 0 ? { line: span!.start.line, column: span!.start.column + exact + offset } : { line: link.span.start.line, column: link.span.start.column };
      for (const problem of parsed.problems) {
        // `github.com/x` without a scheme is a problem only as a link destination.
        if (link.kind === "literal" && problem.message.includes("without a scheme")) continue;
        // A problem with a fix stands on the text it replaces; one without, on the whole link.
        const onUrl = problem.fix !== undefined && exact >= 0;
        const at = onUrl ? where(problem.offset) : { line: link.span.start.line, column: link.span.start.column };
        findings.push({
          ...at,
          length: onUrl ? problem.length : Math.max(1, link.span.text.split("\n")[0]!.length),
          message: problem.message,
          context: url,
          ...(problem.fix && exact >= 0
            ? { fix: { ...where(problem.fix.offset), deleteCount: problem.fix.deleteCount, insertText: problem.fix.insertText } }
            : {}),
        });
      }
      const target = parsed.target;
      if (!target) continue;
      if (options.linkText && (link.kind === "inline" || link.kind === "reference")) {
        const wrong = checkLinkText(link.text, url, target);
        if (wrong) {
          findings.push({
            line: link.span.start.line,
            column: link.span.start.column + 1,
            length: Math.max(1, Math.min(link.text.length, link.span.text.split("\n")[0]!.length - 1)),
            message: wrong.url
              ? `Unexpected link text \`${wrong.claim}\`, expected the link's own URL \`${url}\``
              : wrong.expected
                ? `Unexpected link text \`${wrong.claim}\` for \`${url}\`, expected \`${wrong.expected}\``
                : `Unexpected link text \`${wrong.claim}\` for \`${url}\`, expected text naming ${article(KIND_NAMES[target.kind])}`,
            context: link.span.text.split("\n")[0],
          });
        }
      }
      if (fieldKinds.size > 0) {
        const field = fieldLines(model).get(link.span.start.line) ?? null;
        const allowed = field ? fieldKinds.get(field.label.toLowerCase()) : undefined;
        if (field && allowed && !allowed.includes(target.kind)) {
          const conversation = target.kind === "pull" && CONVERSATION.test(target.fragment) && (allowed.includes("issue") || allowed.includes("discussion"));
          if (!conversation) {
            findings.push({
              line: link.span.start.line,
              column: link.span.start.column,
              length: Math.max(1, link.span.text.split("\n")[0]!.length),
              message: `Unexpected ${KIND_NAMES[target.kind]} link under \`${field.label}\`, expected ${listOf(allowed)}`,
              context: url,
            });
          }
        }
      }
    }
    return findings;
  },
} satisfies WrapupRule<GitHubLinkFormOptions>;

export default githubLinkForm;
