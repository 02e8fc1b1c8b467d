/**
 * Which Markdown files changed since a git revision: what `wrapup-lint --changed-since REF` and
 * the GitHub Action lint. Changed means added, copied, modified, renamed or retyped between the
 * merge base of REF and HEAD and the working tree (committed, staged or not), plus untracked
 * files git does not ignore. Paths are relative to `cwd`, limited to the tree under it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { trimEndChars } from "../core/trim.js";

export class GitError extends Error {}

const MARKDOWN = /\.(?:md|markdown)$/i;

function git(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new GitError(`git is not available (${r.error.message})`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr };
}

function nulList(text: string): string[] {
  return text.split("\0").filter((s) => s !== "");
}

/** True when `file` (relative, POSIX) is selected by the globs (markdownlint-cli2's syntax: `#x` or `!x` negates). */
export function selectedByGlobs(file: string, globs: string[]): boolean {
  const positive = globs.filter((g) => !g.startsWith("#") && !g.startsWith("!"));
  const negative = globs.filter((g) => g.startsWith("#") || g.startsWith("!")).map((g) => g.slice(1));
  const matches = (glob: string): boolean => {
    const literal = glob.startsWith(":") ? glob.slice(1) : null;
    if (literal !== null) return path.posix.normalize(literal) === file;
    const clean = glob.replace(/^\.\//, "");
    return clean === "." || path.matchesGlob(file, clean) || path.matchesGlob(file, `${trimEndChars(clean, "/")}/**`);
  };
  if (positive.length > 0 && !positive.some(matches)) return false;
  return !negative.some(matches);
}

/**
 * The Markdown files changed since `ref`, sorted. A revision git does not know, or a directory
 * outside a git work tree, is a GitError with a one-line message.
 */
export function changedMarkdownFiles(cwd: string, ref: string): string[] {
  if (!git(cwd, ["rev-parse", "--is-inside-work-tree"]).ok) throw new GitError(`not a git work tree: ${cwd}`);
  if (ref.startsWith("-") || !git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).ok) {
    throw new GitError(`unknown git revision "${ref}"`);
  }
  // Changes on REF's side since the branch point are not this branch's: diff from the merge base.
  const mergeBase = git(cwd, ["merge-base", ref, "HEAD"]);
  const base = mergeBase.ok ? mergeBase.stdout.trim() : ref;
  const diff = git(cwd, [
    "-c",
    "core.quotePath=false",
    "diff",
    "--name-only",
    "-z",
    "--relative",
    "--no-renames",
    "--diff-filter=ACMRT",
    base,
    "--",
  ]);
  if (!diff.ok) throw new GitError(`git diff failed: ${diff.stderr.trim().split("\n")[0] ?? ""}`);
  const untracked = git(cwd, ["ls-files", "-z", "--others", "--exclude-standard"]);
  const files = new Set([...nulList(diff.stdout), ...(untracked.ok ? nulList(untracked.stdout) : [])]);
  return [...files].filter((file) => MARKDOWN.test(file) && fs.existsSync(path.join(cwd, file))).sort();
}
