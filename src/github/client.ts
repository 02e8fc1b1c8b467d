/**
 * HTTP to GitHub: POST GraphQL and GET REST, with a request timeout, retries that honour
 * `Retry-After` and `x-ratelimit-reset`, and a deadline for the whole run. Whatever goes wrong
 * becomes an Unanswered error with a reason that never holds the token.
 */
import type { GitHubConfig } from "./config.js";
import type { GraphQLAnswer, GraphQLError } from "./checks.js";

export class Unanswered extends Error {
  override name = "Unanswered";
  constructor(
    reason: string,
    /** True when no request should be tried again in this run (rate limit beyond the deadline). */
    readonly exhausted = false,
  ) {
    super(reason);
  }
}

export interface ClientStats {
  requests: number;
  graphql: number;
  rest: number;
  retries: number;
}

/** What an unanswered link says when no token was sent: what to set, in one line. */
export const NO_TOKEN =
  "no GitHub token: set GITHUB_TOKEN or GH_TOKEN (read access to public repositories is enough), or --offline to use the link cache only";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class GitHubClient {
  readonly stats: ClientStats = { requests: 0, graphql: 0, rest: 0, retries: 0 };
  private deadline: number | null = null;
  private exhaustedReason: string | null = null;
  private degraded = false;
  private readonly origins: Set<string>;

  constructor(
    private readonly config: GitHubConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.origins = new Set([new URL(config.apiUrl).origin, new URL(config.graphqlUrl).origin]);
  }

  /** True once nothing more is to be asked in this run (a rate limit beyond its time, a refused token). */
  get exhausted(): boolean {
    return this.exhaustedReason !== null;
  }

  private headers(url: string, json: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      accept: json ? "application/json" : "application/vnd.github+json",
      "user-agent": "wrapup-lint",
      "x-github-api-version": "2022-11-28",
    };
    if (json) headers["content-type"] = "application/json";
    // The token goes to the configured API host only, never anywhere else.
    if (this.config.token && this.origins.has(new URL(url).origin))
      headers["authorization"] = `bearer ${this.config.token}`;
    return headers;
  }

  async graphql(query: string): Promise<GraphQLAnswer> {
    const body = JSON.stringify({ query });
    return this.send<GraphQLAnswer>(
      this.config.graphqlUrl,
      "graphql",
      async (response) => {
        let parsed: { data?: Record<string, unknown> | null; errors?: GraphQLError[] };
        try {
          parsed = (await response.json()) as typeof parsed;
        } catch {
          return { retry: "an unreadable answer" };
        }
        const errors = Array.isArray(parsed.errors) ? parsed.errors : [];
        const limited = errors.find((e) => e.type === "RATE_LIMITED" || /rate limit/i.test(e.message ?? ""));
        if (limited) return { retry: "rate limited", wait: this.rateLimitWait(response) ?? 60_000 };
        const data = parsed.data && typeof parsed.data === "object" ? parsed.data : null;
        if (!data) return { retry: errors.length > 0 ? "a query error" : "an empty answer" };
        return { value: { data, errors } };
      },
      { method: "POST", body },
    );
  }

  /**
   * GET a REST path; resolves to the status (200, 404, 301 …) once GitHub answered definitely.
   * A 404 or 410 counts only as GitHub's own (a JSON body with its `message`): a proxy's or a
   * wrong path's page is no evidence that the thing is not there.
   */
  async restStatus(pathname: string): Promise<{ status: number; location: string | null }> {
    const url = `${this.config.apiUrl}${pathname}`;
    return this.send<{ status: number; location: string | null }>(
      url,
      "rest",
      async (response) => {
        const text = await response.text().catch(() => "");
        if (response.status === 404 || response.status === 410) {
          let message: unknown = null;
          try {
            message = (JSON.parse(text) as { message?: unknown }).message;
          } catch {
            // Not JSON: not GitHub's answer.
          }
          if (typeof message !== "string") return { retry: `HTTP ${response.status} without GitHub's answer` };
        }
        // A permanent move is an answer (the caller decides what it means); a temporary redirect
        // is not followed (the token stays with the API host) and is asked again.
        if ([200, 301, 308, 404, 410].includes(response.status)) {
          return { value: { status: response.status, location: response.headers.get("location") } };
        }
        return { retry: `HTTP ${response.status}` };
      },
      { method: "GET" },
    );
  }

  private rateLimitWait(response: Response): number | null {
    const after = response.headers.get("retry-after");
    if (after !== null && after.trim() !== "") {
      const s = Number(after);
      if (Number.isFinite(s)) return Math.max(0, s * 1000);
      const date = Date.parse(after);
      if (Number.isFinite(date)) return Math.max(0, date - this.now());
    }
    if (response.headers.get("x-ratelimit-remaining") === "0") {
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - this.now()) + 1000;
    }
    return null;
  }

  private async send<T>(
    url: string,
    kind: "graphql" | "rest",
    read: (response: Response) => Promise<{ value: T } | { retry: string; wait?: number }>,
    init: { method: string; body?: string },
  ): Promise<T> {
    if (this.exhaustedReason) throw new Unanswered(this.exhaustedReason, true);
    if (this.deadline === null) this.deadline = this.now() + this.config.timeoutMs;
    let reason = "no answer";
    // Once a request failed every attempt, GitHub is taken to be down for this run: later
    // requests get one attempt each, so a run without GitHub stays short.
    const retries = this.degraded ? 0 : this.config.retries;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const left = this.deadline - this.now();
      if (left <= 0) throw new Unanswered(`${reason}; the run's time for GitHub is up`);
      let wait: number | null = null;
      try {
        this.stats.requests++;
        this.stats[kind]++;
        if (attempt > 0) this.stats.retries++;
        const response = await fetch(url, {
          ...init,
          headers: this.headers(url, kind === "graphql"),
          redirect: "manual",
          signal: AbortSignal.timeout(Math.max(1, Math.min(this.config.requestTimeoutMs, left))),
        });
        if (
          response.status === 200 ||
          (kind === "rest" && response.status < 500 && response.status !== 403 && response.status !== 429)
        ) {
          const outcome = await read(response);
          if ("value" in outcome) return outcome.value;
          reason = outcome.retry;
          wait = outcome.wait ?? null;
        } else {
          const text = await response.text().catch(() => "");
          // GitHub's rate limits: 429, or 403 with Retry-After, x-ratelimit-remaining 0, or a
          // body saying so (a secondary limit without headers: wait at least a minute).
          const limited =
            response.status === 429 ||
            (response.status === 403 &&
              (response.headers.has("retry-after") ||
                response.headers.get("x-ratelimit-remaining") === "0" ||
                /rate limit/i.test(text)));
          reason = limited ? "rate limited" : `HTTP ${response.status}`;
          wait = this.rateLimitWait(response);
          if (response.status === 401) {
            // GitHub's GraphQL API answers every request without a token with 401.
            this.exhaustedReason = this.config.token ? "HTTP 401: the token was refused" : NO_TOKEN;
            throw new Unanswered(this.exhaustedReason, true);
          }
          if (response.status === 403 && !limited) reason = "HTTP 403";
          if (limited && wait === null) wait = 60_000;
        }
      } catch (error) {
        if (error instanceof Unanswered) throw error;
        const name = (error as Error).name;
        reason = name === "TimeoutError" || name === "AbortError" ? "timed out" : "network error";
      }
      const backoff = wait ?? 250 * 2 ** attempt;
      const remaining = this.deadline - this.now();
      if (attempt === retries) break;
      if (backoff >= remaining) {
        if (reason === "rate limited") {
          // Waiting for the reset would overrun the run: stop asking for the rest of it.
          this.exhaustedReason = "rate limited until after this run's time for GitHub";
          throw new Unanswered(this.exhaustedReason, true);
        }
        throw new Unanswered(`${reason}; the run's time for GitHub is up`);
      }
      await sleep(backoff);
    }
    this.degraded = true;
    throw new Unanswered(retries > 0 ? `${reason} after ${retries + 1} attempts` : reason);
  }
}
