/**
 * WU006's cases as data, run like its doc's examples (test/rules/rule-docs.test.ts): through
 * both linters, fixed and re-linted. What is not a page and its findings (the URL parser's own
 * answers, a bad option, the corpus) stays in test/rules/wu006-github-link-form.test.ts.
 */
import type { RuleCase } from "../../helpers/examples.js";

/** A page whose last line is one link. */
const link = (url: string, text = "x"): string => `# Notes\n\n[${text}](${url})\n`;

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

export const CASES: RuleCase[] = [
  ...AGREES.map(([text, url]): RuleCase => ({
    name: `link text that agrees: ${text}`,
    text: link(url, text),
    findings: [],
  })),
  // Malformed URLs, fixed
  {
    name: "http:",
    text: link("http://github.com/a/b/pull/1"),
    findings: ["3:5: Unexpected `http:` in a GitHub link, expected `https:`"],
    fixed: link("https://github.com/a/b/pull/1"),
  },
  {
    name: "www.github.com",
    text: link("https://www.github.com/a/b"),
    findings: ["3:13: Unexpected `www.github.com`, expected `github.com`"],
    fixed: link("https://github.com/a/b"),
  },
  {
    name: "no scheme",
    text: link("github.com/a/b"),
    findings: ["3:5: Unexpected `github.com` without a scheme, expected `https://github.com`"],
    fixed: link("https://github.com/a/b"),
  },
  {
    name: "//",
    text: link("//github.com/a/b"),
    findings: ["3:5: Unexpected `//` before `github.com`, expected `https://`"],
    fixed: link("https://github.com/a/b"),
  },
  {
    name: "pulls/N",
    text: link("https://github.com/a/b/pulls/690"),
    findings: ["3:28: Unexpected `pulls/690` for a single pull request, expected `pull/690`"],
    fixed: link("https://github.com/a/b/pull/690"),
  },
  {
    name: "issue/N",
    text: link("https://github.com/a/b/issue/5"),
    findings: ["3:28: Unexpected `issue/5` for a single issue, expected `issues/5`"],
    fixed: link("https://github.com/a/b/issues/5"),
  },
  {
    name: "discussion/N",
    text: link("https://github.com/a/b/discussion/5"),
    findings: ["3:28: Unexpected `discussion/5` for a single discussion, expected `discussions/5`"],
    fixed: link("https://github.com/a/b/discussions/5"),
  },
  {
    name: "a trailing . after a number",
    text: link("https://github.com/a/b/pull/1."),
    findings: ["3:34: Unexpected trailing `.` in the GitHub link, expected it to end with `1`"],
    fixed: link("https://github.com/a/b/pull/1"),
  },
  {
    name: "a trailing . after a repository",
    text: link("https://github.com/a/b."),
    findings: ["3:27: Unexpected trailing `.` in the GitHub link, expected it to end with `b`"],
    fixed: link("https://github.com/a/b"),
  },
  {
    name: "a trailing , after a branch",
    text: link("https://github.com/a/b/tree/main,"),
    findings: ["3:37: Unexpected trailing `,` in the GitHub link, expected it to end with `main`"],
    fixed: link("https://github.com/a/b/tree/main"),
  },
  {
    name: "several problems in one URL fix together",
    text: link("http://www.github.com/a/b/pulls/3."),
    findings: [
      "3:5: Unexpected `http:` in a GitHub link, expected `https:`",
      "3:12: Unexpected `www.github.com`, expected `github.com`",
      "3:31: Unexpected `pulls/3` for a single pull request, expected `pull/3`",
      "3:38: Unexpected trailing `.` in the GitHub link, expected it to end with `3`",
    ],
    fixed: link("https://github.com/a/b/pull/3"),
  },
  {
    name: "several fixes on one line apply together",
    text: "# Notes\n\n[a](http://www.github.com/a/b/pulls/3.) and [b](https://github.com/a/b/issue/4)\n\nEnd.\n",
    findings: [
      "3:5: Unexpected `http:` in a GitHub link, expected `https:`",
      "3:12: Unexpected `www.github.com`, expected `github.com`",
      "3:31: Unexpected `pulls/3` for a single pull request, expected `pull/3`",
      "3:38: Unexpected trailing `.` in the GitHub link, expected it to end with `3`",
      "3:72: Unexpected `issue/4` for a single issue, expected `issues/4`",
    ],
    fixed: "# Notes\n\n[a](https://github.com/a/b/pull/3) and [b](https://github.com/a/b/issues/4)\n\nEnd.\n",
  },
  {
    name: "a URL in a reference definition",
    text: "# Notes\n\nSee [the PR][pr].\n\n[pr]: http://github.com/a/b/pull/1\n",
    findings: ["3:5: Unexpected `http:` in a GitHub link, expected `https:`"],
  },
  // Reported, not fixed
  {
    name: "an owner with `_`, in the link that ends the document",
    text: "# Notes\n\n[Someone](https://github.com/some_one)\n",
    findings: [
      "3:1: Unexpected `some_one` as a GitHub owner, expected only letters, digits and hyphens (at most 39, not starting with `-`)",
    ],
  },
  {
    name: "an owner with `_`",
    text: link("https://github.com/some_one/x"),
    findings: [
      "3:1: Unexpected `some_one` as a GitHub owner, expected only letters, digits and hyphens (at most 39, not starting with `-`)",
    ],
  },
  {
    name: "an owner starting with -",
    text: link("https://github.com/-lead"),
    findings: [
      "3:1: Unexpected `-lead` as a GitHub owner, expected only letters, digits and hyphens (at most 39, not starting with `-`)",
    ],
  },
  {
    name: "an escaped space in a repository",
    text: link("https://github.com/a/b%20c"),
    findings: ["3:1: Unexpected `b c` as a GitHub repository name, expected only letters, digits, `.`, `-` and `_`"],
  },
  {
    name: "a repository named ..",
    text: link("https://github.com/a/.."),
    findings: ["3:1: Unexpected `..` as a GitHub repository name, expected only letters, digits, `.`, `-` and `_`"],
  },
  {
    name: "an owner of 40 characters",
    text: link(`https://github.com/${"x".repeat(40)}`),
    findings: [
      "3:1: Unexpected `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` as a GitHub owner, expected only letters, digits and hyphens (at most 39, not starting with `-`)",
    ],
  },
  {
    name: "a trailing . after a file path",
    text: link("https://github.com/a/b/blob/main/docs/x."),
    findings: ["3:1: Unexpected trailing `.` in the GitHub link, expected it to end with `x`"],
  },
  // Link text that disagrees with its URL
  {
    name: "another number",
    text: link("https://github.com/gardener/gardener/pull/8768", "gardener/gardener#8767"),
    findings: [
      "3:2: Unexpected link text `gardener/gardener#8767` for `https://github.com/gardener/gardener/pull/8768`, expected `gardener/gardener#8768`",
    ],
  },
  {
    name: "another number, short",
    text: link("https://github.com/gardener/gardener/pull/691", "#690"),
    findings: ["3:2: Unexpected link text `#690` for `https://github.com/gardener/gardener/pull/691`, expected `#691`"],
  },
  {
    name: "another number, short repository",
    text: link("https://github.com/gardener/gardener-extension-networking-cilium/pull/174", "networking-cilium#261"),
    findings: [
      "3:2: Unexpected link text `networking-cilium#261` for `https://github.com/gardener/gardener-extension-networking-cilium/pull/174`, expected `networking-cilium#174`",
    ],
  },
  {
    name: "another repository",
    text: link("https://github.com/gardener/gardener/pull/8767", "gardener/dashboard#8767"),
    findings: [
      "3:2: Unexpected link text `gardener/dashboard#8767` for `https://github.com/gardener/gardener/pull/8767`, expected `gardener/gardener#8767`",
    ],
  },
  {
    name: "another number after a title",
    text: link("https://github.com/gardener/gardener/pull/2", "Some title – gardener/gardener#1"),
    findings: [
      "3:2: Unexpected link text `gardener/gardener#1` for `https://github.com/gardener/gardener/pull/2`, expected `gardener/gardener#2`",
    ],
  },
  {
    name: "a number for a branch",
    text: link("https://github.com/gardener/gardener/tree/main", "gardener/gardener#12"),
    findings: [
      "3:2: Unexpected link text `gardener/gardener#12` for `https://github.com/gardener/gardener/tree/main`, expected `gardener/gardener:main`",
    ],
  },
  {
    name: "another branch",
    text: link("https://github.com/a/b/tree/feature-y", "a/b:feature-x"),
    findings: [
      "3:2: Unexpected link text `a/b:feature-x` for `https://github.com/a/b/tree/feature-y`, expected `a/b:feature-y`",
    ],
  },
  {
    name: "another repository, alone",
    text: link("https://github.com/gardener/vpn3", "gardener/vpn2"),
    findings: [
      "3:2: Unexpected link text `gardener/vpn2` for `https://github.com/gardener/vpn3`, expected `gardener/vpn3`",
    ],
  },
  {
    name: "a URL as text that is not the link's",
    text: link("https://github.com/a/b/pull/2", "https://github.com/a/b/pull/1"),
    findings: [
      "3:2: Unexpected link text `https://github.com/a/b/pull/1`, expected the link's own URL `https://github.com/a/b/pull/2`",
    ],
  },
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
