/**
 * End to end, as a user runs it: the `wrapup-lint` CLI (markdownlint-cli2 underneath) and
 * remark-cli with the preset, in a temporary project, on real files.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { readDraft, readWrapup } from "../helpers/corpus.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "wrapup-lint.js");
const remarkBin = path.join(root, "node_modules", "remark-cli", "cli.js");

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  // The project depends on wrapup-lint, as a user's would.
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules", "wrapup-lint"), "dir");
  return dir;
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", WRAPUP_LINT_OFFLINE: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

/** `file:line` and the rule name of every finding markdownlint-cli2's default formatter printed. */
function markdownlintFindings(output: string): string[] {
  return [...output.matchAll(/^[^\s:]+\.md:(\d+)(?::\d+)? (?:error|warning) WU\d{3}\/([\w-]+) /gm)]
    .map((m) => `${m[2]}:${m[1]}`)
    .sort();
}

/** The same from remark-cli's reporter (`  3:1-3:9  warning  Reason  rule-id  wrapup-lint`). */
function remarkFindings(output: string): string[] {
  return [...output.matchAll(/^\s*(\d+):\d+(?:-\d+:\d+)?\s+(?:warning|error)\s+.*?\s+([\w-]+)\s+wrapup-lint\s*$/gm)]
    .map((m) => `${m[2]}:${m[1]}`)
    .sort();
}

const structureOnly = JSON.stringify({
  config: { default: false, WU002: true, WU003: true, WU004: true, WU005: true },
  customRules: ["wrapup-lint/markdownlint"],
});

