/**
 * Fix safety: fixing twice equals fixing once, in both linters; no byte outside a fix's span
 * changes; `wrapup-lint --fix` writes a file only when it changes, atomically (a rename: the
 * file's inode changes, no temporary file is left), keeping each line's ending and a byte-order
 * mark, and the file's mode.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { applyFixes } from "markdownlint";
import { beforeAll, describe, expect, test } from "vitest";
import { normalize, restore } from "../../src/cli/fix-files.js";
import { RULES } from "../../rules/index.js";
import { readWrapup, wrapups } from "../helpers/corpus.js";
import { fixMarkdownlint, fixRemark, lintMarkdownlint, runMarkdownlint, type SuiteConfig } from "../helpers/lint.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "wrapup-lint.js");
const fixtures = path.join(root, "fixtures");
const ALL: SuiteConfig = Object.fromEntries(RULES.filter((r) => !r.asynchronous).map((r) => [r.code, true]));

/** Real wrap-ups and the broken fixtures: pages with fixable findings of every fixable rule. */
function documents(): [string, string][] {
  const broken = fs.readdirSync(fixtures).filter((f) => f.endsWith(".md")).map((f): [string, string] => [f, fs.readFileSync(path.join(fixtures, f), "utf8")]);
  return [...wrapups().map((w): [string, string] => [w, readWrapup(w)]), ...broken];
}

const variants = (text: string): Record<string, string> => ({
  lf: text,
  crlf: text.replace(/\r?\n/g, "\r\n"),
  bom: "\uFEFF" + text,
});

