/**
 * What WU007 asks GitHub about a link (a Check), how a batch of checks becomes one GraphQL
 * query (many aliases), and how GitHub's answer (data + errors, NOT_FOUND shaped per path)
 * becomes a Verdict per check.
 */
import { createHash } from "node:crypto";
import type { GitHubTarget } from "./url.js";

export type Check =
  | { type: "owner"; owner: string }
  | { type: "app"; slug: string }
  | { type: "repo"; owner: string; repo: string }
  | { type: "number"; owner: string; repo: string; number: number }
  /** Any of the expressions resolves (tree/blob/commits: each way to split ref and path). */
  | { type: "object"; owner: string; repo: string; expressions: string[]; commit: boolean }
  | { type: "release"; owner: string; repo: string; tag: string };

export type Missing = "owner" | "app" | "repository" | "number" | "ref" | "commit" | "release";

/** What is known about the repository a check is in. */
export interface RepoInfo {
  nameWithOwner: string;
  archived: boolean;
  /** When anything was last pushed to it (GitHub's `pushedAt`), or null. */
  pushedAt?: string | null;
}

/**
 * What a link's target is now, as GitHub answered in the same query that found it: a pull
 * request open, draft, merged or closed without merge; an issue or discussion open or closed
 * (with GitHub's reason); a branch present or deleted; a repository present or archived; a
 * release, tag or commit present.
 */
export interface LinkState {
  kind: "pull" | "issue" | "discussion" | "branch" | "ref" | "commit" | "release" | "repo";
  state: "open" | "draft" | "merged" | "closed" | "present" | "deleted" | "archived";
  /**
   * GitHub's `stateReason` of a closed issue (`COMPLETED`, `NOT_PLANNED`, `DUPLICATE`) or
   * discussion (`RESOLVED`, `OUTDATED`, `DUPLICATE`); null when GitHub gives none.
   */
  reason: string | null;
  /** The last activity GitHub reports (`updatedAt`, a branch's last commit, a repository's last push), ISO 8601; null if none. */
  updatedAt: string | null;
}

export type Verdict =
  | { status: "ok"; repo?: RepoInfo; typename?: string; state?: LinkState }
  | { status: "missing"; missing: Missing; repo?: RepoInfo; state?: LinkState }
  /** GitHub did not answer this link; `transient`: its answer held an error worth asking again. */
  | { status: "unverified"; reason: string; transient?: boolean }
  /** Offline and not in the cache: nothing is said. */
  | { status: "unknown" };

/**
 * Whether a verdict can no longer change: a merged pull request stays merged. The cache keeps
 * such answers longer than those that can (an open pull request, a branch, "exists").
 */
export function isFinal(verdict: Verdict): boolean {
  return verdict.status === "ok" && verdict.state?.state === "merged";
}

export function checkKey(check: Check): string {
  switch (check.type) {
    case "owner":
      return `owner:${check.owner.toLowerCase()}`;
    case "app":
      return `app:${check.slug.toLowerCase()}`;
    case "repo":
      return `repo:${check.owner.toLowerCase()}/${check.repo.toLowerCase()}`;
    case "number":
      return `number:${check.owner.toLowerCase()}/${check.repo.toLowerCase()}#${check.number}`;
    case "object":
      return `object:${check.owner.toLowerCase()}/${check.repo.toLowerCase()}:${check.commit ? "commit:" : ""}${JSON.stringify(check.expressions)}`;
    case "release":
      return `release:${check.owner.toLowerCase()}/${check.repo.toLowerCase()}:${check.tag}`;
  }
}

