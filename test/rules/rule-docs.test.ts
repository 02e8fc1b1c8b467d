/**
 * Every rule's doc holds ok / not-ok examples; each runs through markdownlint and remark with
 * only that rule enabled. Both linters must report exactly the listed findings, apply the
 * listed fix, and find nothing fixable left when the fixed text is linted again. The rules'
 * cases written as data (test/rules/cases/) run the same way; a case without a fixed text must
 * be left as it is by both linters' fixes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { RULES } from "../../rules/index.js";
import type { AnyRule } from "../../src/core/rule.js";
import { asWritten, caseExample, readExamples, type Example, type RuleCase } from "../helpers/examples.js";
// WU007 asks GitHub: its examples run against a fake GitHub on 127.0.0.1, never the internet.
import "../github-server/docs-world.js";
import {
  fixMarkdownlint,
  fixRemark,
  lintMarkdownlint,
  lintMarkdownlintInContext,
  lintRemark,
  lintRemarkInContext,
} from "../helpers/lint.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-docs-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
let examples = 0;

/** Rule cases written as data (test/rules/cases/<doc>.ts), by the rule's doc name. */
const cases = new Map<string, RuleCase[]>();
for (const file of fs.readdirSync(path.join(root, "test", "rules", "cases")).filter((f) => f.endsWith(".ts"))) {
  const doc = file.replace(/\.ts$/, "");
  cases.set(doc, ((await import(`./cases/${doc}.ts`)) as { CASES: RuleCase[] }).CASES);
}

/** Where an example's document stands: beside a profile file with the example's profile, if it has one. */
function documentFor(profile: Record<string, unknown> | null, file: string | null): string {
  const dir = path.join(scratch, String(++examples));
  fs.mkdirSync(path.join(dir, ".git"), { recursive: true });
  if (profile)
    fs.writeFileSync(
      path.join(dir, ".wrapup-lint.jsonc"),
      JSON.stringify({ name: "example", extends: "gardener", ...profile }),
    );
  return path.join(dir, file ?? "doc.md");
}

for (const rule of RULES) {
  const docPath = path.join(root, "rules", `${rule.doc}.md`);
  describe(`${rule.code} ${rule.name} (${rule.doc}.md)`, () => {
    test("has a doc with ok and not-ok examples, and a heading naming the rule", () => {
      expect(fs.existsSync(docPath)).toBe(true);
      const doc = fs.readFileSync(docPath, "utf8");
      expect(doc.split("\n")[0]).toBe(`# ${rule.code} ${rule.name}`);
      const examples = readExamples(docPath);
      expect(examples.some((e) => e.kind === "ok")).toBe(true);
      expect(examples.some((e) => e.kind === "not-ok")).toBe(true);
      for (const e of examples.filter((x) => x.kind === "not-ok")) expect(e.findings.length).toBeGreaterThan(0);
      if (rule.fixable) expect(examples.some((e) => e.fixed !== null)).toBe(true);
      expect(doc).toContain(rule.fixable ? "Fixable: yes" : "Fixable: no");
    });

    test("documents every option of its schema", () => {
      const doc = fs.readFileSync(docPath, "utf8");
      const properties = Object.keys((rule.schema["properties"] ?? {}) as Record<string, unknown>);
      const missing = properties.filter((p) => !doc.includes(`\`${p}\``));
      expect(missing, "options the doc does not name").toEqual([]);
    });

    const examples = fs.existsSync(docPath) ? readExamples(docPath) : [];
    for (const example of examples)
      test(`${example.kind} example at line ${example.docLine}`, () => runExample(rule, example));
    for (const c of cases.get(rule.doc) ?? []) test(`case: ${c.name}`, () => runExample(rule, caseExample(c)));
  });
}

/**
 * Through both linters: exactly the listed findings (with their columns and contexts where the
 * case gives them); the listed fix by both; nothing fixable left after it.
 */
async function runExample(rule: AnyRule, example: Example): Promise<void> {
  const config = { [rule.code]: example.options };
  // A profile of the example's own: a profile file in a folder of its own, as a user has it.
  const name = documentFor(example.profile, example.file);
  const expected = example.kind === "ok" ? [] : example.findings;
  for (const lint of [lintMarkdownlintInContext, lintRemarkInContext]) {
    const reported = (await lint(example.text, config, name)).filter((r) => r.code === rule.code);
    expect(
      reported.map((r, i) => asWritten(r, expected[i])),
      lint.name,
    ).toEqual(expected);
  }
  if (example.fixed === null) return;
  for (const fix of [fixMarkdownlint, fixRemark]) {
    const fixed = await fix(example.text, config, name);
    expect(fixed, fix.name).toBe(example.fixed);
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const left = (await lint(fixed, config, name)).filter((r) => r.fix !== null);
      expect(left, `${fix.name} then ${lint.name}`).toEqual([]);
    }
  }
}
