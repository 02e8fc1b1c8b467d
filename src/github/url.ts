/**
 * GitHub link parsing: what a github.com URL points at, and what is wrong with how it is
 * written. No network and no linter knowledge; WU006 reports the problems, WU007 resolves the
 * targets.
 */
import { trailingRun } from "../core/trim.js";
import { article, code } from "../core/message.js";

export type GitHubKind =
  | "owner"
  | "repo"
  | "pull"
  | "issue"
  | "discussion"
  | "tree"
  | "blob"
  | "commit"
  | "commits"
  | "release"
  | "compare"
  | "actions"
  | "wiki"
  | "app"
  | "other";

export interface GitHubTarget {
  kind: GitHubKind;
  /** The owner (user or organization); for `app`, the app's slug; for `other` outside a repo, the first path segment. */
  owner: string;
  /** The repository name (a `.git` suffix removed); null for owner-level URLs. */
  repo: string | null;
  /** pull, issue, discussion. */
  number: number | null;
  /** The pull request tab: `files`, `commits`, `checks`; null for the conversation. */
  tab: string | null;
  /**
   * tree, blob, commits: the decoded segments after the kind, ref and path together (a ref may
   * hold `/`, so where the ref ends is for the resolver to find). commit: `[sha]`; release: `[tag]`.
   */
  rest: string[];
  /** compare: the head written after `...` (`owner:repo:branch`, `owner:branch` or `branch`). */
  compareHead: string | null;
  /** compare: the base before `...`. */
  compareBase: string | null;
  /** The query without `?`, and the fragment without `#`. */
  query: string;
  fragment: string;
}

export interface UrlProblem {
  /** "Unexpected X, expected Y". */
  message: string;
  /** Offset of the offending text in the URL as written, and its length. */
  offset: number;
  length: number;
  /** The certain edit, relative to the URL as written: replace `length` code units at `offset`. */
  fix?: { offset: number; deleteCount: number; insertText: string };
}

export interface ParsedGitHubUrl {
  target: GitHubTarget | null;
  problems: UrlProblem[];
}

/** First path segments of github.com that are not owners. */
const RESERVED = new Set(
  [
    "about",
    "account",
    "apps",
    "blog",
    "codespaces",
    "collections",
    "contact",
    "copilot",
    "customer-stories",
    "dashboard",
    "discussions",
    "enterprise",
    "events",
    "explore",
    "features",
    "gist",
    "git-guides",
    "github",
    "home",
    "issues",
    "join",
    "login",
    "logout",
    "marketplace",
    "mobile",
    "new",
    "notifications",
    "orgs",
    "organizations",
    "pricing",
    "pulls",
    "readme",
    "resources",
    "search",
    "security",
    "sessions",
    "settings",
    "signup",
    "site",
    "solutions",
    "sponsors",
    "stars",
    "team",
    "topics",
    "trending",
    "users",
    "watching",
  ].map((s) => s.toLowerCase()),
);

