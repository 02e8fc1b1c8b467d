/**
 * WU007 at the scale of a wrap-up history: every real wrap-up in many versions (each grown
 * section by section, with links broken on purpose and links GitHub redirects), linted as users
 * lint, each run a process of its own: the markdownlint-cli2 CLI, the remark-cli CLI, and a
 * program that lints one file after another through the unified API (as an editor does).
 *
 * - Every broken link is found (an error); every redirected link (`issues/N` for a pull request,
 *   `pull/N` for an issue, a renamed or transferred repository) is a warning with its fix, never
 *   "does not exist"; nothing else is reported.
 * - Requests: cold at most ⌈targets / 40⌉ + 2 through both CLIs; warm none, through all three,
 *   also when GitHub's stand-in comes back on another port.
 * - Under every fault mode of the fake GitHub, lasting or passing, through both linters (their
 *   entry points in this process): nothing working is called broken, at most one "unverified"
 *   warning per run; once GitHub is well again the next run finds every broken link.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { githubLinkResolves } from "../../rules/wu007-github-link-resolves.js";
import { buildHistory, type Expected, type History } from "../github-server/history.js";
import { cliProject, runCli, type CliFinding, type CliName } from "../github-server/cli-runs.js";
import { runMarkdownlintCli2, runRemarkEngine } from "../github-server/runs.js";
import { startFakeGitHub, type Fault, type FakeGitHub } from "../github-server/server.js";
import { tempDir, ROOT } from "../helpers/integration.js";

const UNVERIFIED = /^Unexpected unverified link `https:\/\/github\.com\/[^`]+` \(.+\), expected an answer from GitHub/;

let github: FakeGitHub;
/** The whole history, for the request figures. */
let history: History;
let dir: string;
/** Each wrap-up once (as it is, with links broken and redirected), for the fault modes. */
let small: History;

beforeAll(async () => {
  if (!fs.existsSync(`${ROOT}/dist/src/adapters/markdownlint.js`))
    throw new Error("dist/ is missing: run `npm run build` (npm test does)");
  history = buildHistory();
  small = buildHistory({ versions: 1, broken: 6 });
  // Both histories are read off the same wrap-ups; their worlds are the same but for the
  // links each breaks, which exist in neither.
  github = await startFakeGitHub(history.world);
  dir = cliProject(history.files);
}, 120_000);

