/**
 * WU007 wrapup-github-link-resolves: every GitHub link that can be checked exists on GitHub.
 * Asynchronous: the checks of all files of a run go through one process-level resolver
 * (batched GraphQL, cache on disk); a link GitHub did not answer is never called broken, and a
 * link GitHub redirects (a renamed repository, `issues/N` for a pull request) works: a warning
 * with the fix to the canonical form, never an error.
 */
import type { Link } from "../src/model/types.js";
import type { Finding, WrapupRule } from "../src/core/rule.js";
import { checkFor, type Verdict } from "../src/github/checks.js";
import { githubResolver } from "../src/github/resolver.js";
import type { GitHubTarget } from "../src/github/url.js";
import { githubLinks } from "../src/github/links.js";

export interface GitHubLinkResolvesOptions {
  /** Report links into archived repositories (a warning). */
  archived: boolean;
  /** Answer from the cache only (for editors): nothing is asked of GitHub. */
  offline: boolean;
}

const SECTION: Record<string, string> = { PullRequest: "pull", Issue: "issues", Discussion: "discussions" };
const SECTION_NAME: Record<string, string> = { PullRequest: "pull request", Issue: "issue", Discussion: "discussion" };
/**
 * `written>wanted` sections GitHub redirects between: one number space for issues and pull
 * requests, and an issue converted to a discussion.
 */
const REDIRECTED = new Set(["issues>pull", "pull>issues", "issues>discussions"]);

interface Place {
  line: number;
  column: number;
  exact: boolean;
}

/** Where in the URL as written the path starts (after the host), or -1. */
function pathStart(url: string): number {
  const m = /^(?:https?:)?(?:\/\/)?(?:www\.)?github\.com/i.exec(url);
  return m ? m[0].length : -1;
}

function place(link: Link, url: string, offset: number): Place {
  const span = link.urlSpan;
  const at = span && span.start.line === span.end.line ? span.text.indexOf(url) : -1;
  if (at >= 0 && offset >= 0) return { line: span!.start.line, column: span!.start.column + at + offset, exact: true };
  return { line: link.span.start.line, column: link.span.start.column, exact: false };
}

function describeMissing(verdict: Extract<Verdict, { status: "missing" }>, t: GitHubTarget): string {
  const scope = `${t.owner}/${t.repo ?? ""}`;
  switch (verdict.missing) {
    case "owner":
      return `Unexpected link to \`${t.owner}\`, expected a GitHub user or organization that exists`;
    case "app":
      return `Unexpected link to the GitHub App \`${t.owner}\`, expected an app that exists`;
    case "repository":
      return `Unexpected link to \`${scope}\`, expected a GitHub repository that exists (not found, or private)`;
    case "number":
      return `Unexpected link to \`${scope}#${t.number}\`, expected a pull request, issue or discussion that exists`;
    case "commit":
      return `Unexpected link to commit \`${t.rest[0]}\` in \`${scope}\`, expected a commit that exists`;
    case "release":
      return `Unexpected link to release \`${t.rest[0]}\` in \`${scope}\`, expected a release or tag that exists`;
    case "ref":
      return `Unexpected link to \`${t.rest.join("/")}\` in \`${scope}\`, expected a branch, tag or commit (and path) that exists`;
  }
}