const OWNER_OK = /^[A-Za-z0-9-]+$/;
const REPO_OK = /^[A-Za-z0-9._-]+$/;
const NUMBER = /^[0-9]+$/;
/** What a draft writes for a number not known yet: `XXX`, `NNN`, `?`, `TBD`, `<PR>`, `{number}`. */
const STAND_IN = /^(?:x+|n+|#+|\?+|\.{2,}|…|tb[acd]|todo|<[^<>]*>|\{[^{}]*\}|\[[^[\]]*\])$/i;

const HEAD = /^(?:(https?):)?(\/\/)?((?:www\.)?github\.com)(?=[/?#]|$)/i;

/**
 * Parses a URL as written. Returns null when it is not a github.com web URL at all
 * (other hosts, gist.github.com, raw.githubusercontent.com, api.github.com, relative links).
 */
export function parseGitHubUrl(written: string): ParsedGitHubUrl | null {
  const head = HEAD.exec(written);
  if (!head) return null;
  const [, scheme, slashes, host] = head;
  if (!scheme && !slashes && !/^www\./i.test(host!)) {
    // `github.com/x/y` written without a scheme is a relative link in Markdown.
    return {
      target: parseRest(written.slice(head[0].length), head[0].length, []).target,
      problems: [
        {
          message: `Unexpected ${code(host!)} without a scheme, expected ${code(`https://${host!.replace(/^www\./i, "")}`)}`,
          offset: 0,
          length: host!.length,
          fix: { offset: 0, deleteCount: host!.length, insertText: `https://${host!.replace(/^www\./i, "")}` },
        },
      ],
    };
  }
  const problems: UrlProblem[] = [];
  if (!scheme || !slashes) {
    const prefix = written.slice(0, head[0].length - host!.length);
    if (prefix === "") {
      // `www.github.com/...` (a GFM literal): the www problem below covers it with the scheme.
      problems.push({
        message: `Unexpected ${code(host!)}, expected \`https://github.com\``,
        offset: 0,
        length: host!.length,
        fix: { offset: 0, deleteCount: host!.length, insertText: "https://github.com" },
      });
      return { target: parseRest(written.slice(head[0].length), head[0].length, problems).target, problems };
    }
    problems.push({
      message: `Unexpected ${code(prefix)} before ${code(host!)}, expected \`https://\``,
      offset: 0,
      length: prefix.length,
      fix: { offset: 0, deleteCount: prefix.length, insertText: "https://" },
    });
  } else if (scheme.toLowerCase() === "http") {
    problems.push({
      message: "Unexpected `http:` in a GitHub link, expected `https:`",
      offset: 0,
      length: scheme.length + 1,
      fix: { offset: 0, deleteCount: scheme.length, insertText: "https" },
    });
  }
  if (/^www\./i.test(host!)) {
    const at = head[0].length - host!.length;
    problems.push({
      message: `Unexpected ${code(host!)}, expected \`github.com\``,
      offset: at,
      length: host!.length,
      fix: { offset: at, deleteCount: 4, insertText: "" },
    });
  }
  return { target: parseRest(written.slice(head[0].length), head[0].length, problems).target, problems };
}

function decode(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parses what follows the host: `/owner/repo/...?query#fragment`. */
function parseRest(rest: string, base: number, problems: UrlProblem[]): ParsedGitHubUrl {
  const hashAt = rest.indexOf("#");
  const fragment = hashAt >= 0 ? rest.slice(hashAt + 1) : "";
  const beforeHash = hashAt >= 0 ? rest.slice(0, hashAt) : rest;
  const queryAt = beforeHash.indexOf("?");
  const query = queryAt >= 0 ? beforeHash.slice(queryAt + 1) : "";
  let path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;

  // A trailing `.` (or `,` `;` `:`) pasted with the sentence, when nothing follows the path.
  if (hashAt < 0 && queryAt < 0) {
    // `/[.,;:]+$/` would be quadratic on a long run of dots that does not end the path.
    const run = trailingRun(path, ".,;:");
    const trailing = run ? Object.assign([run] as [string], { index: path.length - run.length }) : null;
    if (trailing && path.length > trailing[0].length + 1 && !/\/[.,;:]+$/.test(path)) {
      const kept = path.slice(0, trailing.index);
      const segments = kept.split("/");
      const isFile = ["blob", "raw", "blame"].includes(segments[3] ?? "") && segments.length > 5;
      const at = base + trailing.index;
      problems.push({
        message: `Unexpected trailing ${code(trailing[0])} in the GitHub link, expected it to end with ${code(lastPart(kept))}`,
        offset: at,
        length: trailing[0].length,
        ...(isFile ? {} : { fix: { offset: at, deleteCount: trailing[0].length, insertText: "" } }),
      });
      path = kept;
    }
  }

  const raw = path.split("/");
  // raw[0] is "" (path starts with `/`); a path of "" or "/" is github.com itself.
  const segs = raw.slice(1);
  while (segs.length > 0 && segs[segs.length - 1] === "") segs.pop();
  const offsets: number[] = [];
  {
    let at = base + 1;
    for (const s of raw.slice(1)) {
      offsets.push(at);
      at += s.length + 1;
    }
  }
  const none: GitHubTarget = {
    kind: "other",
    owner: "",
    repo: null,
    number: null,
    tab: null,
    rest: [],
    compareHead: null,
    compareBase: null,
    query,
    fragment,
  };
  if (segs.length === 0) return { target: null, problems };
  const owner = decode(segs[0]!);
  if (RESERVED.has(owner.toLowerCase())) {
    if (owner.toLowerCase() === "apps" && segs.length === 2) {
      return { target: { ...none, kind: "app", owner: decode(segs[1]!) }, problems };
    }
    return { target: { ...none, kind: "other", owner }, problems };
  }
  if (!OWNER_OK.test(owner) || owner.length > 39 || owner.startsWith("-")) {
    problems.push({
      message: `Unexpected ${code(owner)} as a GitHub owner, expected only letters, digits and hyphens (at most 39, not starting with \`-\`)`,
      offset: offsets[0]!,
      length: segs[0]!.length,
    });
    return { target: null, problems };
  }
  if (segs.length === 1) return { target: { ...none, kind: "owner", owner }, problems };
  let repo = decode(segs[1]!);
  if (!REPO_OK.test(repo) || repo === "." || repo === ".." || repo.length > 100) {
    problems.push({
      message: `Unexpected ${code(repo)} as a GitHub repository name, expected only letters, digits, \`.\`, \`-\` and \`_\``,
      offset: offsets[1]!,
      length: segs[1]!.length,
    });
    return { target: null, problems };
  }
  if (repo.toLowerCase().endsWith(".git") && repo.length > 4) repo = repo.slice(0, -4);
  const target: GitHubTarget = { ...none, kind: "repo", owner, repo };
  if (segs.length === 2) return { target, problems };
  const section = segs[2]!;
  const third = segs[3];
  const tail = segs.slice(3).map(decode);
  const singular = (wrong: string, right: string, kind: "pull" | "issue" | "discussion"): ParsedGitHubUrl => {
    problems.push({
      message: `Unexpected ${code(`${wrong}/${third}`)} for a single ${kind === "pull" ? "pull request" : kind}, expected ${code(`${right}/${third}`)}`,
      offset: offsets[2]!,
      length: wrong.length,
      fix: { offset: offsets[2]!, deleteCount: wrong.length, insertText: right },
    });
    return { target: { ...target, kind, number: Number(third) }, problems };
  };
  /** `pull/XXX`: no number where GitHub has one, so no page (GitHub answers 404) and nothing more to check. */
  const notANumber = (kind: "pull" | "issue" | "discussion"): ParsedGitHubUrl => {
    problems.push({
      message: `Unexpected ${code(third!)} as the number of ${article(KIND_NAMES[kind])}, expected its number`,
      offset: offsets[3]!,
      length: third!.length,
    });
    return { target: null, problems };
  };
  switch (section) {
    case "pull":
      if (third !== undefined && NUMBER.test(third)) {
        return { target: { ...target, kind: "pull", number: Number(third), tab: segs[4] ?? null }, problems };
      }
      // `pull/new/BRANCH` opens a pull request; nothing else but a number follows `pull/`.
      if (third !== undefined && third !== "new") return notANumber("pull");
      break;
    case "pulls":
      if (third !== undefined && NUMBER.test(third)) return singular("pulls", "pull", "pull");
      break;
    case "issues":
      if (third !== undefined && NUMBER.test(third))
        return { target: { ...target, kind: "issue", number: Number(third) }, problems };
      // `issues/new`, `issues/created_by/…` are pages; a stand-in for the number is none.
      if (third !== undefined && STAND_IN.test(decode(third))) return notANumber("issue");
      break;
    case "issue":
      if (third !== undefined && NUMBER.test(third)) return singular("issue", "issues", "issue");
      break;
    case "discussions":
      if (third !== undefined && NUMBER.test(third)) {
        return { target: { ...target, kind: "discussion", number: Number(third) }, problems };
      }
      if (third !== undefined && STAND_IN.test(decode(third))) return notANumber("discussion");
      break;
    case "discussion":
      if (third !== undefined && NUMBER.test(third)) return singular("discussion", "discussions", "discussion");
      break;
    case "tree":
    case "blob":
    case "raw":
    case "blame":
    case "commits":
      if (tail.length > 0 && tail[0] !== "") {
        const kind = section === "tree" ? "tree" : section === "commits" ? "commits" : "blob";
        return { target: { ...target, kind, rest: tail.filter((s, i) => s !== "" || i < tail.length - 1) }, problems };
      }
      break;
    case "commit":
      if (third) return { target: { ...target, kind: "commit", rest: [decode(third)] }, problems };
      break;
    case "releases":
      if (third === "tag" && segs.length >= 5)
        return { target: { ...target, kind: "release", rest: [segs.slice(4).map(decode).join("/")] }, problems };
      break;
    case "compare": {
      const spec = segs.slice(3).map(decode).join("/");
      const dots = spec.indexOf("...");
      const two = dots < 0 ? spec.indexOf("..") : -1;
      const base = dots >= 0 ? spec.slice(0, dots) : two >= 0 ? spec.slice(0, two) : null;
      const headSpec = dots >= 0 ? spec.slice(dots + 3) : two >= 0 ? spec.slice(two + 2) : spec || null;
      return { target: { ...target, kind: "compare", compareBase: base, compareHead: headSpec }, problems };
    }
    case "actions":
      return { target: { ...target, kind: "actions" }, problems };
    case "wiki":
      return { target: { ...target, kind: "wiki" }, problems };
  }
  return { target: { ...target, kind: "other", rest: segs.slice(2).map(decode) }, problems };
}

function lastPart(path: string): string {
  const parts = path.split("/").filter((p) => p !== "");
  return parts[parts.length - 1] ?? path;
}

/** Whether WU007 can check the thing itself (not only its repository or owner). */
export function isVerifiable(target: GitHubTarget): boolean {
  return [
    "owner",
    "repo",
    "pull",
    "issue",
    "discussion",
    "tree",
    "blob",
    "commit",
    "commits",
    "release",
    "app",
  ].includes(target.kind);
}

/** The canonical web URL of a target, without query and fragment. */
export function canonicalUrl(t: GitHubTarget): string {
  const base = `https://github.com/${t.owner}`;
  if (t.kind === "app") return `https://github.com/apps/${t.owner}`;
  if (!t.repo) return base;
  const repo = `${base}/${t.repo}`;
  const enc = (parts: string[]): string => parts.map(encodeURIComponent).join("/");
  switch (t.kind) {
    case "pull":
      return `${repo}/pull/${t.number}`;
    case "issue":
      return `${repo}/issues/${t.number}`;
    case "discussion":
      return `${repo}/discussions/${t.number}`;
    case "tree":
    case "blob":
    case "commits":
      return `${repo}/${t.kind}/${enc(t.rest)}`;
    case "commit":
      return `${repo}/commit/${enc(t.rest)}`;
    case "release":
      return `${repo}/releases/tag/${enc(t.rest)}`;
    default:
      return repo;
  }
}

/** A key naming the resource a URL shows: the same page however its URL is spelled. */
export function resourceKey(t: GitHubTarget): string {
  const scope = `${t.owner.toLowerCase()}/${(t.repo ?? "").toLowerCase()}`;
  switch (t.kind) {
    case "pull":
    case "issue":
    case "discussion":
      // GitHub redirects between /pull/N and /issues/N: one number, one thing.
      return `${scope}#${t.number}`;
    case "owner":
    case "repo":
    case "app":
      return `${t.kind}:${scope}`;
    case "compare":
      return `${scope}:compare:${t.compareBase ?? ""}...${t.compareHead ?? ""}`;
    default:
      return `${scope}:${t.kind}:${t.rest.join("/")}`;
  }
}

export const KIND_NAMES: Record<GitHubKind, string> = {
  owner: "user or organization",
  repo: "repository",
  pull: "pull request",
  issue: "issue",
  discussion: "discussion",
  tree: "folder or branch",
  blob: "file",
  commit: "commit",
  commits: "commit history",
  release: "release",
  compare: "comparison",
  actions: "actions page",
  wiki: "wiki page",
  app: "GitHub App",
  other: "GitHub page",
};
