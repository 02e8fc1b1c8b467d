/**
 * A wrap-up history at scale, built from the real wrap-ups: each wrap-up in several versions
 * as it grew section by section, each version with links broken on purpose (a new target each:
 * a number, branch, path, commit, release, repository, owner or app that does not exist) and
 * links GitHub redirects (`issues/N` for a pull request, `pull/N` for an issue, repositories
 * renamed or transferred since), and the fake GitHub world in which every other link exists.
 * Deterministic: the same wrap-ups give the same history.
 */
import { createHash } from "node:crypto";
import { checkFor, checkKey } from "../../src/github/checks.js";
import { parseGitHubUrl, type GitHubTarget } from "../../src/github/url.js";
import { readWrapup, wrapups } from "../helpers/real-pages.js";
import { remarkModel } from "../helpers/models.js";
import type { FakeRepo, World } from "./server.js";
import { worldFromModels } from "./world-from-links.js";

export interface Expected {
  file: string;
  line: number;
  /** broken: the link does not work (an error); redirect: it works, GitHub redirects it (a warning). */
  kind: "broken" | "redirect";
  message: RegExp;
}

export interface History {
  /** File name (`2025-11.v03.md`) → text. */
  files: Record<string, string>;
  world: World;
  expected: Expected[];
  /** Unique checks (what WU007 asks GitHub) over all files. */
  targets: number;
  /** GitHub links WU007 checks, over all files (repeats included). */
  candidates: number;
  /** Unique targets broken on purpose. */
  brokenTargets: number;
  /** Links written in a form GitHub redirects. */
  redirectLinks: number;
  /** Repositories renamed or transferred in the world: old `owner/name` (lower case) → new. */
  renames: Record<string, string>;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A small deterministic generator (mulberry32). */
function random(seed: string): () => number {
  let a = parseInt(createHash("sha1").update(seed).digest("hex").slice(0, 8), 16);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Candidate {
  line: number;
  column: number;
  url: string;
  target: GitHubTarget;
}

/** GitHub links of a text that WU007 checks, written on one line, in a clean form. */
function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const link of remarkModel(text).links) {
    const span = link.urlSpan;
    if (!span || span.start.line !== span.end.line) continue;
    const parsed = parseGitHubUrl(link.url);
    if (!parsed?.target || parsed.problems.length > 0 || !checkFor(parsed.target)) continue;
    if (span.text !== link.url) continue;
    out.push({ line: span.start.line, column: span.start.column, url: link.url, target: parsed.target });
  }
  return out;
}

/** What WU007 asks GitHub about a URL (its check's key), or null. */
export function keyOf(url: string): string | null {
  const t = parseGitHubUrl(url)?.target;
  const check = t ? checkFor(t) : null;
  return check ? checkKey(check) : null;
}

function sameTarget(a: string, b: string): boolean {
  const ka = keyOf(a);
  return ka !== null && ka === keyOf(b);
}

