/**
 * WU006: the GitHub URL parser for every kind, malformed URLs and their fixes, link text that
 * disagrees with its URL, the field kind check, and no false findings on the real corpus.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkLinkText } from "../../src/github/link-text.js";
import { canonicalUrl, isVerifiable, parseGitHubUrl, resourceKey } from "../../src/github/url.js";
import { CORPUS, corpusFiles, HACKATHONS, testCorpus } from "../helpers/corpus.js";
import { applyReportedFixes, fixMarkdownlint, fixRemark, lintMarkdownlint, lintRemark } from "../helpers/lint.js";


function target(url: string) {
  const parsed = parseGitHubUrl(url);
  expect(parsed, url).not.toBeNull();
  expect(parsed!.problems, url).toEqual([]);
  return parsed!.target!;
}

describe("parseGitHubUrl", () => {
  test.each([
    ["https://github.com/gardener", { kind: "owner", owner: "gardener", repo: null }],
    ["https://github.com/afritzler?tab=packages&repo_name=vali", { kind: "owner", owner: "afritzler", query: "tab=packages&repo_name=vali" }],
    ["https://github.com/gardener/gardener", { kind: "repo", owner: "gardener", repo: "gardener" }],
    ["https://github.com/gardener/gardener/", { kind: "repo", repo: "gardener" }],
    ["https://github.com/gardener/gardener.git", { kind: "repo", repo: "gardener" }],
    ["https://github.com/gardener/gardener/pull/8767", { kind: "pull", number: 8767, tab: null }],
    ["https://github.com/gardener/gardener/pull/8767/files", { kind: "pull", number: 8767, tab: "files" }],
    ["https://github.com/gardener/gardener/pull/8767/commits", { kind: "pull", number: 8767, tab: "commits" }],
    ["https://github.com/gardener/gardener/pull/9597#discussion_r1572358733", { kind: "pull", number: 9597, fragment: "discussion_r1572358733" }],
    ["https://github.com/gardener/gardener/issues/10121#issuecomment-2515479242", { kind: "issue", number: 10121 }],
    ["https://github.com/gardener/hackathon/discussions/41", { kind: "discussion", number: 41 }],
    [
      "https://github.com/stackitcloud/gardener-extension-acl/tree/feature/SupportForMultipleIstioNamespaces",
      { kind: "tree", rest: ["feature", "SupportForMultipleIstioNamespaces"] },
    ],
    [
      "https://github.com/istio/test-infra/blob/c739e67b9aa67b0ffec6917a49f5e235e1fe0872/prow/cluster/jobs/istio/istio/istio.istio.master.gen.yaml#L38-L51",
      { kind: "blob", fragment: "L38-L51" },
    ],
    ["https://github.com/ialidzhikov/gardener/commits/demo/restore-from-shootstate/", { kind: "commits", rest: ["demo", "restore-from-shootstate"] }],
    ["https://github.com/afritzler/cortex/commit/4000c188086fe383d314efeb40a663f49aa8b35b", { kind: "commit", rest: ["4000c188086fe383d314efeb40a663f49aa8b35b"] }],
    ["https://github.com/perses/perses/releases/tag/v0.53.0-beta.2", { kind: "release", rest: ["v0.53.0-beta.2"] }],
    [
      "https://github.com/gardener/etcd-druid/compare/master...Gerrit91:etcd-druid:etcd-backup-encryption",
      { kind: "compare", compareBase: "master", compareHead: "Gerrit91:etcd-druid:etcd-backup-encryption" },
    ],
    ["https://github.com/gardener/gardener/actions/runs/123", { kind: "actions" }],
    ["https://github.com/gardener/gardener/wiki/Home", { kind: "wiki" }],
    ["https://github.com/apps/octo-sts", { kind: "app", owner: "octo-sts" }],
    ["https://github.com/orgs/gardener/projects/1", { kind: "other" }],
    ["https://github.com/gardener/gardener/pulls", { kind: "other" }],
    ["https://github.com/gardener/gardener/issues/new", { kind: "other" }],
    ["https://github.com/gardener/gardener/releases", { kind: "other" }],
  ])("%s", (url, expected) => {
    expect(target(url)).toMatchObject(expected);
  });

  test("not github.com", () => {
    for (const url of ["https://gist.github.com/x/1", "https://raw.githubusercontent.com/a/b/c", "https://api.github.com/repos/a/b", "/docs/x", "https://gardener.cloud", "https://github.community/x"]) {
      expect(parseGitHubUrl(url), url).toBeNull();
    }
  });

  test("verifiable kinds", () => {
    expect(isVerifiable(target("https://github.com/a/b/pull/1"))).toBe(true);
    expect(isVerifiable(target("https://github.com/a/b/tree/x/y"))).toBe(true);
    expect(isVerifiable(target("https://github.com/a/b/compare/x...y"))).toBe(false);
    expect(isVerifiable(target("https://github.com/a/b/wiki"))).toBe(false);
    expect(isVerifiable(target("https://github.com/a/b/actions"))).toBe(false);
  });

  test("/pull/N and /issues/N name one thing; canonical URLs", () => {
    expect(resourceKey(target("https://github.com/A/B/pull/1"))).toBe(resourceKey(target("https://github.com/a/b/issues/1#x")));
    expect(canonicalUrl(target("https://github.com/a/b/tree/feature/x"))).toBe("https://github.com/a/b/tree/feature/x");
  });

  test.each([
    ["http://github.com/a/b/pull/1", "https://github.com/a/b/pull/1", "`http:`"],
    ["https://www.github.com/a/b", "https://github.com/a/b", "`www.github.com`"],
    ["github.com/a/b", "https://github.com/a/b", "without a scheme"],
    ["//github.com/a/b", "https://github.com/a/b", "`//`"],
    ["https://github.com/a/b/pulls/690", "https://github.com/a/b/pull/690", "`pulls/690`"],
    ["https://github.com/a/b/issue/5", "https://github.com/a/b/issues/5", "`issue/5`"],
    ["https://github.com/a/b/discussion/5", "https://github.com/a/b/discussions/5", "`discussion/5`"],
    ["https://github.com/a/b/pull/1.", "https://github.com/a/b/pull/1", "trailing `.`"],
    ["https://github.com/a/b.", "https://github.com/a/b", "trailing `.`"],
    ["https://github.com/a/b/tree/main,", "https://github.com/a/b/tree/main", "trailing `,`"],
  ])("malformed %s", (url, fixed, what) => {
    const parsed = parseGitHubUrl(url)!;
    expect(parsed.problems.map((p) => p.message).join(" ")).toContain(what);
    let out = url;
    for (const p of [...parsed.problems].sort((a, b) => b.offset - a.offset)) {
      expect(p.fix, url).toBeDefined();
      out = out.slice(0, p.fix!.offset) + p.fix!.insertText + out.slice(p.fix!.offset + p.fix!.deleteCount);
    }
    expect(out).toBe(fixed);
    expect(parseGitHubUrl(out)!.problems).toEqual([]);
  });

  test("several problems in one URL fix together", () => {
    const url = "http://www.github.com/a/b/pulls/3.";
    const parsed = parseGitHubUrl(url)!;
    expect(parsed.problems).toHaveLength(4);
    let out = url;
    for (const p of [...parsed.problems].sort((a, b) => b.offset - a.offset)) {
      out = out.slice(0, p.fix!.offset) + p.fix!.insertText + out.slice(p.fix!.offset + p.fix!.deleteCount);
    }
    expect(out).toBe("https://github.com/a/b/pull/3");
  });

  test("forbidden characters are reported, not fixed", () => {
    for (const url of ["https://github.com/some_one/x", "https://github.com/-lead", "https://github.com/a/b%20c", "https://github.com/a/..", `https://github.com/${"x".repeat(40)}`]) {
      const parsed = parseGitHubUrl(url)!;
      expect(parsed.problems, url).toHaveLength(1);
      expect(parsed.problems[0]!.fix, url).toBeUndefined();
      expect(parsed.target, url).toBeNull();
    }
    // Legacy owners with double or trailing hyphens exist; `.`/`_` are fine in repository names.
    expect(parseGitHubUrl("https://github.com/foo--bar-/my_repo.js")!.problems).toEqual([]);
  });

  test("a trailing `.` after a file path is reported but not fixed", () => {
    const parsed = parseGitHubUrl("https://github.com/a/b/blob/main/docs/x.")!;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.fix).toBeUndefined();
  });
});

describe("link text", () => {
  const check = (text: string, url: string) => checkLinkText(text, url, target(url));
  test.each([
    ["gardener/gardener#8767", "https://github.com/gardener/gardener/pull/8767"],
    ["gardener/gardener#8767", "https://github.com/gardener/gardener/pull/8767/files"],
    ["hackathon#41", "https://github.com/gardener/hackathon/discussions/41"],
    ["provider-gcp#607", "https://github.com/gardener/gardener-extension-provider-gcp/pull/607"],
    ["g/g#7318", "https://github.com/gardener/gardener/pull/7318"],
    ["#10878", "https://github.com/gardener/gardener/issues/10878"],
    ["Fix related VPN bug – gardener/gardener#14776", "https://github.com/gardener/gardener/pull/14776"],
    ["acumino/gardener#hollow-gardenlet", "https://github.com/acumino/gardener/tree/hollow-gardenlet"],
    ["LucaBernstein/gardener:hackathon-2026-05/gardenstate-dr", "https://github.com/LucaBernstein/gardener/tree/hackathon-2026-05/gardenstate-dr"],
    ["afritzler/machine-controller-manager@7005bd2", "https://github.com/afritzler/machine-controller-manager/commit/7005bd20bea234895bdf9a9fc98e5dc43ceca1e9"],
    ["`saracen/gobuildcache`", "https://github.com/saracen/gobuildcache"],
    ["CoreOS/FlatCar", "https://github.com/gardener/gardener-extension-os-coreos"],
    ["github.com/apps/octo-sts", "https://github.com/apps/octo-sts"],
    ["GEP-21", "https://github.com/gardener/gardener/issues/7051"],
    ["CVE-2025-47282", "https://github.com/gardener/external-dns-management/issues/462"],
    ["demo/restore-from-shootstate", "https://github.com/ialidzhikov/gardener/commits/demo/restore-from-shootstate/"],
  ])("agrees: %s", (text, url) => {
    expect(check(text, url)).toBeNull();
  });

  test.each([
    ["gardener/gardener#8767", "https://github.com/gardener/gardener/pull/8768", "gardener/gardener#8768"],
    ["#690", "https://github.com/gardener/gardener/pull/691", "#691"],
    ["networking-cilium#261", "https://github.com/gardener/gardener-extension-networking-cilium/pull/174", "networking-cilium#174"],
    ["gardener/dashboard#8767", "https://github.com/gardener/gardener/pull/8767", "gardener/gardener#8767"],
    ["Some title – gardener/gardener#1", "https://github.com/gardener/gardener/pull/2", "gardener/gardener#2"],
    ["gardener/gardener#12", "https://github.com/gardener/gardener/tree/main", "gardener/gardener:main"],
    ["a/b:feature-x", "https://github.com/a/b/tree/feature-y", "a/b:feature-y"],
    ["gardener/vpn2", "https://github.com/gardener/vpn3", "gardener/vpn3"],
    ["https://github.com/a/b/pull/1", "https://github.com/a/b/pull/2", "https://github.com/a/b/pull/2"],
  ])("disagrees: %s", (text, url, expected) => {
    expect(check(text, url)?.expected).toBe(expected);
  });
});

describe("the rule through both linters", () => {
  test("fixes a URL in a reference definition only by reporting it", async () => {
    const text = "# Notes\n\nSee [the PR][pr].\n\n[pr]: http://github.com/a/b/pull/1\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = await lint(text, { WU006: true });
      expect(reported.map((r) => r.message)).toEqual(["Unexpected `http:` in a GitHub link, expected `https:`"]);
    }
  });

  test("a problem in the link that ends the document is reported by both linters", async () => {
    const text = "# Notes\n\n[Someone](https://github.com/some_one)\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = await lint(text, { WU006: true });
      expect(reported.map((r) => `${r.line}: ${r.message}`), lint.name).toEqual([
        "3: Unexpected `some_one` as a GitHub owner, expected only letters, digits and hyphens (at most 39, not starting with `-`)",
      ]);
    }
  });

  test("several fixes on one line apply together, and nothing fixable is left", async () => {
    const text = "# Notes\n\n[a](http://www.github.com/a/b/pulls/3.) and [b](https://github.com/a/b/issue/4)\n\nEnd.\n";
    const expected = "# Notes\n\n[a](https://github.com/a/b/pull/3) and [b](https://github.com/a/b/issues/4)\n\nEnd.\n";
    for (const fix of [fixMarkdownlint, fixRemark]) {
      let fixed = text;
      for (let i = 0; i < 3; i++) fixed = await fix(fixed, { WU006: true });
      expect(fixed, fix.name).toBe(expected);
      expect(await lintMarkdownlint(fixed, { WU006: true })).toEqual([]);
    }
    // One pass of every quick fix at once (the editor's "fix all") gets there too.
    expect(applyReportedFixes(text, await lintRemark(text, { WU006: true }))).toBe(expected);
  });

  test("field kinds: a PR under Issue; a review comment link counts as a discussion", async () => {
    const text = [
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
    for (const lint of [lintMarkdownlint, lintRemark]) {
      const reported = await lint(text, { WU006: true });
      expect(reported.map((r) => `${r.line}: ${r.message}`), lint.name).toEqual([
        "9: Unexpected pull request link under `Issue`, expected an issue or a discussion",
      ]);
      expect(await lint(text, { WU006: { fieldKinds: {} } }), lint.name).toEqual([]);
    }
  });

  test("linkText: false leaves link text alone", async () => {
    const text = "# Notes\n\n[gardener/gardener#1](https://github.com/gardener/gardener/pull/2)\n\nEnd.\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      expect(await lint(text, { WU006: true }), lint.name).toHaveLength(1);
      expect(await lint(text, { WU006: { linkText: false } }), lint.name).toEqual([]);
    }
  });

  test("bad options are one line", async () => {
    const bad = { WU006: { fieldKinds: { Issue: ["bogus"] } } };
    await expect(lintMarkdownlint("# x\n", bad)).rejects.toThrow(/WU006\/wrapup-github-link-form: option "fieldKinds.Issue.0" must be one of/);
    // remark: a fatal error (or message) carrying the same one line.
    const fromRemark = await lintRemark("# x\n", bad).then((r) => r.map((m) => m.message).join("\n"), (e: Error) => e.message);
    expect(fromRemark).toMatch(/^WU006\/wrapup-github-link-form: option "fieldKinds.Issue.0" must be one of/);
  });
});

describe("the real corpus", () => {
  test("no finding on the real wrap-ups, by both linters", async () => {
    const files = fs.readdirSync(HACKATHONS).filter((f) => /^20.*\.md$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const f of files) {
      const text = fs.readFileSync(path.join(HACKATHONS, f), "utf8");
      for (const lint of [lintMarkdownlint, lintRemark]) {
        expect(await lint(text, { WU006: true }), `${f} ${lint.name}`).toEqual([]);
      }
    }
  });

  // Reviewed by hand: each is a real slip in the source (the text's number is not the URL's,
  // or a URL as text that is not its href). Anything else appearing here is a false finding.
  const REVIEWED = [
    "blog/2023/03/03-27-high-availability-and-zone-outage-toleration.md:299: Unexpected link text `#570` for `https://github.com/kubernetes/cloud-provider-aws/issues/569`, expected `#569`",
    "community/review-meetings/2023-reviews.md:397: Unexpected link text `networking-cilium#261` for `https://github.com/gardener/gardener-extension-networking-cilium/pull/174`, expected `networking-cilium#174`",
    "community/review-meetings/2025-reviews.md:559: Unexpected link text `extension-acl#105` for `https://github.com/stackitcloud/gardener-extension-acl/pull/106`, expected `extension-acl#106`",
    "docs/extensions/others/gardener-extension-shoot-dns-service/dns_providers.md:191: Unexpected link text `https://github.com/gardener/external-dns-management//examples`, expected the link's own URL `https://github.com/gardener/external-dns-management/tree/master/examples`",
    "docs/guides/high-availability/best-practices.md:305: Unexpected link text `#570` for `https://github.com/kubernetes/cloud-provider-aws/issues/569`, expected `#569`",
  ];

  testCorpus("the whole corpus: only the reviewed real slips, the same by both linters", async () => {
    const files = corpusFiles().map((f) => path.join(CORPUS, f));
    expect(files.length).toBeGreaterThan(1000);
    const found: Record<string, string[]> = { lintMarkdownlint: [], lintRemark: [] };
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      if (!/github\.com/i.test(text)) continue;
      // Let the test runner's worker breathe between files.
      await new Promise((resolve) => setImmediate(resolve));
      for (const lint of [lintMarkdownlint, lintRemark]) {
        for (const r of await lint(text, { WU006: true })) found[lint.name]!.push(`${path.relative(CORPUS, file)}:${r.line}: ${r.message}`);
      }
    }
    expect(found["lintMarkdownlint"]).toEqual(REVIEWED);
    expect(found["lintRemark"]).toEqual(REVIEWED);
  });
});
