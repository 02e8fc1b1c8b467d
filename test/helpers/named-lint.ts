/**
 * Like `lint.ts`, but the document has a file name (markdownlint's `strings` key, remark's
 * `file.path`), for rules that read it (WU001 compares a dated file name with the title), and
 * each finding carries its context (markdownlint `context`, remark `actual`).
 */
import { applyFixes, type LintError } from "markdownlint";
import { applyReportedFixes, fromLintError, fromMessage, runMarkdownlint, runRemark, type Reported, type SuiteConfig } from "./lint.js";

export async function runMarkdownlintNamed(text: string, name: string, config: SuiteConfig): Promise<LintError[]> {
  return runMarkdownlint(text, config, name);
}

export async function lintMarkdownlintNamed(text: string, name: string, config: SuiteConfig): Promise<(Reported & { context: string | null })[]> {
  return (await runMarkdownlint(text, config, name)).map((e) => ({ ...fromLintError(e), context: e.errorContext }));
}

export async function fixMarkdownlintNamed(text: string, name: string, config: SuiteConfig): Promise<string> {
  return applyFixes(text, await runMarkdownlint(text, config, name));
}

export async function lintRemarkNamed(text: string, name: string, config: SuiteConfig): Promise<(Reported & { context: string | null })[]> {
  return (await runRemark(text, config, name)).messages.map((m) => ({ ...fromMessage(m), context: m.actual ?? null }));
}

export async function fixRemarkNamed(text: string, name: string, config: SuiteConfig): Promise<string> {
  return applyReportedFixes(text, await lintRemarkNamed(text, name, config));
}
