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
import { projectsOf, type Project } from "../../src/wrapup/projects.js";
import { githubLinkResolves } from "../../rules/wu007-github-link-resolves.js";
import { nextSteps } from "../../rules/wu009-next-steps.js";
import {
  setEnv,
  serveFakeGitHub,
  type FakeGitHub,
  type FakeRepo,
  type FakeState,
  type World,
} from "../github-server/server.js";
import { runMarkdownlintCli2, runRemarkEngine, type RunFinding } from "../github-server/runs.js";
import { worldFromModels } from "../github-server/world-from-links.js";
import { HACKATHONS, readWrapup, wrapups } from "../helpers/corpus.js";
import { remarkModel } from "../helpers/models.js";

const TOKEN = "ghp_wu009acceptanceTOKEN0123456789abcdef";

/** A project the test makes stale (its Next Steps ask for work the links show done), or open without Next Steps. */
interface Plant {
  file: string;
  title: string;
  kind: "stale" | "open-without-next-steps" | "not-stale";
  /** Each numbered link's state in this project (by `owner/repo#N`); the rest get the plant's default. */
  states?: Record<string, FakeState["state"] | [FakeState["state"], string]>;
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
  // Not stale: one of the three pull requests was closed without merge.
  { file: "2023-11.md", title: "Make ACL Extension Production-Ready", kind: "not-stale", states: {} },
  // Not stale: the issue was closed as not planned, not completed.
  { file: "2025-11.md", title: "Pod Overlay To Native Routing Without Downtime", kind: "not-stale" },
];

let github: FakeGitHub;
let dir: string;
let cacheDir: string;
let world: World;
const expected: { file: string; from: number; to: number; message: RegExp }[] = [];

const numberedKinds = new Set(["pull", "issue", "discussion"]);

