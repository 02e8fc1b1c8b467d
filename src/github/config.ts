/**
 * Where and how WU007 talks to GitHub, read from the environment once per resolver:
 *
 * - `GITHUB_API_URL` (default `https://api.github.com`), `GITHUB_GRAPHQL_URL` (default
 *   `${GITHUB_API_URL}/graphql`): GitHub Enterprise works by setting them.
 * - `GITHUB_TOKEN` or `GH_TOKEN`: sent to those hosts only.
 * - `WRAPUP_LINT_CACHE_DIR` (default: the user cache dir, `env-paths`), `WRAPUP_LINT_CACHE_TTL`
 *   (seconds, default 86400: answers that can change, an open pull request, a branch, "exists"),
 *   `WRAPUP_LINT_CACHE_TTL_FINAL` (seconds, default 30 days: answers that cannot, a merged pull
 *   request).
 * - `WRAPUP_LINT_OFFLINE=1`: answer from the cache only (`0`: ask GitHub); unset: cache only in an
 *   editor (src/editor/environment.ts), GitHub otherwise.
 * - `WRAPUP_LINT_GITHUB_TIMEOUT` (seconds for the whole run, default 60),
 *   `WRAPUP_LINT_GITHUB_REQUEST_TIMEOUT` (seconds per request, default 15),
 *   `WRAPUP_LINT_GITHUB_CONCURRENCY` (default 4).
 */
import envPaths from "env-paths";
import { offlineFromEnv } from "../editor/environment.js";
import { trimEndChars } from "../core/trim.js";

export interface GitHubConfig {
  apiUrl: string;
  graphqlUrl: string;
  /** Never printed, logged or cached. */
  token: string | null;
  offline: boolean;
  cacheDir: string;
  cacheTtlMs: number;
  /** How long an answer that cannot change (a merged pull request) is kept. */
  cacheFinalTtlMs: number;
  /** The whole run's budget for talking to GitHub, from the first request. */
  timeoutMs: number;
  requestTimeoutMs: number;
  concurrency: number;
  /** Checks per GraphQL request. */
  batchSize: number;
  /** Retries per request after the first attempt. */
  retries: number;
}

function seconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n * 1000 : fallback;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubConfig {
  const apiUrl = trimEndChars(env["GITHUB_API_URL"] || "https://api.github.com", "/");
  const graphqlUrl = env["GITHUB_GRAPHQL_URL"] || `${apiUrl}/graphql`;
  let cacheDir = env["WRAPUP_LINT_CACHE_DIR"];
  if (!cacheDir) {
    try {
      cacheDir = envPaths("wrapup-lint", { suffix: "" }).cache;
    } catch {
      cacheDir = ".wrapup-lint-cache";
    }
  }
  const concurrency = Math.max(1, Math.floor(Number(env["WRAPUP_LINT_GITHUB_CONCURRENCY"]) || 4));
  return {
    apiUrl,
    graphqlUrl,
    token: env["GITHUB_TOKEN"] || env["GH_TOKEN"] || null,
    offline: offlineFromEnv(env),
    cacheDir,
    cacheTtlMs: seconds(env["WRAPUP_LINT_CACHE_TTL"], 24 * 3600 * 1000),
    cacheFinalTtlMs: seconds(env["WRAPUP_LINT_CACHE_TTL_FINAL"], 30 * 24 * 3600 * 1000),
    timeoutMs: seconds(env["WRAPUP_LINT_GITHUB_TIMEOUT"], 60_000),
    requestTimeoutMs: seconds(env["WRAPUP_LINT_GITHUB_REQUEST_TIMEOUT"], 15_000),
    concurrency,
    batchSize: 100,
    retries: 3,
  };
}
