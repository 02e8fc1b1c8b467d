/**
 * Like `lint.ts`, but the document has a file name (markdownlint's `strings` key, remark's
 * `file.path`), for rules that read it (WU001 compares a dated file name with the title).
 */
import { applyFixes, type LintError } from "markdownlint";
import { lint as markdownlint } from "markdownlint/promise";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMessageControl from "remark-message-control";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import { toMarkdownlintRule } from "../../src/adapters/markdownlint.js";
import { SOURCE, toRemarkRule } from "../../src/adapters/remark.js";
import { RULES } from "../../src/rules.js";
import { applyReportedFixes, type Reported, type SuiteConfig } from "./lint.js";

const ruleByCode = new Map(RULES.map((r) => [r.code, r]));
const ruleByName = new Map(RULES.map((r) => [r.name, r]));
const markdownlintRules = RULES.map(toMarkdownlintRule);

export async function runMarkdownlintNamed(text: string, name: string, config: SuiteConfig): Promise<LintError[]> {
  const result = await markdownlint({
    strings: { [name]: text },
    config: { default: false, ...config },
    customRules: markdownlintRules,
    handleRuleFailures: false,
  });
  return result[name] ?? [];
}

export async function lintMarkdownlintNamed(text: string, name: string, config: SuiteConfig): Promise<(Reported & { context: string | null })[]> {
  const errors = await runMarkdownlintNamed(text, name, config);
  return errors.map((e) => ({
    code: e.ruleNames[0]!,
    line: e.lineNumber,
    column: e.errorRange?.[0] ?? null,
    message: e.errorDetail ?? "",
    context: e.errorContext,
    fix: e.fixInfo
      ? [e.fixInfo.lineNumber ?? e.lineNumber, e.fixInfo.editColumn ?? 1, e.fixInfo.deleteCount ?? 0, e.fixInfo.insertText ?? ""]
      : null,
  }));
}

export async function fixMarkdownlintNamed(text: string, name: string, config: SuiteConfig): Promise<string> {
  return applyFixes(text, await runMarkdownlintNamed(text, name, config));
}

export async function lintRemarkNamed(text: string, name: string, config: SuiteConfig): Promise<(Reported & { context: string | null })[]> {
  const plugins: PluggableList = [
    [remarkFrontmatter, ["yaml", "toml"]],
    remarkGfm,
    [remarkMessageControl, { name: "lint", source: SOURCE }],
  ];
  for (const [code, options] of Object.entries(config)) {
    const rule = ruleByCode.get(code);
    if (!rule) throw new Error(`no rule ${code}`);
    if (options !== false) plugins.push([toRemarkRule(rule), options === true ? undefined : options]);
  }
  const processor = unified().use(remarkParse).use(remarkStringify).use(plugins);
  const file = new VFile({ value: text, path: name });
  await processor.run(processor.parse(file), file);
  return file.messages.map((m) => {
    const start = m.place && "start" in m.place ? m.place.start : m.place;
    const end = m.place && "end" in m.place ? m.place.end : null;
    return {
      code: ruleByName.get(m.ruleId ?? "")?.code ?? `${m.source}:${m.ruleId}`,
      line: start?.line ?? 0,
      column: start?.column ?? null,
      message: m.reason,
      context: m.actual ?? null,
      fix:
        m.expected && m.expected.length === 1 && start && end && start.line === end.line
          ? [start.line, start.column, end.column - start.column, m.expected[0]!]
          : null,
    };
  });
}

export async function fixRemarkNamed(text: string, name: string, config: SuiteConfig): Promise<string> {
  return applyReportedFixes(text, await lintRemarkNamed(text, name, config));
}