afterAll(async () => {
  await github?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const same = (f: CliFinding, e: Expected): boolean =>
  f.file === e.file && f.line === e.line && e.message.test(f.message);

/** Every finding expected, none else; broken links are errors, redirected ones warnings with a fix. */
function exactly(h: History, findings: CliFinding[]): void {
  const unexpected = findings.filter((f) => !h.expected.some((e) => same(f, e)));
  expect(unexpected, "nothing that works is reported").toEqual([]);
  const missed = h.expected.filter((e) => !findings.some((f) => same(f, e)));
  expect(missed, "every broken and every redirected link reported").toEqual([]);
  for (const e of h.expected) {
    const f = findings.find((x) => same(x, e))!;
    // markdownlint-cli2 says which are warnings (remark-cli gives every message as a warning).
    if (f.warning !== null) expect(f.warning, `${e.file}:${e.line} ${f.message}`).toBe(e.kind === "redirect");
    if (e.kind === "redirect") expect(f.fixable, `${e.file}:${e.line} ${f.message}`).toBe(true);
  }
}

/** Under a fault: only true findings, at most one "unverified" warning, no redirect called broken. */
function nothingFalse(h: History, findings: CliFinding[]): void {
  const unverified = findings.filter((f) => UNVERIFIED.test(f.message));
  expect(unverified.length, "one unverified warning per run at most").toBeLessThanOrEqual(1);
  const unexpected = findings.filter((f) => !UNVERIFIED.test(f.message) && !h.expected.some((e) => same(f, e)));
  expect(unexpected, "nothing that works is reported broken").toEqual([]);
  for (const f of findings) if (f.warning !== null && UNVERIFIED.test(f.message)) expect(f.warning).toBe(true);
}

/** What the run's GraphQL queries asked (a field of a repository, an owner), and what of it more than once. */
function asked(requests: FakeGitHub["requests"]): { count: number; twice: string[] } {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const r of requests.filter((x) => x.path.endsWith("/graphql"))) {
    const query = (JSON.parse(r.body) as { query: string }).query;
    const asked: string[] = [];
    // A repository's block, to its matching brace (fields nest: `... on PullRequest { … }`).
    for (const m of query.matchAll(/repository\(owner: ("[^"]*"), name: ("[^"]*")\) \{/g)) {
      let depth = 1;
      let end = m.index + m[0].length;
      while (depth > 0 && end < query.length) {
        const c = query[end++];
        if (c === "{") depth++;
        else if (c === "}") depth--;
      }
      const body = query.slice(m.index + m[0].length, end - 1);
      for (const f of body.matchAll(/f\d+_\d+: ([^{}]*)\{/g))
        asked.push(`${m[1]}/${m[2]} ${f[1]!.trim()}`.toLowerCase());
    }
    for (const m of query.matchAll(/repositoryOwner\(login: ("[^"]*")\)/g)) asked.push(`owner ${m[1]}`.toLowerCase());
    for (const a of asked) {
      // A branch's state (`ref(qualifiedName: "refs/heads/…")`) is a part of every link into
      // that branch: asked once per batch, and again by a later batch's link into another path
      // of it. Each link itself is asked once.
      if (seen.has(a) && !/ ref\(qualifiedname: "refs\/heads\//.test(a)) twice.push(a);
      seen.add(a);
    }
  }
  return { count: seen.size, twice };
}

const env = (cache: string, extra: Record<string, string> = {}): Record<string, string> => ({
  GITHUB_API_URL: github.apiUrl,
  WRAPUP_LINT_CACHE_DIR: cache,
  ...extra,
});

describe("the history", () => {
  test("every wrap-up in many versions: several hundred targets, hundreds broken, a hundred and more redirected", () => {
    expect(Object.keys(history.files).length).toBeGreaterThanOrEqual(150);
    expect(history.targets).toBeGreaterThanOrEqual(600);
    expect(history.brokenTargets).toBeGreaterThanOrEqual(400);
    expect(history.redirectLinks).toBeGreaterThanOrEqual(100);
    expect(history.expected.filter((e) => e.kind === "redirect").length).toBe(history.redirectLinks);
    // Each way GitHub redirects is there: a renamed and a transferred repository, both kinds.
    const renames = Object.entries(history.renames);
    expect(renames.some(([from, to]) => from.split("/")[0] === to.split("/")[0]!.toLowerCase())).toBe(true);
    expect(renames.some(([from, to]) => from.split("/")[0] !== to.split("/")[0]!.toLowerCase())).toBe(true);
    for (const form of ["^Unexpected `issues", "^Unexpected `pull", "^Unexpected old repository name"]) {
      expect(
        history.expected.some((e) => e.kind === "redirect" && e.message.source.startsWith(form)),
        form,
      ).toBe(true);
    }
    console.info(
      `WU007 history: ${Object.keys(history.files).length} files, ${history.candidates} link candidates, ${history.targets} unique targets (${history.brokenTargets} broken on purpose), ${history.redirectLinks} redirected links`,
    );
  });
});

const bound = (h: History): number => Math.ceil(h.targets / 40) + 2;

describe.each(["markdownlint-cli2", "remark-cli"] as CliName[])("%s (a real CLI run)", (name) => {
  const cache = tempDir("wu007-history-cache-");

  test("cold: every broken link an error, every redirected link a warning with its fix, nothing else; ≤ ⌈targets/40⌉ + 2 requests", async () => {
    github.requests.length = 0;
    const run = await runCli(name, dir, env(cache));
    exactly(history, run.findings);
    const { count, twice } = asked(github.requests);
    expect(twice, "nothing asked twice").toEqual([]);
    expect(count).toBeGreaterThan(history.brokenTargets);
    const requests = github.requests.length;
    console.info(
      `WU007 ${name} cold: ${requests} requests (${github.requests.filter((r) => r.path.endsWith("/graphql")).length} GraphQL) for ${history.targets} targets, bound ${bound(history)}`,
    );
    expect(requests).toBeLessThanOrEqual(bound(history));
  }, 300_000);

  test("warm: the same findings, no request", async () => {
    github.requests.length = 0;
    const run = await runCli(name, dir, env(cache));
    exactly(history, run.findings);
    expect(github.requests).toEqual([]);
  }, 300_000);

  test("warm, GitHub's stand-in back on another port: still no request", async () => {
    const again = await startFakeGitHub(history.world);
    try {
      const run = await runCli(name, dir, env(cache, { GITHUB_API_URL: again.apiUrl }));
      exactly(history, run.findings);
      expect(again.requests).toEqual([]);
    } finally {
      await again.close();
    }
  }, 300_000);
});

describe("a program that lints one file after another (the unified API, as an editor does)", () => {
  const cache = tempDir("wu007-history-cache-");

  test("cold: the same findings; at most one request per file, each link asked once", async () => {
    github.requests.length = 0;
    const run = await runCli("one-by-one", dir, env(cache));
    exactly(history, run.findings);
    const graphql = github.requests.filter((r) => r.path.endsWith("/graphql"));
    console.info(
      `WU007 one file at a time, cold: ${github.requests.length} requests (${graphql.length} GraphQL) for ${Object.keys(history.files).length} files, ${history.targets} targets`,
    );
    expect(graphql.length).toBeLessThanOrEqual(Object.keys(history.files).length);
    const { count, twice } = asked(github.requests);
    expect(twice, "nothing asked twice").toEqual([]);
    expect(count).toBeGreaterThan(history.brokenTargets);
  }, 300_000);

  test("warm: no request", async () => {
    github.requests.length = 0;
    const run = await runCli("one-by-one", dir, env(cache));
    exactly(history, run.findings);
    expect(github.requests).toEqual([]);
  }, 300_000);
});

/** A lasting fault: the run's time for GitHub and each request's, in seconds, kept short. */
const LASTING_ENV = { WRAPUP_LINT_GITHUB_TIMEOUT: "3", WRAPUP_LINT_GITHUB_REQUEST_TIMEOUT: "1" };
/** A passing fault: a slow answer (6 s) times out and is asked again; the run has time for the retries. */
const PASSING_ENV = { WRAPUP_LINT_GITHUB_TIMEOUT: "60", WRAPUP_LINT_GITHUB_REQUEST_TIMEOUT: "5" };
const WELL_ENV = { WRAPUP_LINT_GITHUB_TIMEOUT: "60", WRAPUP_LINT_GITHUB_REQUEST_TIMEOUT: "15" };

const LASTING: Fault[] = [
  { mode: "500" },
  { mode: "502" },
  { mode: "429", retryAfter: 1 },
  { mode: "secondary-403", retryAfter: 1 },
  { mode: "graphql-rate-limited", retryAfter: 3600 },
  { mode: "slow", delayMs: 1500 },
  { mode: "reset" },
  { mode: "partial" },
  { mode: "query-error" },
  { mode: "redirect" },
];

const PASSING: Fault[] = [
  { mode: "500", times: 1 },
  { mode: "502", times: 2 },
  { mode: "429", retryAfter: 1, times: 1 },
  { mode: "secondary-403", retryAfter: 1, times: 1 },
  { mode: "graphql-rate-limited", retryAfter: 1, times: 1 },
  { mode: "slow", delayMs: 6000, times: 1 },
  { mode: "reset", times: 1 },
  { mode: "partial", times: 1 },
  { mode: "query-error", times: 1 },
  { mode: "redirect", times: 1 },
];

const label = (f: Fault): string => `${f.mode}${f.times ? ` ×${f.times}` : ""}`;

/**
 * The fault runs go through the linters' own entry points in this process (markdownlint-cli2's
 * `main`, remark-cli's unified-engine), one after another: a faulty run mostly waits, and CLI
 * processes side by side would starve the rest of the suite on a small machine.
 */
const LINTERS = { "markdownlint-cli2": runMarkdownlintCli2, "remark-cli": runRemarkEngine } as const;
let faultDir: string;

async function lintInProcess(name: keyof typeof LINTERS, vars: Record<string, string>): Promise<CliFinding[]> {
  for (const [k, v] of Object.entries(vars)) process.env[k] = v;
  const run = await LINTERS[name](faultDir, [githubLinkResolves]);
  return run.findings.map((f) => ({
    file: path.basename(f.file),
    line: f.line,
    message: f.message,
    warning: f.warning,
    fixable: f.fixed,
  }));
}

describe("under every fault mode (every wrap-up, once; the linters in this process)", () => {
  beforeAll(() => {
    faultDir = tempDir("wu007-history-faults-");
    for (const [file, text] of Object.entries(small.files)) fs.writeFileSync(path.join(faultDir, file), text);
    process.env["GITHUB_API_URL"] = github.apiUrl;
    for (const k of ["GITHUB_GRAPHQL_URL", "GITHUB_TOKEN", "GH_TOKEN"]) delete process.env[k];
    process.env["WRAPUP_LINT_OFFLINE"] = "0";
  });
  afterAll(() => {
    github.setFault({ mode: "none" });
    if (faultDir) fs.rmSync(faultDir, { recursive: true, force: true });
  });

  describe.each(Object.keys(LINTERS) as (keyof typeof LINTERS)[])("%s", (name) => {
    for (const fault of LASTING) {
      test(`${label(fault)}, lasting: nothing working called broken, one unverified warning at most; once GitHub is well, every broken link found`, async () => {
        const cache = tempDir("wu007-history-fault-");
        try {
          github.setFault(fault);
          const during = await lintInProcess(name, { WRAPUP_LINT_CACHE_DIR: cache, ...LASTING_ENV });
          github.setFault({ mode: "none" });
          nothingFalse(small, during);
          // What was answered was kept, what was not is asked now.
          exactly(small, await lintInProcess(name, { WRAPUP_LINT_CACHE_DIR: cache, ...WELL_ENV }));
        } finally {
          github.setFault({ mode: "none" });
          fs.rmSync(cache, { recursive: true, force: true });
        }
      }, 60_000);
    }
    for (const fault of PASSING) {
      test(`${label(fault)}, passing: the retries get through, every broken link found in the same run`, async () => {
        const cache = tempDir("wu007-history-fault-");
        try {
          github.setFault(fault);
          exactly(small, await lintInProcess(name, { WRAPUP_LINT_CACHE_DIR: cache, ...PASSING_ENV }));
        } finally {
          github.setFault({ mode: "none" });
          fs.rmSync(cache, { recursive: true, force: true });
        }
      }, 60_000);
    }
  });
});
