/**
 * WU007 acceptance, on copies of the real wrap-ups against a fake GitHub where every link they
 * hold exists, with a seeded set of links broken in the copies (one of each way a link breaks):
 * both linters (markdownlint-cli2's async custom rule path, remark through unified-engine) find
 * every seeded link and report no intact one; a cold run sends at most one request per 40
 * unique verifiable links, a warm run none; the token never shows in output or cache.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkFor, checkKey } from "../../src/github/checks.js";
import { parseGitHubUrl } from "../../src/github/url.js";
import { githubLinkResolves } from "../../rules/wu007-github-link-resolves.js";
import { serveFakeGitHub, type FakeGitHub, type World } from "../github-server/server.js";
import { runMarkdownlintCli2, runRemarkEngine, type RunFinding, whereToken } from "../github-server/runs.js";
import { worldFromModels } from "../github-server/world-from-links.js";
import { readWrapup, wrapups } from "../helpers/corpus.js";
import { remarkModel } from "../helpers/models.js";

const TOKEN = "ghp_acceptanceTOKEN0123456789abcdefABCDEF";

interface Seed {
  file: string;
  /** The URL as written in the real wrap-up, and what the copy says instead. */
  from: string;
  to: string;
  /** What the finding says. */
  message: RegExp;
}

let github: FakeGitHub;
let dir: string;
let cacheDir: string;
let world: World;
const expected: { file: string; line: number; message: RegExp }[] = [];
let uniqueChecks = 0;

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split("\n").length;
}

beforeAll(async () => {
  const texts = Object.fromEntries(wrapups().map((n) => [n, readWrapup(n)]));
  world = worldFromModels(Object.values(texts).map((t) => remarkModel(t)));

  // Ways a link breaks, each seeded once into a copy.
  const seeds: Seed[] = [
    {
      file: "2025-11.md",
      from: "https://github.com/gardener/gardener/pull/13542",
      to: "https://github.com/gardener/gardener/pull/993542",
      message:
        /^Unexpected link to `gardener\/gardener#993542`, expected a pull request, issue or discussion that exists$/,
    },
    {
      file: "2025-11.md",
      from: "https://github.com/gardener/gardener/issues/13579",
      to: "https://github.com/gardener/gardener/pull/13579",
      message:
        /^Unexpected `pull\/13579` for issue `gardener\/gardener#13579`, expected `issues\/13579` \(the link works, GitHub redirects it\)$/,
    },
    {
      file: "2023-11.md",
      from: "https://github.com/stackitcloud/gardener-extension-acl/tree/feature/SupportForMultipleIstioNamespaces",
      to: "https://github.com/stackitcloud/gardener-extension-acl/tree/feature/SupportForMultipleIstioNamespace",
      message:
        /^Unexpected link to `feature\/SupportForMultipleIstioNamespace` in `stackitcloud\/gardener-extension-acl`/,
    },
    {
      file: "2025-11.md",
      from: "https://github.com/afritzler/machine-controller-manager/commit/7005bd20bea234895bdf9a9fc98e5dc43ceca1e9",
      to: "https://github.com/afritzler/machine-controller-manager/commit/0005bd20bea234895bdf9a9fc98e5dc43ceca1e9",
      message: /^Unexpected link to commit `0005bd2/,
    },
    {
      file: "2025-11.md",
      from: "https://github.com/kubernetes/community/blob/master/contributors/devel/sig-scalability/kubemark-guide.md",
      to: "https://github.com/kubernetes/community/blob/master/contributors/devel/sig-scalability/kubemark-guides.md",
      message:
        /^Unexpected link to `master\/contributors\/devel\/sig-scalability\/kubemark-guides.md` in `kubernetes\/community`/,
    },
    {
      file: "2025-11.md",
      from: "https://github.com/shegox",
      to: "https://github.com/shegox-gone",
      message: /^Unexpected link to `shegox-gone`, expected a GitHub user or organization that exists$/,
    },
    {
      file: "2025-11.md",
      from: "https://github.com/saracen/gobuildcache",
      to: "https://github.com/saracen/gobuildcache2",
      message: /^Unexpected link to `saracen\/gobuildcache2`, expected a GitHub repository that exists/,
    },
    {
      file: "2025-12.md",
      from: "https://github.com/perses/perses/releases/tag/v0.53.0-beta.2",
      to: "https://github.com/perses/perses/releases/tag/v0.53.0-beta.9",
      message: /^Unexpected link to release `v0.53.0-beta.9`/,
    },
    {
      file: "2026-03.md",
      from: "https://github.com/gardener/hackathon/discussions/41",
      to: "https://github.com/gardener/hackathon/discussions/4141",
      message: /^Unexpected link to `gardener\/hackathon#4141`/,
    },
    {
      file: "2025-12.md",
      from: "https://github.com/apps/octo-sts",
      to: "https://github.com/apps/octo-sts-gone",
      message: /^Unexpected link to the GitHub App `octo-sts-gone`/,
    },
  ];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wu007-acceptance-"));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "wu007-cache-"));
  const copies = { ...texts };
  for (const seed of seeds) {
    const text = copies[seed.file]!;
    expect(text.includes(seed.from), `${seed.file} holds ${seed.from}`).toBe(true);
    const line = lineOf(text, seed.from);
    copies[seed.file] = text.replace(seed.from, seed.to);
    expected.push({ file: seed.file, line, message: seed.message });
  }

  // A repository renamed since, and one archived: both linked once, each a finding (the
  // rename with its fix, the archive as a warning).
  const linkCount = new Map<string, { count: number; file: string; url: string }>();
  for (const [file, text] of Object.entries(copies)) {
    for (const link of remarkModel(text).links) {
      const t = parseGitHubUrl(link.url)?.target;
      if (!t?.repo || t.kind === "app") continue;
      const key = `${t.owner}/${t.repo}`;
      const seen = linkCount.get(key);
      linkCount.set(key, { count: (seen?.count ?? 0) + 1, file, url: link.url });
    }
  }
  const once = [...linkCount.entries()].filter(
    ([key, v]) => v.count === 1 && !seeds.some((s) => s.to.includes(`/${key}/`) || s.to.endsWith(`/${key}`)),
  );
  const [renamedKey, renamed] = once.find(([key]) => key === "credativ/plutono") ?? once[0]!;
  const [archivedKey, archived] = once.find(([key]) => key === "ironcore-dev/vgopath") ?? once[1]!;
  const renamedRepo = world.repos.find((r) => `${r.owner}/${r.name}` === renamedKey)!;
  renamedRepo.formerNames = [renamedKey];
  renamedRepo.name = `${renamedRepo.name}-renamed`;
  expected.push({
    file: renamed.file,
    line: lineOf(copies[renamed.file]!, renamed.url),
    message: new RegExp(`^Unexpected old repository name \`${renamedKey}\`, expected \`${renamedKey}-renamed\``),
  });
  world.repos.find((r) => `${r.owner}/${r.name}` === archivedKey)!.archived = true;
  expected.push({
    file: archived.file,
    line: lineOf(copies[archived.file]!, archived.url),
    message: new RegExp(`^Unexpected link into the archived repository \`${archivedKey}\``),
  });

  for (const [name, text] of Object.entries(copies)) fs.writeFileSync(path.join(dir, name), text);
  const keys = new Set<string>();
  for (const text of Object.values(copies)) {
    for (const link of remarkModel(text).links) {
      const t = parseGitHubUrl(link.url.trim())?.target;
      const check = t ? checkFor(t) : null;
      if (check) keys.add(checkKey(check));
    }
  }
  uniqueChecks = keys.size;

  const served = await serveFakeGitHub(world, TOKEN, cacheDir, dir);
  github = served.github;
  return served.stop;
});

