/**
 * WU006, what is not a page and its findings (those are data:
 * test/rules/cases/wu006-github-link-form.ts): the GitHub URL parser's answer for every kind and what
 * it leaves alone (a bad option: test/rules/options.test.ts). The real corpus: test/properties/wu006-corpus.test.ts.
 */
import { describe, expect, test } from "vitest";
import { canonicalUrl, isVerifiable, parseGitHubUrl, resourceKey } from "../../src/github/url.js";
import { FORBIDDEN } from "./cases/wu006-github-link-form.js";

function target(url: string) {
  const parsed = parseGitHubUrl(url);
  expect(parsed, url).not.toBeNull();
  expect(parsed!.problems, url).toEqual([]);
  return parsed!.target!;
}

describe("parseGitHubUrl", () => {
  test.each([
    ["https://github.com/gardener", { kind: "owner", owner: "gardener", repo: null }],
    [
      "https://github.com/afritzler?tab=packages&repo_name=vali",
      { kind: "owner", owner: "afritzler", query: "tab=packages&repo_name=vali" },
    ],
    ["https://github.com/gardener/gardener", { kind: "repo", owner: "gardener", repo: "gardener" }],
    ["https://github.com/gardener/gardener/", { kind: "repo", repo: "gardener" }],
    ["https://github.com/gardener/gardener.git", { kind: "repo", repo: "gardener" }],
    ["https://github.com/gardener/gardener/pull/8767", { kind: "pull", number: 8767, tab: null }],
    ["https://github.com/gardener/gardener/pull/8767/files", { kind: "pull", number: 8767, tab: "files" }],
    ["https://github.com/gardener/gardener/pull/8767/commits", { kind: "pull", number: 8767, tab: "commits" }],
    [
      "https://github.com/gardener/gardener/pull/9597#discussion_r1572358733",
      { kind: "pull", number: 9597, fragment: "discussion_r1572358733" },
    ],
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
    [
      "https://github.com/ialidzhikov/gardener/commits/demo/restore-from-shootstate/",
      { kind: "commits", rest: ["demo", "restore-from-shootstate"] },
    ],
    [
      "https://github.com/afritzler/cortex/commit/4000c188086fe383d314efeb40a663f49aa8b35b",
      { kind: "commit", rest: ["4000c188086fe383d314efeb40a663f49aa8b35b"] },
    ],
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
    ["https://github.com/gardener/gardener/issues/new/choose", { kind: "other" }],
    ["https://github.com/gardener/gardener/issues/created_by/someone", { kind: "other" }],
    ["https://github.com/gardener/gardener/pull/new/feature-x", { kind: "other" }],
    ["https://github.com/gardener/gardener/discussions/categories/ideas", { kind: "other" }],
    ["https://github.com/gardener/gardener/releases", { kind: "other" }],
  ])("%s", (url, expected) => {
    expect(target(url)).toMatchObject(expected);
  });

  test("not github.com", () => {
    for (const url of [
      "https://gist.github.com/x/1",
      "https://raw.githubusercontent.com/a/b/c",
      "https://api.github.com/repos/a/b",
      "/docs/x",
      "https://gardener.cloud",
      "https://github.community/x",
    ]) {
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
    expect(resourceKey(target("https://github.com/A/B/pull/1"))).toBe(
      resourceKey(target("https://github.com/a/b/issues/1#x")),
    );
    expect(canonicalUrl(target("https://github.com/a/b/tree/feature/x"))).toBe("https://github.com/a/b/tree/feature/x");
  });

  test("a URL with forbidden characters has no target: nothing more is checked", () => {
    for (const [url] of FORBIDDEN) expect(parseGitHubUrl(url)!.target, url).toBeNull();
  });
});
