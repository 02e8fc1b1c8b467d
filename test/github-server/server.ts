/**
 * A fake GitHub for tests: a real HTTP server on 127.0.0.1 that answers GraphQL (built on the
 * `graphql` package, with GitHub's NOT_FOUND error shapes) and the few REST endpoints used, from
 * a small world of owners and repositories, and that can be told to fail: 500, 429 with
 * Retry-After, 403 secondary rate limit, GraphQL RATE_LIMITED, slow answers, connection resets,
 * partial GraphQL errors.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildSchema, graphql, type GraphQLError, type GraphQLSchema } from "graphql";
import { SCHEMA_SDL } from "./schema.js";

/** When things in the fake world were last touched, unless a test says otherwise. */
export const DEFAULT_UPDATED_AT = "2026-01-15T09:30:00Z";

/** What GitHub says of a pull request, issue or discussion now (default: open, updated DEFAULT_UPDATED_AT). */
export interface FakeState {
  /** Pull requests: open, draft, merged, closed (without merge); issues and discussions: open, closed. */
  state: "open" | "draft" | "merged" | "closed";
  /**
   * A closed issue's reason (`COMPLETED`, the default; `NOT_PLANNED`; `DUPLICATE`, which GitHub
   * gives only with `enableDuplicate: true` and otherwise as `NOT_PLANNED`), a closed
   * discussion's (`RESOLVED`, the default; `OUTDATED`; `DUPLICATE`), or `REOPENED` for an open one.
   */
  reason?: string;
  updatedAt?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  archived?: boolean;
  /** When anything was last pushed (default DEFAULT_UPDATED_AT). */
  pushedAt?: string;
  /** Number → its state now (pull requests, issues and discussions; default open). */
  states?: Record<number, FakeState>;
  /** Branch → the date of its last commit (default DEFAULT_UPDATED_AT). */
  branchDates?: Record<string, string>;
  /** Numbers whose answer is GitHub's "something went wrong" every time they are asked. */
  failing?: number[];
  /** Former `owner/name`s that still lead here (GitHub follows renames and transfers). */
  formerNames?: string[];
  pulls?: number[];
  issues?: number[];
  discussions?: number[];
  /** Branch → the files on it (folders are implied by the paths). */
  branches?: Record<string, string[]>;
  tags?: Record<string, string[]>;
  /** Full commit SHA → the files at that commit. */
  commits?: Record<string, string[]>;
  releases?: string[];
}

export interface World {
  /** Users and organizations. */
  owners: { login: string; type?: "User" | "Organization" }[];
  repos: FakeRepo[];
  /** GitHub App slugs. */
  apps?: string[];
}

export type FaultMode =
  | "none"
  | "500"
  | "502"
  | "429"
  | "secondary-403"
  | "graphql-rate-limited"
  | "slow"
  | "reset"
  | "partial"
  | "query-error"
  | "redirect";

