/**
 * The house style, learned: the published pages are its ground truth. With no configuration
 * the 12 published Gardener wrap-ups get only the findings their authors would fix (each named
 * below with why); every fault put into copies of them is found by both linters on its line.
 * A second community (the same pages with every convention changed, test/helpers/community.ts)
 * runs `wrapup-lint init`: no finding on its pages after that, and the same faults found at the
 * same rate.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runInit } from "../../src/cli/commands/init.js";
import { documentOf } from "../../src/core/run-rule.js";
import { remarkModel } from "../helpers/models.js";
import { bundledProfile, DEFAULT_PROFILE, forgetProfileFiles, loadProfileFile } from "../../src/profile/load.js";
import type { Profile } from "../../src/profile/types.js";
import { communityPages } from "../helpers/community.js";
import { readWrapup, wrapups } from "../helpers/corpus.js";
import { faultsOf, type Fault } from "../helpers/faults.js";
import {
  fromLintError,
  fromMessage,
  runMarkdownlint,
  runRemark,
  type Reported,
  OFFLINE_SUITE,
} from "../helpers/lint.js";

const LINTERS = {
  markdownlint: async (text: string, name: string): Promise<Reported[]> =>
    (await runMarkdownlint(text, OFFLINE_SUITE, name)).map(fromLintError),
  remark: async (text: string, name: string): Promise<Reported[]> =>
    (await runRemark(text, OFFLINE_SUITE, name)).messages.map(fromMessage),
};

const show = (r: Reported): string => `${r.code} ${r.line}: ${r.message}`;
const sorted = (rs: Reported[]): string[] => rs.map(show).sort();

/**
 * What the published pages still get, each a slip their authors would mend: a label written two
 * ways on one page, a mis-cased label among nine written right, a doubled variation selector.
 */
const PUBLISHED: Record<string, string[]> = {
  // `**Code**:` six times, `**Code:**` four times; `**Issue**:` four times, `**Issue:**` once.
  "2023-05.md": [
    "WU004 143: Unexpected label `**Code:**`, expected `**Code**:` (colon outside the bold text, as on line 36)",
    "WU004 155: Unexpected label `**Issue:**`, expected `**Issue**:` (colon outside the bold text, as on line 73)",
    "WU004 49: Unexpected label `**Code:**`, expected `**Code**:` (colon outside the bold text, as on line 36)",
    "WU004 75: Unexpected label `**Code:**`, expected `**Code**:` (colon outside the bold text, as on line 36)",
    "WU004 91: Unexpected label `**Code:**`, expected `**Code**:` (colon outside the bold text, as on line 36)",
  ],
  // `⚖️` followed by a second U+FE0F, invisible and meaningless.
  "2025-11.md": ["WU008 417: Unexpected redundant variation selector U+FE0F after `⚖️`, expected `⚖️`"],
  // `### Next steps` where the page's other nine sections write `### Next Steps`.
  "2026-05.md": ["WU004 47: Unexpected heading `Next steps`, expected `Next Steps` (spelling `Next Steps`)"],
};

describe("the published Gardener pages, no configuration", () => {
  for (const name of wrapups()) {
    test(`${name}: only the slips its authors would mend`, async () => {
      const text = readWrapup(name);
      for (const [linter, lint] of Object.entries(LINTERS)) {
        expect(sorted(await lint(text, name)), linter).toEqual(PUBLISHED[name] ?? []);
      }
    }, 600_000);
  }
});

interface Recall {
  found: number;
  missed: string[];
  total: number;
}

/** Runs every fault through both linters; returns what each found. */
async function inject(pages: Record<string, string>, profile: Profile, dir: string): Promise<Record<string, Recall>> {
  const recall: Record<string, Recall> = {
    markdownlint: { found: 0, missed: [], total: 0 },
    remark: { found: 0, missed: [], total: 0 },
  };
  for (const [name, text] of Object.entries(pages)) {
    const file = path.join(dir, name);
    const faults: Fault[] = faultsOf(text, profile, file);
    for (const [linter, lint] of Object.entries(LINTERS)) {
      const clean = await lint(text, file);
      for (const fault of faults) {
        // Let vitest's worker talk to its parent now and then.
        await new Promise((resolve) => setImmediate(resolve));
        const found = await lint(fault.text, file);
        const r = recall[linter]!;
        r.total++;
        const hit = found.some((f) => f.code === fault.code && f.line === fault.line && f.message.includes(fault.says));
        let others = true;
        if (fault.othersStay) {
          const expected = clean.flatMap((c) => {
            const line = fault.shift(c.line);
            return line === null ? [] : [`${c.code} ${line}: ${c.message}`];
          });
          const rest = found
            .filter((f) => !(f.code === fault.code && f.line === fault.line && f.message.includes(fault.says)))
            .map(show);
          // Other findings stay (a missing field's section may also lose what it named).
          others =
            expected.every((e) => rest.includes(e)) &&
            rest.every((e) => expected.includes(e) || e.startsWith(fault.code));
        }
        if (hit && others) r.found++;
        else
          r.missed.push(
            `${name} ${fault.kind} ${fault.code}:${fault.line}${hit ? " (other findings changed)" : ""}\n  got: ${found.map(show).join("\n       ")}`,
          );
      }
    }
  }
  return recall;
}