/** A character git refuses in a ref name (check-ref-format), or a rev-parse operator. */
const NOT_A_REF = /[\s~^:?*[\\]|\.\.|@\{|^\.|\/\.|\.lock$|\/$|^$/;

/** tree/blob/commits: every split of `a/b/c` into ref and path, longest ref first as GitHub resolves. */
export function refPathExpressions(rest: string[], max = 10): string[] {
  const segments = rest.filter((s) => s !== "");
  const out: string[] = [];
  for (let k = Math.min(segments.length, max); k >= 1; k--) {
    const ref = segments.slice(0, k).join("/");
    if (NOT_A_REF.test(ref) && !/^[0-9a-f]{4,40}$/i.test(ref)) continue;
    const path = segments.slice(k).join("/");
    out.push(path ? `${ref}:${path}` : ref);
  }
  return out;
}

/** The check for a parsed link; null when WU007 has nothing to ask. */
export function checkFor(t: GitHubTarget): Check | null {
  if (t.kind === "app") return { type: "app", slug: t.owner };
  if (t.kind === "owner") return { type: "owner", owner: t.owner };
  if (!t.repo) return null;
  const scope = { owner: t.owner, repo: t.repo };
  switch (t.kind) {
    case "pull":
    case "issue":
    case "discussion":
      return { type: "number", ...scope, number: t.number! };
    case "tree":
    case "blob":
    case "commits": {
      const expressions = refPathExpressions(t.rest);
      return expressions.length > 0
        ? { type: "object", ...scope, expressions, commit: false }
        : { type: "repo", ...scope };
    }
    case "commit":
      return { type: "object", ...scope, expressions: [t.rest[0]!], commit: true };
    case "release":
      return { type: "release", ...scope, tag: t.rest[0]! };
    default:
      // repo, compare, actions, wiki and other repository pages: the repository itself.
      return { type: "repo", ...scope };
  }
}

const str = (s: string): string => JSON.stringify(s);

type Node = Record<string, unknown> | null | undefined;
type RepoCheck = Exclude<Check, { type: "owner" } | { type: "app" }>;

/**
 * What WU007 asks GitHub per kind of check, in one place: the fields asked under the check's
 * repository (GraphQL, without aliases), what of their answers means "found" (and what a
 * verdict keeps of it), and what is missing when nothing is. A field added here is asked in
 * every batch, and its answer is kept in the cache, whose entries from another shape of
 * questions are not used (`ASKED`).
 */
interface Ask<C extends RepoCheck> {
  fields(check: C): string[];
  /**
   * What was found, from the fields' answers in order (and what state the thing is in, and
   * which field told it); null when none holds the thing.
   */
  found(values: Node[], check: C, repo: RepoInfo): { typename?: string; state?: LinkState; from?: number } | null;
  missing(check: C): Missing;
  /** What the answers say of a thing not found (a branch that is gone). */
  gone?(values: Node[], check: C): LinkState | undefined;
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** A pull request's, issue's or discussion's state from its fields, as GitHub's GraphQL API shapes them. */
export function numberState(node: Record<string, unknown>): LinkState | undefined {
  const updatedAt = text(node["updatedAt"]);
  switch (node["__typename"]) {
    case "PullRequest": {
      // Aliased: an issue's `state` (IssueState) and a pull request's (PullRequestState) are
      // other types, and GraphQL refuses both under one name in one selection.
      const state = node["pullState"] ?? node["state"];
      if (state !== "OPEN" && state !== "CLOSED" && state !== "MERGED") return undefined;
      const merged = state === "MERGED" || node["merged"] === true;
      return {
        kind: "pull",
        state: merged ? "merged" : state === "CLOSED" ? "closed" : node["isDraft"] === true ? "draft" : "open",
        reason: null,
        updatedAt,
      };
    }
    case "Issue": {
      const state = node["state"];
      if (state !== "OPEN" && state !== "CLOSED") return undefined;
      return {
        kind: "issue",
        state: state === "CLOSED" ? "closed" : "open",
        reason: state === "CLOSED" ? text(node["stateReason"]) : null,
        updatedAt,
      };
    }
    case "Discussion": {
      if (typeof node["closed"] !== "boolean") return undefined;
      return {
        kind: "discussion",
        state: node["closed"] ? "closed" : "open",
        reason: node["closed"] ? text(node["stateReason"]) : null,
        updatedAt,
      };
    }
  }
  return undefined;
}

/** The refs a tree, blob or commits link may name (the part before `:` of each expression), in order, once each. */
function refsOf(check: Extract<Check, { type: "object" }>): string[] {
  return [...new Set(check.expressions.map((e) => (e.includes(":") ? e.slice(0, e.indexOf(":")) : e)))];
}

const refOf = (expression: string): string =>
  expression.includes(":") ? expression.slice(0, expression.indexOf(":")) : expression;

const ASKS: { [T in RepoCheck["type"]]: Ask<Extract<RepoCheck, { type: T }>> } = {
  repo: {
    fields: () => [],
    found: (_values, _check, repo) => ({
      state: {
        kind: "repo",
        state: repo.archived ? "archived" : "present",
        reason: null,
        updatedAt: repo.pushedAt ?? null,
      },
    }),
    missing: () => "repository",
  },
  // Issues and pull requests share one number space, and a discussion takes a number of it too.
  // The state comes in the same fields: GitHub's `state`, `isDraft`, `merged`, `stateReason`,
  // `closed`, `updatedAt` (a pull request's `state` aliased `pullState`).
  number: {
    fields: (c) => [
      `issueOrPullRequest(number: ${c.number}) { __typename ... on Issue { state stateReason updatedAt } ... on PullRequest { pullState: state isDraft merged updatedAt } }`,
      `discussion(number: ${c.number}) { __typename closed stateReason updatedAt }`,
    ],
    found: (values) => {
      const at = values.findIndex((x) => x && typeof x["__typename"] === "string");
      if (at < 0) return null;
      const v = values[at]!;
      return { typename: String(v["__typename"]), state: numberState(v), from: at };
    },
    missing: () => "number",
  },
  // tree/blob/commits: any split of the path into ref and path that resolves, and whether each
  // ref it may name is a branch (with its last commit's date); commit: a commit.
  object: {
    fields: (c) => [
      ...c.expressions.map((e) => `object(expression: ${str(e)}) { __typename }`),
      ...(c.commit
        ? []
        : refsOf(c).map(
            (r) => `ref(qualifiedName: ${str(`refs/heads/${r}`)}) { target { ... on Commit { committedDate } } }`,
          )),
    ],
    found: (values, c) => {
      const objects = values.slice(0, c.expressions.length);
      const at = objects.findIndex((x) => x && (!c.commit || x["__typename"] === "Commit"));
      if (at < 0) return null;
      const typename = String(objects[at]!["__typename"]);
      if (c.commit) return { typename, state: { kind: "commit", state: "present", reason: null, updatedAt: null } };
      const refs = refsOf(c);
      const branch = values[c.expressions.length + refs.indexOf(refOf(c.expressions[at]!))];
      const target = branch ? (branch["target"] as Node) : null;
      return {
        typename,
        state: branch
          ? { kind: "branch", state: "present", reason: null, updatedAt: text(target?.["committedDate"]) }
          : { kind: "ref", state: "present", reason: null, updatedAt: null },
      };
    },
    missing: (c) => (c.commit ? "commit" : "ref"),
    // Nothing at any split, and no branch of any name the link may hold: the branch is gone.
    gone: (values, c) => {
      if (c.commit) return undefined;
      const branches = values.slice(c.expressions.length);
      if (branches.length === 0 || branches.some((b) => b !== null && b !== undefined)) return undefined;
      // A commit's hash is no branch: a commit that is not there is not a deleted branch.
      if (/^[0-9a-f]{7,40}$/i.test(refOf(c.expressions[0]!))) return undefined;
      return { kind: "branch", state: "deleted", reason: null, updatedAt: null };
    },
  },
  // A tag without a release page is fine: GitHub shows the tag.
  release: {
    fields: (c) => [
      `release(tagName: ${str(c.tag)}) { tagName }`,
      `ref(qualifiedName: ${str(`refs/tags/${c.tag}`)}) { name }`,
    ],
    found: (values) =>
      values.some((v) => v) ? { state: { kind: "release", state: "present", reason: null, updatedAt: null } } : null,
    missing: () => "release",
  },
};

/** Asked of every repository a batch names (what a verdict's `repo` holds). */
const REPOSITORY_FIELDS = "nameWithOwner isArchived pushedAt";
/** Asked of every user or organization. */
const OWNER_FIELDS = "login";

/**
 * The shape of what is asked, as a short hash: the cache keeps it beside its answers, and a
 * cache written for other questions (an older wrapup-lint) is not used.
 */
export const ASKED: string = (() => {
  const samples: RepoCheck[] = [
    { type: "repo", owner: "o", repo: "r" },
    { type: "number", owner: "o", repo: "r", number: 1 },
    { type: "object", owner: "o", repo: "r", expressions: ["e"], commit: false },
    { type: "release", owner: "o", repo: "r", tag: "t" },
  ];
  const shape = [
    REPOSITORY_FIELDS,
    OWNER_FIELDS,
    ...samples.map((c) => `${c.type}:${(ASKS[c.type] as Ask<RepoCheck>).fields(c).join(" ")}`),
  ].join("\n");
  return createHash("sha256").update(shape).digest("hex").slice(0, 12);
})();

export interface BuiltQuery {
  query: string;
  /** Per check (same order as given): how to read its answer. */
  readers: ((answer: GraphQLAnswer) => Verdict)[];
}

export interface GraphQLError {
  type?: string;
  message?: string;
  path?: (string | number)[];
}

export interface GraphQLAnswer {
  data: Record<string, unknown> | null;
  errors: GraphQLError[];
}

/** Builds one query for many GraphQL checks: one `repository` alias per repository. */
export function buildQuery(checks: Check[]): BuiltQuery {
  const repos = new Map<
    string,
    { alias: string; owner: string; repo: string; fields: string[]; byField: Map<string, string> }
  >();
  const owners = new Map<string, string>();
  const top: string[] = [];
  const readers: BuiltQuery["readers"] = [];
  let n = 0;
  for (const check of checks) {
    if (check.type === "app") throw new Error("app checks go to REST");
    if (check.type === "owner") {
      const key = check.owner.toLowerCase();
      let alias = owners.get(key);
      if (!alias) {
        alias = `u${owners.size}`;
        owners.set(key, alias);
        top.push(`${alias}: repositoryOwner(login: ${str(check.owner)}) { ${OWNER_FIELDS} }`);
      }
      const a = alias;
      readers.push((answer) => {
        const problem = errorAt(answer, [a]);
        if (problem) return problem;
        return answer.data?.[a] ? { status: "ok" } : unlessGlobal(answer, { status: "missing", missing: "owner" });
      });
      continue;
    }
    const repoKey = `${check.owner.toLowerCase()}/${check.repo.toLowerCase()}`;
    let repo = repos.get(repoKey);
    if (!repo) {
      repo = { alias: `r${repos.size}`, owner: check.owner, repo: check.repo, fields: [], byField: new Map() };
      repos.set(repoKey, repo);
    }
    const ra = repo.alias;
    const ask = ASKS[check.type] as Ask<RepoCheck>;
    const i = n++;
    // A field another check of the batch already asks (a branch that links to several paths
    // share) is asked once: its answer read by both.
    const sub = ask.fields(check).map((field, k) => {
      const known = repo!.byField.get(field);
      if (known) return known;
      const alias = `f${i}_${k}`;
      repo!.byField.set(field, alias);
      repo!.fields.push(`${alias}: ${field}`);
      return alias;
    });
    readers.push((answer) => {
      const node = answer.data?.[ra] as Node;
      if (!node) {
        // An error anywhere in the repository's answer can have taken it away (a non-null
        // field's error nulls its parent): "not found" only from a plain NOT_FOUND.
        return errorAt(answer, [ra]) ?? unlessGlobal(answer, { status: "missing", missing: "repository" });
      }
      const info: RepoInfo = {
        nameWithOwner: String(node["nameWithOwner"] ?? ""),
        archived: node["isArchived"] === true,
        pushedAt: text(node["pushedAt"]),
      };
      const values = sub.map((s) => node[s] as Node);
      const found = ask.found(values, check, info);
      if (found) {
        const { from, state, typename } = found;
        // A state is GitHub's answer only when no error stands in the fields it came from.
        const clouded = from !== undefined ? errorAt(answer, [ra, sub[from]!], true) !== null : false;
        return {
          status: "ok",
          repo: info,
          ...(typename !== undefined ? { typename } : {}),
          ...(state && !clouded ? { state } : {}),
        };
      }
      // What was found stands; "not there" only when no field of this check had another error.
      for (const s of sub) {
        const problem = errorAt(answer, [ra, s]);
        if (problem) return problem;
      }
      const gone = ask.gone?.(values, check);
      return unlessGlobal(answer, {
        status: "missing",
        missing: ask.missing(check),
        repo: info,
        ...(gone ? { state: gone } : {}),
      });
    });
  }
  for (const r of repos.values()) {
    top.push(
      `${r.alias}: repository(owner: ${str(r.owner)}, name: ${str(r.repo)}) { ${REPOSITORY_FIELDS} ${r.fields.join(" ")} }`,
    );
  }
  const query = `query WrapupLintLinks {\n  rateLimit { cost remaining resetAt }\n  ${top.join("\n  ")}\n}`;
  return { query, readers };
}

/**
 * An error at `path` or below it that is not a plain NOT_FOUND: the answer there cannot be
 * trusted, so the check is unverified (and may be asked again).
 */
function errorAt(answer: GraphQLAnswer, path: string[], below = false): Verdict | null {
  for (const error of answer.errors) {
    const p = error.path;
    if (!p || p.length < path.length + (below ? 1 : 0)) continue;
    if (!path.every((x, i) => p[i] === x)) continue;
    if (error.type === "NOT_FOUND" && p.length === path.length) continue;
    return {
      status: "unverified",
      reason: `GitHub answered ${error.type ?? "an error"} for this link`,
      transient: true,
    };
  }
  return null;
}

/** A "not there" is trusted only when no error without a path clouds the whole answer. */
function unlessGlobal(answer: GraphQLAnswer, verdict: Verdict): Verdict {
  const clouded = answer.errors.some((e) => (!e.path || e.path.length === 0) && e.type !== "NOT_FOUND");
  return clouded
    ? { status: "unverified", reason: "GitHub answered with an error for the whole query", transient: true }
    : verdict;
}
