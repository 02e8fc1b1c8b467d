/**
 * `--format json`, `sarif`, `junit`: markdownlint-cli2's formatter packages. They write a file
 * (their `name` parameter); the report is read back from a temporary one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { OutputFormatterOptions } from "markdownlint-cli2";
import formatJson from "markdownlint-cli2-formatter-json";
import formatJunit from "markdownlint-cli2-formatter-junit";
import formatSarif from "markdownlint-cli2-formatter-sarif";
import type { Formatter } from "./index.js";

export type PackageFormatter = (options: OutputFormatterOptions, params?: { name?: string }) => Promise<void> | void;

function throughFile(formatter: PackageFormatter): Formatter {
  return async ({ options }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-report-"));
    try {
      const file = path.join(dir, "report");
      await formatter(options, { name: file });
      return fs.readFileSync(file, "utf8");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

export const jsonReport = throughFile(formatJson as PackageFormatter);
export const sarifReport = throughFile(formatSarif as PackageFormatter);
export const junitReport = throughFile(formatJunit as PackageFormatter);
