/**
 * Link states in the disk cache (src/github/cache.ts): an answer that can change (an open pull
 * request) lives WRAPUP_LINT_CACHE_TTL, one that cannot (a merged pull request) the longer
 * WRAPUP_LINT_CACHE_TTL_FINAL; both survive a new process (a new cache object on the same file).
 * The clock is the cache's own (injected), not the test's.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { DiskCache } from "../../src/github/cache.js";
import { isFinal, type Verdict } from "../../src/github/checks.js";
import { configFromEnv } from "../../src/github/config.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-states-cache-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HOUR = 3600 * 1000;
const open: Verdict = {
  status: "ok",
  typename: "PullRequest",
  state: { kind: "pull", state: "open", reason: null, updatedAt: "2026-01-15T09:30:00Z" },
};
const merged: Verdict = {
  status: "ok",
  typename: "PullRequest",
  state: { kind: "pull", state: "merged", reason: null, updatedAt: "2026-01-15T09:30:00Z" },
};
const closedIssue: Verdict = {
  status: "ok",
  typename: "Issue",
  state: { kind: "issue", state: "closed", reason: "COMPLETED", updatedAt: null },
};

test("only a merged pull request is final", () => {
  expect(isFinal(merged)).toBe(true);
  expect(isFinal(open)).toBe(false);
  expect(isFinal(closedIssue)).toBe(false); // an issue can be reopened
  expect(isFinal({ status: "ok" })).toBe(false);
});

test("an open pull request's state expires after the TTL, a merged one's after the final TTL; both across processes", () => {
  let now = 1_000_000;
  const clock = () => now;
  const write = new DiskCache(dir, "api.github.com", 24 * HOUR, clock, 30 * 24 * HOUR);
  write.set("number:a/b#1", open);
  write.set("number:a/b#2", merged);
  write.set("number:a/b#3", closedIssue);
  write.flush();
  const read = (at: number) => {
    now = at;
    const c = new DiskCache(dir, "api.github.com", 24 * HOUR, clock, 30 * 24 * HOUR);
    return [c.get("number:a/b#1"), c.get("number:a/b#2"), c.get("number:a/b#3")];
  };
  expect(read(1_000_000 + 23 * HOUR)).toEqual([open, merged, closedIssue]);
  expect(read(1_000_000 + 25 * HOUR)).toEqual([null, merged, null]);
  expect(read(1_000_000 + 29 * 24 * HOUR)).toEqual([null, merged, null]);
  expect(read(1_000_000 + 31 * 24 * HOUR)).toEqual([null, null, null]);
});

test("the lifetimes come from the environment: WRAPUP_LINT_CACHE_TTL and WRAPUP_LINT_CACHE_TTL_FINAL (seconds)", () => {
  const c = configFromEnv({
    WRAPUP_LINT_CACHE_TTL: "60",
    WRAPUP_LINT_CACHE_TTL_FINAL: "3600",
    WRAPUP_LINT_CACHE_DIR: dir,
  });
  expect([c.cacheTtlMs, c.cacheFinalTtlMs]).toEqual([60_000, 3_600_000]);
  const d = configFromEnv({ WRAPUP_LINT_CACHE_DIR: dir });
  expect(d.cacheFinalTtlMs).toBeGreaterThan(d.cacheTtlMs);
});
