/**
 * The phrasings WU009 reads in Next Steps (src/wrapup/next-steps.ts; listed in
 * rules/wu009-next-steps.md), on the Next Steps of the real wrap-ups, and on hostile text. Each
 * phrasing the doc names, and each sentence it must not take for an ask, is a page in
 * test/rules/cases/wu009-next-steps.ts.
 */
import { expect, test } from "vitest";
import { asksOf } from "../../src/wrapup/next-steps.js";
import { bundledProfile } from "../../src/profile/load.js";
import { projectsOf } from "../../src/wrapup/projects.js";
import { readWrapup, wrapups } from "../helpers/corpus.js";
import { remarkModel } from "../helpers/models.js";

const asks = (text: string): string[] => asksOf(text).map((a) => `${a.subject}: ${a.phrase}`);

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
  expect(found).toContain(
    "2025-06.md Cluster Network Observability: pull: The PR for retina is still open and needs to be merged",
  );
  expect(
    found.some((f) => /^2025-07\.md gardener-node-agent\s+crash-loop .*#11025\): pull: Review the PR$/.test(f)),
  ).toBe(true);
  expect(found).toContain(
    "2025-11.md Pull gardener-node-agent From Registry Mirror: pull: The pull request needs to be finalized, documentation updated, and then merged",
  );
  // 18 asks in 147 project sections: 15 to merge or review pull requests, 3 to close issues.
  expect(found.length).toBe(18);
  expect(found.filter((f) => / pull: /.test(f)).length).toBe(15);
});

test("an ask about a discussion (no page case: WU009 judges what pull requests and issues became)", () => {
  expect(asks("Conclude the discussion.")).toEqual(["discussion: Conclude the discussion"]);
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
  expect(asks("")).toEqual([]);
});
