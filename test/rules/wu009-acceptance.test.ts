/**
 * WU009 acceptance, on the 12 real wrap-ups against a fake GitHub whose link states the test
 * sets: the work of every project with Next Steps is still open (pull requests open, issues
 * open), the work of every project without is done (merged, closed as completed), and a
 * handful of projects are planted stale (every pull request or issue their Next Steps ask for
 * is done) or open without Next Steps. Both linters (markdownlint-cli2's async custom rule path,
 * remark through unified-engine) warn exactly on the planted projects. A run with WU007 and
 * WU009 sends as many requests as WU007 alone, cold, and none warm.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { bundledProfile } from "../../src/profile/load.js";
import type { GitHubTarget } from "../../src/github/url.js";
import { projectsOf, type Project } from "../../src/wrapup/projects.js";
import { githubLinkResolves } from "../../rules/wu007-github-link-resolves.js";
import { nextSteps } from "../../rules/wu009-next-steps.js";
import { setEnv, serveFakeGitHub, type FakeGitHub, type FakeState, type World } from "../github-server/server.js";
import {
  runMarkdownlintCli2,
  runRemarkEngine,
  type RunFinding,
  type RunResult,
  whereToken,
} from "../github-server/runs.js";
import { worldFromModels } from "../github-server/world-from-links.js";
import { HACKATHONS, readWrapup, wrapups } from "../helpers/corpus.js";
import { remarkModel } from "../helpers/models.js";

const TOKEN = "ghp_wu009acceptanceTOKEN0123456789abcdef";

/** A project the test makes stale (its Next Steps ask for work the links show done), open without Next Steps, or not stale. */
interface Plant {
  file: string;
  title: string;
  kind: "stale" | "open-without-next-steps" | "not-stale";
  message?: RegExp;
}

const PLANTS: Plant[] = [
  {
    file: "2023-11.md",
    title: "ARM Support For OpenStack Extension",
    kind: "stale",
    message:
      /^Unexpected next step `Review and merge the PR`: every pull request the project links is merged \(`gardener\/gardener-extension-provider-openstack#\d+` merged\)/,
  },
  {
    file: "2025-06.md",
    title: "Cluster-internal L7 Load-Balancing Endpoints for kube-apiservers",
    kind: "stale",
    message: /^Unexpected next step `Merge the PR`: every pull request the project links is merged/,
  },
  {
    file: "2024-12.md",
    title: "Prevent Pod Scheduling Issues Due To Overscaling",
    kind: "stale",
    message:
      /^Unexpected next step `make sure the proposed pull requests gets accepted and merged`: every pull request the project links is merged \(`[^`]+` merged, `[^`]+` merged\)/,
  },
  {
    file: "2025-11.md",
    title: "force-restore Operation Annotation For Shoots",
    kind: "stale",
    message:
      /^Unexpected next step `An issue in gardener-extension-provider-openstack that hinders control plane migration needs to be fixed`: every issue the project links is closed as completed/,
  },
  {
    file: "2024-12.md",
    title: "Support More Use-Cases For TokenRequestor",
    kind: "open-without-next-steps",
    message:
      /^Unexpected project without `Next Steps` whose linked work is all open \(`gardener\/gardener#\d+` pull request open\), expected `Next Steps` saying what remains$/,
  },
  {
    file: "2026-05.md",
    title: "Allow Admins to Easily Use a Viewer Kubeconfig by Default",
    kind: "open-without-next-steps",
    message:
      /^Unexpected project without `Next Steps` whose linked work is all open \(`[^`]+` issue open, `[^`]+` pull request draft\)/,
  },
  // Not stale: one of the three pull requests was closed without merge (an issue not planned: cases/).
  { file: "2023-11.md", title: "Make ACL Extension Production-Ready", kind: "not-stale" },
];

let github: FakeGitHub;
let dir: string;
let cacheDir: string;
let world: World;
const expected: { file: string; from: number; to: number; message: RegExp }[] = [];

const numberedKinds = new Set(["pull", "issue", "discussion"]);
const numbered = (p: Project): GitHubTarget[] =>
  p.links.filter((l) => numberedKinds.has(l.target.kind)).map((l) => l.target);
/** Work done: a pull request merged, an issue or a discussion closed for `reason`. */
const done = (t: GitHubTarget, reason = "COMPLETED"): FakeState =>
  t.kind === "pull" ? { state: "merged" } : { state: "closed", reason };