function matchExpected(findings: RunFinding[]): void {
  const unmatched = findings.filter(
    (f) => !expected.some((e) => e.file === f.file && e.line === f.line && e.message.test(f.message)),
  );
  expect(unmatched, "no intact link reported").toEqual([]);
  const missed = expected.filter(
    (e) => !findings.some((f) => e.file === f.file && e.line === f.line && e.message.test(f.message)),
  );
  expect(missed, "every broken link found").toEqual([]);
}

describe("WU007 on the real wrap-ups", () => {
  test("the world holds every link, and there are enough to batch", () => {
    expect(uniqueChecks).toBeGreaterThan(250);
    expect(world.repos.length).toBeGreaterThan(50);
  });

  test("markdownlint-cli2, cold: every seeded link found, nothing else; ≤ 1 request per 40 unique links", async () => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const run = await runMarkdownlintCli2(dir, [githubLinkResolves]);
    matchExpected(run.findings);
    expect(run.findings.find((f) => /old repository name/.test(f.message))?.fixed).toBe(true);
    expect(github.requests.length).toBe(run.stats.requests);
    expect(github.requests.length).toBeLessThanOrEqual(Math.ceil(uniqueChecks / 40));
    // Every request carried the token, to this host.
    expect(github.requests.every((r) => r.authorization === `bearer ${TOKEN}`)).toBe(true);
    console.info(
      `WU007 cold (markdownlint-cli2): ${uniqueChecks} unique links, ${github.requests.length} requests (${(github.requests.length / uniqueChecks).toFixed(3)}/link), ${run.ms.toFixed(0)} ms`,
    );
  });

  test("markdownlint-cli2, warm: the same findings, no request", async () => {
    github.requests.length = 0;
    const run = await runMarkdownlintCli2(dir, [githubLinkResolves]);
    matchExpected(run.findings);
    expect(github.requests).toEqual([]);
    console.info(`WU007 warm (markdownlint-cli2): 0 requests, ${run.ms.toFixed(0)} ms`);
  });

  test("remark (unified-engine), cold then warm: the same findings; ≤ 1 request per 40 unique links, then none", async () => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const cold = await runRemarkEngine(dir, [githubLinkResolves]);
    matchExpected(cold.findings);
    expect(github.requests.length).toBeLessThanOrEqual(Math.ceil(uniqueChecks / 40));
    console.info(`WU007 cold (remark): ${github.requests.length} requests, ${cold.ms.toFixed(0)} ms`);
    github.requests.length = 0;
    const warm = await runRemarkEngine(dir, [githubLinkResolves]);
    matchExpected(warm.findings);
    expect(github.requests).toEqual([]);
  });

  test("the token is in no output and no cache file", async () => {
    const run = await runRemarkEngine(dir, [githubLinkResolves]);
    const mdl = await runMarkdownlintCli2(dir, [githubLinkResolves]);
    expect(fs.readdirSync(cacheDir).length).toBeGreaterThan(0);
    expect(whereToken(TOKEN, cacheDir, [run, mdl])).toEqual([]);
  });
});
