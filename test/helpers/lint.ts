/**
 * Runs documents through the real linters with the suite: markdownlint (custom rules, fixInfo,
 * applyFixes) and remark (the unified-lint-rule plugins, vfile messages, `expected`).
 */
import { applyFixes, type LintError } from "markdownlint";
import { lint as markdownlint } from "markdownlint/promise";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { toMarkdownlintRule } from "../../src/adapters/markdownlint.js";
import { toRemarkRule, wrapupMessageControl, wrapupProfileCheck } from "../../src/adapters/remark.js";
import type { AnyRule } from "../../src/core/rule.js";
import { RULES } from "../../rules/index.js";

/** Which rules run and with what options: `{ WU003: true, WU004: { colon: "inside" } }`. */
export type SuiteConfig = Record<string, boolean | Record<string, unknown>>;

/** Every rule but the two that ask GitHub (WU007, WU009). */
export const OFFLINE_SUITE: SuiteConfig = {
  WU001: true,
  WU002: true,
  WU003: true,
  WU004: true,
  WU005: true,
  WU006: true,
  WU008: true,
};

export interface Reported {
  code: string;
  line: number;
  column: number | null;
  message: string;
  /** The fix as a replacement: [line, column, deleteCount, insertText]. */
  fix: [number, number, number, string] | null;
}

const ruleByCode = new Map(RULES.map((r) => [r.code, r]));
const ruleByName = new Map(RULES.map((r) => [r.name, r]));
const markdownlintRules = RULES.map(toMarkdownlintRule);

function enabled(config: SuiteConfig): [AnyRule, boolean | Record<string, unknown>][] {
  return Object.entries(config).map(([code, options]) => {
    const rule = ruleByCode.get(code);
    if (!rule) throw new Error(`no rule ${code}`);
    return [rule, options];
  });
}

/** `name` is the document's name (markdownlint's `strings` key), for rules that read it. */
export async function runMarkdownlint(text: string, config: SuiteConfig, name = "doc"): Promise<LintError[]> {
  const result = await markdownlint({
    strings: { [name]: text },
    config: { default: false, ...config },
    customRules: markdownlintRules,
    handleRuleFailures: false,
  });
  return result[name] ?? [];
}

/**
 * markdownlint runs over many documents (one parse each), by name; in batches, since
 * markdownlint chains one document's callback into the next and a thousand overflow the stack.
 */
export async function runMarkdownlintMany(
  strings: Record<string, string>,
  config: SuiteConfig,
): Promise<Record<string, LintError[]>> {
  const results: Record<string, LintError[]> = {};
  const entries = Object.entries(strings);
  for (let i = 0; i < entries.length; i += 50) {
    // Let vitest's worker talk to its parent between batches.
    await new Promise((resolve) => setImmediate(resolve));
    Object.assign(
      results,
      await markdownlint({
        strings: Object.fromEntries(entries.slice(i, i + 50)),
        config: { default: false, ...config },
        customRules: markdownlintRules,
        handleRuleFailures: false,
      }),
    );
  }
  return results;
}

/** A markdownlint result as a `Reported`. */
export function fromLintError(e: LintError): Reported {
  return {
    code: e.ruleNames[0]!,
    line: e.lineNumber,
    column: e.errorRange?.[0] ?? null,
    message: e.errorDetail ?? "",
    fix: e.fixInfo
      ? [
          e.fixInfo.lineNumber ?? e.lineNumber,
          e.fixInfo.editColumn ?? 1,
          e.fixInfo.deleteCount ?? 0,
          e.fixInfo.insertText ?? "",
        ]
      : null,
  };
}

/** `name` is the document's path (its profile is the nearest one above it), "doc" by default. */
export async function lintMarkdownlint(text: string, config: SuiteConfig, name = "doc"): Promise<Reported[]> {
  return (await runMarkdownlint(text, config, name)).map(fromLintError);
}

export async function fixMarkdownlint(text: string, config: SuiteConfig, name = "doc"): Promise<string> {
  const errors = await runMarkdownlint(text, config, name);
  return applyFixes(text, errors);
}

function remarkProcessor(config: SuiteConfig) {
  const plugins: PluggableList = [
    [remarkFrontmatter, ["yaml", "toml"]],
    remarkGfm,
    wrapupProfileCheck,
    wrapupMessageControl,
  ];
  for (const [rule, options] of enabled(config)) {
    if (options === false) continue;
    plugins.push([toRemarkRule(rule), options === true ? undefined : options]);
  }
  return unified().use(remarkParse).use(remarkStringify).use(plugins);
}

/** `path` is the document's file name (`file.path`), for rules that read it. */
export async function runRemark(text: string, config: SuiteConfig, path = "doc.md"): Promise<VFile> {
  const processor = remarkProcessor(config);
  const file = new VFile({ value: text, path });
  const tree = processor.parse(file);
  await processor.run(tree, file);
  return file;
}

/** A vfile message as a `Reported`. */
export function fromMessage(m: VFileMessage): Reported {
  const rule = ruleByName.get(m.ruleId ?? "");
  const start = m.place && "start" in m.place ? m.place.start : m.place;
  const end = m.place && "end" in m.place ? m.place.end : null;
  return {
    code: rule?.code ?? `${m.source}:${m.ruleId}`,
    line: start?.line ?? 0,
    column: start?.column ?? null,
    message: m.reason,
    fix:
      m.expected && m.expected.length === 1 && start && end && start.line === end.line
        ? [start.line, start.column, end.column - start.column, m.expected[0]!]
        : null,
  };
}

export async function lintRemark(text: string, config: SuiteConfig, name = "doc.md"): Promise<Reported[]> {
  return (await runRemark(text, config, name)).messages.map(fromMessage);
}

/** Applies every fix once, as an editor applying all quick fixes would, last first. */
export function applyReportedFixes(text: string, reported: Reported[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r\n|\r|\n/);
  const fixes = reported
    .map((r) => r.fix)
    .filter((f): f is [number, number, number, string] => f !== null)
    .sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  let previous: [number, number] | null = null;
  for (const [line, column, deleteCount, insertText] of fixes) {
    // Skip a fix that overlaps one already applied on the same line.
    if (previous && previous[0] === line && column + deleteCount > previous[1]) continue;
    const bom = line === 1 && lines[0]!.startsWith("\uFEFF") ? 1 : 0;
    const current = lines[line - 1]!;
    lines[line - 1] = current.slice(0, column - 1 + bom) + insertText + current.slice(column - 1 + bom + deleteCount);
    previous = [line, column];
  }
  return lines.join(eol);
}

/** Each finding with its context (markdownlint's `context`, remark's `actual`). */
export async function lintMarkdownlintInContext(
  text: string,
  config: SuiteConfig,
  name = "doc",
): Promise<(Reported & { context: string | null })[]> {
  return (await runMarkdownlint(text, config, name)).map((e) => ({ ...fromLintError(e), context: e.errorContext }));
}

export async function lintRemarkInContext(
  text: string,
  config: SuiteConfig,
  name = "doc.md",
): Promise<(Reported & { context: string | null })[]> {
  return (await runRemark(text, config, name)).messages.map((m) => ({ ...fromMessage(m), context: m.actual ?? null }));
}

export async function fixRemark(text: string, config: SuiteConfig, name = "doc.md"): Promise<string> {
  return applyReportedFixes(text, await lintRemark(text, config, name));
}
