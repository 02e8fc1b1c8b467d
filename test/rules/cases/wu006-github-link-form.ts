/**
 * WU006's cases as data, run like its doc's examples (test/rules/rule-docs.test.ts): through
 * both linters, fixed and re-linted. Most are a page of one link on line 3: its URL, the URL the
 * fix makes of it, the findings. The URL parser's own answers: test/rules/wu006-github-link-form.test.ts.
 */
import type { RuleCase } from "../../helpers/examples.js";

/** A page whose last line is one link. */
const link = (url: string, text = "x"): string => `# Notes\n\n[${text}](${url})\n`;
/** The page of `[x](url)` on line 3, fixed to `[x](fixedUrl)`. */
const fixes = (url: string, fixedUrl: string, findings: string[]): RuleCase => ({
  name: `${url} fixed to ${fixedUrl}`,
  text: link(url),
  findings,
  fixed: link(fixedUrl),
});
/** The page of `[text](url)` on line 3, reported and left as it is. */
const reports = (url: string, text: string, findings: string[]): RuleCase => ({
  name: `[${text}](${url}), left as it is`,
  text: link(url, text),
  findings,
});
/** Link text that names something else than its URL, and the text that would name it. */
const disagrees = (text: string, url: string, expected: string): RuleCase =>
  reports(url, text, [`3:2: Unexpected link text \`${text}\` for \`${url}\`, expected \`${expected}\``]);
const owner = (name: string): string =>
  `Unexpected \`${name}\` as a GitHub owner, expected only letters, digits and hyphens (at most 39, not starting with \`-\`)`;
const repository = (name: string): string =>
  `Unexpected \`${name}\` as a GitHub repository name, expected only letters, digits, \`.\`, \`-\` and \`_\``;
const HTTP = "Unexpected `http:` in a GitHub link, expected `https:`";
const WWW = "Unexpected `www.github.com`, expected `github.com`";

const FIELD_KINDS = [
  "# Hack The Garden 05/2024 Wrap Up",
  "",
  "## 🔐 Something",
  "",
  "**Issue:** https://github.com/gardener/gardener/pull/9597#discussion_r1572358733",
  "",
  "## 🔐 Other",
  "",
  "**Issue:** https://github.com/gardener/gardener/pull/9598, https://hackmd.io/x",
  "",
  "**Code/Pull Requests**: https://github.com/gardener/gardener/issues/1",
  "",
].join("\n");

/** Link text that names what its URL points at. */
const AGREES: [text: string, url: string][] = [
  ["gardener/gardener#8767", "https://github.com/gardener/gardener/pull/8767"],
  ["gardener/gardener#8767", "https://github.com/gardener/gardener/pull/8767/files"],
  ["hackathon#41", "https://github.com/gardener/hackathon/discussions/41"],
  ["provider-gcp#607", "https://github.com/gardener/gardener-extension-provider-gcp/pull/607"],
  ["g/g#7318", "https://github.com/gardener/gardener/pull/7318"],
  ["#10878", "https://github.com/gardener/gardener/issues/10878"],
  ["Fix related VPN bug – gardener/gardener#14776", "https://github.com/gardener/gardener/pull/14776"],
  ["acumino/gardener#hollow-gardenlet", "https://github.com/acumino/gardener/tree/hollow-gardenlet"],
  [
    "LucaBernstein/gardener:hackathon-2026-05/gardenstate-dr",
    "https://github.com/LucaBernstein/gardener/tree/hackathon-2026-05/gardenstate-dr",
  ],
  [
    "afritzler/machine-controller-manager@7005bd2",
    "https://github.com/afritzler/machine-controller-manager/commit/7005bd20bea234895bdf9a9fc98e5dc43ceca1e9",
  ],
  ["`saracen/gobuildcache`", "https://github.com/saracen/gobuildcache"],
  ["CoreOS/FlatCar", "https://github.com/gardener/gardener-extension-os-coreos"],
  ["github.com/apps/octo-sts", "https://github.com/apps/octo-sts"],
  ["GEP-21", "https://github.com/gardener/gardener/issues/7051"],
  ["CVE-2025-47282", "https://github.com/gardener/external-dns-management/issues/462"],
  ["demo/restore-from-shootstate", "https://github.com/ialidzhikov/gardener/commits/demo/restore-from-shootstate/"],
  // Legacy owners with double or trailing hyphens exist; `.`/`_` are fine in repository names.
  ["x", "https://github.com/foo--bar-/my_repo.js"],
];

/** URLs with characters GitHub forbids in an owner or a repository name: reported, not fixed. */
export const FORBIDDEN: [url: string, finding: string][] = [
  ["https://github.com/some_one/x", `3:1: ${owner("some_one")}`],
  ["https://github.com/-lead", `3:1: ${owner("-lead")}`],
  [`https://github.com/${"x".repeat(40)}`, `3:1: ${owner("x".repeat(40))}`],
  ["https://github.com/a/b%20c", `3:1: ${repository("b c")}`],
  ["https://github.com/a/..", `3:1: ${repository("..")}`],
];

