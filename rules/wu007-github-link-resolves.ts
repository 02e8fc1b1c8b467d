/**
 * WU007 wrapup-github-link-resolves: every GitHub link that can be checked exists on GitHub.
 * Asynchronous: the checks of all files of a run go through one process-level resolver
 * (batched GraphQL, cache on disk); a link GitHub did not answer is never called broken, and a
 * link GitHub redirects (a renamed repository, `issues/N` for a pull request) works: a warning
 * with the fix to the canonical form, never an error.
 */
import type { Link } from "../src/model/types.js";
import { sliceSpan } from "../src/model/source.js";
import { code } from "../src/core/message.js";
import { replace, type Finding, type WrapupRule } from "../src/core/rule.js";
import { checkFor, type Verdict } from "../src/github/checks.js";
import { askerFor, githubResolver } from "../src/github/resolver.js";
import type { GitHubTarget } from "../src/github/url.js";
import { githubLinks, inUrl } from "../src/github/links.js";

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

/** Where in the URL as written the path starts (after the host), or -1. */
function pathStart(url: string): number {
  const m = /^(?:https?:)?(?:\/\/)?(?:www\.)?github\.com/i.exec(url);
  return m ? m[0].length : -1;
}

function describeMissing(verdict: Extract<Verdict, { status: "missing" }>, t: GitHubTarget): string {
  const scope = `${t.owner}/${t.repo ?? ""}`;
  switch (verdict.missing) {
    case "owner":
      return `Unexpected link to ${code(t.owner)}, expected a GitHub user or organization that exists`;
    case "app":
      return `Unexpected link to the GitHub App ${code(t.owner)}, expected an app that exists`;
    case "repository":
      return `Unexpected link to ${code(scope)}, expected a GitHub repository that exists (not found, or private)`;
    case "number":
      return `Unexpected link to ${code(`${scope}#${t.number}`)}, expected a pull request, issue or discussion that exists`;
    case "commit":
      return `Unexpected link to commit ${code(String(t.rest[0]))} in ${code(scope)}, expected a commit that exists`;
    case "release":
      return `Unexpected link to release ${code(String(t.rest[0]))} in ${code(scope)}, expected a release or tag that exists`;
    case "ref":
      return `Unexpected link to ${code(t.rest.join("/"))} in ${code(scope)}, expected a branch, tag or commit (and path) that exists`;
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
    const resolve = askerFor(options.offline);
    if (!resolve) return [];
    const work: { link: Link; url: string; target: GitHubTarget; verdict: Verdict | Promise<Verdict> }[] = [];
    for (const { link, parsed } of githubLinks(model)) {
      const target = parsed.target;
      if (!target) continue;
      const check = checkFor(target);
      if (!check) continue;
      const url = link.url.trim();
      work.push({ link, url, target, verdict: resolve(check) });
    }
    const findings: Finding[] = [];
    for (const { link, url, target, verdict: pending } of work) {
      // Answers the cache already had need no turn of the event loop.
      const verdict = pending instanceof Promise ? await pending : pending;
      const start = pathStart(url);
      // Findings about the whole link stand on it; each shows the URL.
      const whole = { span: link.span, context: url };
      if (verdict.status === "unverified") {
        if (githubResolver().claimUnverifiedReport()) {
          findings.push({
            ...whole,
            message: `Unexpected unverified link ${code(url)} (${verdict.reason}), expected an answer from GitHub: links GitHub did not answer in this run are not reported`,
            severity: "warning",
          });
        }
        continue;
      }
      if (verdict.status === "unknown") continue;
      if (verdict.status === "missing") {
        findings.push({ ...whole, message: describeMissing(verdict, target) });
        if (verdict.missing === "repository" || verdict.missing === "owner" || verdict.missing === "app") continue;
      }
      const repo = verdict.repo;
      const scope = /^\/([^/?#]+)\/([^/?#]+)/.exec(start >= 0 ? url.slice(start) : "");
      if (
        repo &&
        target.repo &&
        repo.nameWithOwner &&
        repo.nameWithOwner.toLowerCase() !== `${target.owner}/${target.repo}`.toLowerCase()
      ) {
        const written = scope ? `${scope[1]}/${scope[2]}` : `${target.owner}/${target.repo}`;
        const insert = repo.nameWithOwner + (scope && /\.git$/i.test(scope[2]!) ? ".git" : "");
        const at = inUrl(link, start + 1, written.length);
        findings.push({
          // Where the URL is not written on one line, the link's first character.
          span: at ?? sliceSpan(link.span, 0, 1),
          context: url,
          message: `Unexpected old repository name ${code(`${target.owner}/${target.repo}`)}, expected ${code(repo.nameWithOwner)} (renamed on GitHub; the link works, GitHub redirects it)`,
          severity: "warning",
          ...(at && scope ? { fix: replace(at, insert) } : {}),
        });
      }
      if (verdict.status === "ok" && verdict.typename && target.number !== null && SECTION[verdict.typename]) {
        const wanted = SECTION[verdict.typename]!;
        const section = /^\/[^/?#]+\/[^/?#]+\/([^/?#]+)/.exec(start >= 0 ? url.slice(start) : "");
        const written = section?.[1] ?? "";
        const as =
          written === "pulls"
            ? "pull"
            : written === "issue"
              ? "issues"
              : written === "discussion"
                ? "discussions"
                : written;
        if (section && as !== wanted) {
          const at = inUrl(link, start + 1 + scope![1]!.length + 1 + scope![2]!.length + 1, written.length);
          findings.push({
            span: at ?? sliceSpan(link.span, 0, 1),
            context: url,
            message: `Unexpected ${code(`${written}/${target.number}`)} for ${SECTION_NAME[verdict.typename]} ${code(`${repo?.nameWithOwner ?? `${target.owner}/${target.repo}`}#${target.number}`)}, expected ${code(`${wanted}/${target.number}`)}${REDIRECTED.has(`${as}>${wanted}`) ? " (the link works, GitHub redirects it)" : ""}`,
            // The thing exists: how the link is written is a warning, never "does not exist".
            severity: "warning",
            ...(at ? { fix: replace(at, wanted) } : {}),
          });
        }
      }
      if (options.archived && repo?.archived) {
        findings.push({
          ...whole,
          message: `Unexpected link into the archived repository ${code(repo.nameWithOwner)}, expected an active repository (the link works; the project is read-only)`,
          severity: "warning",
        });
      }
    }
    return findings;
  },
};

export default githubLinkResolves;
