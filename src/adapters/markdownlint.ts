/**
 * markdownlint adapter: each wrap-up rule becomes a markdownlint custom rule reading the
 * micromark tokens markdownlint already parsed; findings go to onError with fixInfo.
 *
 *   import rules from "wrapup-lint/markdownlint";  // .markdownlint-cli2.jsonc: "customRules"
 */
import type { Rule, RuleOnError, RuleParams } from "markdownlint";
import { modelFromMarkdownlint } from "../model/from-micromark.js";
import { runRule } from "../core/run-rule.js";
import { docUrl, WARNING_ANCHOR, type Located, type WrapupRule, type AnyRule } from "../core/rule.js";
import { RULES } from "../../rules/index.js";

/**
 * How many times a rule of the suite ran in this process: the CLI says so when a configuration
 * turned every rule off. On globalThis, because the rules a configuration loads may be another
 * copy of this package than the CLI's.
 */
const runs: { count: number } = ((globalThis as { [key: symbol]: { count: number } | undefined })[
  Symbol.for("wrapup-lint.markdownlint-runs")
] ??= { count: 0 });

export function toMarkdownlintRule(rule: AnyRule): Rule {
  return {
    ...(rule.asynchronous ? { asynchronous: true } : {}),
    names: [rule.code, rule.name],
    description: rule.description,
    information: new URL(docUrl(rule)),
    tags: ["wrapup"],
    parser: "micromark",
    function(params: RuleParams, onError: RuleOnError) {
      runs.count++;
      const found = runRule(rule, modelFromMarkdownlint(params), params.config);
      if (found instanceof Promise)
        return found.then((findings) => findings.forEach((f) => report(params, onError, f, rule)));
      for (const finding of found) report(params, onError, finding, rule);
    },
  };
}

export function report(
  params: RuleParams,
  onError: RuleOnError,
  finding: Located,
  rule?: Pick<WrapupRule, "doc">,
): void {
  const offset = params.frontMatterLines.length;
  const frontMatter = finding.line <= offset;
  const lines = frontMatter ? params.frontMatterLines : params.lines;
  const relative = (line: number): number =>
    Math.min(Math.max(frontMatter ? line : line - offset, 1), Math.max(lines.length, 1));
  const lineNumber = relative(finding.line);
  const text = lines[lineNumber - 1] ?? "";
  let range: [number, number] | undefined;
  if (finding.column !== undefined && finding.column <= text.length) {
    const length = Math.max(1, Math.min(finding.length ?? 1, text.length - finding.column + 1));
    range = [finding.column, length];
  }
  let fixInfo;
  if (finding.fix && finding.fix.line <= offset === frontMatter) {
    const fixLine = relative(finding.fix.line);
    const fixText = lines[fixLine - 1] ?? "";
    if (
      finding.fix.column <= fixText.length + 1 &&
      finding.fix.column + finding.fix.deleteCount - 1 <= fixText.length
    ) {
      fixInfo = {
        lineNumber: fixLine,
        editColumn: finding.fix.column,
        deleteCount: finding.fix.deleteCount,
        insertText: finding.fix.insertText,
      };
    }
  }
  onError({
    lineNumber,
    detail: finding.message,
    ...(finding.context !== undefined ? { context: finding.context } : {}),
    ...(range ? { range } : {}),
    ...(fixInfo ? { fixInfo } : {}),
    ...(frontMatter ? { frontMatter: true } : {}),
    ...(finding.severity === "warning" && rule ? { information: new URL(docUrl(rule) + WARNING_ANCHOR) } : {}),
  });
}

const rules: Rule[] = RULES.map(toMarkdownlintRule);
export default rules;