beforeAll(async () => {
  const texts = Object.fromEntries(wrapups().map((n) => [n, readWrapup(n)]));
  const models = Object.fromEntries(Object.entries(texts).map(([n, t]) => [n, remarkModel(t)]));
  world = worldFromModels(Object.values(models));
  const repoOf = (owner: string, name: string): FakeRepo =>
    world.repos.find(
      (r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase(),
    )!;
  const set = (owner: string, name: string, n: number, state: FakeState): void => {
    const repo = repoOf(owner, name);
    repo.states = { ...repo.states, [n]: state };
  };
  const profile = bundledProfile("gardener");
  const projects: [string, Project][] = Object.entries(models).flatMap(([file, m]) =>
    projectsOf(m, profile).map((p): [string, Project] => [file, p]),
  );
  // Where nothing is planted: a project with Next Steps has its work open, one without has it done.
  for (const [, p] of projects) {
    for (const l of p.links.filter((l) => numberedKinds.has(l.target.kind))) {
      const t = l.target;
      const done: FakeState =
        t.kind === "pull"
          ? { state: "merged" }
          : { state: "closed", reason: t.kind === "discussion" ? "RESOLVED" : "COMPLETED" };
      set(t.owner, t.repo!, t.number!, p.nextSteps ? { state: "open" } : done);
    }
  }
  for (const plant of PLANTS) {
    const found = projects.find(([f, p]) => f === plant.file && p.title === plant.title);
    expect(found, `${plant.file}: ${plant.title}`).toBeDefined();
    const p = found![1];
    const links = p.links.filter((l) => numberedKinds.has(l.target.kind));
    expect(links.length, `${plant.title} links work`).toBeGreaterThan(0);
    links.forEach((l, i) => {
      const t = l.target;
      let state: FakeState;
      if (plant.kind === "stale")
        state = t.kind === "pull" ? { state: "merged" } : { state: "closed", reason: "COMPLETED" };
      else if (plant.kind === "open-without-next-steps")
        state =
          t.kind === "pull" && i === links.length - 1 && links.length > 1 ? { state: "draft" } : { state: "open" };
      // not-stale: everything done but the last link of the kind asked about.
      else if (i === links.length - 1)
        state = t.kind === "pull" ? { state: "closed" } : { state: "closed", reason: "NOT_PLANNED" };
      else state = t.kind === "pull" ? { state: "merged" } : { state: "closed", reason: "COMPLETED" };
      set(t.owner, t.repo!, t.number!, state);
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

function matchPlanted(findings: RunFinding[]): void {
  const wu009 = findings.filter((f) => /next step|without `Next Steps`/.test(f.message));
  const stray = wu009.filter(
    (f) => !expected.some((e) => e.file === f.file && e.from <= f.line && f.line <= e.to && e.message.test(f.message)),
  );
  expect(stray, "no warning outside the planted projects").toEqual([]);
  const missed = expected.filter(
    (e) =>
      wu009.filter((f) => e.file === f.file && e.from <= f.line && f.line <= e.to && e.message.test(f.message))
        .length !== 1,
  );
  expect(missed, "one warning in each planted project").toEqual([]);
}

describe("WU009 on the real wrap-ups, states set", () => {
  test("the planted projects are real ones (the test reads the wrap-ups' own sections)", () => {
    expect(expected.length).toBe(PLANTS.filter((p) => p.message).length);
    expect(fs.readdirSync(HACKATHONS).length).toBeGreaterThanOrEqual(12);
  });

  test("requests: WU007 alone, cold, sets the figure; WU007 + WU009 cold sends the same; warm none", async () => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const alone = await runMarkdownlintCli2(dir, [githubLinkResolves]);
    const wu007Requests = github.requests.length;
    expect(wu007Requests).toBeGreaterThan(0);
    expect(alone.findings).toEqual([]);

    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const both = await runMarkdownlintCli2(dir, [githubLinkResolves, nextSteps]);
    expect(github.requests.length).toBe(wu007Requests);
    matchPlanted(both.findings);
    // WU009's findings are warnings: they point at the rule's #warnings section.
    expect(both.findings.every((f) => f.warning)).toBe(true);

    github.requests.length = 0;
    const warm = await runMarkdownlintCli2(dir, [githubLinkResolves, nextSteps]);
    expect(github.requests).toEqual([]);
    matchPlanted(warm.findings);
    console.info(
      `WU009 requests (markdownlint-cli2, 12 wrap-ups): WU007 alone cold ${wu007Requests}, WU007 + WU009 cold ${wu007Requests}, warm 0`,
    );
  });

  test("markdownlint-cli2, WU009 alone, cold: exactly the planted projects, requests no more than WU007's", async () => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const run = await runMarkdownlintCli2(dir, [nextSteps]);
    matchPlanted(run.findings);
    expect(run.findings.length).toBe(expected.length);
    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.requests.every((r) => r.authorization === `bearer ${TOKEN}`)).toBe(true);
  });

  test("remark (unified-engine), cold then warm: the same warnings; WU007 + WU009 as many requests as WU007 alone, then none", async () => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    await runRemarkEngine(dir, [githubLinkResolves]);
    const wu007Requests = github.requests.length;
    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const cold = await runRemarkEngine(dir, [githubLinkResolves, nextSteps]);
    expect(github.requests.length).toBe(wu007Requests);
    matchPlanted(cold.findings);
    expect(cold.findings.length).toBe(expected.length);
    github.requests.length = 0;
    const warm = await runRemarkEngine(dir, [nextSteps]);
    expect(github.requests).toEqual([]);
    matchPlanted(warm.findings);
    console.info(
      `WU009 requests (remark, 12 wrap-ups): WU007 alone cold ${wu007Requests}, WU007 + WU009 cold ${wu007Requests}, warm 0`,
    );
  });

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
    const everything = [
      a.output,
      b.output,
      ...a.findings.map((f) => f.message),
      ...b.findings.map((f) => f.message),
    ].join("\n");
    expect(everything).not.toContain(TOKEN);
    for (const f of fs.readdirSync(cacheDir))
      expect(fs.readFileSync(path.join(cacheDir, f), "utf8")).not.toContain(TOKEN);
  });
});
