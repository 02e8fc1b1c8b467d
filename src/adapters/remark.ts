/**
 * remark adapter: each wrap-up rule becomes a unified-lint-rule plugin reading the mdast tree
 * remark already parsed; findings become vfile messages, fixes their `expected` text.
 *
 *   import preset from "wrapup-lint/remark";  // .remarkrc.mjs: export default preset
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkLint from "remark-lint";
import remarkMessageControl from "remark-message-control";
import type { Preset, Processor } from "unified";
import { lintRule } from "unified-lint-rule";
import type { VFile } from "vfile";
import { modelFromMdast } from "../model/from-mdast.js";
import { resolveOptions } from "../options.js";
import { docUrl, sortFindings, type Finding, type WrapupRule } from "../rule.js";
import { RULES } from "../rules.js";

export const SOURCE = "wrapup-lint";

export function toRemarkRule(rule: WrapupRule<any>) {
  return lintRule<Root, unknown>({ origin: `${SOURCE}:${rule.name}`, url: docUrl(rule) }, (tree, file, given) => {
    const options = resolveOptions(rule, given);
    const model = modelFromMdast(tree, file);
    for (const finding of sortFindings(rule.check(model, options))) report(file, finding);
  });
}

export function report(file: VFile, finding: Finding): void {
  const fix = finding.fix;
  const place = fix
    ? { start: { line: fix.line, column: fix.column }, end: { line: fix.line, column: fix.column + fix.deleteCount } }
    : finding.column !== undefined
      ? { start: { line: finding.line, column: finding.column }, end: { line: finding.line, column: finding.column + (finding.length ?? 1) } }
      : { line: finding.line, column: 1 };
  const message = file.message(finding.message, { place });
  if (fix) message.expected = [fix.insertText];
  if (finding.context !== undefined) message.actual = finding.context;
}

/**
 * Lets `<!--lint disable wrapup-section-fields-->` reach our messages. Like remark-lint, it
 * attaches message control from inside an attacher, so that it runs after every rule.
 */
export function wrapupMessageControl(this: Processor): void {
  this.use(remarkMessageControl, { name: "lint", source: SOURCE });
}

/** Parse front matter and GFM, let `<!--lint disable …-->` reach our messages, run every rule. */
const preset: Preset = {
  plugins: [
    [remarkFrontmatter, ["yaml", "toml"]],
    remarkGfm,
    remarkLint,
    wrapupMessageControl,
    ...RULES.map(toRemarkRule),
  ],
};

export default preset;
