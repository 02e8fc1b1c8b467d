/**
 * The lint report's output formats, one file each, behind one map: `--format NAME` picks the
 * entry; `report` writes its text to `--output FILE` or the terminal. To add a format, add a
 * file here and its line below.
 */
import fs from "node:fs";
import path from "node:path";
import type { LintResult, OutputFormatterOptions } from "markdownlint-cli2";
import { defaultReport } from "./default.js";
import { githubReport } from "./github.js";
import { jsonReport, junitReport, sarifReport } from "./packages.js";

/** What a format is given: markdownlint-cli2's results and formatter options, and where the lint ran in the repository. */
export interface ReportInput {
  results: LintResult[];
  options: OutputFormatterOptions;
  /** The path from the repository root to the lint directory (GitHub annotations name files from the root). */
  githubPrefix: string;
}

/** A format: the whole report as text ("" for none). */
export type Formatter = (input: ReportInput) => Promise<string>;

export const FORMATTERS = {
  default: defaultReport,
  json: jsonReport,
  sarif: sarifReport,
  junit: junitReport,
  github: githubReport,
} satisfies Record<string, Formatter>;

export type Format = keyof typeof FORMATTERS;
export const FORMATS = Object.keys(FORMATTERS) as Format[];

/** Writes the report in `format` to `output` (a path from `cwd`) or through `out`, a line at a time. */
export async function report(
  format: Format,
  input: ReportInput,
  output: string | null,
  cwd: string,
  out: (line: string) => void,
): Promise<void> {
  const text = await FORMATTERS[format](input);
  if (output !== null) fs.writeFileSync(path.resolve(cwd, output), text);
  else if (text !== "") for (const line of text.replace(/\n$/, "").split("\n")) out(line);
}