beforeAll(() => {
  if (!fs.existsSync(path.join(root, "dist", "src", "cli", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does)");
});

describe("wrapup-lint CLI", () => {
  test("no config file: the suite alone runs; findings exit 1 and name rule and line", () => {
    const dir = project({ "docs/2025-12.md": readDraft("2025-12.md"), "docs/2025-07.md": readWrapup("2025-07.md") });
    const r = run(bin, ["docs/*.md"], dir);
    expect(r.code).toBe(1);
    expect(r.output).toContain("docs/2025-12.md:19 error WU002/wrapup-event-details");
    expect(r.output).toContain("Missing `Organizer` item in the event details list");
    expect(r.output).not.toContain("docs/2025-07.md");
    expect(r.output).not.toMatch(/MD\d{3}/);
  });

  test("clean files exit 0", () => {
    const dir = project({ "ok.md": "# Notes\n\nNothing to see.\n" });
    const r = run(bin, ["*.md"], dir);
    expect(r.code, r.output).toBe(0);
  });

  test("usage errors exit 2 with one line", () => {
    const dir = project({});
    const cases: [string[], string][] = [
      [[], "wrapup-lint: no files given: wrapup-lint GLOB... (see --help)"],
      [["--bogus", "x.md"], "wrapup-lint: unknown option --bogus (see --help)"],
      [["-x", "x.md"], "wrapup-lint: unknown option -x (see --help)"],
      [["--config"], "wrapup-lint: --config needs a value (see --help)"],
      [["--format", "--offline", "x.md"], "wrapup-lint: --format needs a value (see --help)"],
      [["--format=", "x.md"], "wrapup-lint: --format needs a value (see --help)"],
      [["-o"], "wrapup-lint: --output needs a value (see --help)"],
      [["--offline=yes", "x.md"], "wrapup-lint: --offline takes no value (see --help)"],
      [
        ["--format", "xml", "x.md"],
        'wrapup-lint: --format: unknown format "xml" (one of default, json, sarif, junit, github)',
      ],
      [["--config", "missing.jsonc", "x.md"], "wrapup-lint: --config: no such file: missing.jsonc"],
    ];
    for (const [args, said] of cases) {
      const r = run(bin, args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim(), args.join(" ")).toBe(said);
    }
  });

  test("a bad rule option exits 2 with a one-line message naming rule and option", () => {
    const dir = project({
      "w.md": readWrapup("2023-11.md"),
      ".markdownlint-cli2.jsonc": JSON.stringify({
        config: { default: false, WU003: { order: "yes" } },
        customRules: ["wrapup-lint/markdownlint"],
      }),
    });
    const r = run(bin, ["*.md"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('wrapup-lint: WU003/wrapup-section-fields: option "order" must be boolean');
  });

  test("--fix applies the certain fixes, in place; the rest stays reported", () => {
    const broken = fs.readFileSync(path.join(root, "fixtures", "heading-style-broken.md"), "utf8");
    const dir = project({ "w.md": broken, ".markdownlint-cli2.jsonc": structureOnly });
    const before = markdownlintFindings(run(bin, ["*.md"], dir).output);
    const r = run(bin, ["--fix", "*.md"], dir);
    const fixed = fs.readFileSync(path.join(dir, "w.md"), "utf8");
    expect(fixed).not.toBe(broken);
    expect(fixed).toContain("- 🗓️ **Date:** 24.11.2025 – 28.11.2025");
    expect(fixed).toContain("## 🫆 Enrich Shoot Logs");
    expect(fixed).toContain("## ℹ️ Expose EgressCIDRs");
    expect(fixed).toContain("### Next Steps\n\n* Adapt");
    const after = markdownlintFindings(r.output);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    expect(after.every((f) => f.startsWith("wrapup-section-fields:"))).toBe(true);
  });

  test("--help and --version", () => {
    const dir = project({});
    expect(run(bin, ["--help"], dir).stdout).toContain("Usage: wrapup-lint");
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(run(bin, ["--version"], dir).stdout.trim()).toBe(pkg.version);
  });
});

describe("remark-cli with the preset", () => {
  const rc = 'import preset from "wrapup-lint/remark";\nexport default preset;\n';

  test("reports the same rules on the same lines as markdownlint-cli2", () => {
    const broken = fs.readFileSync(path.join(root, "fixtures", "bold-style-broken.md"), "utf8");
    const dir = project({ "w.md": broken, ".remarkrc.mjs": rc, ".markdownlint-cli2.jsonc": structureOnly });
    const remark = run(remarkBin, ["w.md", "--frail", "--no-stdout", "--no-color"], dir);
    expect(remark.code, remark.output).toBe(1);
    const fromRemark = remarkFindings(remark.output).filter((f) =>
      /^wrapup-(event-details|section-fields|field-label|section-heading):/.test(f),
    );
    const fromMarkdownlint = markdownlintFindings(run(bin, ["w.md"], dir).output);
    expect(fromRemark.length).toBeGreaterThan(5);
    expect(fromRemark).toEqual(fromMarkdownlint);
  });

  test("<!--lint disable wrapup-section-fields--> silences the rule", () => {
    const text = readDraft("2025-12.md");
    const dir = project({
      "a.md": text,
      "b.md": text.replace("# Hack The Garden", "<!--lint disable wrapup-section-fields-->\n\n# Hack The Garden"),
      ".remarkrc.mjs": rc,
    });
    const a = remarkFindings(run(remarkBin, ["a.md", "--no-stdout", "--no-color"], dir).output);
    const b = remarkFindings(run(remarkBin, ["b.md", "--no-stdout", "--no-color"], dir).output);
    expect(a.some((f) => f.startsWith("wrapup-section-fields:"))).toBe(true);
    expect(b.some((f) => f.startsWith("wrapup-section-fields:"))).toBe(false);
    expect(b.some((f) => f.startsWith("wrapup-event-details:"))).toBe(true);
  });

  test("one rule configured through the preset's plugins; a bad option fails naming rule and option", () => {
    const configured = (options: string) =>
      `import preset, { plugins } from "wrapup-lint/remark";\nexport default { plugins: [preset, [plugins["wrapup-section-fields"], ${options}]] };\n`;
    // A real page with a misspelt label and a bold label that names no field.
    const text = readWrapup("2023-11.md")
      .replace("**Achievements:**", "**Achievementz:**")
      .replace("**Next Steps:**", "**Owner:** Jane.\n\n**Next Steps:**");
    const line = (start: string): string =>
      `wrapup-section-fields:${text.split("\n").findIndex((l) => l.startsWith(start)) + 1}`;
    const good = project({ "w.md": text, ".remarkrc.mjs": configured("[1, { unknown: true }]") });
    const goodRun = remarkFindings(run(remarkBin, ["w.md", "--no-stdout", "--no-color"], good).output);
    const defaultRun = remarkFindings(
      run(remarkBin, ["w.md", "--no-stdout", "--no-color"], project({ "w.md": text, ".remarkrc.mjs": rc })).output,
    );
    // By default the slip only; with `unknown: true` the unknown label too.
    expect(defaultRun.filter((f) => f.startsWith("wrapup-section-fields:"))).toEqual([line("**Achievementz:**")]);
    expect(goodRun.filter((f) => f.startsWith("wrapup-section-fields:")).sort()).toEqual(
      [line("**Achievementz:**"), line("**Owner:**")].sort(),
    );
    const bad = project({ "w.md": text, ".remarkrc.mjs": configured('{ order: "yes" }') });
    const r = run(remarkBin, ["w.md", "--no-stdout", "--no-color"], bad);
    expect(r.code).toBe(1);
    expect(r.output).toContain('WU003/wrapup-section-fields: option "order" must be boolean');
  });
});