export interface Fault {
  mode: FaultMode;
  /** Only the next `times` requests fail (then GitHub is well again); unset: every request. */
  times?: number;
  /** 429 / 403: seconds in Retry-After; graphql-rate-limited: seconds until x-ratelimit-reset. */
  retryAfter?: number;
  /** slow: milliseconds before answering. */
  delayMs?: number;
  /** secondary-403: send no Retry-After (GitHub then says "wait at least a minute" in the body only). */
  noRetryAfter?: boolean;
  /** redirect: where a 307 sends the client. */
  location?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: string;
  /** GraphQL: how many repository / repositoryOwner aliases the query held. */
  aliases: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface FakeGitHub {
  /** `GITHUB_API_URL` for this server. */
  apiUrl: string;
  graphqlUrl: string;
  requests: RecordedRequest[];
  setFault(fault: Fault): void;
  setWorld(world: World): void;
  close(): Promise<void>;
}

class GitHubNotFound extends Error {
  readonly type = "NOT_FOUND";
}

class GitHubInternal extends Error {}

const sha = (s: string): string => createHash("sha1").update(s).digest("hex");

function nodeId(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`).toString("base64");
}

/** Does `files` hold `path` as a file (Blob) or a folder (Tree)? */
function lookPath(files: string[], path: string): "Blob" | "Tree" | null {
  const p = path.replace(/^\/+|\/+$/g, "");
  if (p === "") return "Tree";
  if (files.includes(p)) return "Blob";
  if (files.some((f) => f.startsWith(`${p}/`))) return "Tree";
  return null;
}

function gitObject(typename: string, key: string, extra: Record<string, unknown> = {}) {
  const oid = /^[0-9a-f]{40}$/.test(key) ? key : sha(key);
  return { __typename: typename, oid, abbreviatedOid: oid.slice(0, 7), id: nodeId(typename, oid), ...extra };
}

function repositoryValue(repo: FakeRepo, partial: { every: number; count: number }) {
  const full = `${repo.owner}/${repo.name}`;
  const url = `https://github.com/${full}`;
  // Shaped as GitHub's GraphQL API answers: PullRequest `state` OPEN / CLOSED / MERGED with
  // `isDraft` and `merged`; Issue `state` OPEN / CLOSED with `stateReason`; Discussion `closed`
  // with `stateReason`; `updatedAt` on each.
  const numbered = (kind: "Issue" | "PullRequest" | "Discussion", n: number) => {
    const given = repo.states?.[n];
    const state = given?.state ?? "open";
    const updatedAt = given?.updatedAt ?? DEFAULT_UPDATED_AT;
    const closed = state === "closed" || state === "merged";
    const common = {
      __typename: kind,
      id: nodeId(kind, `${full}#${n}`),
      number: n,
      title: `${kind} ${n}`,
      url: `${url}/${kind === "Issue" ? "issues" : kind === "PullRequest" ? "pull" : "discussions"}/${n}`,
      closed,
      closedAt: closed ? updatedAt : null,
      createdAt: "2020-01-01T00:00:00Z",
      updatedAt,
    };
    if (kind === "PullRequest") {
      return {
        ...common,
        state: state === "merged" ? "MERGED" : state === "closed" ? "CLOSED" : "OPEN",
        isDraft: state === "draft",
        merged: state === "merged",
        mergedAt: state === "merged" ? updatedAt : null,
        headRefName: `branch-${n}`,
      };
    }
    if (kind === "Issue") {
      const reason = given?.reason ?? (closed ? "COMPLETED" : null);
      return {
        ...common,
        state: closed ? "CLOSED" : "OPEN",
        stateReason: ({ enableDuplicate }: { enableDuplicate?: boolean }) =>
          reason === "DUPLICATE" && !enableDuplicate ? "NOT_PLANNED" : reason,
      };
    }
    return { ...common, stateReason: given?.reason ?? (closed ? "RESOLVED" : null) };
  };
  const failing = (number: number): void => {
    if ((repo.failing ?? []).includes(number)) {
      throw new GitHubInternal(
        "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `1C3A:2F4B:5D6E7F:8A9B0C:65F0A1B3` when reporting this issue.",
      );
    }
  };
  // Partial errors: every n-th field resolution fails as GitHub's do, without a type.
  const maybeFail = (): void => {
    if (partial.every > 0 && ++partial.count % partial.every === 0) {
      throw new GitHubInternal(
        "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `1C3A:2F4B:5D6E7F:8A9B0C:65F0A1B2` when reporting this issue.",
      );
    }
  };
  const resolveRev = (rev: string): { files: string[]; key: string } | null => {
    if (rev === "HEAD") {
      const first = Object.entries(repo.branches ?? {})[0];
      return first ? { files: first[1], key: `${full}@${first[0]}` } : null;
    }
    const branch = repo.branches?.[rev];
    if (branch) return { files: branch, key: `${full}@${rev}` };
    const tag = repo.tags?.[rev];
    if (tag) return { files: tag, key: `${full}@tag:${rev}` };
    if (/^[0-9a-f]{4,40}$/i.test(rev)) {
      const hits = Object.entries(repo.commits ?? {}).filter(([s]) => s.startsWith(rev.toLowerCase()));
      if (hits.length === 1) return { files: hits[0]![1], key: hits[0]![0] };
    }
    return null;
  };
  return {
    __typename: "Repository",
    id: nodeId("Repository", full),
    name: repo.name,
    nameWithOwner: full,
    owner: {
      __typename: "Organization",
      id: nodeId("Organization", repo.owner),
      login: repo.owner,
      url: `https://github.com/${repo.owner}`,
    },
    url,
    isArchived: repo.archived === true,
    archivedAt: repo.archived === true ? DEFAULT_UPDATED_AT : null,
    isPrivate: false,
    pushedAt: repo.pushedAt ?? DEFAULT_UPDATED_AT,
    hasDiscussionsEnabled: (repo.discussions ?? []).length > 0,
    pullRequest({ number }: { number: number }) {
      maybeFail();
      failing(number);
      if (!(repo.pulls ?? []).includes(number))
        throw new GitHubNotFound(`Could not resolve to a PullRequest with the number of ${number}.`);
      return numbered("PullRequest", number);
    },
    issue({ number }: { number: number }) {
      maybeFail();
      failing(number);
      if (!(repo.issues ?? []).includes(number))
        throw new GitHubNotFound(`Could not resolve to an Issue with the number of ${number}.`);
      return numbered("Issue", number);
    },
    issueOrPullRequest({ number }: { number: number }) {
      maybeFail();
      failing(number);
      if ((repo.pulls ?? []).includes(number)) return numbered("PullRequest", number);
      if ((repo.issues ?? []).includes(number)) return numbered("Issue", number);
      throw new GitHubNotFound(`Could not resolve to an issue or pull request with the number of ${number}.`);
    },
    discussion({ number }: { number: number }) {
      maybeFail();
      failing(number);
      if (!(repo.discussions ?? []).includes(number))
        throw new GitHubNotFound(`Could not resolve to a Discussion with the number of ${number}.`);
      return numbered("Discussion", number);
    },
    object({ expression, oid }: { expression?: string; oid?: string }) {
      maybeFail();
      if (oid) {
        const files = repo.commits?.[oid.toLowerCase()];
        return files
          ? gitObject("Commit", oid.toLowerCase(), { messageHeadline: "commit", committedDate: DEFAULT_UPDATED_AT })
          : null;
      }
      if (!expression) return null;
      const colon = expression.indexOf(":");
      const rev = colon >= 0 ? expression.slice(0, colon) : expression;
      const path = colon >= 0 ? expression.slice(colon + 1) : null;
      const at = resolveRev(rev);
      if (!at) return null;
      if (path === null)
        return gitObject("Commit", /^[0-9a-f]{40}$/.test(at.key) ? at.key : sha(at.key), {
          messageHeadline: "commit",
          committedDate: DEFAULT_UPDATED_AT,
        });
      const kind = lookPath(at.files, path);
      return kind ? gitObject(kind, `${at.key}:${path}`) : null;
    },
    ref({ qualifiedName }: { qualifiedName: string }) {
      maybeFail();
      const m = /^(?:refs\/(heads|tags)\/)?(.+)$/.exec(qualifiedName)!;
      const [, prefix, name] = m;
      const inHeads = prefix !== "tags" && repo.branches?.[name!];
      const inTags = prefix !== "heads" && repo.tags?.[name!];
      if (!inHeads && !inTags) return null;
      return {
        id: nodeId("Ref", `${full}:${qualifiedName}`),
        name,
        prefix: inHeads ? "refs/heads/" : "refs/tags/",
        target: gitObject("Commit", `${full}@${name}`, {
          messageHeadline: "tip",
          committedDate: (inHeads ? repo.branchDates?.[name!] : undefined) ?? DEFAULT_UPDATED_AT,
        }),
      };
    },
    release({ tagName }: { tagName: string }) {
      maybeFail();
      if (!(repo.releases ?? []).includes(tagName)) return null;
      return {
        id: nodeId("Release", `${full}:${tagName}`),
        name: tagName,
        tagName,
        url: `${url}/releases/tag/${tagName}`,
        isDraft: false,
        isPrerelease: false,
        publishedAt: DEFAULT_UPDATED_AT,
      };
    },
  };
}

export async function startFakeGitHub(initial: World, options: { token?: string } = {}): Promise<FakeGitHub> {
  const schema: GraphQLSchema = buildSchema(SCHEMA_SDL);
  let world = initial;
  let fault: Fault = { mode: "none" };
  const requests: RecordedRequest[] = [];
  const resetAt = (): number => Math.floor(Date.now() / 1000) + 3600;
  let remaining = 5000;

  const findRepo = (owner: string, name: string, followRenames: boolean): FakeRepo | null => {
    const key = `${owner}/${name}`.toLowerCase();
    const current = world.repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === key);
    if (current) return current;
    if (!followRenames) return null;
    return world.repos.find((r) => (r.formerNames ?? []).some((f) => f.toLowerCase() === key)) ?? null;
  };

