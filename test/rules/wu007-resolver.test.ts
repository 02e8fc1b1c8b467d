/**
 * WU007's resolver against the fake GitHub: GitHub's answer shapes, branches with `/`, batching
 * and de-duplication across files, when a batch is sent, links asked again after a transient
 * error, the disk cache (TTL, offline, unwritable, corrupt, per GitHub host, per shape of
 * questions), GitHub Enterprise URLs, what counts as "not found", and where the token goes.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { buildQuery, checkFor, refPathExpressions, type Check } from "../../src/github/checks.js";
import { parseGitHubUrl } from "../../src/github/url.js";
import { githubResolver, resetGitHubResolver } from "../../src/github/resolver.js";
import { startFakeGitHub, type FakeGitHub, type World } from "../github-server/server.js";
import { lintMarkdownlint, lintRemark, runMarkdownlint } from "../helpers/lint.js";

const WORLD: World = {
  owners: [{ login: "gardener" }, { login: "octo", type: "User" }],
  repos: [
    {
      owner: "gardener",
      name: "gardener",
      pulls: [1, 2],
      issues: [3],
      discussions: [4],
      branches: {
        master: ["docs/a.md", "charts/gardener/controlplane/values.yaml"],
        feature: ["x/y.md"],
        "feature/x": ["README.md"],
        "hackathon/etcd-encryption": ["pkg/a.go"],
      },
      tags: { "v1.0.0": ["README.md"], "v2.0.0": ["README.md"] },
      commits: { "345eaa102974eda999b6cc59c9e21116b4e81e8e": ["hack/ci/download-gocache.sh"] },
      releases: ["v1.0.0"],
    },
    { owner: "gardener", name: "renamed", formerNames: ["octo/old"] },
    { owner: "gardener", name: "many", pulls: Array.from({ length: 300 }, (_, i) => i + 1) },
  ],
  apps: ["octo-sts"],
};

let github: FakeGitHub;
let cacheDir: string;

function env(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

beforeAll(async () => {
  github = await startFakeGitHub(WORLD);
});

beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "wu007-resolver-"));
  env({
    GITHUB_API_URL: github.apiUrl,
    GITHUB_GRAPHQL_URL: undefined,
    GITHUB_TOKEN: undefined,
    GH_TOKEN: undefined,
    WRAPUP_LINT_OFFLINE: undefined,
    WRAPUP_LINT_CACHE_TTL: undefined,
    WRAPUP_LINT_CACHE_DIR: cacheDir,
    WRAPUP_LINT_GITHUB_TIMEOUT: "5",
    WRAPUP_LINT_GITHUB_REQUEST_TIMEOUT: "2",
  });
  github.setFault({ mode: "none" });
  github.requests.length = 0;
  resetGitHubResolver();
});

afterAll(async () => {
  await github.close();
});

async function post(query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(github.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

/** Lints in a new "run" (a fresh resolver) and returns `LINE: MESSAGE`. */
async function run(
  text: string,
  lint = lintMarkdownlint,
  options: Record<string, unknown> | true = true,
): Promise<string[]> {
  resetGitHubResolver();
  return (await lint(text, { WU007: options })).map((r) => `${r.line}: ${r.message}`);
}

const doc = (...urls: string[]): string => `# Notes\n\n${urls.map((u) => `* ${u}`).join("\n")}\n\nEnd.\n`;

