/**
 * WU007 when GitHub misbehaves: every fault mode of the fake server, persistent and transient.
 * No intact link is ever reported broken, a fault the retries cannot get past gives one
 * "unverified" warning per run, retries honour Retry-After and x-ratelimit-reset, and every run
 * ends within its time bound.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { githubLinkResolves } from "../../rules/wu007-github-link-resolves.js";
import { startFakeGitHub, type Fault, type FakeGitHub, type RecordedRequest } from "../github-server/server.js";
import { runMarkdownlintCli2, runRemarkEngine, type RunResult } from "../github-server/runs.js";
import { worldFromModels } from "../github-server/world-from-links.js";
import { readWrapup } from "../helpers/corpus.js";
import { remarkModel } from "../helpers/models.js";

const FILES = ["2023-11.md", "2025-11.md", "2025-12.md"];
/** The run's time for GitHub (WRAPUP_LINT_GITHUB_TIMEOUT) and per request, in seconds. */
const BUDGET_S = 4;
const REQUEST_S = 1;
const UNVERIFIED = /^Unexpected unverified link `https:\/\/github\.com\/[^`]+` \(.+\), expected an answer from GitHub/;

let github: FakeGitHub;
let dir: string;
let cacheDir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wu007-faults-"));
  const texts = FILES.map((f) => readWrapup(f));
  FILES.forEach((f, i) => fs.writeFileSync(path.join(dir, f), texts[i]!));
  github = await startFakeGitHub(worldFromModels(texts.map((t) => remarkModel(t))));
  process.env["GITHUB_API_URL"] = github.apiUrl;
  delete process.env["GITHUB_GRAPHQL_URL"];
  delete process.env["GITHUB_TOKEN"];
  delete process.env["GH_TOKEN"];
  delete process.env["WRAPUP_LINT_OFFLINE"];
  process.env["WRAPUP_LINT_GITHUB_TIMEOUT"] = String(BUDGET_S);
  process.env["WRAPUP_LINT_GITHUB_REQUEST_TIMEOUT"] = String(REQUEST_S);
});

beforeEach(() => {
  // A cold cache for every run: the fault is met, not skipped.
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "wu007-faults-cache-"));
  process.env["WRAPUP_LINT_CACHE_DIR"] = cacheDir;
  github.requests.length = 0;
  github.setFault({ mode: "none" });
});

afterAll(async () => {
  await github.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The run kept to its time for GitHub: no request went out later than the budget after the
 * first one (the fake server's clock; how long linting itself took on a busy machine is not judged).
 */
function expectWithinBudget(): void {
  const times = github.requests.map((r) => r.at);
  if (times.length === 0) return;
  // A request sent just before the deadline reaches the server a moment later: one request's time.
  expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual((BUDGET_S + REQUEST_S) * 1000);
}

function onlyUnverified(run: RunResult): void {
  const other = run.findings.filter((f) => !UNVERIFIED.test(f.message));
  expect(other, "no intact link reported broken").toEqual([]);
  expect(run.findings.length, "one unverified warning per run").toBeLessThanOrEqual(1);
}

async function faulty(fault: Fault, linter = runMarkdownlintCli2): Promise<RunResult> {
  github.setFault(fault);
  const run = await linter(dir, [githubLinkResolves]);
  github.setFault({ mode: "none" });
  return run;
}

describe("persistent faults: unverified once, nothing broken, within the time bound", () => {
  const modes: Fault[] = [
    { mode: "500" },
    { mode: "502" },
    { mode: "429", retryAfter: 1 },
    { mode: "secondary-403", retryAfter: 1 },
    { mode: "graphql-rate-limited", retryAfter: 3600 },
    { mode: "slow", delayMs: 3000 },
    { mode: "reset" },
    { mode: "query-error" },
    { mode: "redirect" },
  ];
  for (const fault of modes) {
    test(`${fault.mode}`, async () => {
      const run = await faulty(fault);
      onlyUnverified(run);
      expect(run.findings).toHaveLength(1);
      expectWithinBudget();
    });
  }

  test("partial GraphQL errors: the links they touch are unverified, the rest answered", async () => {
    const run = await faulty({ mode: "partial" });
    onlyUnverified(run);
    expect(run.findings).toHaveLength(1);
    // Nothing unverified was cached: once GitHub is well, the next run asks again and is clean.
    github.requests.length = 0;
    const again = await runMarkdownlintCli2(dir, [githubLinkResolves]);
    expect(again.findings).toEqual([]);
    expect(github.requests.length).toBeGreaterThan(0);
  });

  test("the network down (nothing listens): unverified, bounded", async () => {
    const closed = await startFakeGitHub({ owners: [], repos: [] });
    const url = closed.apiUrl;
    await closed.close();
    process.env["GITHUB_API_URL"] = url;
    try {
      const run = await runMarkdownlintCli2(dir, [githubLinkResolves]);
      onlyUnverified(run);
      expect(run.findings).toHaveLength(1);
      expectWithinBudget();
    } finally {
      process.env["GITHUB_API_URL"] = github.apiUrl;
    }
  });

  test("remark too: a persistent 500 is unverified once, nothing broken", async () => {
    const run = await faulty({ mode: "500" }, runRemarkEngine);
    onlyUnverified(run);
    expect(run.findings).toHaveLength(1);
    expectWithinBudget();
  });

  test("a secondary rate limit said only in the body: no waiting a minute, no more requests", async () => {
    const run = await faulty({ mode: "secondary-403", noRetryAfter: true });
    onlyUnverified(run);
    expect(run.findings[0]?.message).toMatch(/rate limited/);
    expect(github.requests.length).toBeLessThanOrEqual(2);
  });

  test("a rate limit reset beyond the run's time: no waiting, no more requests", async () => {
    const run = await faulty({ mode: "429", retryAfter: 3600 });
    onlyUnverified(run);
    // One request met the limit; the others were not sent.
    expect(github.requests.length).toBeLessThanOrEqual(2);
  });
});

/** The first request and its retry (the same request sent again). */
function retried() {
  const same = (a: RecordedRequest, b: RecordedRequest): boolean =>
    a.method === b.method && a.path === b.path && a.body === b.body;
  const first = github.requests.find((r, i) => github.requests.slice(i + 1).some((s) => same(r, s)))!;
  return github.requests.filter((r) => same(r, first)).slice(0, 2);
}

describe("transient faults: the retries get through, nothing reported", () => {
  const modes: Fault[] = [
    { mode: "500", times: 1 },
    { mode: "502", times: 2 },
    { mode: "reset", times: 1 },
    { mode: "slow", delayMs: 3000, times: 1 },
    { mode: "query-error", times: 1 },
    { mode: "secondary-403", retryAfter: 1, times: 1 },
  ];
  for (const fault of modes) {
    test(`${fault.mode} ×${fault.times}`, async () => {
      const run = await faulty(fault);
      expect(run.findings).toEqual([]);
      expect(run.stats.retries).toBeGreaterThan(0);
      expectWithinBudget();
    });
  }

  test("429 honours Retry-After", async () => {
    const run = await faulty({ mode: "429", retryAfter: 1, times: 1 });
    expect(run.findings).toEqual([]);
    const [first, second] = retried();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  test("GraphQL RATE_LIMITED honours x-ratelimit-reset", async () => {
    const run = await faulty({ mode: "graphql-rate-limited", retryAfter: 1, times: 1 });
    expect(run.findings).toEqual([]);
    const [first, second] = retried();
    // The reset is a whole second in the header: the retry waits past it.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });
});
