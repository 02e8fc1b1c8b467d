/**
 * WU001's cases as data, run like its doc's examples (test/rules/rule-docs.test.ts): through both
 * linters, each with the findings listed (none: an ok case), fixed and re-linted. What is not a
 * page and its findings (a user's schema file, errors thrown, generated input) stays in
 * test/rules/wu001-front-matter.test.ts.
 */
import path from "node:path";
import type { RuleCase } from "../../helpers/examples.js";

/** A user's schema file (test/rules/cases/schemas/), as a profile names it. */
const schema = (name: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({
  frontMatter: { schema: path.join(import.meta.dirname, "schemas", `${name}.schema.json`), ...more },
});

/** A wrap-up with the given front matter body (null: none) and the real page's H1 and Date. */
export function page(
  frontMatter: string | null,
  h1 = "Hack The Garden 11/2023 Wrap Up",
  date = "06.11.2023 – 10.11.2023",
): string {
  const head = frontMatter === null ? "" : `---\n${frontMatter}\n---\n\n`;
  return `${head}# ${h1}\n\n- 🗓️ **Date:** ${date}\n- 📍 **Location:** Schelklingen\n\n## ⚡️ Project\n\nText.\n`;
}

export const GOOD = 'title: "November 2023"\nweight: -202311';

const NO_FRONT_MATTER =
  "1: Unexpected wrap-up without front matter, expected a YAML block between `---` lines with `title` and `weight` at the top";
const EMPTY = "1: Unexpected empty front matter, expected `title` and `weight`";
const OCTOBER =
  "2: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up` and the event date `06.11.2023 – 10.11.2023`";
/** A title that three places contradict, and a weight that agrees with none of them. */
const CONTRADICTED = page(
  'title: "October 2023"\nweight: -202201',
  "Hack The Garden 11/2023 Wrap Up",
  "04.12.2023 – 08.12.2023",
);
const ACROSS = (title: string): string => page(title, "Hack The Garden Wrap Up", "30.10.2023 – 03.11.2023");
const CRLF = (text: string): string => "\uFEFF" + text.replace(/\n/g, "\r\n");
const WRONG_FILE = "2: Unexpected title `November 2023`, expected `May 2023` as in the file name `2023-05.md`";

export const CASES: RuleCase[] = [
  // YAML syntax: each error at its line and column
  {
    name: "an unclosed double quote, at the opening quote",
    text: page('github_subdir: x\ntitle: "November 2023\nweight: -202311\nlocal: true'),
    findings: [
      '3:8: Unexpected `"November 2023` without a closing `"`, expected `"November 2023"` [Context: ""November 2023"]',
    ],
  },
  {
    name: "bad indentation",
    text: page(`${GOOD}\npath_base_for_github_subdir:\n  from: a.md\n to: b.md`),
    findings: [
      '6:1: Unexpected indentation of `to: b.md` (1 space), expected it to line up with the other keys of its mapping [Context: " to: b.md"]',
    ],
  },
  {
    name: "a tab in the indentation, at the tab",
    text: page(`${GOOD}\nparams:\n  github_branch: master\n  \tlocal: true`),
    findings: ["6:3: Unexpected tab in the indentation of `local: true`, expected spaces"],
  },
  {
    name: "a duplicate key, at the second one, naming the first",
    text: page(`${GOOD}\nprev: false\nweight: -202311`),
    findings: [
      '5:1: Unexpected second `weight` key, expected each key once (the first `weight` is on line 3) [Context: "weight"]',
    ],
  },
  {
    name: "an unclosed `[`, at the bracket",
    text: page(`${GOOD}\nprev: [a, b\nlocal: true`),
    findings: ['4:7: Unexpected `[a, b` without a closing `]`, expected `]` to end the list [Context: "[a, b"]'],
  },
  {
    name: "an alias without an anchor",
    text: page('title: "November 2023"\nweight: *w'),
    findings: [
      '3:9: Unexpected `*w`, expected plain YAML values (Unresolved alias (the anchor must be set before the alias): w) [Context: "*w"]',
    ],
  },
  {
    name: "an unclosed single quote",
    text: page("title: 'November 2023\nweight: -202311"),
    findings: ["2: Unexpected `'November 2023` without a closing `'`, expected `'November 2023'`"],
  },
  {
    name: "a key indented under a scalar",
    text: page('title: "November 2023"\n  weight: -202311'),
    findings: [
      "3: Unexpected indentation of `weight: -202311` (2 spaces), expected it to line up with the other keys of its mapping",
    ],
  },
  {
    name: "a duplicate key in a nested mapping",
    text: page(`${GOOD}\nparams:\n  github_branch: master\n  github_branch: main`),
    findings: [
      "6: Unexpected second `github_branch` key, expected each key once (the first `github_branch` is on line 5)",
    ],
  },
  {
    name: "an unclosed `{`",
    text: page(`${GOOD}\nprev: {text: a\nlocal: true`),
    findings: ["4: Unexpected `{text: a` without a closing `}`, expected `}` to end the mapping"],
  },
  {
    name: "any other syntax error, with the parser's words",
    text: page(`${GOOD}\nprev: [a, b]]`),
    findings: ['4: Unexpected `]`, expected valid YAML (Unexpected flow-seq-end token in YAML stream: "]")'],
  },
  // Schema
  {
    name: "each schema error on its key's line, in words a person understands",
    text: page(
      'title: "Nov 2023"\nweight: "abc"\nlocal: yes\nprev: 3\noutline: deeper\npath_base_for_github_subdir:\n  from: a.md',
    ),
    profile: { frontMatter: { weight: null } },
    findings: [
      '2:8: Unexpected `"Nov 2023"` for `title`, expected a month and year such as `May 2026` [Context: ""Nov 2023""]',
      '3:9: Unexpected `"abc"` for `weight`, expected an integer [Context: ""abc""]',
      '4:8: Unexpected `yes` for `local`, expected `true` or `false` [Context: "yes"]',
      '5:7: Unexpected `3` for `prev`, expected `true` or `false` [Context: "3"]',
      '6:10: Unexpected `deeper` for `outline`, expected an integer [Context: "deeper"]',
    ],
  },
  {
    name: "a non-integer weight with a valid title: once, with the value it should have, and fixed",
    text: page('title: "November 2023"\nweight: "abc"'),
    findings: ['3:9: Unexpected weight `"abc"`, expected `-202311` for the title `November 2023` [Context: ""abc""]'],
    fixed: page(GOOD),
  },
  {
    name: "a missing key, on the opening `---`",
    text: page("weight: -202311\nlocal: true"),
    findings: ["1: Unexpected front matter without `title`, expected a `title` key"],
  },
  {
    name: "two missing keys",
    text: page("local: true"),
    findings: [
      "1: Unexpected front matter without `title`, expected a `title` key",
      "1: Unexpected front matter without `weight`, expected a `weight` key",
    ],
  },
  {
    name: "a list as the whole front matter",
    text: page("- a\n- b"),
    findings: ["2: Unexpected list as the front matter, expected a mapping of keys"],
  },
  {
    name: "a scalar as the whole front matter",
    text: page("hello"),
    findings: ["2: Unexpected `hello` as the front matter, expected a mapping of keys"],
  },
  { name: "other keys are allowed", text: page(`${GOOD}\ndescription: The wrap-up\naliases: [/x]`), findings: [] },
  // A user's schema file replaces the Gardener schema
  {
    name: "a user's schema",
    text: page(`${GOOD}\nauthor: X\nlevel: guru\nlocal: true`),
    profile: schema("strict"),
    findings: [
      "4: Unexpected `X` for `author`, expected at least 2 characters",
      '5: Unexpected `guru` for `level`, expected one of `"beginner"` or `"expert"`',
      "6: Unexpected key `local`, expected only `title`, `weight`, `author` or `level`",
    ],
  },
  {
    name: "the same page under the Gardener schema",
    text: page(`${GOOD}\nauthor: X\nlevel: guru\nlocal: true`),
    findings: [],
  },
  {
    name: "a 2020-12 schema: unevaluatedProperties",
    text: page(`${GOOD}\ntags: [a]`),
    profile: schema("2020-12"),
    findings: ["4: Unexpected `[a]` for `tags`, expected anything but a list"],
  },
  {
    name: "a 2020-12 schema: exclusiveMaximum",
    text: page('title: "November 2023"\nweight: -5'),
    profile: schema("2020-12", { weight: null }),
    findings: ["3: Unexpected `-5` for `weight`, expected a number < -200000"],
  },
  {
    name: "a 2020-12 schema: unevaluatedProperties: false",
    text: page(`${GOOD}\ntags: [a]`),
    profile: schema("closed"),
    findings: ["4: Unexpected key `tags`, expected only `title` or `weight`"],
  },
  // Consistency
  {
    name: "the weight is minus YYYYMM of the title, and is fixed",
    text: page('title: "November 2023"\nweight: -202305 # copied'),
    findings: [
      '3:9: Unexpected weight `-202305`, expected `-202311` for the title `November 2023` [Context: "-202305"]',
    ],
    fixed: page('title: "November 2023"\nweight: -202311 # copied'),
  },
  {
    name: "an empty weight gets its value",
    text: page('title: "November 2023"\nweight:\nlocal: true'),
    findings: ["3: Unexpected empty `weight`, expected `-202311` for the title `November 2023`"],
    fixed: page('title: "November 2023"\nweight: -202311\nlocal: true'),
  },
  {
    name: "the title agrees with the H1, the event date and a dated file name; which one is wrong is for a person to say",
    text: page('title: "October 2023"\nweight: -202310'),
    file: "hackathons/2023-11.md",
    findings: [
      '2:8: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up`, the event date `06.11.2023 – 10.11.2023` and the file name `2023-11.md` [Context: ""October 2023""]',
    ],
  },
  {
    name: "a weight that agrees with nothing is not fixed when the title is contradicted",
    text: page('title: "October 2023"\nweight: -202201'),
    findings: [OCTOBER, "3: Unexpected weight `-202201`, expected `-202310` for the title `October 2023`"],
  },
  {
    name: "an event across two months accepts the first",
    text: ACROSS('title: "October 2023"\nweight: -202310'),
    findings: [],
  },
  {
    name: "an event across two months accepts the second",
    text: ACROSS('title: "November 2023"\nweight: -202311'),
    findings: [],
  },
  {
    name: "an event across two months names both",
    text: ACROSS('title: "December 2023"\nweight: -202312'),
    findings: [
      "2: Unexpected title `December 2023`, expected `October 2023` or `November 2023` as in the event date `30.10.2023 – 03.11.2023`",
    ],
  },
  {
    name: "every check on",
    text: CONTRADICTED,
    file: "2024-01.md",
    findings: [
      "2:8: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up`, and `December 2023` as in the event date `04.12.2023 – 08.12.2023`, and `January 2024` as in the file name `2024-01.md`",
      "3:9: Unexpected weight `-202201`, expected `-202310` for the title `October 2023`",
    ],
  },
  {
    name: "titleMatches without the H1",
    text: CONTRADICTED,
    file: "2024-01.md",
    profile: { frontMatter: { titleMatches: ["date", "fileName"] } },
    findings: [
      "2:8: Unexpected title `October 2023`, expected `December 2023` as in the event date `04.12.2023 – 08.12.2023`, and `January 2024` as in the file name `2024-01.md`",
      "3:9: Unexpected weight `-202201`, expected `-202310` for the title `October 2023`",
    ],
  },
  {
    name: "titleMatches without the date",
    text: CONTRADICTED,
    file: "2024-01.md",
    profile: { frontMatter: { titleMatches: ["h1", "fileName"] } },
    findings: [
      "2:8: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up`, and `January 2024` as in the file name `2024-01.md`",
      "3:9: Unexpected weight `-202201`, expected `-202310` for the title `October 2023`",
    ],
  },
  {
    name: "titleMatches without the file name",
    text: CONTRADICTED,
    file: "2024-01.md",
    profile: { frontMatter: { titleMatches: ["h1", "date"] } },
    findings: [
      "2:8: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up`, and `December 2023` as in the event date `04.12.2023 – 08.12.2023`",
      "3:9: Unexpected weight `-202201`, expected `-202310` for the title `October 2023`",
    ],
  },
  {
    name: "titleMatches: [] leaves the weight, fixed once nothing contradicts the title",
    text: CONTRADICTED,
    file: "2024-01.md",
    profile: { frontMatter: { titleMatches: [] } },
    findings: ["3:9: Unexpected weight `-202201`, expected `-202310` for the title `October 2023`"],
    fixed: page('title: "October 2023"\nweight: -202310', "Hack The Garden 11/2023 Wrap Up", "04.12.2023 – 08.12.2023"),
  },
  {
    name: "titleMatches: [] and weight: null check neither",
    text: CONTRADICTED,
    file: "2024-01.md",
    profile: { frontMatter: { titleMatches: [], weight: null } },
    findings: [],
  },
  {
    name: "a weight that agrees with the page is left alone when the title is the odd one out",
    text: page('title: "October 2023"\nweight: -202311'),
    findings: [OCTOBER],
  },
  {
    name: "different months named by different places are listed each",
    text: page('title: "October 2023"\nweight: -202310', "Hack The Garden 11/2023 Wrap Up", "04.12.2023 – 08.12.2023"),
    findings: [
      "2: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up`, and `December 2023` as in the event date `04.12.2023 – 08.12.2023`",
    ],
  },
  { name: "a dated file name that agrees", text: page(GOOD), file: "2023-11.md", findings: [] },
  {
    name: "a dated file name in a folder, with a suffix",
    text: page(GOOD),
    file: "docs/2023-11-leverkusen.md",
    findings: [],
  },
  { name: "a dated file name that disagrees", text: page(GOOD), file: "docs/2023-05.md", findings: [WRONG_FILE] },
  {
    name: "a dated folder that disagrees",
    text: page(GOOD),
    file: "2023-05/index.md",
    findings: [WRONG_FILE.replace("`2023-05.md`", "`2023-05/index.md`")],
  },
  { name: "an undated file name", text: page(GOOD), file: "wrapup.md", findings: [] },
  { name: "a file name with no real month", text: page(GOOD), file: "2023-13.md", findings: [] },
  {
    name: "an H1 or Date without a month and year is not compared",
    text: page(GOOD, "Hackathon Wrap Up", "next week"),
    findings: [],
  },
  {
    name: "a title the schema rejects is not compared with anything",
    text: page('title: "Nov 2023"\nweight: -202201'),
    findings: ['2: Unexpected `"Nov 2023"` for `title`, expected a month and year such as `May 2026`'],
  },
  // Presence and detection
  { name: "a wrap-up without front matter, on line 1", text: page(null), findings: [NO_FRONT_MATTER] },
  {
    name: "no front matter where the profile does not require it",
    text: page(null),
    profile: { frontMatter: { required: false } },
    findings: [],
  },
  { name: "a page that is no wrap-up", text: "# Contributing\n\nText.\n", findings: [] },
  {
    name: "a page that is no wrap-up, with broken front matter",
    text: "---\ntitle: [\n---\n\n# Contributing\n",
    findings: [],
  },
  {
    name: "any page, when the profile says every page is a wrap-up",
    text: "# Contributing\n",
    profile: { wrapups: { always: true } },
    findings: [NO_FRONT_MATTER],
  },
  {
    name: "a wrap-up by its front matter key",
    text: `---\nwrapup: true\n${GOOD}\n---\n\n# Notes\n`,
    profile: { wrapups: { h1: null, frontMatterKey: "wrapup" } },
    findings: [],
  },
  {
    name: "a wrap-up by its front matter key, checked",
    text: `---\nwrapup: true\ntitle: x\n---\n\n# Notes\n`,
    profile: { wrapups: { h1: null, frontMatterKey: "wrapup" } },
    findings: [
      "1: Unexpected front matter without `weight`, expected a `weight` key",
      "3: Unexpected `x` for `title`, expected a month and year such as `May 2026`",
    ],
  },
  // Bad input
  {
    name: "a block that never closes",
    text: `---\n${GOOD}\n\n# Hack The Garden 11/2023 Wrap Up\n\nText.\n`,
    findings: [
      '1:1: Unexpected `---` without a closing `---`, expected the front matter to end with a `---` line [Context: "---"]',
    ],
  },
  {
    name: "a byte-order mark and CRLF line endings",
    text: CRLF(page('title: "November 2023"\nweight: -202305')),
    findings: ["3: Unexpected weight `-202305`, expected `-202311` for the title `November 2023`"],
    fixed: CRLF(page(GOOD)),
  },
  { name: "an empty block", text: page(""), findings: [EMPTY] },
  {
    name: "an empty block, the delimiters adjacent",
    text: `---\n---\n\n# Hack The Garden 11/2023 Wrap Up\n`,
    findings: [EMPTY],
  },
  { name: "a block with only a comment", text: page("# only a comment\n\n"), findings: [EMPTY] },
  {
    name: "TOML front matter",
    text: `+++\ntitle = "November 2023"\nweight = -202311\n+++\n\n# Hack The Garden 11/2023 Wrap Up\n`,
    findings: ["1: Unexpected TOML front matter (`+++`), expected YAML front matter between `---` lines"],
  },
  {
    name: "JSON front matter",
    text: `{\n  "title": "November 2023",\n  "weight": -202311\n}\n\n# Hack The Garden 11/2023 Wrap Up\n`,
    findings: ["1: Unexpected JSON front matter (`{`), expected YAML front matter between `---` lines"],
  },
];
