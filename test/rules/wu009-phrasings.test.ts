/**
 * The phrasings WU009 reads in Next Steps (src/next-steps.ts; listed in
 * rules/wu009-next-steps.md), on the Next Steps of the real wrap-ups and on the sentences the
 * doc names: each ask it reads, and each sentence it must not take for one.
 */
import { describe, expect, test } from "vitest";
import { asksOf } from "../../src/wrapup/next-steps.js";
import { bundledProfile } from "../../src/profile/load.js";
import { projectsOf } from "../../src/wrapup/projects.js";
import { readWrapup, wrapups } from "../helpers/corpus.js";
import { remarkModel } from "../helpers/models.js";

const asks = (text: string): string[] => asksOf(text).map((a) => `${a.subject}: ${a.phrase}`);

describe("asks it reads", () => {
  test.each([
    ["Review and merge the PR.", "pull: Review and merge the PR"],
    ["Finish, review and merge the open PRs.", "pull: Finish, review and merge the open PRs"],
    ["Merge gardener/gardener#14747 first.", "pull: Merge gardener/gardener#14747"],
    ["Get the pull request merged.", "pull: Get the pull request merged"],
    ["The PR has to be merged.", "pull: The PR has to be merged"],
    ["The individual PRs need to be worked on, reviewed and merged.", "pull: The individual PRs need to be worked on, reviewed and merged"],
    ["We need to make sure the proposed pull requests gets accepted and merged.", "pull: make sure the proposed pull requests gets accepted and merged"],
    ["Wait for the PR to be merged.", "pull: Wait for the PR to be merged"],
    ["Close the issue.", "issue: Close the issue"],
    ["The issue in the extension has to be fixed.", "issue: The issue in the extension has to be fixed"],
    ["Conclude the discussion.", "discussion: Conclude the discussion"],
    ["- [x] docs\n- Review and merge the [PR](https://github.com/gardener/gardener/pull/1)", "pull: Review and merge the PR"],
  ])("%s", (text, ask) => {
    expect(asks(text)).toEqual([ask]);
  });
});

describe("sentences it does not take for an ask", () => {
  test.each([
    "Once the opened PR got merged, the old repository should be archived.",
    "The docs have to be adapted after this PR has been merged.",
    "The PR was merged.",
    "The PR has been merged last week.",
    "Do not merge the PR before the release.",
    "Finalize the tests and open the pull request for review.",
    "Raise a PR.",
    "Open an issue for the remaining work.",
    "Collect feedback in the proposal issue.",
    "With the merging of these two PRs the feature is complete.",
    "",
  ])("%j", (text) => {
    expect(asks(text)).toEqual([]);
  });
});

test("the Next Steps of the real wrap-ups: the asks it reads there", () => {
  const profile = bundledProfile("gardener");
  const found: string[] = [];
  for (const file of wrapups()) {
    for (const p of projectsOf(remarkModel(readWrapup(file)), profile)) {
      if (p.nextSteps) for (const a of asks(p.nextSteps.field.value)) found.push(`${file} ${p.title}: ${a}`);
    }
  }
  // Every pull request ask below is one a reader takes for one (checked by hand, 2026-12).
  expect(found).toContain("2023-11.md ARM Support For OpenStack Extension: pull: Review and merge the PR");
  expect(found).toContain("2025-06.md Cluster Network Observability: pull: The PR for retina is still open and needs to be merged");
  expect(found.some((f) => /^2025-07\.md gardener-node-agent\s+crash-loop .*#11025\): pull: Review the PR$/.test(f))).toBe(true);
  expect(found).toContain("2025-11.md Pull gardener-node-agent From Registry Mirror: pull: The pull request needs to be finalized, documentation updated, and then merged");
  // 18 asks in 147 project sections: 15 to merge or review pull requests, 3 to close issues.
  expect(found.length).toBe(18);
  expect(found.filter((f) => / pull: /.test(f)).length).toBe(15);
});

test("hostile Next Steps: long, repetitive, unbalanced; an answer, no crash", () => {
  const cases = [
    "merge the PR, ".repeat(5_000),
    "Review and merge the PR ".repeat(100) + ".",
    "[".repeat(10_000) + "Merge the PR" + "](".repeat(10_000),
    "The PR has to be " + "reviewed, ".repeat(2_000) + "and merged.",
    "`".repeat(30_000),
  ];
  for (const text of cases) expect(Array.isArray(asksOf(text))).toBe(true);
  expect(asks("The PR has to be reviewed, tested and merged.")).toEqual(["pull: The PR has to be reviewed, tested and merged"]);
});