  const rateHeaders = (resource: string): Record<string, string> => ({
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-used": String(5000 - remaining),
    "x-ratelimit-reset": String(resetAt()),
    "x-ratelimit-resource": resource,
    "x-github-request-id": "1C3A:2F4B:5D6E7F:8A9B0C:65F0A1B2",
  });

  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };

  async function answerGraphQL(body: string, res: http.ServerResponse, partialEvery: number): Promise<void> {
    let query = "";
    try {
      const parsed = JSON.parse(body) as { query?: unknown };
      query = typeof parsed.query === "string" ? parsed.query : "";
    } catch {
      send(
        res,
        400,
        { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" },
        rateHeaders("graphql"),
      );
      return;
    }
    if (!query) {
      send(
        res,
        200,
        { errors: [{ message: "A query attribute must be specified and must be a string." }] },
        rateHeaders("graphql"),
      );
      return;
    }
    remaining = Math.max(0, remaining - 1);
    const partial = { every: partialEvery, count: 0 };
    const rootValue = {
      repository: ({ owner, name, followRenames }: { owner: string; name: string; followRenames: boolean }) => {
        const repo = findRepo(owner, name, followRenames);
        if (!repo) throw new GitHubNotFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
        return repositoryValue(repo, partial);
      },
      repositoryOwner: ({ login }: { login: string }) => {
        const o = world.owners.find((x) => x.login.toLowerCase() === login.toLowerCase());
        if (!o) return null;
        const type = o.type ?? "Organization";
        return { __typename: type, id: nodeId(type, o.login), login: o.login, url: `https://github.com/${o.login}` };
      },
      user: ({ login }: { login: string }) => {
        const o = world.owners.find(
          (x) => x.login.toLowerCase() === login.toLowerCase() && (x.type ?? "Organization") === "User",
        );
        if (!o) throw new GitHubNotFound(`Could not resolve to a User with the login of '${login}'.`);
        return { id: nodeId("User", o.login), login: o.login, url: `https://github.com/${o.login}` };
      },
      organization: ({ login }: { login: string }) => {
        const o = world.owners.find(
          (x) => x.login.toLowerCase() === login.toLowerCase() && (x.type ?? "Organization") === "Organization",
        );
        if (!o) throw new GitHubNotFound(`Could not resolve to an Organization with the login of '${login}'.`);
        return { id: nodeId("Organization", o.login), login: o.login, url: `https://github.com/${o.login}` };
      },
      rateLimit: () => ({
        cost: 1,
        limit: 5000,
        nodeCount: 0,
        remaining,
        resetAt: new Date(resetAt() * 1000).toISOString(),
        used: 5000 - remaining,
      }),
    };
    const result = await graphql({ schema, source: query, rootValue });
    const out: Record<string, unknown> = {};
    if (result.data !== undefined) out["data"] = result.data;
    if (result.errors && result.errors.length > 0) {
      out["errors"] = result.errors.map((e: GraphQLError) => {
        const original = e.originalError as { type?: string } | undefined;
        return {
          ...(original?.type ? { type: original.type } : {}),
          ...(e.path ? { path: e.path } : {}),
          ...(e.locations ? { locations: e.locations } : {}),
          message: e.message,
        };
      });
    }
    send(res, 200, out, rateHeaders("graphql"));
  }

  function answerRest(method: string, path: string, res: http.ServerResponse): void {
    const notFound = (doc: string): void =>
      send(res, 404, { message: "Not Found", documentation_url: doc, status: "404" }, rateHeaders("core"));
    let m = /^\/apps\/([^/]+)$/.exec(path);
    if (method === "GET" && m) {
      const slug = decodeURIComponent(m[1]!);
      if (!(world.apps ?? []).includes(slug)) return notFound("https://docs.github.com/rest/apps/apps#get-an-app");
      return send(
        res,
        200,
        { id: 1, slug, node_id: nodeId("App", slug), name: slug, html_url: `https://github.com/apps/${slug}` },
        rateHeaders("core"),
      );
    }
    m = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path);
    if (method === "GET" && m) {
      const [owner, name] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
      const repo = findRepo(owner, name, true);
      if (!repo) return notFound("https://docs.github.com/rest/repos/repos#get-a-repository");
      const id = parseInt(sha(`${repo.owner}/${repo.name}`).slice(0, 8), 16);
      const base = `http://${host()}`;
      if (`${repo.owner}/${repo.name}`.toLowerCase() !== `${owner}/${name}`.toLowerCase()) {
        // A renamed or transferred repository: REST answers 301 to the repository by id.
        const location = `${base}/repositories/${id}`;
        res.setHeader("location", location);
        return send(
          res,
          301,
          {
            message: "Moved Permanently",
            url: location,
            documentation_url: "https://docs.github.com/v3/#http-redirects",
          },
          rateHeaders("core"),
        );
      }
      return send(
        res,
        200,
        {
          id,
          name: repo.name,
          full_name: `${repo.owner}/${repo.name}`,
          archived: repo.archived === true,
          html_url: `https://github.com/${repo.owner}/${repo.name}`,
        },
        rateHeaders("core"),
      );
    }
    notFound("https://docs.github.com/rest");
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        // GitHub Enterprise serves the same under /api/v3 (REST) and /api/graphql.
        const path = (req.url ?? "/")
          .split("?")[0]!
          .replace(/^\/api\/v3(?=\/)/, "")
          .replace(/^\/api(?=\/graphql$)/, "");
        const isGraphQL = req.method === "POST" && path === "/graphql";
        let aliases = 0;
        if (isGraphQL) {
          try {
            aliases = (
              (JSON.parse(body) as { query?: string }).query?.match(/:\s*(?:repository|repositoryOwner)\(/g) ?? []
            ).length;
          } catch {
            aliases = 0;
          }
        }
        requests.push({
          method: req.method ?? "",
          path: req.url ?? "/",
          authorization: req.headers.authorization ?? null,
          body,
          aliases,
          at: Date.now(),
        });
        if (options.token !== undefined && req.headers.authorization !== `bearer ${options.token}`) {
          send(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
          return;
        }
        // Query errors, partial errors and RATE_LIMITED are GraphQL's; REST requests meet them not.
        const applies = isGraphQL || !["query-error", "partial", "graphql-rate-limited"].includes(fault.mode);
        const active = applies && fault.mode !== "none" && (fault.times === undefined || fault.times > 0);
        if (active && fault.times !== undefined) fault.times--;
        const mode = active ? fault.mode : "none";
        switch (mode) {
          case "500":
          case "502":
            send(res, Number(mode), {
              message:
                mode === "500"
                  ? "Server Error"
                  : "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
            });
            return;
          case "429":
            send(
              res,
              429,
              {
                message: "API rate limit exceeded",
                documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
              },
              { ...rateHeaders(isGraphQL ? "graphql" : "core"), "retry-after": String(fault.retryAfter ?? 60) },
            );
            return;
          case "secondary-403":
            send(
              res,
              403,
              {
                message:
                  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 1C3A:2F4B:5D6E7F:8A9B0C:65F0A1B2.",
                documentation_url:
                  "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
              },
              {
                ...rateHeaders(isGraphQL ? "graphql" : "core"),
                ...(fault.noRetryAfter ? {} : { "retry-after": String(fault.retryAfter ?? 60) }),
              },
            );
            return;
          case "graphql-rate-limited": {
            const reset = Math.floor(Date.now() / 1000) + (fault.retryAfter ?? 3600);
            send(
              res,
              200,
              { errors: [{ type: "RATE_LIMITED", message: "API rate limit already exceeded for user ID 1." }] },
              {
                ...rateHeaders("graphql"),
                "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": String(reset),
              },
            );
            return;
          }
          case "slow":
            await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 5000));
            break;
          case "reset":
            req.socket.destroy();
            return;
          case "redirect":
            res.writeHead(307, { location: fault.location ?? "http://127.0.0.1:9/" });
            res.end();
            return;
          case "query-error":
            send(
              res,
              200,
              {
                errors: [
                  {
                    message:
                      "Something went wrong while executing your query. Please include `1C3A:2F4B` when reporting this issue.",
                  },
                ],
              },
              rateHeaders("graphql"),
            );
            return;
        }
        if (res.destroyed) return;
        if (isGraphQL) await answerGraphQL(body, res, mode === "partial" ? 3 : 0);
        else answerRest(req.method ?? "GET", path, res);
      })().catch(() => {
        if (!res.headersSent) send(res, 500, { message: "Server Error" });
      });
    });
  });
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = (): string => `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiUrl = `http://${host()}`;
  return {
    apiUrl,
    graphqlUrl: `${apiUrl}/graphql`,
    requests,
    setFault(next) {
      fault = { ...next };
    },
    setWorld(next) {
      world = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Points this process's link checks at `github` (the environment the resolver reads): its API
 * URL, `token`, the cache in `cacheDir`, online, a 30 s timeout; any other GitHub setting unset.
 */
export function useFakeGitHub(github: FakeGitHub, token: string, cacheDir: string): void {
  setEnv({
    GITHUB_API_URL: github.apiUrl,
    GITHUB_GRAPHQL_URL: undefined,
    GITHUB_TOKEN: token,
    GH_TOKEN: undefined,
    WRAPUP_LINT_CACHE_DIR: cacheDir,
    WRAPUP_LINT_OFFLINE: undefined,
    WRAPUP_LINT_GITHUB_TIMEOUT: "30",
  });
}

/**
 * Starts the fake GitHub on `world` and points this process's link checks at it (`useFakeGitHub`);
 * `stop` closes it and removes `cacheDir` and the `remove` folders (vitest: return it from
 * `beforeAll`, which runs it after the file's tests).
 */
export async function serveFakeGitHub(
  world: World,
  token: string,
  cacheDir: string,
  ...remove: string[]
): Promise<{ github: FakeGitHub; stop: () => Promise<void> }> {
  const github = await startFakeGitHub(world, { token });
  useFakeGitHub(github, token, cacheDir);
  const stop = async (): Promise<void> => {
    await github.close();
    for (const dir of [cacheDir, ...remove]) fs.rmSync(dir, { recursive: true, force: true });
  };
  return { github, stop };
}

/** Sets (a string) or unsets (undefined) each of `vars` in this process's environment. */
export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}
