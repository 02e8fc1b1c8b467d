/**
 * What a link's state means for the work it stands for, in words and in three buckets: done
 * (a merged pull request, an issue closed as completed, a discussion closed as resolved), open
 * (an open or draft pull request, an open issue or discussion) and closed (a pull request
 * closed without merge, an issue closed as not planned or duplicate, a discussion closed as
 * outdated or duplicate, or closed without a reason GitHub gives). No network here: the states
 * come from the resolver's verdicts (checks.ts).
 */
import type { LinkState, Verdict } from "./checks.js";

export type Work = "done" | "open" | "closed";

/** Pull requests, issues and discussions: the links that stand for work. */
export const isWorkItem = (state: LinkState): boolean =>
  state.kind === "pull" || state.kind === "issue" || state.kind === "discussion";

/** Where a pull request's, issue's or discussion's state puts its work; null for other links. */
export function workOf(state: LinkState): Work | null {
  if (!isWorkItem(state)) return null;
  if (state.state === "open" || state.state === "draft") return "open";
  if (state.state === "merged") return "done";
  if (state.state === "closed") {
    if (state.kind === "issue" && state.reason === "COMPLETED") return "done";
    if (state.kind === "discussion" && state.reason === "RESOLVED") return "done";
    return "closed";
  }
  return null;
}

const REASONS: Record<string, string> = {
  COMPLETED: "completed",
  NOT_PLANNED: "not planned",
  DUPLICATE: "duplicate",
  RESOLVED: "resolved",
  OUTDATED: "outdated",
  REOPENED: "reopened",
};

const KINDS: Record<LinkState["kind"], string> = {
  pull: "pull request",
  issue: "issue",
  discussion: "discussion",
  branch: "branch",
  ref: "tag or commit",
  commit: "commit",
  release: "release",
  repo: "repository",
};

export const kindName = (state: LinkState): string => KINDS[state.kind];

/** A state in a few words: `merged`, `closed without merge`, `closed (not planned)`, `deleted`. */
export function stateWords(state: LinkState): string {
  if (state.kind === "pull" && state.state === "closed") return "closed without merge";
  if (state.state === "closed" && state.reason && REASONS[state.reason]) return `closed (${REASONS[state.reason]})`;
  if (state.state === "open" && state.reason === "REOPENED") return "open (reopened)";
  return state.state;
}

/** A verdict's state, if GitHub gave one; a thing not found has none but a deleted branch. */
export function stateOf(verdict: Verdict): LinkState | null {
  if (verdict.status === "ok" || verdict.status === "missing") return verdict.state ?? null;
  return null;
}
