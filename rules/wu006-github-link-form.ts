/**
 * WU006 wrapup-github-link-form: GitHub links are well formed, their text agrees with their
 * URL, and a field links the kind of thing its label promises. No network.
 */
import { sectionsOf } from "../src/model/structure.js";
import type { Field, WrapupModel } from "../src/model/types.js";
import { sliceSpan } from "../src/model/source.js";
import { githubLinks, inUrl } from "../src/github/links.js";
import { memo } from "../src/core/memo.js";
import { article, code, codes, either, firstLine } from "../src/core/message.js";
import { replace, type Finding, type WrapupRule } from "../src/core/rule.js";
import { checkLinkText } from "../src/github/link-text.js";
import { KIND_NAMES, type GitHubKind } from "../src/github/url.js";
import { isWrapup } from "../src/wrapup/detect.js";

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
  for (const section of sectionsOf(model)) {
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

/**
 * Every Markdown document, as it is; the fields, which only a wrap-up's project sections have,
 * on the pages the profile takes for wrap-ups.
 */
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
        description: `field label (case-insensitive) → allowed kinds: ${codes(KINDS)}; \`{}\` turns the check off`,
      },
      linkText: { type: "boolean", description: "check that link text agrees with the URL" },
    },
  },
  defaults: { fieldKinds: DEFAULT_FIELD_KINDS, linkText: true },
  check(model, options, profile) {
    const findings: Finding[] = [];
    const fieldKinds = new Map(
      isWrapup(model, profile)
        ? Object.entries(options.fieldKinds).map(([label, kinds]) => [label.toLowerCase(), kinds])
        : [],
    );
    for (const { link, parsed } of githubLinks(model)) {
      const url = link.url.trim();
      for (const problem of parsed.problems) {
        // `github.com/x` without a scheme is a problem only as a link destination.
        if (link.kind === "literal" && problem.message.includes("without a scheme")) continue;
        // A problem with a fix stands on the text it replaces (where the URL is written out on
        // one line); one without, on the whole link.
        const fixed = problem.fix && inUrl(link, problem.fix.offset, problem.fix.deleteCount);
        const span = fixed ? inUrl(link, problem.offset, problem.length)! : link.span;
        findings.push({
          span,
          context: url,
          message: problem.message,
          ...(fixed ? { fix: replace(fixed, problem.fix!.insertText) } : {}),
        });
      }
      const target = parsed.target;
      if (!target) continue;
      if (options.linkText && (link.kind === "inline" || link.kind === "reference")) {
        const wrong = checkLinkText(link.text, url, target);
        if (wrong) {
          const shown = firstLine(link.span.text);
          findings.push({
            // The link's text, after its `[`.
            span: sliceSpan(link.span, 1, 1 + Math.max(1, Math.min(link.text.length, shown.length - 1))),
            context: shown,
            message: wrong.url
              ? `Unexpected link text ${code(wrong.claim)}, expected the link's own URL ${code(url)}`
              : wrong.expected
                ? `Unexpected link text ${code(wrong.claim)} for ${code(url)}, expected ${code(wrong.expected)}`
                : `Unexpected link text ${code(wrong.claim)} for ${code(url)}, expected text naming ${article(KIND_NAMES[target.kind])}`,
          });
        }
      }
      if (fieldKinds.size > 0) {
        const field = fieldLines(model).get(link.span.start.line) ?? null;
        const allowed = field ? fieldKinds.get(field.label.toLowerCase()) : undefined;
        if (field && allowed && !allowed.includes(target.kind)) {
          const conversation =
            target.kind === "pull" &&
            CONVERSATION.test(target.fragment) &&
            (allowed.includes("issue") || allowed.includes("discussion"));
          if (!conversation) {
            findings.push({
              span: link.span,
              context: url,
              message: `Unexpected ${KIND_NAMES[target.kind]} link under ${code(field.label)}, expected ${listOf(allowed)}`,
            });
          }
        }
      }
    }
    return findings;
  },
} satisfies WrapupRule<GitHubLinkFormOptions>;

export default githubLinkForm;