describe("the fake GitHub speaks GitHub's shapes", () => {
  test("NOT_FOUND for a repository: data null at the alias, the error with type, path, locations, message", async () => {
    const { status, body } = await post(`query {\n  r0: repository(owner: "x", name: "y") { nameWithOwner }\n}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { r0: null },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["r0"],
          locations: [{ line: 2, column: 3 }],
          message: "Could not resolve to a Repository with the name 'x/y'.",
        },
      ],
    });
  });

  test("NOT_FOUND below an existing repository nulls only that field", async () => {
    const { body } = await post(
      `{ r: repository(owner: "gardener", name: "gardener") { nameWithOwner p: pullRequest(number: 9) { number } i: issueOrPullRequest(number: 1) { __typename } } }`,
    );
    expect(body.data).toEqual({ r: { nameWithOwner: "gardener/gardener", p: null, i: { __typename: "PullRequest" } } });
    expect(body.errors).toEqual([
      {
        type: "NOT_FOUND",
        path: ["r", "p"],
        locations: [{ line: 1, column: 70 }],
        message: "Could not resolve to a PullRequest with the number of 9.",
      },
    ]);
  });

  test("renamed repositories: GraphQL follows renames unless told not to; REST answers 301", async () => {
    const followed = await post(`{ r: repository(owner: "octo", name: "old") { nameWithOwner } }`);
    expect(followed.body).toEqual({ data: { r: { nameWithOwner: "gardener/renamed" } } });
    const strict = await post(`{ r: repository(owner: "octo", name: "old", followRenames: false) { nameWithOwner } }`);
    expect(strict.body.errors[0]).toMatchObject({ type: "NOT_FOUND", path: ["r"] });
    const rest = await fetch(`${github.apiUrl}/repos/octo/old`, { redirect: "manual" });
    expect(rest.status).toBe(301);
    expect(rest.headers.get("location")).toMatch(/\/repositories\/\d+$/);
    expect(await rest.json()).toMatchObject({ message: "Moved Permanently" });
  });

  test("rate-limit headers on every answer; an unknown field is a validation error", async () => {
    const response = await fetch(github.graphqlUrl, {
      method: "POST",
      body: JSON.stringify({ query: "{ rateLimit { remaining resetAt } }" }),
    });
    expect(response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
    const { body } = await post(`{ repository(owner: "a", name: "b") { bogus } }`);
    expect(body.errors[0].message).toMatch(/Cannot query field "bogus" on type "Repository"/);
  });

  test("our batched query is valid against the schema", async () => {
    const { query } = buildQuery([
      { type: "owner", owner: "octo" },
      { type: "repo", owner: "gardener", repo: "gardener" },
      { type: "number", owner: "gardener", repo: "gardener", number: 1 },
      {
        type: "object",
        owner: "gardener",
        repo: "gardener",
        expressions: refPathExpressions(["feature", "x"]),
        commit: false,
      },
      { type: "object", owner: "gardener", repo: "gardener", expressions: ["345eaa1"], commit: true },
      { type: "release", owner: "gardener", repo: "gardener", tag: "v1.0.0" },
    ]);
    const { body } = await post(query);
    expect((body.errors ?? []).filter((e: { type?: string }) => e.type !== "NOT_FOUND")).toEqual([]);
    expect(body.data.rateLimit.remaining).toBeGreaterThan(0);
  });
});

describe("what WU007 resolves", () => {
  test("branches and tags with `/`, paths at a ref, commits, releases, owners, apps", async () => {
    const ok = doc(
      "https://github.com/gardener/gardener/tree/feature/x",
      "https://github.com/gardener/gardener/blob/feature/x/y.md",
      "https://github.com/gardener/gardener/tree/hackathon/etcd-encryption",
      "https://github.com/gardener/gardener/commits/hackathon/etcd-encryption/",
      "https://github.com/gardener/gardener/tree/master/charts/gardener/controlplane",
      "https://github.com/gardener/gardener/blob/345eaa102974eda999b6cc59c9e21116b4e81e8e/hack/ci/download-gocache.sh",
      "https://github.com/gardener/gardener/commit/345eaa1",
      "https://github.com/gardener/gardener/releases/tag/v1.0.0",
      "https://github.com/gardener/gardener/releases/tag/v2.0.0",
      "https://github.com/gardener/gardener/pull/1/files",
      "https://github.com/gardener/gardener/discussions/4",
      "https://github.com/octo?tab=repositories",
      "https://github.com/apps/octo-sts",
      "https://github.com/gardener/gardener/compare/master...feature",
      "https://github.com/gardener/gardener/wiki",
    );
    for (const lint of [lintMarkdownlint, lintRemark]) expect(await run(ok, lint), lint.name).toEqual([]);
  });

  test("what is not there", async () => {
    const bad = doc(
      "https://github.com/gardener/gardener/tree/feature/y",
      "https://github.com/gardener/gardener/tree/hackathon/etcd-encryptions",
      "https://github.com/gardener/gardener/blob/master/docs/b.md",
      "https://github.com/gardener/gardener/commit/deadbeef",
      "https://github.com/gardener/gardener/releases/tag/v3.0.0",
      "https://github.com/gardener/gardener/pull/77",
      "https://github.com/gardener/nope/wiki",
      "https://github.com/ghost-owner",
    );
    const expected = [
      "3: Unexpected link to `feature/y` in `gardener/gardener`, expected a branch, tag or commit (and path) that exists",
      "4: Unexpected link to `hackathon/etcd-encryptions` in `gardener/gardener`, expected a branch, tag or commit (and path) that exists",
      "5: Unexpected link to `master/docs/b.md` in `gardener/gardener`, expected a branch, tag or commit (and path) that exists",
      "6: Unexpected link to commit `deadbeef` in `gardener/gardener`, expected a commit that exists",
      "7: Unexpected link to release `v3.0.0` in `gardener/gardener`, expected a release or tag that exists",
      "8: Unexpected link to `gardener/gardener#77`, expected a pull request, issue or discussion that exists",
      "9: Unexpected link to `gardener/nope`, expected a GitHub repository that exists (not found, or private)",
      "10: Unexpected link to `ghost-owner`, expected a GitHub user or organization that exists",
    ];
    for (const lint of [lintMarkdownlint, lintRemark]) expect(await run(bad, lint), lint.name).toEqual(expected);
  });

  test("a broken link that ends the document is reported by both linters", async () => {
    const text = "# Notes\n\n**Code:** [the PR](https://github.com/gardener/gardener/pull/77)\n";
    for (const lint of [lintMarkdownlint, lintRemark]) {
      expect(await run(text, lint), lint.name).toEqual([
        "3: Unexpected link to `gardener/gardener#77`, expected a pull request, issue or discussion that exists",
      ]);
    }
  });

  test("links GitHub redirects (kinds, a rename) are warnings with the fix; in a reference definition only reported", async () => {
    const text =
      "# Notes\n\n* https://github.com/gardener/gardener/issues/1\n* https://github.com/gardener/gardener/pull/4\n* [old][o]\n\n[o]: https://github.com/octo/old\n";
    const expected = [
      "3: Unexpected `issues/1` for pull request `gardener/gardener#1`, expected `pull/1` (the link works, GitHub redirects it)",
      "4: Unexpected `pull/4` for discussion `gardener/gardener#4`, expected `discussions/4`",
      "5: Unexpected old repository name `octo/old`, expected `gardener/renamed` (renamed on GitHub; the link works, GitHub redirects it)",
    ];
    for (const lint of [lintMarkdownlint, lintRemark]) {
      resetGitHubResolver();
      const reported = await lint(text, { WU007: true });
      expect(
        reported.map((r) => `${r.line}: ${r.message}`),
        lint.name,
      ).toEqual(expected);
      expect(
        reported.map((r) => r.fix !== null),
        lint.name,
      ).toEqual([true, true, false]);
    }
    // Warnings: markdownlint links each to the rule's #warnings section (the CLI counts them so).
    resetGitHubResolver();
    const errors = await runMarkdownlint(text, { WU007: true });
    expect(errors.map((e) => String(e.ruleInformation).endsWith("#warnings"))).toEqual([true, true, true]);
  });
});