const KINDS_GARDENER = [
  "missing",
  "empty",
  "placeholder",
  "field-as-h2",
  "misspelt",
  "duplicate",
  "mis-cased",
  "colon",
  "two-ways",
  "heading-space",
  "heading-emoji",
  "copied-title",
  "mojibake",
  "hidden-heading",
  "event-missing",
  "event-misspelt",
  "event-mis-cased",
  "doubled-vs",
];

describe("faults put into the published Gardener pages", () => {
  test("are found by both linters on their lines (recall ≥ 99 %)", async () => {
    const profile = bundledProfile(DEFAULT_PROFILE);
    // Clean copies: the published slips mended, so that each finding is the fault's.
    const pages = Object.fromEntries(wrapups().map((name) => [name, mend(readWrapup(name))]));
    const kinds = new Set(
      Object.entries(pages).flatMap(([name, text]) => faultsOf(text, profile, name).map((f) => f.kind)),
    );
    expect([...kinds].sort()).toEqual([...KINDS_GARDENER].sort());
    const recall = await inject(pages, profile, process.cwd());
    for (const [linter, r] of Object.entries(recall)) {
      console.log(`Gardener fault injection, ${linter}: ${r.found} of ${r.total} found`);
      expect(r.total).toBeGreaterThan(250);
      expect(r.found / r.total, `${linter} missed:\n${r.missed.join("\n")}`).toBeGreaterThanOrEqual(0.99);
    }
  }, 900_000);
});

/** The published slips mended (see PUBLISHED). */
function mend(text: string): string {
  return text
    .replace(/^\*\*Code:\*\*/gm, (m) => (text.includes("**Code**:") ? "**Code**:" : m))
    .replace(/^\*\*Issue:\*\*/gm, (m) => (text.includes("**Issue**:") ? "**Issue**:" : m))
    .replace(/^### Next steps$/m, "### Next Steps")
    .replace(/\u2696\uFE0F\uFE0F/g, "\u2696\uFE0F");
}

describe("a second community: init, then lint", () => {
  let root: string;
  let pages: Record<string, string>;
  let report: string[];
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-community-"));
    fs.mkdirSync(path.join(root, ".git"));
    pages = communityPages();
    for (const [name, text] of Object.entries(pages)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    fs.writeFileSync(path.join(root, "CONTRIBUTING.md"), "# Contributing\n\n## Setup\n\nRun the tests.\n");
    report = [];
    forgetProfileFiles();
    const code = await runInit([], { out: (l) => report.push(l), err: (l) => report.push(l), cwd: root });
    expect(code).toBe(0);
  }, 300_000);
  afterAll(() => {
    forgetProfileFiles();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test("init learns the community's conventions and says so", () => {
    const text = report.join("\n");
    expect(text).toContain("read 13 Markdown files; 12 are wrap-ups (10 with project fields");
    expect(text).toMatch(/required\s+Tracker, Goal, Impact, Results \(Decision stands in\)/);
    expect(text).toContain("With it, the 12 wrap-ups get no finding");
    const profile = loadProfileFile(path.join(root, ".wrapup-lint.jsonc"));
    expect(profile.wrapups.h1Source).toBe("\\bopen[\\s_-]*source[\\s_-]*hack[\\s_-]*week\\b.*\\breport\\b");
    expect(profile.frontMatter.required).toBe(false);
    expect(profile.eventDetails.date).toEqual({ label: "When", format: "YYYY-MM-DD", separator: " – " });
    expect(profile.fields.list.find((f) => f.label === "Goal")?.colon).toBe("inside");
    expect(profile.fields.list.find((f) => f.label === "Impact")?.colon).toBe("outside");
  });

  test("its pages are wrap-ups to its profile, and get no finding from either linter", async () => {
    for (const [name, text] of Object.entries(pages)) {
      expect(documentOf(remarkModel(text, path.join(root, name))).wrapup, name).toBe(true);
      for (const [linter, lint] of Object.entries(LINTERS)) {
        expect(sorted(await lint(text, path.join(root, name))), `${linter} ${name}`).toEqual([]);
      }
    }
  }, 600_000);

  test("without its profile (elsewhere), the Gardener default does not take its pages for wrap-ups", async () => {
    for (const lint of Object.values(LINTERS))
      expect(await lint(pages["2024-12_hack-week/README.md"]!, "elsewhere/README.md")).toEqual([]);
  }, 600_000);

  test("faults put into its pages are found at the same rate", async () => {
    const profile = loadProfileFile(path.join(root, ".wrapup-lint.jsonc"));
    const recall = await inject(pages, profile, root);
    for (const [linter, r] of Object.entries(recall)) {
      console.log(`Second community fault injection, ${linter}: ${r.found} of ${r.total} found`);
      expect(r.total).toBeGreaterThan(250);
      expect(r.found / r.total, `${linter} missed:\n${r.missed.join("\n")}`).toBeGreaterThanOrEqual(0.99);
    }
  }, 900_000);
});