describe("fixing twice equals fixing once", () => {
  test("markdownlint and remark, every real wrap-up and fixture, LF, CRLF and BOM", async () => {
    let fixedSome = 0;
    for (const [name, page] of documents()) {
      for (const [variant, text] of Object.entries(variants(page))) {
        const once = await fixMarkdownlint(text, ALL);
        expect(await fixMarkdownlint(once, ALL), `${name} (${variant}) markdownlint`).toBe(once);
        const remarkOnce = await fixRemark(text, ALL);
        expect(await fixRemark(remarkOnce, ALL), `${name} (${variant}) remark`).toBe(remarkOnce);
        if (once !== text) fixedSome++;
      }
    }
    expect(fixedSome).toBeGreaterThan(5);
  });

  test("documents assembled from real wrap-up lines with faults spliced in", async () => {
    const lines = wrapups().flatMap((w) => readWrapup(w).split("\n"));
    const faults = ["**Next steps:**", "**Code**:", "## 🚀Title", "## ℹ Title", "- 🗓️ **Date:** 06.11.2023-10.11.2023", "â€“ text", "⚡️️ x", "### Next Steps:"];
    const doc = fc
      .tuple(fc.array(fc.oneof(fc.nat(lines.length - 1).map((i) => lines[i]!), fc.constantFrom(...faults)), { minLength: 1, maxLength: 60 }), fc.constantFrom("\n", "\r\n"))
      .map(([picked, eol]) => "# Hack The Garden 11/2023 Wrap Up" + eol + eol + picked.join(eol) + eol);
    await fc.assert(
      fc.asyncProperty(doc, async (text) => {
        const once = await fixMarkdownlint(text, ALL);
        expect(await fixMarkdownlint(once, ALL)).toBe(once);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});

describe("no byte outside a fix's span changes", () => {
  test("markdownlint's applyFixes with the suite's fixes: only the spans differ", async () => {
    let spans = 0;
    for (const [name, page] of documents()) {
      for (const [variant, text] of Object.entries(variants(page))) {
        const errors = await runMarkdownlint(text, ALL);
        const fixed = applyFixes(text, errors);
        const reported = await lintMarkdownlint(text, ALL);
        const byLine = new Map<number, [number, number, string][]>();
        for (const r of reported) {
          if (!r.fix) continue;
          const [line, column, deleteCount, insertText] = r.fix;
          byLine.set(line, [...(byLine.get(line) ?? []), [column, deleteCount, insertText]]);
        }
        // The same lines, with the same endings and BOM; each line equal outside its fixes.
        const split = (t: string) => t.split(/(?<=\r\n|\r(?!\n)|\n)/);
        const before = split(text);
        const after = split(fixed);
        expect(after.length, `${name} (${variant})`).toBe(before.length);
        before.forEach((original, i) => {
          const now = after[i]!;
          const ending = /\r\n|\r|\n$/.exec(original)?.[0] ?? "";
          expect(now.endsWith(ending), `${name} (${variant}) line ${i + 1} ending`).toBe(true);
          const fixes = byLine.get(i + 1);
          if (!fixes) {
            expect(now, `${name} (${variant}) line ${i + 1}`).toBe(original);
            return;
          }
          // Fixes on a line never overlap: rebuild the line from the original and the fixes.
          const bom = i === 0 && original.startsWith("\uFEFF") ? 1 : 0;
          let expected = original;
          for (const [column, deleteCount, insertText] of [...fixes].sort((a, b) => b[0] - a[0])) {
            const at = column - 1 + bom;
            expected = expected.slice(0, at) + insertText + expected.slice(at + deleteCount);
            spans++;
          }
          expect(now, `${name} (${variant}) line ${i + 1}`).toBe(expected);
        });
        if (variant === "bom") expect(fixed.startsWith("\uFEFF")).toBe(true);
      }
    }
    expect(spans).toBeGreaterThan(10);
  });
});

describe("restore: the linted text back to the file's own endings", () => {
  test("each line keeps its ending, the BOM stays; added lines take the common ending", () => {
    const original = "\uFEFFa\r\nb\nc\rd";
    expect(normalize(original)).toBe("a\nb\nc\nd");
    expect(restore(original, "A\nb\nC\nd")).toBe("\uFEFFA\r\nb\nC\rd");
    expect(restore("x\r\ny\r\nz\n", "x\nnew\ny\nz\n")).toBe("x\r\nnew\r\ny\r\nz\n".replace("z\n", "z\r\n"));
    expect(restore(original, normalize(original))).toBe(original);
  });

  test("any text: restoring its own normalized form gives it back", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "\n", "\r", "\r\n", "\uFEFF", " ") }), (text) => {
        expect(restore(text, normalize(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("wrapup-lint --fix on files", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(root, "dist", "src", "cli", "fix-files.js"))) throw new Error("dist/ is stale or missing: run `npm run build`");
  });

  const config = JSON.stringify({ config: { default: false, WU002: true, WU003: true, WU004: true, WU005: true, WU008: true }, customRules: ["wrapup-lint/markdownlint"] });
  const broken = fs.readFileSync(path.join(fixtures, "heading-style-broken.md"), "utf8");

  function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-fix-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(root, path.join(dir, "node_modules", "wrapup-lint"), "dir");
    return dir;
  }

  const fix = (dir: string, ...globs: string[]) =>
    spawnSync(process.execPath, [bin, "--fix", ...globs], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", WRAPUP_LINT_OFFLINE: "1" } });

  test("CRLF stays CRLF, mixed endings stay mixed, the BOM stays; fixed like the LF file", async () => {
    const lines = broken.split("\n");
    const files = {
      "lf.md": broken,
      "crlf.md": broken.replace(/\n/g, "\r\n"),
      "bom.md": "\uFEFF" + broken,
      "mixed.md": lines.map((l, i) => l + (i === lines.length - 1 ? "" : i % 2 ? "\n" : "\r\n")).join(""),
      "cr.md": broken.replace(/\n/g, "\r"),
      ".markdownlint-cli2.jsonc": config,
    };
    const dir = project(files);
    const r = fix(dir, "*.md");
    expect(r.status, r.stdout + r.stderr).toBe(1); // unfixable findings remain
    const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
    const lf = read("lf.md");
    expect(lf).not.toBe(broken);
    for (const name of ["crlf.md", "bom.md", "mixed.md", "cr.md"]) {
      const before = files[name as keyof typeof files];
      const after = read(name);
      // Same text once endings and BOM are set aside, and the same endings line by line.
      expect(normalize(after), name).toBe(lf);
      const endings = (t: string) => t.match(/\r\n|\r|\n/g) ?? [];
      expect(endings(after), name).toEqual(endings(before));
      expect(after.startsWith("\uFEFF"), name).toBe(before.startsWith("\uFEFF"));
    }
  });

  test("only changed files are written (mtime kept otherwise), by rename, with their mode", () => {
    const dir = project({
      "fixable.md": broken,
      "clean.md": "# Notes\r\n\r\nNothing to fix.\r\n",
      "unfixable.md": "# Hack The Garden Wrap Up\n\n## 🚀 Project\n\n**Problem Statement:** x\n",
      ".markdownlint-cli2.jsonc": config,
    });
    const old = new Date("2020-01-01T00:00:00Z");
    const stat = (name: string) => fs.statSync(path.join(dir, name));
    for (const name of ["fixable.md", "clean.md", "unfixable.md"]) fs.utimesSync(path.join(dir, name), old, old);
    fs.chmodSync(path.join(dir, "fixable.md"), 0o640);
    const inode = stat("fixable.md").ino;
    const r = fix(dir, "*.md");
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(stat("clean.md").mtimeMs).toBe(old.getTime());
    expect(stat("unfixable.md").mtimeMs).toBe(old.getTime());
    expect(stat("fixable.md").mtimeMs).toBeGreaterThan(old.getTime());
    // A rename put a new file in place: a new inode, the old mode, no temporary file left.
    expect(stat("fixable.md").ino).not.toBe(inode);
    expect(stat("fixable.md").mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // A second --fix finds nothing to fix: nothing is written.
    fs.utimesSync(path.join(dir, "fixable.md"), old, old);
    fix(dir, "*.md");
    expect(stat("fixable.md").mtimeMs).toBe(old.getTime());
  });

  test("a symbolic link: the file behind it is fixed, the link stays a link", () => {
    const dir = project({ "real.md": broken, ".markdownlint-cli2.jsonc": config });
    fs.mkdirSync(path.join(dir, "docs"));
    fs.symlinkSync(path.join(dir, "real.md"), path.join(dir, "docs", "link.md"));
    const r = fix(dir, "docs/*.md");
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(fs.lstatSync(path.join(dir, "docs", "link.md")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, "real.md"), "utf8")).not.toBe(broken);
  });
});