export const githubLinkResolves: WrapupRule<GitHubLinkResolvesOptions, Promise<Finding[]>> = {
  code: "WU007",
  name: "wrapup-github-link-resolves",
  description: "GitHub links point at things that exist, at their current address",
  doc: "wu007-github-link-resolves",
  fixable: true,
  fixes: "redirected links (renamed repos, `issues/N` for a PR)",
  asynchronous: true,
  schema: {
    properties: {
      archived: { type: "boolean", description: "warn about links into archived repositories" },
      offline: { type: "boolean", description: "answer from the cache only, never ask GitHub" },
    },
  },
  defaults: { archived: true, offline: false },
  async check(model, options) {
    const resolver = githubResolver();
    const offline = options.offline || resolver.config.offline;
    // Offline with an empty cache (a first editor session, WRAPUP_LINT_OFFLINE in CI): every
    // answer would be "unknown", which reports nothing; no link is looked at.
    if (offline && !resolver.knowsAnything()) return [];
    const work: { link: Link; url: string; target: GitHubTarget; verdict: Verdict | Promise<Verdict> }[] = [];
    for (const { link, parsed } of githubLinks(model)) {
      const target = parsed.target;
      if (!target) continue;
      const check = checkFor(target);
      if (!check) continue;
      const url = link.url.trim();
      // Offline (an editor): what the cache knows, nothing asked.
      const verdict = offline ? resolver.resolveCached(check) : resolver.resolve(check);
      work.push({ link, url, target, verdict });
    }
    const findings: Finding[] = [];
    for (const { link, url, target, verdict: pending } of work) {
      // Answers the cache already had need no turn of the event loop.
      const verdict = pending instanceof Promise ? await pending : pending;
      const start = pathStart(url);
      // Findings about the whole link stand at its start.
      const whole = { line: link.span.start.line, column: link.span.start.column };
      const context = url;
      if (verdict.status === "unverified") {
        if (resolver.claimUnverifiedReport()) {
          findings.push({
            line: whole.line,
            column: whole.column,
            length: Math.max(1, link.span.text.split("\n")[0]!.length),
            message: `Unexpected unverified link \`${url}\` (${verdict.reason}), expected an answer from GitHub: links GitHub did not answer in this run are not reported`,
            context,
            severity: "warning",
          });
        }
        continue;
      }
      if (verdict.status === "unknown") continue;
      if (verdict.status === "missing") {
        findings.push({ line: whole.line, column: whole.column, length: Math.max(1, link.span.text.split("\n")[0]!.length), message: describeMissing(verdict, target), context });
        if (verdict.missing === "repository" || verdict.missing === "owner" || verdict.missing === "app") continue;
      }
      const repo = verdict.repo;
      const scope = /^\/([^/?#]+)\/([^/?#]+)/.exec(start >= 0 ? url.slice(start) : "");
      if (repo && target.repo && repo.nameWithOwner && repo.nameWithOwner.toLowerCase() !== `${target.owner}/${target.repo}`.toLowerCase()) {
        const written = scope ? `${scope[1]}/${scope[2]}` : `${target.owner}/${target.repo}`;
        const insert = repo.nameWithOwner + (scope && /\.git$/i.test(scope[2]!) ? ".git" : "");
        const at = place(link, url, start + 1);
        findings.push({
          line: at.line,
          column: at.column,
          length: at.exact ? written.length : 1,
          message: `Unexpected old repository name \`${target.owner}/${target.repo}\`, expected \`${repo.nameWithOwner}\` (renamed on GitHub; the link works, GitHub redirects it)`,
          context,
          severity: "warning",
          ...(at.exact && scope ? { fix: { line: at.line, column: at.column, deleteCount: written.length, insertText: insert } } : {}),
        });
      }
      if (verdict.status === "ok" && verdict.typename && target.number !== null && SECTION[verdict.typename]) {
        const wanted = SECTION[verdict.typename]!;
        const section = /^\/[^/?#]+\/[^/?#]+\/([^/?#]+)/.exec(start >= 0 ? url.slice(start) : "");
        const written = section?.[1] ?? "";
        const as = written === "pulls" ? "pull" : written === "issue" ? "issues" : written === "discussion" ? "discussions" : written;
        if (section && as !== wanted) {
          const at = place(link, url, start + 1 + scope![1]!.length + 1 + scope![2]!.length + 1);
          findings.push({
            line: at.line,
            column: at.column,
            length: at.exact ? written.length : 1,
            message: `Unexpected \`${written}/${target.number}\` for ${SECTION_NAME[verdict.typename]} \`${repo?.nameWithOwner ?? `${target.owner}/${target.repo}`}#${target.number}\`, expected \`${wanted}/${target.number}\`${REDIRECTED.has(`${as}>${wanted}`) ? " (the link works, GitHub redirects it)" : ""}`,
            context,
            // The thing exists: how the link is written is a warning, never "does not exist".
            severity: "warning",
            ...(at.exact ? { fix: { line: at.line, column: at.column, deleteCount: written.length, insertText: wanted } } : {}),
          });
        }
      }
      if (options.archived && repo?.archived) {
        findings.push({
          line: whole.line,
          column: whole.column,
          length: Math.max(1, link.span.text.split("\n")[0]!.length),
          message: `Unexpected link into the archived repository \`${repo.nameWithOwner}\`, expected an active repository (the link works; the project is read-only)`,
          context,
          severity: "warning",
        });
      }
    }
    return findings;
  },
};

export default githubLinkResolves;
