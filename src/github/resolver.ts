/**
 * The process-level resolver: every check of a run (all files, both linters) goes through one
 * instance, so each link is asked once. Checks are answered from memory (answers, and questions
 * already on their way), then the disk cache, then GitHub: pending checks are gathered while the
 * run still has files to read and lint, and sent as one GraphQL query per batch of up to 100
 * (REST for GitHub Apps), a few requests at a time (p-limit).
 *
 * When to send: a full batch at once; the rest once the run has gone quiet, that is no check
 * came for a moment and no file is being read (markdownlint reads the next file only when one
 * of its eight files in flight is done, unified-engine reads all files at the start; both read
 * with Node's fs, which `process.getActiveResourcesInfo()` shows). A caller that lints one file
 * after another goes quiet after each file: its batch is that file's links not yet known.
 */
import pLimit from "p-limit";
import { DiskCache } from "./cache.js";
import { buildQuery, checkKey, type Check, type Verdict } from "./checks.js";
import { GitHubClient, Unanswered } from "./client.js";
import { configFromEnv, type GitHubConfig } from "./config.js";

export interface ResolverStats {
  /** Unique checks asked of this resolver. */
  checks: number;
  memoryHits: number;
  cacheHits: number;
  /** HTTP requests sent (retries included). */
  requests: number;
  graphql: number;
  rest: number;
  retries: number;
  batches: number;
}

interface Pending {
  key: string;
  check: Check;
  resolve: (verdict: Verdict) => void;
  /** Times asked in this run. */
  attempts: number;
}

/** Quiet: no check came for this long and no file is being read. */
const QUIET_MS = 10;
/** Sent after this long whatever the run is doing (a host that is never quiet). */
const MAX_WAIT_MS = 3000;
/** Times a link whose answer held a transient GraphQL error is asked in one run. */
const LINK_ATTEMPTS = 3;

/**
 * Is the process reading or writing a file? fs callbacks and promises under way show as
 * `FSReqCallback` / `FSReqPromise`, and `fs.promises` closing a file handle as `CloseReq`.
 */
function filesInFlight(): boolean {
  const info = (process as { getActiveResourcesInfo?: () => string[] }).getActiveResourcesInfo;
  if (typeof info !== "function") return false;
  return info.call(process).some((r) => r.startsWith("FSReq") || r === "CloseReq");
}

/** The one answer for every check nobody knows, offline (shared, so frozen). */
const UNKNOWN: Verdict = Object.freeze({ status: "unknown" });

export class GitHubResolver {
  readonly config: GitHubConfig;
  private readonly client: GitHubClient;
  private readonly cache: DiskCache;
  private readonly memo = new Map<string, Promise<Verdict>>();
  private pending: Pending[] = [];
  /** GraphQL checks among the pending (apps go to REST). */
  private pendingGraph = 0;
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt = 0;
  private lastPendingAt = 0;
  private readonly limit;
  private unverifiedReported = false;
  private readonly counts = { checks: 0, memoryHits: 0, cacheHits: 0, batches: 0 };

  constructor(config: GitHubConfig = configFromEnv()) {
    this.config = config;
    this.client = new GitHubClient(config);
    this.cache = new DiskCache(
      config.cacheDir,
      instanceOf(config.graphqlUrl),
      config.cacheTtlMs,
      Date.now,
      config.cacheFinalTtlMs,
    );
    this.limit = pLimit(config.concurrency);
  }

  get stats(): ResolverStats {
    return { ...this.counts, ...this.client.stats };
  }

  /** True the first time it is called in a run: the one "unverified" warning of the run. */
  claimUnverifiedReport(): boolean {
    if (this.unverifiedReported) return false;
    this.unverifiedReported = true;
    return true;
  }

  /**
   * What the memory or the disk cache knows, asking nobody (`unknown` otherwise): the answer
   * itself from the disk cache, a promise only for a check this run is still asking.
   */
  resolveCached(check: Check): Verdict | Promise<Verdict> {
    const key = checkKey(check);
    const known = this.memo.get(key);
    if (known) return known;
    const cached = this.cache.get(key);
    if (cached) this.counts.cacheHits++;
    return cached ?? UNKNOWN;
  }

  /** False while neither this run nor the disk cache knows any answer: offline, nothing can be said. */
  knowsAnything(): boolean {
    return this.memo.size > 0 || !this.cache.empty;
  }

  resolve(check: Check): Promise<Verdict> {
    const key = checkKey(check);
    const known = this.memo.get(key);
    if (known) {
      this.counts.memoryHits++;
      return known;
    }
    this.counts.checks++;
    const cached = this.cache.get(key);
    let promise: Promise<Verdict>;
    if (cached) {
      this.counts.cacheHits++;
      promise = Promise.resolve(cached);
    } else if (this.config.offline) {
      promise = Promise.resolve({ status: "unknown" });
    } else {
      promise = new Promise<Verdict>((resolve) => this.enqueue({ key, check, resolve, attempts: 0 }));
    }
    this.memo.set(key, promise);
    // Unverified answers are not kept: a later file of the same run may ask again.
    void promise.then((verdict) => {
      if (verdict.status === "unverified") this.memo.delete(key);
    });
    return promise;
  }

