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
}

export type Verdict =
  | { status: "ok"; repo?: RepoInfo; typename?: string }
  | { status: "missing"; missing: Missing; repo?: RepoInfo }
  /** GitHub did not answer this link; `transient`: its answer held an error worth asking again. */
  | { status: "unverified"; reason: string; transient?: boolean }
  /** Offline and not in the cache: nothing is said. */
  | { status: "unknown" };

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
      return expressions.length > 0 ? { type: "object", ...scope, expressions, commit: false } : { type: "repo", ...scope };
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
  /** What was found, from the fields' answers in order; null when none holds the thing. */
  found(values: Node[], check: C): { typename?: string } | null;
  missing(check: C): Missing;
}

const ASKS: { [T in RepoCheck["type"]]: Ask<Extract<RepoCheck, { type: T }>> } = {
  repo: {
    fields: () => [],
    found: () => ({}),
    missing: () => "repository",
  },
  // Issues and pull requests share one number space, and a discussion takes a number of it too.
  number: {
    fields: (c) => [`issueOrPullRequest(number: ${c.number}) { __typename }`, `discussion(number: ${c.number}) { __typename }`],
    found: (values) => {
      const v = values.find((x) => x && typeof x["__typename"] === "string");
      return v ? { typename: String(v["__typename"]) } : null;
    },
    missing: () => "number",
  },
  // tree/blob/commits: any split of the path into ref and path that resolves; commit: a commit.
  object: {
    fields: (c) => c.expressions.map((e) => `object(expression: ${str(e)}) { __typename }`),
    found: (values, c) => {
      const v = values.find((x) => x && (!c.commit || x["__typename"] === "Commit"));
      return v ? { typename: String(v["__typename"]) } : null;
    },
    missing: (c) => (c.commit ? "commit" : "ref"),
  },
  // A tag without a release page is fine: GitHub shows the tag.
  release: {
    fields: (c) => [`release(tagName: ${str(c.tag)}) { tagName }`, `ref(qualifiedName: ${str(`refs/tags/${c.tag}`)}) { name }`],
    found: (values) => (values.some((v) => v) ? {} : null),
    missing: () => "release",
  },
};

/** Asked of every repository a batch names (what a verdict's `repo` holds). */
const REPOSITORY_FIELDS = "nameWithOwner isArchived";
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
  const shape = [REPOSITORY_FIELDS, OWNER_FIELDS, ...samples.map((c) => `${c.type}:${(ASKS[c.type] as Ask<RepoCheck>).fields(c).join(" ")}`)].join("\n");
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
  const repos = new Map<string, { alias: string; owner: string; repo: string; fields: string[] }>();
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
      repo = { alias: `r${repos.size}`, owner: check.owner, repo: check.repo, fields: [] };
      repos.set(repoKey, repo);
    }
    const ra = repo.alias;
    const ask = ASKS[check.type] as Ask<RepoCheck>;
    const i = n++;
    const sub = ask.fields(check).map((field, k) => {
      const alias = `f${i}_${k}`;
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
      const info: RepoInfo = { nameWithOwner: String(node["nameWithOwner"] ?? ""), archived: node["isArchived"] === true };
      const found = ask.found(
        sub.map((s) => node[s] as Node),
        check,
      );
      if (found) return { status: "ok", repo: info, ...found };
      // What was found stands; "not there" only when no field of this check had another error.
      for (const s of sub) {
        const problem = errorAt(answer, [ra, s]);
        if (problem) return problem;
      }
      return unlessGlobal(answer, { status: "missing", missing: ask.missing(check), repo: info });
    });
  }
  for (const r of repos.values()) {
    top.push(`${r.alias}: repository(owner: ${str(r.owner)}, name: ${str(r.repo)}) { ${REPOSITORY_FIELDS} ${r.fields.join(" ")} }`);
  }
  const query = `query WrapupLintLinks {\n  rateLimit { cost remaining resetAt }\n  ${top.join("\n  ")}\n}`;
  return { query, readers };
}

/**
 * An error at `path` or below it that is not a plain NOT_FOUND: the answer there cannot be
 * trusted, so the check is unverified (and may be asked again).
 */
function errorAt(answer: GraphQLAnswer, path: string[]): Verdict | null {
  for (const error of answer.errors) {
    const p = error.path;
    if (!p || p.length < path.length) continue;
    if (!path.every((x, i) => p[i] === x)) continue;
    if (error.type === "NOT_FOUND" && p.length === path.length) continue;
    return { status: "unverified", reason: `GitHub answered ${error.type ?? "an error"} for this link`, transient: true };
  }
  return null;
}

/** A "not there" is trusted only when no error without a path clouds the whole answer. */
function unlessGlobal(answer: GraphQLAnswer, verdict: Verdict): Verdict {
  const clouded = answer.errors.some((e) => (!e.path || e.path.length === 0) && e.type !== "NOT_FOUND");
  return clouded ? { status: "unverified", reason: "GitHub answered with an error for the whole query", transient: true } : verdict;
}
