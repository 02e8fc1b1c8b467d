/**
 * Reads the ok / not-ok examples from a rule's doc. In `rules/wuNNN-*.md`:
 *
 *   ```markdown ok {…}                 a document the rule accepts (rule options optional; a
 *                                       "profile" key is a profile that extends the bundled one,
 *                                       and "file" the document's file name)
 *   ```markdown not-ok {…}              a document the rule reports, followed by
 *   ```text findings                    one `LINE: MESSAGE` per finding, and optionally by
 *   ```markdown fixed                   the document after every fix is applied
 *
 * A finding is written as the linters report it: `LINE: MESSAGE`, or `LINE:COLUMN: MESSAGE` to
 * check the column too, either followed by ` [Context: "…"]` (as markdownlint-cli2 prints it)
 * to check the context too.
 */
import fs from "node:fs";
import type { Code, Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";

export interface Example {
  kind: "ok" | "not-ok";
  /** Line of the example's fence in the doc. */
  docLine: number;
  text: string;
  options: Record<string, unknown> | true;
  /** Profile keys that replace the bundled profile's (`extends: "gardener"`), if any. */
  profile: Record<string, unknown> | null;
  /** The document's file name, if the example names one (`README.md`). */
  file: string | null;
  findings: string[];
  fixed: string | null;
}

/**
 * A rule case written as data (test/rules/cases/<doc>.ts), run like a doc example: `findings` empty
 * for a document the rule accepts.
 */
export interface RuleCase {
  name: string;
  text: string;
  /** The rule's options; the bundled defaults when absent. */
  options?: Record<string, unknown>;
  /** Profile keys that replace the bundled profile's, in a profile file beside the document. */
  profile?: Record<string, unknown>;
  /** The document's file name (`docs/2023-11.md`), `doc.md` when absent. */
  file?: string;
  /** One per finding, in the order reported, written as in a doc's `text findings` block. */
  findings: string[];
  /** The text after every fix, by both linters; when absent, fixing leaves the text as it is. */
  fixed?: string;
}

/** A case as an example, `docLine` 0. */
export function caseExample(c: RuleCase): Example {
  return {
    kind: c.findings.length > 0 ? "not-ok" : "ok",
    docLine: 0,
    text: c.text,
    options: c.options ?? true,
    profile: c.profile ?? null,
    file: c.file ?? null,
    findings: c.findings,
    fixed: c.fixed ?? c.text,
  };
}

/** A finding as `expected` writes it: its line, then its column and context only if `expected` gives them. */
export function asWritten(
  reported: { line: number; column: number | null; message: string; context: string | null },
  expected = "",
): string {
  const column = /^\d+:\d+: /.test(expected) ? `:${reported.column}` : "";
  const context = / \[Context: ".*"\]$/s.test(expected) ? ` [Context: "${reported.context}"]` : "";
  return `${reported.line}${column}: ${reported.message}${context}`;
}

export function readExamples(docPath: string): Example[] {
  const tree = unified().use(remarkParse).parse(fs.readFileSync(docPath, "utf8")) as Root;
  const codes: Code[] = [];
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === "code") codes.push(node as Code);
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(tree);
  const examples: Example[] = [];
  for (const code of codes) {
    const meta = (code.meta ?? "").trim();
    const [kind, ...rest] = meta.split(/\s+/);
    const json = rest.join(" ").trim();
    if (code.lang === "markdown" && (kind === "ok" || kind === "not-ok")) {
      const { profile = null, file = null, ...rest } = json ? (JSON.parse(json) as Record<string, unknown>) : {};
      const options = Object.keys(rest).length > 0 ? rest : true;
      examples.push({
        kind,
        docLine: code.position!.start.line,
        text: code.value + "\n",
        options,
        profile: profile as Record<string, unknown> | null,
        file: file as string | null,
        findings: [],
        fixed: null,
      });
    } else if (code.lang === "text" && kind === "findings") {
      const last = examples[examples.length - 1];
      if (!last || last.kind !== "not-ok")
        throw new Error(`${docPath}:${code.position!.start.line}: findings without a not-ok example`);
      last.findings = code.value.split("\n").filter((l) => l.trim() !== "");
    } else if (code.lang === "markdown" && kind === "fixed") {
      const last = examples[examples.length - 1];
      if (!last || last.kind !== "not-ok")
        throw new Error(`${docPath}:${code.position!.start.line}: fixed without a not-ok example`);
      last.fixed = code.value + "\n";
    }
  }
  return examples;
}
