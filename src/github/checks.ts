/**
 * What WU007 asks GitHub about a link (a Check), how a batch of checks becomes one GraphQL
 * query (many aliases), and how GitHub's answer (data + errors, NOT_FOUND shaped per path)
 * becomes a Verdict per check.
 */
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
  | { status: "unverified"; reason: string }
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
        top.push(`${alias}: repositoryOwner(login: ${str(check.owner)}) { login }`);
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
    const sub: string[] = [];
    const i = n++;
    switch (check.type) {
      case "number":
        repo.fields.push(`n${i}: issueOrPullRequest(number: ${check.number}) { __typename }`);
        repo.fields.push(`d${i}: discussion(number: ${check.number}) { __typename }`);
        sub.push(`n${i}`, `d${i}`);
        break;
      case "object":
        check.expressions.forEach((e, k) => {
          repo!.fields.push(`o${i}_${k}: object(expression: ${str(e)}) { __typename }`);
          sub.push(`o${i}_${k}`);
        });
        break;
      case "release":
        repo.fields.push(`l${i}: release(tagName: ${str(check.tag)}) { tagName }`);
        repo.fields.push(`g${i}: ref(qualifiedName: ${str(`refs/tags/${check.tag}`)}) { name }`);
        sub.push(`l${i}`, `g${i}`);
        break;
      case "repo":
        break;
    }
    const kind = check.type;
    const commit = check.type === "object" && check.commit;
    readers.push((answer) => {
      const node = answer.data?.[ra] as Record<string, unknown> | null | undefined;
      if (!node) {
        const problem = errorAt(answer, [ra]);
        return problem ?? unlessGlobal(answer, { status: "missing", missing: "repository" });
      }
      const info: RepoInfo = { nameWithOwner: String(node["nameWithOwner"] ?? ""), archived: node["isArchived"] === true };
      if (kind === "repo") return { status: "ok", repo: info };
      const values = sub.map((s) => node[s] as Record<string, unknown> | null | undefined);
      // What was found stands; "not there" only when no field of this check had another error.
      const unanswered = (): Verdict | null => {
        for (const s of sub) {
          const problem = errorAt(answer, [ra, s]);
          if (problem) return problem;
        }
        return null;
      };
      if (kind === "number") {
        const found = values.find((v) => v && typeof v["__typename"] === "string");
        if (found) return { status: "ok", repo: info, typename: String(found["__typename"]) };
        return unanswered() ?? unlessGlobal(answer, { status: "missing", missing: "number", repo: info });
      }
      if (kind === "release") {
        if (values.some((v) => v)) return { status: "ok", repo: info };
        return unanswered() ?? unlessGlobal(answer, { status: "missing", missing: "release", repo: info });
      }
      const found = values.find((v) => v && (!commit || v["__typename"] === "Commit"));
      if (found) return { status: "ok", repo: info, typename: String(found["__typename"]) };
      return unanswered() ?? unlessGlobal(answer, { status: "missing", missing: commit ? "commit" : "ref", repo: info });
    });
  }
  for (const r of repos.values()) {
    top.push(`${r.alias}: repository(owner: ${str(r.owner)}, name: ${str(r.repo)}) { nameWithOwner isArchived ${r.fields.join(" ")} }`);
  }
  const query = `query WrapupLintLinks {\n  rateLimit { cost remaining resetAt }\n  ${top.join("\n  ")}\n}`;
  return { query, readers };
}

/**
 * An error at `path` (or below it, with `below`) that is not a plain NOT_FOUND: the answer
 * there cannot be trusted, so the check is unverified.
 */
function errorAt(answer: GraphQLAnswer, path: string[]): Verdict | null {
  for (const error of answer.errors) {
    const p = error.path;
    if (!p || p.length === 0) continue;
    if (p.length !== path.length || !path.every((x, i) => p[i] === x)) continue;
    if (error.type === "NOT_FOUND") continue;
    return { status: "unverified", reason: `GitHub answered ${error.type ?? "an error"} for this link` };
  }
  return null;
}

/** A "not there" is trusted only when no error without a path clouds the whole answer. */
function unlessGlobal(answer: GraphQLAnswer, verdict: Verdict): Verdict {
  const clouded = answer.errors.some((e) => (!e.path || e.path.length === 0) && e.type !== "NOT_FOUND");
  return clouded ? { status: "unverified", reason: "GitHub answered with an error for the whole query" } : verdict;
}