  private enqueue(item: Pending): void {
    const now = Date.now();
    if (this.pending.length === 0) this.firstPendingAt = now;
    this.lastPendingAt = now;
    this.pending.push(item);
    if (item.check.type !== "app") this.pendingGraph++;
    if (this.pendingGraph >= this.config.batchSize) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.tick(), QUIET_MS);
  }

  /** Sends what is pending once the run is quiet (or has waited long enough). */
  private tick(): void {
    this.timer = null;
    if (this.pending.length === 0) return;
    const now = Date.now();
    const quiet = now - this.lastPendingAt >= QUIET_MS && !filesInFlight();
    if (quiet || now - this.firstPendingAt >= MAX_WAIT_MS) this.flush();
    else this.timer = setTimeout(() => this.tick(), QUIET_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.pendingGraph = 0;
    if (batch.length === 0) return;
    const apps = batch.filter((p) => p.check.type === "app");
    const graph = batch.filter((p) => p.check.type !== "app");
    for (let i = 0; i < graph.length; i += this.config.batchSize) {
      const part = graph.slice(i, i + this.config.batchSize);
      void this.limit(() => this.runGraphQL(part));
    }
    for (const app of apps) void this.limit(() => this.runApp(app));
  }

  private settle(item: Pending, verdict: Verdict): void {
    if (verdict.status === "ok" || verdict.status === "missing") this.cache.set(item.key, verdict);
    // GitHub's answer held an error for this link (its "something went wrong", a timeout of
    // one field): ask it again with the next batch, a few times in a run.
    if (
      verdict.status === "unverified" &&
      verdict.transient &&
      item.attempts + 1 < LINK_ATTEMPTS &&
      !this.client.exhausted
    ) {
      this.enqueue({ ...item, attempts: item.attempts + 1 });
      return;
    }
    item.resolve(verdict);
  }

  private async runGraphQL(batch: Pending[]): Promise<void> {
    this.counts.batches++;
    try {
      const { query, readers } = buildQuery(batch.map((p) => p.check));
      const answer = await this.client.graphql(query);
      batch.forEach((item, i) => this.settle(item, readers[i]!(answer)));
    } catch (error) {
      const reason = error instanceof Unanswered ? error.message : "an unexpected failure";
      for (const item of batch) item.resolve({ status: "unverified", reason });
    } finally {
      this.cache.flush();
    }
  }

  /** GitHub Apps have no GraphQL lookup by slug: REST `GET /apps/{app_slug}`. */
  private async runApp(item: Pending): Promise<void> {
    const check = item.check as Extract<Check, { type: "app" }>;
    try {
      const { status } = await this.client.restStatus(`/apps/${encodeURIComponent(check.slug)}`);
      this.settle(
        item,
        status === 200
          ? { status: "ok" }
          : status === 404 || status === 410
            ? { status: "missing", missing: "app" }
            : { status: "unverified", reason: `HTTP ${status}` },
      );
    } catch (error) {
      item.resolve({
        status: "unverified",
        reason: error instanceof Unanswered ? error.message : "an unexpected failure",
      });
    } finally {
      this.cache.flush();
    }
  }
}

/**
 * Which GitHub the answers are about, for the cache: the API's host name (api.github.com, or a
 * GitHub Enterprise host), whatever its scheme, port or path.
 */
export function instanceOf(graphqlUrl: string): string {
  try {
    return new URL(graphqlUrl).hostname.toLowerCase();
  } catch {
    return graphqlUrl;
  }
}

let shared: GitHubResolver | null = null;

/** The resolver of this process (one run of a linter), created from the environment on first use. */
export function githubResolver(): GitHubResolver {
  shared ??= new GitHubResolver();
  return shared;
}

/**
 * Forgets the process's resolver, as a new process would start without one (the disk cache is
 * what carries over). For tests and long-lived hosts that start a new run (an editor).
 */
export function resetGitHubResolver(): void {
  shared = null;
}

/**
 * How a rule asks about a link (WU007, WU009): GitHub, or, offline (the rule's `offline` option
 * or the run's, as in an editor), what the cache knows. Null when offline with an empty cache (a
 * first editor session, WRAPUP_LINT_OFFLINE in CI): every answer would be "unknown", which
 * reports nothing, so no link need be looked at.
 */
export function askerFor(offline: boolean): ((check: Check) => Verdict | Promise<Verdict>) | null {
  const resolver = githubResolver();
  if (!offline && !resolver.config.offline) return (check) => resolver.resolve(check);
  return resolver.knowsAnything() ? (check) => resolver.resolveCached(check) : null;
}
