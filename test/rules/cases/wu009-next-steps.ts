/**
 * WU009's cases as data, run like its doc's examples (test/rules/rule-docs.test.ts) against their
 * fake GitHub: each phrasing it reads as an ask (quoted in its finding), and each sentence it must
 * not take for one. The real wrap-ups' asks and hostile text: test/rules/wu009-phrasings.test.ts.
 */
import type { RuleCase } from "../../helpers/examples.js";

const PULL =
  "[gardener/gardener-extension-provider-openstack#690](https://github.com/gardener/gardener-extension-provider-openstack/pull/690)";
const ISSUE =
  "[gardener/gardener-extension-provider-openstack#1217](https://github.com/gardener/gardener-extension-provider-openstack/issues/1217)";

/** A project whose one link (a merged pull request, or an issue closed as completed) is done. */
const project = (nextSteps: string, link = PULL): string =>
  `# Hack The Garden 11/2023 Wrap Up\n\n## 🔒 OpenStack Extension: Shoot Access\n\n**Achievements:** A first implementation.\n\n**Next Steps:** ${nextSteps}\n\n**Code**: ${link}\n`;

/** The finding on an ask whose work is done: the merged pull request's, or the completed issue's. */
const done = (
  ask: string,
  line = 7,
  what = "pull request the project links is merged (`gardener/gardener-extension-provider-openstack#690` merged)",
): string => `${line}: Unexpected next step \`${ask}\`: every ${what}, expected only work still to do`;
const completed = (ask: string): string =>
  done(
    ask,
    7,
    "issue the project links is closed as completed (`gardener/gardener-extension-provider-openstack#1217` closed (completed))",
  );

/** Next Steps and the ask WU009 reads in them, for a merged pull request. */
const PULL_ASKS: [nextSteps: string, ask: string][] = [
  ["Review and merge the PR.", "Review and merge the PR"],
  ["Finish, review and merge the open PRs.", "Finish, review and merge the open PRs"],
  ["Merge gardener/gardener#14747 first.", "Merge gardener/gardener#14747"],
  ["Get the pull request merged.", "Get the pull request merged"],
  ["The PR has to be merged.", "The PR has to be merged"],
  [
    "The individual PRs need to be worked on, reviewed and merged.",
    "The individual PRs need to be worked on, reviewed and merged",
  ],
  [
    "We need to make sure the proposed pull requests gets accepted and merged.",
    "make sure the proposed pull requests gets accepted and merged",
  ],
  ["Wait for the PR to be merged.", "Wait for the PR to be merged"],
  ["The PR has to be reviewed, tested and merged.", "The PR has to be reviewed, tested and merged"],
];

/** Sentences that are no ask, beside a merged pull request. */
const NO_ASK = [
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
];

export const CASES: RuleCase[] = [
  ...PULL_ASKS.map(([nextSteps, ask]): RuleCase => ({
    name: `an ask: ${nextSteps}`,
    text: project(nextSteps),
    findings: [done(ask)],
  })),
  {
    name: "an ask in a list after a done item",
    text: project(
      "\n\n- [x] docs\n- Review and merge the [PR](https://github.com/gardener/gardener-extension-provider-openstack/pull/690)",
    ),
    findings: [done("Review and merge the PR", 10)],
  },
  {
    name: "an ask about an issue: close it",
    text: project("Close the issue.", ISSUE),
    findings: [completed("Close the issue")],
  },
  {
    name: "an ask about an issue: fix it",
    text: project("The issue in the extension has to be fixed.", ISSUE),
    findings: [completed("The issue in the extension has to be fixed")],
  },
  {
    name: "#1218 closed as not planned",
    text: project("Close the issue.", ISSUE.replaceAll("1217", "1218")),
    findings: [],
  },
  ...NO_ASK.map((nextSteps): RuleCase => ({ name: `no ask: ${nextSteps}`, text: project(nextSteps), findings: [] })),
];
