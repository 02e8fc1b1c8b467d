/**
 * `wrapup-lint --fix` on files (the built CLI in a child process): a file is written only when it
 * changes, atomically (a rename: the file's inode changes, no temporary file is left), keeping
 * each line's ending and a byte-order mark, and the file's mode; a symbolic link stays a link.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { normalize } from "../../src/cli/fix-files.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "wrapup-lint.js");
const fixtures = path.join(root, "fixtures");

describe("wrapup-lint --fix on files", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(root, "dist", "src", "cli", "fix-files.js")))
      throw new Error("dist/ is stale or missing: run `npm run build`");
  });

  const config = JSON.stringify({
    config: { default: false, WU002: true, WU003: true, WU004: true, WU005: true, WU008: true },
    customRules: ["wrapup-lint/markdownlint"],
  });
  const broken = fs.readFileSync(path.join(fixtures, "heading-style-broken.md"), "utf8");

  function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-fix-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(root, path.join(dir, "node_modules", "wrapup-lint"), "dir");
    return dir;
  }

  const fix = (dir: string, ...globs: string[]) =>
    spawnSync(process.execPath, [bin, "--fix", ...globs], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", WRAPUP_LINT_OFFLINE: "1" },
    });

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
