/** `--format default`: markdownlint-cli2's own text report. */
import formatDefault from "markdownlint-cli2-formatter-default";
import type { Formatter } from "./index.js";
import type { PackageFormatter } from "./packages.js";

export const defaultReport: Formatter = async ({ options }) => {
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  await (formatDefault as PackageFormatter)({ ...options, logError: log, logMessage: log });
  return lines.map((line) => line + "\n").join("");
};