/** `https://github.com/o/r/<section>/...`: the URL with its path segments replaced by `f`. */
function withPath(url: string, f: (segments: string[]) => string[]): string {
  const m = /^(https:\/\/github\.com)(\/[^?#]*)(.*)$/.exec(url)!;
  const segments = m[2]!.split("/").slice(1);
  return `${m[1]}/${f(segments).join("/")}${m[3]}`;
}

interface Mutation {
  url: string;
  kind: Expected["kind"];
  message: RegExp;
}

/** One way to break a link (a target that does not exist, unique by `tag`), or null. */
function breakLink(c: Candidate, tag: number): Mutation | null {
  const t = c.target;
  const scope = `${t.owner}/${t.repo}`;
  switch (t.kind) {
    case "pull":
    case "issue":
    case "discussion": {
      const n = 700000 + tag;
      return {
        url: withPath(c.url, (s) => [...s.slice(0, 3), String(n), ...s.slice(4)]),
        kind: "broken",
        message: new RegExp(
          `^Unexpected link to \`${esc(scope)}#${n}\`, expected a pull request, issue or discussion that exists$`,
        ),
      };
    }
    case "tree":
    case "blob":
    case "commits": {
      const url = withPath(c.url, (s) => {
        const last = s.length - 1;
        return s.map((x, i) => (i === last ? `${x}-gone${tag}` : x));
      });
      const target = parseGitHubUrl(url)!.target!;
      return {
        url,
        kind: "broken",
        message: new RegExp(
          `^Unexpected link to \`${esc(target.rest.join("/"))}\` in \`${esc(scope)}\`, expected a branch, tag or commit \\(and path\\) that exists$`,
        ),
      };
    }
    case "commit": {
      const written = t.rest[0]!;
      const sha = createHash("sha1")
        .update(`gone${tag}`)
        .digest("hex")
        .slice(0, Math.max(7, Math.min(40, written.length)));
      return {
        url: c.url.replace(written, sha),
        kind: "broken",
        message: new RegExp(
          `^Unexpected link to commit \`${sha}\` in \`${esc(scope)}\`, expected a commit that exists$`,
        ),
      };
    }
    case "release": {
      const tagName = `${t.rest[0]}-gone${tag}`;
      return {
        url: c.url.replace(/\/releases\/tag\/.*$/, `/releases/tag/${tagName}`),
        kind: "broken",
        message: new RegExp(`^Unexpected link to release \`${esc(tagName)}\` in \`${esc(scope)}\``),
      };
    }
    case "repo": {
      const name = `${t.repo}-gone${tag}`;
      return {
        url: withPath(c.url, (s) => [s[0]!, name, ...s.slice(2)]),
        kind: "broken",
        message: new RegExp(
          `^Unexpected link to \`${esc(`${t.owner}/${name}`)}\`, expected a GitHub repository that exists \\(not found, or private\\)$`,
        ),
      };
    }
    case "owner": {
      const owner = `${t.owner}-gone${tag}`;
      if (owner.length > 39) return null;
      return {
        url: withPath(c.url, () => [owner]),
        kind: "broken",
        message: new RegExp(
          `^Unexpected link to \`${esc(owner)}\`, expected a GitHub user or organization that exists$`,
        ),
      };
    }
    default:
      return null;
  }
}

/** An `issues/N` for a pull request, or `pull/N` for an issue: GitHub redirects both. */
function redirectLink(c: Candidate, world: World): Mutation | null {
  const t = c.target;
  const repo = world.repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === `${t.owner}/${t.repo}`.toLowerCase());
  if (!repo || (repo.formerNames ?? []).length > 0) return null;
  const isPull = (repo.pulls ?? []).includes(t.number!);
  const isIssue = (repo.issues ?? []).includes(t.number!);
  if (t.kind === "pull" && isPull && !isIssue && !t.tab) {
    return {
      url: withPath(c.url, (s) => [s[0]!, s[1]!, "issues", ...s.slice(3)]),
      kind: "redirect",
      message: new RegExp(
        `^Unexpected \`issues/${t.number}\` for pull request \`${esc(`${t.owner}/${t.repo}`)}#${t.number}\`, expected \`pull/${t.number}\` \\(the link works, GitHub redirects it\\)$`,
      ),
    };
  }
  if (t.kind === "issue" && isIssue && !isPull) {
    return {
      url: withPath(c.url, (s) => [s[0]!, s[1]!, "pull", ...s.slice(3)]),
      kind: "redirect",
      message: new RegExp(
        `^Unexpected \`pull/${t.number}\` for issue \`${esc(`${t.owner}/${t.repo}`)}#${t.number}\`, expected \`issues/${t.number}\` \\(the link works, GitHub redirects it\\)$`,
      ),
    };
  }
  return null;
}

/** The header (front matter, H1, event list) and the `## ` sections of a wrap-up. */
function sections(text: string): { head: string; parts: string[] } {
  const lines = text.split("\n");
  const starts: number[] = [];
  let fence = false;
  lines.forEach((l, i) => {
    if (/^(```|~~~)/.test(l)) fence = !fence;
    if (!fence && /^## /.test(l)) starts.push(i);
  });
  if (starts.length === 0) return { head: text, parts: [] };
  const head = lines.slice(0, starts[0]).join("\n");
  const parts = starts.map((s, i) => lines.slice(s, starts[i + 1] ?? lines.length).join("\n"));
  return { head, parts };
}

export interface HistoryOptions {
  /** Versions per wrap-up (the last is the wrap-up as it is). */
  versions?: number;
  /** Links broken on purpose per version (at most). */
  broken?: number;
  /** Repositories renamed or transferred in the world. */
  renamed?: number;
}

export function buildHistory(options: HistoryOptions = {}): History {
  const versions = options.versions ?? 14;
  const brokenPerVersion = options.broken ?? 4;
  const names = wrapups();
  const texts = new Map(names.map((n) => [n, readWrapup(n)]));
  const world = worldFromModels([...texts.values()].map((t) => remarkModel(t)));

  // Renamed and transferred repositories: linked a few times, in more than one wrap-up version.
  const uses = new Map<string, number>();
  for (const text of texts.values()) {
    for (const c of candidates(text)) {
      if (!c.target.repo) continue;
      const key = `${c.target.owner}/${c.target.repo}`.toLowerCase();
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const renamable = world.repos
    .filter((r) => {
      const n = uses.get(`${r.owner}/${r.name}`.toLowerCase()) ?? 0;
      return n >= 2 && n <= 6 && !/^gardener$/i.test(r.name);
    })
    .sort((a, b) => `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`));
  const renames: Record<string, string> = {};
  const renamedCount = options.renamed ?? 3;
  const step = Math.max(1, Math.floor(renamable.length / Math.max(1, renamedCount)));
  for (let i = 0; i < renamedCount && i * step < renamable.length; i++) {
    const repo: FakeRepo = renamable[i * step]!;
    const old = `${repo.owner}/${repo.name}`;
    // Every other one moves to another owner (a transfer), the rest get a new name.
    if (i % 2 === 1) repo.owner = repo.owner.toLowerCase() === "gardener" ? "gardener-attic" : "gardener";
    else repo.name = `${repo.name}-next`;
    repo.formerNames = [old];
    renames[old.toLowerCase()] = `${repo.owner}/${repo.name}`;
    if (!world.owners.some((o) => o.login.toLowerCase() === repo.owner.toLowerCase()))
      world.owners.push({ login: repo.owner });
  }

  const files: Record<string, string> = {};
  const expected: Expected[] = [];
  const broken = new Set<string>();
  const keys = new Set<string>();
  let candidateCount = 0;
  let tag = 0;
  let redirectLinks = 0;
  let appBroken = false;
  for (const name of names) {
    const whole = texts.get(name)!;
    const { head, parts } = sections(whole);
    // A version is the first lines of the wrap-up: its links are the wrap-up's up to its end.
    const wholeCandidates = candidates(whole);
    for (let v = 0; v < versions; v++) {
      const file = `${name.replace(/\.md$/, "")}.v${String(v + 1).padStart(2, "0")}.md`;
      const count = v === versions - 1 ? parts.length : Math.max(1, Math.round(((v + 1) * parts.length) / versions));
      const text = [head, ...parts.slice(0, count)].join("\n").replace(/\n*$/, "\n");
      const lines = text.split("\n");
      const rand = random(file);
      const all = wholeCandidates.filter((c) => c.line < lines.length);
      const edits = new Map<number, Mutation>();
      // Break some links (each a new target), spread over the kinds present.
      const byKind = new Map<string, number[]>();
      all.forEach((c, i) => byKind.set(c.target.kind, [...(byKind.get(c.target.kind) ?? []), i]));
      const kinds = [...byKind.keys()].sort();
      for (let b = 0, tries = 0; b < brokenPerVersion && tries < 50; tries++) {
        const kind = kinds[Math.floor(rand() * kinds.length)];
        if (!kind) break;
        const pool = byKind.get(kind)!;
        const i = pool[Math.floor(rand() * pool.length)]!;
        if (edits.has(i)) continue;
        const c = all[i]!;
        if (c.target.kind === "app") {
          // Each GitHub App is a REST request of its own: one broken app in the whole history.
          if (appBroken) continue;
          appBroken = true;
          const slug = `${c.target.owner}-gone`;
          edits.set(i, {
            url: c.url.replace(/\/apps\/[^/?#]+/, `/apps/${slug}`),
            kind: "broken",
            message: new RegExp(`^Unexpected link to the GitHub App \`${esc(slug)}\`, expected an app that exists$`),
          });
          b++;
          continue;
        }
        const m = breakLink(c, ++tag);
        if (!m || sameTarget(m.url, c.url)) continue;
        edits.set(i, m);
        b++;
      }
      // One link in a form GitHub redirects, in most versions.
      if (rand() < 0.75) {
        const order = all.map((_, i) => i).sort(() => rand() - 0.5);
        for (const i of order) {
          if (edits.has(i)) continue;
          const m = redirectLink(all[i]!, world);
          if (m) {
            edits.set(i, m);
            redirectLinks++;
            break;
          }
        }
      }
      // Apply the edits, right to left on each line.
      const sorted = [...edits.entries()].sort(
        (a, b) => all[b[0]]!.line - all[a[0]]!.line || all[b[0]]!.column - all[a[0]]!.column,
      );
      for (const [i, m] of sorted) {
        const c = all[i]!;
        const l = lines[c.line - 1]!;
        const at = c.column - 1;
        if (l.slice(at, at + c.url.length) !== c.url)
          throw new Error(`${file}:${c.line}: ${c.url} is not at column ${c.column}`);
        lines[c.line - 1] = l.slice(0, at) + m.url + l.slice(at + c.url.length);
        expected.push({ file, line: c.line, kind: m.kind, message: m.message });
        if (m.kind === "broken") broken.add(keyOf(m.url)!);
      }
      const out = lines.join("\n");
      files[file] = out;
      for (const link of remarkModel(out).links) {
        const url = link.url.trim();
        const key = keyOf(url);
        if (!key) continue;
        candidateCount++;
        keys.add(key);
        // Links into renamed repositories work (GitHub redirects): a warning with the fix each.
        const t = parseGitHubUrl(url)!.target!;
        const now = t.repo && t.kind !== "app" ? renames[`${t.owner}/${t.repo}`.toLowerCase()] : undefined;
        if (now) {
          const line =
            link.urlSpan && link.urlSpan.start.line === link.urlSpan.end.line
              ? link.urlSpan.start.line
              : link.span.start.line;
          expected.push({
            file,
            line,
            kind: "redirect",
            message: new RegExp(
              `^Unexpected old repository name \`${esc(`${t.owner}/${t.repo}`)}\`, expected \`${esc(now)}\` \\(renamed on GitHub; the link works, GitHub redirects it\\)$`,
            ),
          });
          redirectLinks++;
        }
      }
    }
  }
  return {
    files,
    world,
    expected,
    targets: keys.size,
    candidates: candidateCount,
    brokenTargets: broken.size,
    redirectLinks,
    renames,
  };
}
