/**
 * `--format github`: one `::error` (or `::warning`) workflow command per finding, which GitHub
 * shows as an annotation on the file and line:
 * `::error file=docs/a.md,line=3,col=5,endColumn=9,title=WU003::…`.
 */
import path from "node:path";
import type { LintResult } from "markdownlint-cli2";
import type { Formatter } from "./index.js";

/** Escapes for GitHub workflow commands: the message, and (stricter) a property value. */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The workflow commands of `results`; `prefix` is the path from the repository root to the lint directory. */
export function githubCommands(results: LintResult[], prefix = ""): string[] {
  return results.map((r) => {
    const level = r.severity === "warning" ? "warning" : "error";
    const file = path.posix.join(prefix, r.fileName);
    const props = [`file=${escapeProperty(file)}`, `line=${r.lineNumber}`];
    if (r.errorRange) {
      props.push(`col=${r.errorRange[0]}`);
      if (r.errorRange[1] > 1) props.push(`endColumn=${r.errorRange[0] + r.errorRange[1] - 1}`);
    }
    props.push(`title=${escapeProperty(r.ruleNames[0] ?? "wrapup-lint")}`);
    const detail = r.errorDetail ? `: ${r.errorDetail}` : "";
    const message = `${r.ruleNames.join("/")} ${r.ruleDescription}${detail}`;
    return `::${level} ${props.join(",")}::${escapeData(message)}`;
  });
}

export const githubReport: Formatter = async ({ results, githubPrefix }) =>
  githubCommands(results, githubPrefix)
    .map((line) => line + "\n")
    .join("");
