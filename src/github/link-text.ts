/**
 * Does a link's text agree with the GitHub URL it links to? Reads the short forms people write
 * (`owner/repo#N`, `repo#N`, `#N`, `owner/repo@sha`, `owner/repo:branch`, `owner/repo`) and a URL
 * used as text; anything else is prose and agrees with everything.
 */
import { parseGitHubUrl, resourceKey, type GitHubTarget } from "./url.js";
import { trimEndChars } from "../core/trim.js";

export interface Disagreement {
  /** The claim as written in the text. */
  claim: string;
  /** What the text would say for this URL, in the same form; null when no form fits. */
  expected: string | null;
  /** True when the text is a URL. */
  url: boolean;
}

const NAME = "[A-Za-z0-9][A-Za-z0-9-]*";
const REPO = "[A-Za-z0-9._-]+";
/** The whole text is a reference. */
const WHOLE = new RegExp(`^(?:(?:(${NAME})/)?(${REPO}))?#([0-9]+)$`);
const WHOLE_SHA = new RegExp(`^(${NAME})/(${REPO})@([0-9a-f]{4,40})$`, "i");
const WHOLE_BRANCH = new RegExp(`^(${NAME})/(${REPO})(?::|#(?![0-9]+$))(\\S+)$`);
const WHOLE_REPO = new RegExp(`^(${NAME})/(${REPO})$`);
/** A full `owner/repo#N` at the end of a longer text (`Fix the VPN – gardener/gardener#14776`). */
const TRAILING = new RegExp(`\\s(${NAME})/(${REPO})#([0-9]+)$`);

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `g/g#7318`, `provider-gcp`: a part written shorter than the real name, as people abbreviate. */
function names(written: string, real: string): boolean {
  return real.toLowerCase().includes(written.toLowerCase());
}

function stripCode(text: string): string {
  const t = text.trim();
  const m = /^(`+)([^`]+)\1$/.exec(t);
  return (m ? m[2]! : t).trim();
}

export function checkLinkText(text: string, href: string, target: GitHubTarget): Disagreement | null {
  const t = stripCode(text);
  if (t === "" || t === href) return null;

  // A URL as text.
  if (/^(?:https?:\/\/|(?:www\.)?github\.com\/)/i.test(t)) {
    const parsed = parseGitHubUrl(t);
    if (parsed?.target) {
      if (resourceKey(parsed.target) === resourceKey(target)) return null;
      return { claim: t, expected: href, url: true };
    }
    if (/^https?:\/\//i.test(t) && normalize(t) !== normalize(href)) return { claim: t, expected: href, url: true };
    return null;
  }

  const numbered = target.kind === "pull" || target.kind === "issue" || target.kind === "discussion";
  let m = WHOLE.exec(t);
  if (m) {
    const [, owner, repo, num] = m;
    const ok =
      numbered &&
      Number(num) === target.number &&
      // `provider-gcp#607`, `MCM#740`, `Issue#419`: a short or nick name before `#` is not
      // checked; with an owner it is the full name and must match.
      (owner === undefined || (names(owner, target.owner) && names(repo!, target.repo ?? "")));
    if (ok) return null;
    return {
      claim: t,
      expected: numbered
        ? owner
          ? `${target.owner}/${target.repo}#${target.number}`
          : `${repo ?? ""}#${target.number}`
        : shortForm(target),
      url: false,
    };
  }
  m = TRAILING.exec(t);
  if (m) {
    const [, owner, repo, num] = m;
    if (numbered && Number(num) === target.number && names(repo!, target.repo ?? "") && names(owner!, target.owner))
      return null;
    return {
      claim: `${owner}/${repo}#${num}`,
      expected: numbered ? `${target.owner}/${target.repo}#${target.number}` : shortForm(target),
      url: false,
    };
  }
  m = WHOLE_SHA.exec(t);
  if (m) {
    const [, owner, repo, sha] = m;
    const ref =
      target.kind === "commit"
        ? (target.rest[0] ?? "")
        : target.kind === "tree" || target.kind === "blob" || target.kind === "commits"
          ? (target.rest[0] ?? "")
          : "";
    const ok =
      same(owner!, target.owner) &&
      same(repo!, target.repo ?? "") &&
      /^[0-9a-f]+$/i.test(ref) &&
      (ref.toLowerCase().startsWith(sha!.toLowerCase()) || sha!.toLowerCase().startsWith(ref.toLowerCase()));
    if (ok) return null;
    return { claim: t, expected: shortForm(target), url: false };
  }
  m = WHOLE_BRANCH.exec(t);
  if (m) {
    const [, owner, repo, where] = m;
    if (target.kind === "compare") {
      const head = parseHead(target);
      if (head && same(owner!, head.owner) && same(repo!, head.repo) && where === head.branch) return null;
      return { claim: t, expected: head ? `${head.owner}/${head.repo}:${head.branch}` : null, url: false };
    }
    if (!same(owner!, target.owner) || !same(repo!, target.repo ?? ""))
      return { claim: t, expected: shortForm(target), url: false };
    if (target.kind === "tree" || target.kind === "blob" || target.kind === "commits" || target.kind === "commit") {
      const refPath = target.rest.join("/");
      const claim = where!.replace(/#.*$/, "");
      if (refPath === claim || refPath.startsWith(`${claim}/`) || refPath.endsWith(`/${claim}`)) return null;
      return { claim: t, expected: shortForm(target), url: false };
    }
    return null;
  }
  m = WHOLE_REPO.exec(t);
  if (m && target.kind === "repo") {
    const [, owner, repo] = m;
    // `CoreOS/FlatCar` is two names, not a repository: only a slip in one half is reported.
    const ownerOk = names(owner!, target.owner);
    const repoOk = names(repo!, target.repo ?? "");
    if (ownerOk === repoOk) return null;
    return { claim: t, expected: `${target.owner}/${target.repo}`, url: false };
  }
  return null;
}

function normalize(url: string): string {
  return trimEndChars(url.replace(/#.*$/, ""), "/").toLowerCase();
}

/** `owner:repo:branch`, `owner:branch` or `branch` after the `...` of a compare URL. */
function parseHead(target: GitHubTarget): { owner: string; repo: string; branch: string } | null {
  const head = target.compareHead;
  if (!head) return null;
  const parts = head.split(":");
  if (parts.length >= 3) return { owner: parts[0]!, repo: parts[1]!, branch: parts.slice(2).join(":") };
  if (parts.length === 2) return { owner: parts[0]!, repo: target.repo ?? "", branch: parts[1]! };
  return { owner: target.owner, repo: target.repo ?? "", branch: head };
}

/** The short text GitHub itself would show for a target. */
export function shortForm(t: GitHubTarget): string | null {
  if (!t.repo) return t.kind === "owner" ? t.owner : null;
  const scope = `${t.owner}/${t.repo}`;
  switch (t.kind) {
    case "pull":
    case "issue":
    case "discussion":
      return `${scope}#${t.number}`;
    case "commit":
      return /^[0-9a-f]{7,40}$/i.test(t.rest[0] ?? "") ? `${scope}@${t.rest[0]!.slice(0, 7)}` : `${scope}@${t.rest[0]}`;
    case "tree":
    case "blob":
    case "commits":
      return `${scope}:${t.rest.join("/")}`;
    case "repo":
      return scope;
    default:
      return null;
  }
}