export const CASES: RuleCase[] = [
  ...AGREES.map(([text, url]) => reports(url, text, [])),
  // Malformed URLs, fixed
  fixes("http://github.com/a/b/pull/1", "https://github.com/a/b/pull/1", [`3:5: ${HTTP}`]),
  fixes("https://www.github.com/a/b", "https://github.com/a/b", [`3:13: ${WWW}`]),
  fixes("github.com/a/b", "https://github.com/a/b", [
    "3:5: Unexpected `github.com` without a scheme, expected `https://github.com`",
  ]),
  fixes("//github.com/a/b", "https://github.com/a/b", [
    "3:5: Unexpected `//` before `github.com`, expected `https://`",
  ]),
  fixes("https://github.com/a/b/pulls/690", "https://github.com/a/b/pull/690", [
    "3:28: Unexpected `pulls/690` for a single pull request, expected `pull/690`",
  ]),
  fixes("https://github.com/a/b/issue/5", "https://github.com/a/b/issues/5", [
    "3:28: Unexpected `issue/5` for a single issue, expected `issues/5`",
  ]),
  fixes("https://github.com/a/b/discussion/5", "https://github.com/a/b/discussions/5", [
    "3:28: Unexpected `discussion/5` for a single discussion, expected `discussions/5`",
  ]),
  fixes("https://github.com/a/b/pull/1.", "https://github.com/a/b/pull/1", [
    "3:34: Unexpected trailing `.` in the GitHub link, expected it to end with `1`",
  ]),
  fixes("https://github.com/a/b.", "https://github.com/a/b", [
    "3:27: Unexpected trailing `.` in the GitHub link, expected it to end with `b`",
  ]),
  fixes("https://github.com/a/b/tree/main,", "https://github.com/a/b/tree/main", [
    "3:37: Unexpected trailing `,` in the GitHub link, expected it to end with `main`",
  ]),
  // Several problems in one URL fix together
  fixes("http://www.github.com/a/b/pulls/3.", "https://github.com/a/b/pull/3", [
    `3:5: ${HTTP}`,
    `3:12: ${WWW}`,
    "3:31: Unexpected `pulls/3` for a single pull request, expected `pull/3`",
    "3:38: Unexpected trailing `.` in the GitHub link, expected it to end with `3`",
  ]),
  {
    name: "several fixes on one line apply together",
    text: "# Notes\n\n[a](http://www.github.com/a/b/pulls/3.) and [b](https://github.com/a/b/issue/4)\n\nEnd.\n",
    findings: [
      `3:5: ${HTTP}`,
      `3:12: ${WWW}`,
      "3:31: Unexpected `pulls/3` for a single pull request, expected `pull/3`",
      "3:38: Unexpected trailing `.` in the GitHub link, expected it to end with `3`",
      "3:72: Unexpected `issue/4` for a single issue, expected `issues/4`",
    ],
    fixed: "# Notes\n\n[a](https://github.com/a/b/pull/3) and [b](https://github.com/a/b/issues/4)\n\nEnd.\n",
  },
  {
    name: "a URL in a reference definition: reported, not fixed",
    text: "# Notes\n\nSee [the PR][pr].\n\n[pr]: http://github.com/a/b/pull/1\n",
    findings: [`3:5: ${HTTP}`],
  },
  // Reported, not fixed
  reports("https://github.com/some_one", "Someone", [`3:1: ${owner("some_one")}`]),
  ...FORBIDDEN.map(([url, finding]) => reports(url, "x", [finding])),
  reports("https://github.com/a/b/blob/main/docs/x.", "x", [
    "3:1: Unexpected trailing `.` in the GitHub link, expected it to end with `x`",
  ]),
  // A draft's stand-in for the number: no page to land on.
  reports("https://github.com/a/b/pull/XXX", "a/b#XXX", [
    "3:1: Unexpected `XXX` as the number of a pull request, expected its number",
  ]),
  reports("https://github.com/a/b/pull/tbd/files", "x", [
    "3:1: Unexpected `tbd` as the number of a pull request, expected its number",
  ]),
  reports("https://github.com/a/b/issues/%3CN%3E", "x", [
    "3:1: Unexpected `%3CN%3E` as the number of an issue, expected its number",
  ]),
  reports("https://github.com/a/b/discussions/NNN", "x", [
    "3:1: Unexpected `NNN` as the number of a discussion, expected its number",
  ]),
  // Link text that disagrees with its URL
  disagrees("gardener/gardener#8767", "https://github.com/gardener/gardener/pull/8768", "gardener/gardener#8768"),
  disagrees("#690", "https://github.com/gardener/gardener/pull/691", "#691"),
  disagrees(
    "networking-cilium#261",
    "https://github.com/gardener/gardener-extension-networking-cilium/pull/174",
    "networking-cilium#174",
  ),
  disagrees("gardener/dashboard#8767", "https://github.com/gardener/gardener/pull/8767", "gardener/gardener#8767"),
  // After a title, the finding names the reference only.
  reports("https://github.com/gardener/gardener/pull/2", "Some title – gardener/gardener#1", [
    "3:2: Unexpected link text `gardener/gardener#1` for `https://github.com/gardener/gardener/pull/2`, expected `gardener/gardener#2`",
  ]),
  disagrees("gardener/gardener#12", "https://github.com/gardener/gardener/tree/main", "gardener/gardener:main"),
  disagrees("a/b:feature-x", "https://github.com/a/b/tree/feature-y", "a/b:feature-y"),
  disagrees("gardener/vpn2", "https://github.com/gardener/vpn3", "gardener/vpn3"),
  reports("https://github.com/a/b/pull/2", "https://github.com/a/b/pull/1", [
    "3:2: Unexpected link text `https://github.com/a/b/pull/1`, expected the link's own URL `https://github.com/a/b/pull/2`",
  ]),
  {
    name: "linkText: false leaves link text alone",
    text: link("https://github.com/gardener/gardener/pull/8768", "gardener/gardener#8767"),
    options: { linkText: false },
    findings: [],
  },
  // Field kinds
  {
    name: "a pull request under Issue; a review comment link counts as a discussion",
    text: FIELD_KINDS,
    findings: ["9:12: Unexpected pull request link under `Issue`, expected an issue or a discussion"],
  },
  { name: "fieldKinds: {} turns the kind check off", text: FIELD_KINDS, options: { fieldKinds: {} }, findings: [] },
];
