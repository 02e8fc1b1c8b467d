/**
 * WU001's cases as data, run like its doc's examples (test/rules/rule-docs.test.ts): through both
 * linters, each with the findings listed (none: an ok case). What needs more than the findings'
 * lines and messages (columns, contexts, fixes, errors) stays in test/rules/wu001-front-matter.test.ts.
 */
import type { RuleCase } from "../../helpers/examples.js";

/** A wrap-up with the given front matter body (null: none) and the real page's H1 and Date. */
export function page(frontMatter: string | null, h1 = "Hack The Garden 11/2023 Wrap Up", date = "06.11.2023 – 10.11.2023"): string {
  const head = frontMatter === null ? "" : `---\n${frontMatter}\n---\n\n`;
  return `${head}# ${h1}\n\n- 🗓️ **Date:** ${date}\n- 📍 **Location:** Schelklingen\n\n## ⚡️ Project\n\nText.\n`;
}

export const GOOD = 'title: "November 2023"\nweight: -202311';

const NO_FRONT_MATTER = "1: Unexpected wrap-up without front matter, expected a YAML block between `---` lines with `title` and `weight` at the top";
const EMPTY = "1: Unexpected empty front matter, expected `title` and `weight`";
const WRONG_FILE = "2: Unexpected title `November 2023`, expected `May 2023` as in the file name `2023-05.md`";

export const CASES: RuleCase[] = [
  // YAML syntax
  { name: "an unclosed single quote", text: page("title: 'November 2023\nweight: -202311"), findings: ["2: Unexpected `'November 2023` without a closing `'`, expected `'November 2023'`"] },
  { name: "a key indented under a scalar", text: page('title: "November 2023"\n  weight: -202311'), findings: ["3: Unexpected indentation of `weight: -202311` (2 spaces), expected it to line up with the other keys of its mapping"] },
  { name: "a duplicate key in a nested mapping", text: page(`${GOOD}\nparams:\n  github_branch: master\n  github_branch: main`), findings: ["6: Unexpected second `github_branch` key, expected each key once (the first `github_branch` is on line 5)"] },
  { name: "an unclosed `{`", text: page(`${GOOD}\nprev: {text: a\nlocal: true`), findings: ["4: Unexpected `{text: a` without a closing `}`, expected `}` to end the mapping"] },
  { name: "any other syntax error, with the parser's words", text: page(`${GOOD}\nprev: [a, b]]`), findings: ['4: Unexpected `]`, expected valid YAML (Unexpected flow-seq-end token in YAML stream: "]")'] },
  // Schema
  { name: "a missing key, on the opening `---`", text: page("weight: -202311\nlocal: true"), findings: ["1: Unexpected front matter without `title`, expected a `title` key"] },
  { name: "two missing keys", text: page("local: true"), findings: ["1: Unexpected front matter without `title`, expected a `title` key", "1: Unexpected front matter without `weight`, expected a `weight` key"] },
  { name: "a list as the whole front matter", text: page("- a\n- b"), findings: ["2: Unexpected list as the front matter, expected a mapping of keys"] },
  { name: "a scalar as the whole front matter", text: page("hello"), findings: ["2: Unexpected `hello` as the front matter, expected a mapping of keys"] },
  { name: "other keys are allowed", text: page(`${GOOD}\ndescription: The wrap-up\naliases: [/x]`), findings: [] },
  // Consistency
  {
    name: "a weight that agrees with the page is left alone when the title is the odd one out",
    text: page('title: "October 2023"\nweight: -202311'),
    findings: ["2: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up` and the event date `06.11.2023 – 10.11.2023`"],
  },
  {
    name: "different months named by different places are listed each",
    text: page('title: "October 2023"\nweight: -202310', "Hack The Garden 11/2023 Wrap Up", "04.12.2023 – 08.12.2023"),
    findings: ["2: Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up`, and `December 2023` as in the event date `04.12.2023 – 08.12.2023`"],
  },
  { name: "a dated file name that agrees", text: page(GOOD), file: "2023-11.md", findings: [] },
  { name: "a dated file name in a folder, with a suffix", text: page(GOOD), file: "docs/2023-11-leverkusen.md", findings: [] },
  { name: "a dated file name that disagrees", text: page(GOOD), file: "docs/2023-05.md", findings: [WRONG_FILE] },
  { name: "a dated folder that disagrees", text: page(GOOD), file: "2023-05/index.md", findings: [WRONG_FILE.replace("`2023-05.md`", "`2023-05/index.md`")] },
  { name: "an undated file name", text: page(GOOD), file: "wrapup.md", findings: [] },
  { name: "a file name with no real month", text: page(GOOD), file: "2023-13.md", findings: [] },
  { name: "an H1 or Date without a month and year is not compared", text: page(GOOD, "Hackathon Wrap Up", "next week"), findings: [] },
  { name: "a title the schema rejects is not compared with anything", text: page('title: "Nov 2023"\nweight: -202201'), findings: ['2: Unexpected `"Nov 2023"` for `title`, expected a month and year such as `May 2026`'] },
  // Presence and detection
  { name: "no front matter where the profile does not require it", text: page(null), profile: { frontMatter: { required: false } }, findings: [] },
  { name: "a page that is no wrap-up", text: "# Contributing\n\nText.\n", findings: [] },
  { name: "a page that is no wrap-up, with broken front matter", text: "---\ntitle: [\n---\n\n# Contributing\n", findings: [] },
  { name: "any page, when the profile says every page is a wrap-up", text: "# Contributing\n", profile: { wrapups: { always: true } }, findings: [NO_FRONT_MATTER] },
  { name: "a wrap-up by its front matter key", text: `---\nwrapup: true\n${GOOD}\n---\n\n# Notes\n`, profile: { wrapups: { h1: null, frontMatterKey: "wrapup" } }, findings: [] },
  {
    name: "a wrap-up by its front matter key, checked",
    text: `---\nwrapup: true\ntitle: x\n---\n\n# Notes\n`,
    profile: { wrapups: { h1: null, frontMatterKey: "wrapup" } },
    findings: ["1: Unexpected front matter without `weight`, expected a `weight` key", "3: Unexpected `x` for `title`, expected a month and year such as `May 2026`"],
  },
  // Bad input
  { name: "an empty block", text: page(""), findings: [EMPTY] },
  { name: "an empty block, the delimiters adjacent", text: `---\n---\n\n# Hack The Garden 11/2023 Wrap Up\n`, findings: [EMPTY] },
  { name: "a block with only a comment", text: page("# only a comment\n\n"), findings: [EMPTY] },
  { name: "TOML front matter", text: `+++\ntitle = "November 2023"\nweight = -202311\n+++\n\n# Hack The Garden 11/2023 Wrap Up\n`, findings: ["1: Unexpected TOML front matter (`+++`), expected YAML front matter between `---` lines"] },
  { name: "JSON front matter", text: `{\n  "title": "November 2023",\n  "weight": -202311\n}\n\n# Hack The Garden 11/2023 Wrap Up\n`, findings: ["1: Unexpected JSON front matter (`{`), expected YAML front matter between `---` lines"] },
];
