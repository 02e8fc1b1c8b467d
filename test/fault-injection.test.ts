/**
 * Fault injection on copies of real wrap-ups of both styles (bold labels: 2023-11; H3
 * headings: 2025-11): drop, misspell, empty or duplicate a field, move a colon, remove the
 * space after a heading emoji. Every fault is found by both linters on the right line, and
 * nothing else changes: the other findings stay, moved only by the lines the fault added or
 * removed.
 */
import { describe, expect, test } from "vitest";
import { readWrapup } from "./helpers/corpus.js";
import { lintMarkdownlint, lintRemark, type SuiteConfig } from "./helpers/lint.js";

const STRUCTURE: SuiteConfig = { WU001: true, WU002: true, WU003: true, WU004: true, WU005: true };

interface Injected {
  lines: string[];
  /** Findings the fault must add, as `CODE:line` in the changed document. */
  expected: string[];
  /** Where an original line ends up (null: removed). */
  shift: (line: number) => number | null;
}

type Fault = (lines: string[], section: number) => Injected;

/** 0-based index of the line of project section `n` (counting `## ` headings from 0). */
function sectionStart(lines: string[], n: number): number {
  const starts = lines.flatMap((l, i) => (l.startsWith("## ") ? [i] : []));
  const start = starts[n];
  if (start === undefined) throw new Error(`no section ${n}`);
  return start;
}

function sectionEnd(lines: string[], start: number): number {
  const next = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return next === -1 ? lines.length : next;
}

/** 0-based index of the line in section `n` that starts with `prefix`. */
function find(lines: string[], n: number, prefix: string): number {
  const start = sectionStart(lines, n);
  const end = sectionEnd(lines, start);
  for (let i = start; i < end; i++) if (lines[i]!.startsWith(prefix)) return i;
  throw new Error(`no line starting with ${prefix} in section ${n}`);
}

const same = (line: number): number => line;

/** Replace lines [from, from + count) with `insert`; returns the shift of the others. */
function splice(lines: string[], from: number, count: number, insert: string[]): { lines: string[]; shift: (line: number) => number | null } {
  const out = [...lines];
  out.splice(from, count, ...insert);
  const delta = insert.length - count;
  return {
    lines: out,
    shift: (line) => (line <= from ? line : line > from + count ? line + delta : null),
  };
}

/** The extent of an H3 field: its heading up to (not including) the next heading. */
function h3Extent(lines: string[], at: number): number {
  let end = at + 1;
  while (end < lines.length && !/^#{2,3} /.test(lines[end]!)) end++;
  return end - at;
}

/** `## 🛡️ Title` → `## 🛡️Title`: the same in both styles. */
const removeEmojiSpace: Fault = (lines, n) => {
  const at = sectionStart(lines, n);
  const out = [...lines];
  out[at] = out[at]!.replace(/^## (\S+) /u, "## $1");
  return { lines: out, shift: same, expected: [`WU005:${at + 1}`] };
};

const bold: Record<string, Fault> = {
  "drop a field": (lines, n) => {
    const at = find(lines, n, "**Achievements:**");
    const { lines: out, shift } = splice(lines, at, 2, []);
    return { lines: out, shift, expected: [`WU003:${sectionStart(lines, n) + 1}`] };
  },
  "misspell a field": (lines, n) => {
    const at = find(lines, n, "**Achievements:**");
    const out = [...lines];
    out[at] = out[at]!.replace("**Achievements:**", "**Acheivements:**");
    return { lines: out, shift: same, expected: [`WU003:${at + 1}`] };
  },
  "empty a field": (lines, n) => {
    const at = find(lines, n, "**Next Steps:**");
    const out = [...lines];
    out[at] = "**Next Steps:**";
    return { lines: out, shift: same, expected: [`WU003:${at + 1}`] };
  },
  "duplicate a field": (lines, n) => {
    const at = find(lines, n, "**Next Steps:**");
    const { lines: out, shift } = splice(lines, at + 1, 0, ["", "**Next Steps:** Once more."]);
    return { lines: out, shift, expected: [`WU003:${at + 3}`] };
  },
  "move a colon": (lines, n) => {
    const at = find(lines, n, "**Achievements:**");
    const out = [...lines];
    out[at] = out[at]!.replace("**Achievements:**", "**Achievements**:");
    return { lines: out, shift: same, expected: [`WU004:${at + 1}`] };
  },
  "remove the space after the heading emoji": removeEmojiSpace,
};

const heading: Record<string, Fault> = {
  "drop a field": (lines, n) => {
    const at = find(lines, n, "### Next Steps");
    const { lines: out, shift } = splice(lines, at, h3Extent(lines, at), []);
    return { lines: out, shift, expected: [`WU003:${sectionStart(lines, n) + 1}`] };
  },
  "misspell a field": (lines, n) => {
    const at = find(lines, n, "### Achievements");
    const out = [...lines];
    out[at] = "### Acheivements";
    return { lines: out, shift: same, expected: [`WU003:${at + 1}`] };
  },
  "empty a field": (lines, n) => {
    const at = find(lines, n, "### Next Steps");
    const { lines: out, shift } = splice(lines, at + 1, h3Extent(lines, at) - 1, [""]);
    return { lines: out, shift, expected: [`WU003:${at + 1}`] };
  },
  "duplicate a field": (lines, n) => {
    const at = find(lines, n, "### Code & Pull Requests");
    const { lines: out, shift } = splice(lines, at, 0, ["### Next Steps", "", "Once more.", ""]);
    return { lines: out, shift, expected: [`WU003:${at + 1}`] };
  },
  "move a colon": (lines, n) => {
    const at = find(lines, n, "### Achievements");
    const out = [...lines];
    out[at] = "### Achievements:";
    return { lines: out, shift: same, expected: [`WU004:${at + 1}`] };
  },
  "remove the space after the heading emoji": removeEmojiSpace,
};

const pages: [string, Record<string, Fault>, number[]][] = [
  ["2023-11.md", bold, [0, 1, 4]],
  ["2025-11.md", heading, [0, 3, 10]],
];

async function findings(text: string): Promise<string[][]> {
  return Promise.all(
    [lintMarkdownlint, lintRemark].map(async (lint) => (await lint(text, STRUCTURE)).map((r) => `${r.code}:${r.line}`).sort()),
  );
}

describe.each(pages)("fault injection on %s", (page, faults, sections) => {
  const original = readWrapup(page).split("\n");

  for (const [name, fault] of Object.entries(faults)) {
    for (const n of sections) {
      test(`${name} in section ${n}`, async () => {
        const [baseline] = await findings(original.join("\n"));
        const injected = fault(original, n);
        const kept = baseline!.flatMap((f) => {
          const [code, line] = f.split(":");
          const moved = injected.shift(Number(line));
          return moved === null ? [] : [`${code}:${moved}`];
        });
        const expected = [...kept, ...injected.expected].sort();
        const [fromMarkdownlint, fromRemark] = await findings(injected.lines.join("\n"));
        expect(fromMarkdownlint, "markdownlint").toEqual(expected);
        expect(fromRemark, "remark").toEqual(expected);
      });
    }
  }
});