describe("batching and de-duplication", () => {
  test("300 links in one document: one request per 100, many aliases each", async () => {
    const urls = Array.from({ length: 300 }, (_, i) => `https://github.com/gardener/many/pull/${i + 1}`);
    expect(await run(doc(...urls))).toEqual([]);
    const graphql = github.requests.filter((r) => r.path === "/graphql");
    expect(graphql).toHaveLength(3);
    for (const r of graphql) expect(r.body.match(/issueOrPullRequest\(/g)).toHaveLength(100);
  });

  test("the same links in many files of one run are asked once", async () => {
    const urls = Array.from({ length: 60 }, (_, i) => `https://github.com/gardener/many/pull/${i + 1}`);
    resetGitHubResolver();
    const strings = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}.md`, doc(...urls)]));
    const { lint } = await import("markdownlint/promise");
    const { toMarkdownlintRule } = await import("../../src/adapters/markdownlint.js");
    const { githubLinkResolves } = await import("../../rules/wu007-github-link-resolves.js");
    const result = await lint({
      strings,
      config: { default: false, WU007: true },
      customRules: [toMarkdownlintRule(githubLinkResolves)],
    });
    expect(Object.values(result).flat()).toEqual([]);
    expect(github.requests).toHaveLength(1);
    expect(githubResolver().stats).toMatchObject({ checks: 60, requests: 1 });
    expect(githubResolver().stats.memoryHits).toBe(7 * 60);
  });
});

describe("the disk cache", () => {
  const text = doc(
    "https://github.com/gardener/gardener/pull/1",
    "https://github.com/gardener/gardener/pull/99",
    "https://github.com/apps/octo-sts",
  );
  const findings = [
    "4: Unexpected link to `gardener/gardener#99`, expected a pull request, issue or discussion that exists",
  ];

  test("a second run asks nothing; a TTL of 0 asks again", async () => {
    expect(await run(text)).toEqual(findings);
    expect(github.requests.length).toBe(2);
    github.requests.length = 0;
    expect(await run(text, lintRemark)).toEqual(findings);
    expect(github.requests).toEqual([]);
    env({ WRAPUP_LINT_CACHE_TTL: "0" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await run(text)).toEqual(findings);
    expect(github.requests.length).toBe(2);
  });

  test("offline: answers from the cache only, and says nothing of what it does not know", async () => {
    env({ WRAPUP_LINT_OFFLINE: "1" });
    expect(await run(text)).toEqual([]);
    expect(github.requests).toEqual([]);
    env({ WRAPUP_LINT_OFFLINE: undefined });
    expect(await run(text)).toEqual(findings);
    github.requests.length = 0;
    env({ WRAPUP_LINT_OFFLINE: "1" });
    expect(await run(text)).toEqual(findings);
    env({ WRAPUP_LINT_OFFLINE: undefined });
    // The editor's way: the rule's `offline` option.
    expect(await run(doc("https://github.com/gardener/gardener/pull/98"), lintRemark, { offline: true })).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  test("an unwritable or corrupt cache does not break linting", async () => {
    const file = path.join(cacheDir, "a-file");
    fs.writeFileSync(file, "not a directory");
    env({ WRAPUP_LINT_CACHE_DIR: path.join(file, "cache") });
    expect(await run(text)).toEqual(findings);
    expect(await run(text, lintRemark)).toEqual(findings);
    env({ WRAPUP_LINT_CACHE_DIR: cacheDir });
    expect(await run(text)).toEqual(findings);
    for (const f of fs.readdirSync(cacheDir).filter((f) => f.startsWith("github-")))
      fs.writeFileSync(path.join(cacheDir, f), "{ not json");
    github.requests.length = 0;
    expect(await run(text)).toEqual(findings);
    expect(github.requests.length).toBeGreaterThan(0);
  });

  test("unverified answers are not cached", async () => {
    github.setFault({ mode: "500" });
    const first = await run(text);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(
      /^3: Unexpected unverified link `https:\/\/github\.com\/gardener\/gardener\/pull\/1` \(HTTP 500 after 4 attempts\)/,
    );
    github.setFault({ mode: "none" });
    github.requests.length = 0;
    expect(await run(text)).toEqual(findings);
    expect(github.requests.length).toBe(2);
  });
});

describe("hosts and the token", () => {
  test("GitHub Enterprise: GITHUB_API_URL and GITHUB_GRAPHQL_URL are where the requests go", async () => {
    env({ GITHUB_API_URL: `${github.apiUrl}/api/v3`, GITHUB_GRAPHQL_URL: `${github.apiUrl}/api/graphql` });
    expect(await run(doc("https://github.com/gardener/gardener/pull/1", "https://github.com/apps/octo-sts"))).toEqual(
      [],
    );
    expect(github.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "GET /api/v3/apps/octo-sts",
      "POST /api/graphql",
    ]);
  });

  test("the token (GITHUB_TOKEN, else GH_TOKEN) goes to the API host only, never through a redirect, never into output or cache", async () => {
    const token = "gho_neverPRINTthis0123456789";
    const elsewhere = await startFakeGitHub(WORLD);
    try {
      env({ GH_TOKEN: token });
      expect(await run(doc("https://github.com/gardener/gardener/pull/1"))).toEqual([]);
      expect(github.requests.map((r) => r.authorization)).toEqual([`bearer ${token}`]);
      github.setFault({ mode: "redirect", location: `${elsewhere.graphqlUrl}` });
      const out = await run(doc("https://github.com/gardener/gardener/pull/2"));
      expect(out).toHaveLength(1);
      expect(elsewhere.requests).toEqual([]);
      github.setFault({ mode: "429", retryAfter: 1 });
      const limited = await run(doc("https://github.com/gardener/gardener/pull/2"), lintRemark);
      for (const line of [...out, ...limited]) expect(line).not.toContain(token);
      for (const f of fs.readdirSync(cacheDir))
        expect(fs.readFileSync(path.join(cacheDir, f), "utf8")).not.toContain(token);
    } finally {
      await elsewhere.close();
    }
  });
});

const checkOf = (url: string): Check => checkFor(parseGitHubUrl(url)!.target!)!;

describe("when a batch is sent", () => {
  test("not while a file is being read: links asked before and after the reads go in one request", async () => {
    const resolver = githubResolver();
    const first = resolver.resolve(checkOf("https://github.com/gardener/gardener/pull/1"));
    // Reads one after another (as a linter reads the files of a run) for longer than the quiet
    // time; a link asked meanwhile would have gone alone after an idle timer.
    const started = Date.now();
    while (Date.now() - started < 60)
      await fs.promises.readFile(path.join(import.meta.dirname, "..", "..", "package.json"));
    const second = resolver.resolve(checkOf("https://github.com/gardener/gardener/pull/2"));
    expect(await Promise.all([first, second])).toMatchObject([{ status: "ok" }, { status: "ok" }]);
    expect(github.requests).toHaveLength(1);
  });

  test("a link already on its way is not asked again: a second caller waits for the same answer", async () => {
    const resolver = githubResolver();
    const a = resolver.resolve(checkOf("https://github.com/gardener/gardener/pull/2"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const b = resolver.resolve(checkOf("https://github.com/gardener/gardener/pull/2"));
    expect(await a).toEqual(await b);
    expect(github.requests).toHaveLength(1);
  });
});

describe("transient errors in GitHub's answer", () => {
  test("a link whose field errored is asked again with the next batch, and then answered", async () => {
    github.setFault({ mode: "partial", times: 1 });
    const text = doc(...[1, 2, 3, 4, 5, 301].map((n) => `https://github.com/gardener/many/pull/${n}`));
    expect(await run(text)).toEqual([
      "8: Unexpected link to `gardener/many#301`, expected a pull request, issue or discussion that exists",
    ]);
    expect(github.requests.length).toBe(2);
    // Only what errored was asked the second time.
    expect(github.requests[1]!.body.match(/issueOrPullRequest\(/g)!.length).toBeLessThan(6);
  });

  test('an error below a repository that took the repository away is unverified, never "not found"', () => {
    const { readers } = buildQuery([{ type: "number", owner: "gardener", repo: "gardener", number: 1 }]);
    const verdict = readers[0]!({
      data: { r0: null },
      errors: [{ message: "Something went wrong while executing your query.", path: ["r0", "f0_0", "author"] }],
    });
    expect(verdict).toMatchObject({ status: "unverified", transient: true });
    const missing = readers[0]!({
      data: { r0: null },
      errors: [{ type: "NOT_FOUND", message: "Could not resolve to a Repository", path: ["r0"] }],
    });
    expect(missing).toEqual({ status: "missing", missing: "repository" });
  });
});

describe('what counts as "not found"', () => {
  test("an app's 404 counts only as GitHub's own (JSON with a message): a proxy's page is no evidence", async () => {
    const proxy = http.createServer((req, res) => {
      const json = req.url === "/apps/json-gone";
      res.writeHead(404, { "content-type": json ? "application/json" : "text/html" });
      res.end(
        json
          ? JSON.stringify({
              message: "Not Found",
              documentation_url: "https://docs.github.com/rest/apps/apps#get-an-app",
              status: "404",
            })
          : "<html><body>404 Not Found</body></html>",
      );
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      env({
        GITHUB_API_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        GITHUB_GRAPHQL_URL: github.graphqlUrl,
        WRAPUP_LINT_GITHUB_TIMEOUT: "3",
      });
      const out = await run(doc("https://github.com/apps/html-page", "https://github.com/apps/json-gone"));
      expect(out).toHaveLength(2);
      expect(out[0]).toMatch(
        /^3: Unexpected unverified link `https:\/\/github\.com\/apps\/html-page` \(HTTP 404 without GitHub's answer/,
      );
      expect(out[1]).toBe("4: Unexpected link to the GitHub App `json-gone`, expected an app that exists");
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  }, 20_000);
});

describe("the cache across runs", () => {
  const text = doc("https://github.com/gardener/gardener/pull/1", "https://github.com/gardener/gardener/pull/99");

  test("kept per GitHub host: the same API on another port is asked nothing", async () => {
    expect(await run(text)).toHaveLength(1);
    const again = await startFakeGitHub(WORLD);
    try {
      env({ GITHUB_API_URL: again.apiUrl });
      expect(await run(text)).toHaveLength(1);
      expect(again.requests).toEqual([]);
    } finally {
      await again.close();
    }
  });

  test("answers to other questions (another shape of query) are not used", async () => {
    expect(await run(text)).toHaveLength(1);
    const [file] = fs.readdirSync(cacheDir).filter((f) => f.startsWith("github-"));
    const data = JSON.parse(fs.readFileSync(path.join(cacheDir, file!), "utf8")) as {
      asked: string;
      entries: Record<string, unknown>;
    };
    expect(Object.keys(data.entries).length).toBe(2);
    fs.writeFileSync(path.join(cacheDir, file!), JSON.stringify({ ...data, asked: "an-older-one" }));
    github.requests.length = 0;
    expect(await run(text)).toHaveLength(1);
    expect(github.requests).toHaveLength(1);
  });
});