beforeAll(async () => {
  const texts = Object.fromEntries(wrapups().map((n) => [n, readWrapup(n)]));
  const models = Object.fromEntries(Object.entries(texts).map(([n, t]) => [n, remarkModel(t)]));
  world = worldFromModels(Object.values(models));
  const set = (t: GitHubTarget, state: FakeState): void => {
    const repo = world.repos.find(
      (r) => r.owner.toLowerCase() === t.owner.toLowerCase() && r.name.toLowerCase() === t.repo!.toLowerCase(),
    )!;
    repo.states = { ...repo.states, [t.number!]: state };
  };
  const profile = bundledProfile("gardener");
  const projects: [string, Project][] = Object.entries(models).flatMap(([file, m]) =>
    projectsOf(m, profile).map((p): [string, Project] => [file, p]),
  );
  // Where nothing is planted: a project with Next Steps has its work open, one without has it done.
  for (const [, p] of projects)
    for (const t of numbered(p))
      set(t, p.nextSteps ? { state: "open" } : done(t, t.kind === "discussion" ? "RESOLVED" : "COMPLETED"));
  for (const plant of PLANTS) {
    const found = projects.find(([f, p]) => f === plant.file && p.title === plant.title);
    expect(found, `${plant.file}: ${plant.title}`).toBeDefined();
    const p = found![1];
    const targets = numbered(p);
    expect(targets.length, `${plant.title} links work`).toBeGreaterThan(0);
    targets.forEach((t, i) => {
      const last = i === targets.length - 1;
      if (plant.kind === "stale") set(t, done(t));
      else if (plant.kind === "open-without-next-steps")
        set(t, { state: t.kind === "pull" && last && targets.length > 1 ? "draft" : "open" });
      // not-stale: every pull request merged but the last, closed without merge.
      else set(t, last ? { state: "closed" } : done(t));
    });
    if (plant.message)
      expected.push({ file: plant.file, from: p.section.heading.line, to: p.section.endLine, message: plant.message });
  }

  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wu009-acceptance-"));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "wu009-cache-"));
  for (const [name, text] of Object.entries(texts)) fs.writeFileSync(path.join(dir, name), text);
  const served = await serveFakeGitHub(world, TOKEN, cacheDir, dir);
  github = served.github;
  return served.stop;
});

/** `run` over the wrap-ups with an empty cache, GitHub's request log emptied first. */
async function cold(run: typeof runMarkdownlintCli2, rules: Parameters<typeof run>[1]): Promise<RunResult> {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  github.requests.length = 0;
  return run(dir, rules);
}

function matchPlanted(findings: RunFinding[]): void {
  const wu009 = findings.filter((f) => /next step|without `Next Steps`/.test(f.message));
  const inPlant = (e: (typeof expected)[number], f: RunFinding): boolean =>
    e.file === f.file && e.from <= f.line && f.line <= e.to && e.message.test(f.message);
  expect(
    wu009.filter((f) => !expected.some((e) => inPlant(e, f))),
    "no warning outside the planted projects",
  ).toEqual([]);
  const missed = expected.filter((e) => wu009.filter((f) => inPlant(e, f)).length !== 1);
  expect(missed, "one warning in each planted project").toEqual([]);
}

describe("WU009 on the real wrap-ups, states set", () => {
  test("the planted projects are real ones (the test reads the wrap-ups' own sections)", () => {
    expect(expected.length).toBe(PLANTS.filter((p) => p.message).length);
    expect(fs.readdirSync(HACKATHONS).length).toBeGreaterThanOrEqual(12);
  });

  test.each([
    ["markdownlint-cli2", runMarkdownlintCli2, [githubLinkResolves, nextSteps]],
    ["remark (unified-engine)", runRemarkEngine, [nextSteps]],
  ])(
    "%s, cold: WU009 alone asks GitHub no more than WU007 alone, both as often; warm: never",
    async (linter, run, warmRules) => {
      const alone = await cold(run, [githubLinkResolves]);
      const wu007Requests = github.requests.length;
      expect(wu007Requests).toBeGreaterThan(0);
      expect(alone.findings).toEqual([]);
      const only = await cold(run, [nextSteps]);
      expect(github.requests.length).toBeGreaterThan(0);
      expect(github.requests.length).toBeLessThanOrEqual(wu007Requests);
      expect(github.requests.every((r) => r.authorization === `bearer ${TOKEN}`)).toBe(true);
      matchPlanted(only.findings);
      expect(only.findings.length).toBe(expected.length);
      const both = await cold(run, [githubLinkResolves, nextSteps]);
      expect(github.requests.length).toBe(wu007Requests);
      matchPlanted(both.findings);
      expect(both.findings.length).toBe(expected.length);
      // WU009's findings are warnings, at the rule's #warnings section (remark: null, no severity per message).
      expect(both.findings.every((f) => f.warning ?? true)).toBe(true);
      github.requests.length = 0;
      const warm = await run(dir, warmRules);
      expect(github.requests).toEqual([]);
      matchPlanted(warm.findings);
      console.info(
        `WU009 requests (${linter}, 12 wrap-ups): WU007 alone cold ${wu007Requests}, WU007 + WU009 cold ${wu007Requests}, warm 0`,
      );
    },
  );

  test("offline with an empty cache, or GitHub answering nothing: no warning at all", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "wu009-empty-"));
    setEnv({ WRAPUP_LINT_CACHE_DIR: empty, WRAPUP_LINT_OFFLINE: "1" });
    try {
      github.requests.length = 0;
      const offline = await runMarkdownlintCli2(dir, [nextSteps]);
      expect(offline.findings).toEqual([]);
      expect(github.requests).toEqual([]);
      setEnv({ WRAPUP_LINT_OFFLINE: undefined });
      github.setFault({ mode: "502" });
      const failing = await runRemarkEngine(dir, [nextSteps]);
      expect(failing.findings).toEqual([]);
    } finally {
      github.setFault({ mode: "none" });
      setEnv({ WRAPUP_LINT_CACHE_DIR: cacheDir, WRAPUP_LINT_OFFLINE: undefined });
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test("the token is in no output and no cache file", async () => {
    const a = await runRemarkEngine(dir, [githubLinkResolves, nextSteps]);
    const b = await runMarkdownlintCli2(dir, [githubLinkResolves, nextSteps]);
    expect(whereToken(TOKEN, cacheDir, [a, b])).toEqual([]);
  });
});
