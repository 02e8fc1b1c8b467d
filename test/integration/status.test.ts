/**
 * `wrapup-lint status` on the 12 real wrap-ups, run as users run it (the bin, a child process)
 * against a fake GitHub whose states the test sets: every link's state as set, each project's
 * word, the totals; a cold run sends as many requests as a lint run (WU007) of the same files,
 * a warm one none; every format; the token in no output, cache or HTML file; offline or without
 * a token it says what it cannot know and exits 0. The HTML page is opened in Debian's chromium
 * (headless): it renders, sorts, and a screenshot shows the table.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StatusReport } from "../../src/cli/commands/status.js";
import { bundledProfile } from "../../src/profile/load.js";
import { projectsOf } from "../../src/wrapup/projects.js";
import { shortForm } from "../../src/github/link-text.js";
import { startFakeGitHub, type FakeGitHub, type FakeState, type World } from "../github-server/server.js";
import { worldFromModels } from "../github-server/world-from-links.js";
import { readWrapup, wrapups } from "../helpers/corpus.js";
import { lint, ROOT, tempDir, testEnv } from "../helpers/integration.js";
import { remarkModel } from "../helpers/models.js";

const TOKEN = "ghp_statusTOKENabcdef0123456789ABCDEFxyz";
const DAY = 24 * 3600 * 1000;

let github: FakeGitHub;
let world: World;
let dir: string;
/** `owner/repo#N` → the words the report must say. */
const planted = new Map<string, { words: string; work: string }>();
/** Projects whose word the test knows from the states it set: `file|title` → word. */
const words = new Map<string, string>();
let cacheDir: string;

const CHROMIUM = ["chromium", "chromium-browser"]
  .map((c) => {
    try {
      return execFileSync("which", [c], { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  })
  .find((c) => c !== "");

function env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return testEnv({
    WRAPUP_LINT_OFFLINE: "0",
    GITHUB_API_URL: github.apiUrl,
    GITHUB_TOKEN: TOKEN,
    WRAPUP_LINT_CACHE_DIR: cacheDir,
    WRAPUP_LINT_GITHUB_TIMEOUT: "60",
    ...extra,
  });
}

const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString().replace(/\.\d+Z$/, "Z");

beforeAll(async () => {
  dir = tempDir("wrapup-lint-status-");
  cacheDir = tempDir("wrapup-lint-status-cache-");
  const texts = Object.fromEntries(wrapups().map((n) => [n, readWrapup(n)]));
  for (const [n, t] of Object.entries(texts)) fs.writeFileSync(path.join(dir, n), t);
  const models = Object.fromEntries(Object.entries(texts).map(([n, t]) => [n, remarkModel(t)]));
  world = worldFromModels(Object.values(models));
  const profile = bundledProfile("gardener");
  // Every pull request, issue and discussion gets a state from a cycle, some touched last
  // month, some a year ago.
  const cycle: Record<string, [FakeState, string, string][]> = {
    pull: [
      [{ state: "merged" }, "merged", "done"],
      [{ state: "open" }, "open", "open"],
      [{ state: "closed" }, "closed without merge", "closed"],
      [{ state: "draft" }, "draft", "open"],
    ],
    issue: [
      [{ state: "closed", reason: "COMPLETED" }, "closed (completed)", "done"],
      [{ state: "open" }, "open", "open"],
      [{ state: "closed", reason: "NOT_PLANNED" }, "closed (not planned)", "closed"],
    ],
    discussion: [
      [{ state: "open" }, "open", "open"],
      [{ state: "closed", reason: "RESOLVED" }, "closed (resolved)", "done"],
      [{ state: "closed", reason: "OUTDATED" }, "closed (outdated)", "closed"],
    ],
  };
  let i = 0;
  const byKey = new Map<string, { state: FakeState; words: string; work: string }>();
  for (const model of Object.values(models)) {
    for (const p of projectsOf(model, profile)) {
      for (const l of p.links) {
        const t = l.target;
        if (!(t.kind in cycle)) continue;
        const name = shortForm(t)!;
        if (byKey.has(name.toLowerCase())) continue;
        const [state, w, work] = cycle[t.kind]![i % cycle[t.kind]!.length]!;
        // Every third thing was last touched a year ago, the others last month.
        const updatedAt = i % 3 === 0 ? iso(365 * DAY) : iso(30 * DAY);
        i++;
        byKey.set(name.toLowerCase(), { state: { ...state, updatedAt }, words: w, work });
        const repo = world.repos.find(
          (r) => `${r.owner}/${r.name}`.toLowerCase() === `${t.owner}/${t.repo}`.toLowerCase(),
        )!;
        repo.states = { ...repo.states, [t.number!]: { ...state, updatedAt } };
        planted.set(name, { words: w, work });
      }
    }
  }
  // What each project's word must be, from the states set (projects whose links GitHub
  // answers in full: every repository in the world exists).
  for (const [file, model] of Object.entries(models)) {
    for (const p of projectsOf(model, profile)) {
      const items = p.links
        .filter((l) => l.target.kind in cycle)
        .map((l) => byKey.get(shortForm(l.target)!.toLowerCase())!);
      const open = items.filter((x) => x.work === "open");
      let word: string;
      if (open.length > 0)
        word = open.every((x) => Date.parse(x.state.updatedAt!) < Date.now() - 200 * DAY) ? "stalled" : "in progress";
      else if (items.length === 0) word = "unknown";
      else word = items.some((x) => x.work === "done") ? "done" : "closed";
      words.set(`${file}|${p.title}`, word);
    }
  }
  // A repository archived, and a branch deleted since the wrap-up.
  world.repos.find((r) => `${r.owner}/${r.name}` === "ironcore-dev/vgopath")!.archived = true;
  const acl = world.repos.find((r) => `${r.owner}/${r.name}` === "stackitcloud/gardener-extension-acl")!;
  delete acl.branches!["feature/SupportForMultipleIstioNamespaces"];
  github = await startFakeGitHub(world, { token: TOKEN });
});

afterAll(async () => {
  await github?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const linksOf = (report: StatusReport) => report.events.flatMap((e) => e.projects.flatMap((p) => p.links));

describe("wrapup-lint status on the real wrap-ups", () => {
  let coldRequests = 0;
  let report: StatusReport;

  test("cold: as many requests as a lint run (WU007) of the same files; every state as set", async () => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const linted = await lint(["*.md"], dir, env());
    expect(linted.code, linted.output).toBe(1); // the deleted branch: WU007 says so
    const lintRequests = github.requests.length;
    expect(lintRequests).toBeGreaterThan(0);

    fs.rmSync(cacheDir, { recursive: true, force: true });
    github.requests.length = 0;
    const r = await lint(["status", "--format", "json", "*.md"], dir, env());
    expect(r.code, r.stderr).toBe(0);
    coldRequests = github.requests.length;
    expect(coldRequests).toBe(lintRequests);
    report = JSON.parse(r.stdout) as StatusReport;
    expect(report.events.map((e) => e.file)).toEqual(wrapups());
    const links = linksOf(report);
    let checked = 0;
    for (const l of links) {
      const want = planted.get(l.name);
      if (!want) continue;
      checked++;
      expect(`${l.name}: ${l.words}`).toBe(`${l.name}: ${want.words}`);
      expect(l.work, l.name).toBe(want.work);
      expect(l.updatedAt, l.name).not.toBeNull();
    }
    expect(checked).toBeGreaterThan(100);
    expect(links.find((l) => l.name === "ironcore-dev/vgopath")?.words).toBe("archived");
    expect(
      links.find((l) => l.name === "stackitcloud/gardener-extension-acl:feature/SupportForMultipleIstioNamespaces")
        ?.words,
    ).toBe("deleted");
    expect(links.find((l) => l.name === "stackitcloud/gardener-extension-acl")?.words).toBe("present");
    expect(links.some((l) => l.kind === "release" && l.words === "present")).toBe(true);
    console.info(
      `status cold: ${coldRequests} requests (a lint run of the same 12 files: ${lintRequests}), ${links.length} links, ${checked} pull requests, issues and discussions`,
    );
  });

  test("each project's word follows its links' states; totals add up", () => {
    for (const e of report.events) {
      for (const p of e.projects)
        expect(`${e.file}|${p.title}: ${p.summary}`).toBe(`${e.file}|${p.title}: ${words.get(`${e.file}|${p.title}`)}`);
      const sum = Object.values(e.totals.projects).reduce((a, b) => a + b, 0);
      expect(sum).toBe(e.projects.length);
    }
    const all = report.events.flatMap((e) => e.projects.map((p) => p.summary));
    for (const word of ["done", "in progress", "stalled", "closed", "unknown"]) expect(all, word).toContain(word);
    // Each wrap-up counts the things it links (one linked from two wrap-ups counts in both).
    const counted = linksOf(report).filter((l) => planted.has(l.name));
    for (const work of ["done", "open", "closed"] as const)
      expect(report.totals.work[work], work).toBe(counted.filter((l) => planted.get(l.name)!.work === work).length);
    expect(report.totals.work.unknown).toBe(0);
    expect(report.notes).toEqual([]);
  });

  test("warm: the same report, no request; table, Markdown and HTML from the cache", async () => {
    github.requests.length = 0;
    const r = await lint(["status", "--format", "json", "*.md"], dir, env());
    expect(github.requests).toEqual([]);
    const warm = JSON.parse(r.stdout) as StatusReport;
    expect(warm.events.map((e) => e.projects.map((p) => p.summary))).toEqual(
      report.events.map((e) => e.projects.map((p) => p.summary)),
    );

    const table = await lint(["status", "2023-11.md"], dir, env());
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^2023-11\.md {2}November 2023$/m);
    expect(table.stdout).toMatch(/Make ACL Extension Production-Ready +\S+.*stackitcloud\/gardener-extension-acl/);
    expect(table.stdout).toContain(
      "stackitcloud/gardener-extension-acl:feature/SupportForMultipleIstioNamespaces branch deleted",
    );
    expect(table.stdout).toMatch(/^1 wrap-up: /m);

    const md = await lint(["status", "--format", "markdown", "2023-11.md"], dir, env());
    expect(md.stdout).toContain("| Project | Status | Last activity | Links |");
    expect(md.stdout).toMatch(
      /^\| Make ACL Extension Production-Ready \| \S[^|]* \| [\d-]* \| \[stackitcloud\/gardener-extension-acl\]\(https:\/\/github\.com\/stackitcloud\/gardener-extension-acl\)/m,
    );
    expect(github.requests).toEqual([]);
  });

  test("the token is in no output, no cache file and no HTML page", async () => {
    const out = path.join(dir, "status.html");
    const runs = await Promise.all([
      lint(["status", "--format", "html", "--output", out, "*.md"], dir, env()),
      lint(["status", "*.md"], dir, env()),
      lint(["status", "--format", "markdown", "*.md"], dir, env()),
      lint(["status", "--format", "json", "*.md"], dir, env()),
    ]);
    for (const r of runs) expect(r.output).not.toContain(TOKEN);
    expect(fs.readFileSync(out, "utf8")).not.toContain(TOKEN);
    const files = fs.readdirSync(cacheDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(path.join(cacheDir, f), "utf8")).not.toContain(TOKEN);
  });

  test("offline with an empty cache, and without a token: says what it cannot know, exit 0, no request", async () => {
    github.requests.length = 0;
    const empty = tempDir("wrapup-lint-status-empty-");
    const noToken = await lint(
      ["status", "2023-11.md"],
      dir,
      testEnv({ WRAPUP_LINT_OFFLINE: undefined, WRAPUP_LINT_CACHE_DIR: empty }),
    );
    expect(noToken.code).toBe(0);
    expect(noToken.stdout).toMatch(/^note: No GitHub token \(set GITHUB_TOKEN or GH_TOKEN/m);
    expect(noToken.stdout).toMatch(/^note: \d+ links' states are unknown/m);
    expect(noToken.stdout).not.toMatch(/\b(?:done|in progress|stalled) +[\d-]{10}/);
    const offline = await lint(
      ["status", "--offline", "--format", "json", "2023-11.md"],
      dir,
      env({ WRAPUP_LINT_CACHE_DIR: empty }),
    );
    expect(offline.code).toBe(0);
    const r = JSON.parse(offline.stdout) as StatusReport;
    expect(r.events[0]!.projects.every((p) => p.summary === "unknown")).toBe(true);
    expect(r.notes.join(" ")).toMatch(/offline, and the link cache does not know them/);
    expect(offline.stderr).toMatch(/unknown/);
    expect(github.requests).toEqual([]);
    fs.rmSync(empty, { recursive: true, force: true });
  });

  test("usage errors exit 2 and say why", async () => {
    const bad = await lint(["status", "--format", "pdf"], dir, env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown format `pdf`/);
    const months = await lint(["status", "--stalled-after", "0"], dir, env());
    expect(months.code).toBe(2);
    const none = await lint(["status", "nothing-*.md"], dir, env());
    expect(none.code).toBe(2);
  });
});

if (!CHROMIUM)
  console.warn(
    "Skipped: the HTML page's browser tests need chromium (Debian: apt-get install chromium); none is on PATH.",
  );

describe.skipIf(!CHROMIUM)("the HTML page in a real browser (headless chromium)", () => {
  let page: string;
  beforeAll(async () => {
    page = path.join(dir, "status-page.html");
    const r = await lint(["status", "--format", "html", "--output", page, "*.md"], dir, env());
    expect(r.code).toBe(0);
  });

  const chromium = (args: string[]): string =>
    execFileSync(
      CHROMIUM!,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        `--user-data-dir=${tempDir("wrapup-lint-chromium-")}`,
        ...args,
      ],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] },
    );

  test("it needs nothing from the network: no external script, style, image or font", () => {
    const html = fs.readFileSync(page, "utf8");
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i);
    expect(html).not.toMatch(/url\(|@import/);
  });

  test("it renders: every project is a row, and the per-event bars are there", () => {
    const dom = chromium(["--dump-dom", `file://${page}`]);
    const rows = dom.match(/<tr><td data-sort="/g) ?? [];
    const projects = wrapups().reduce(
      (n, f) => n + projectsOf(remarkModel(readWrapup(f)), bundledProfile("gardener")).length,
      0,
    );
    expect(rows.length).toBe(projects);
    expect((dom.match(/<div class="bar[ "]/g) ?? []).length).toBe(wrapups().length);
    expect(dom).toContain('<table id="events">');
  });

  test("it sorts: a click on a header orders the rows, a second click reverses them", () => {
    const dom = chromium(["--dump-dom", `file://${page}#sort=status`]);
    const statuses = [...dom.matchAll(/<span class="summary [\w-]+">([\w ]+)<\/span>/g)].map((m) => m[1]!);
    const order = ["done", "in progress", "stalled", "closed", "unknown"];
    expect(statuses.length).toBeGreaterThan(50);
    expect(statuses).toEqual([...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(statuses[0]).toBe("done");
    const down = chromium(["--dump-dom", `file://${page}#sort=-status`]);
    const reversed = [...down.matchAll(/<span class="summary [\w-]+">([\w ]+)<\/span>/g)].map((m) => m[1]!);
    expect(reversed[0]).toBe("unknown");
    expect(down).toMatch(/aria-sort="descending"[^>]*>Status</);
  });

  test("a screenshot shows the table", () => {
    const shot = path.join(dir, "status.png");
    chromium([`--screenshot=${shot}`, "--window-size=1280,1100", "--hide-scrollbars", `file://${page}#sort=status`]);
    const png = fs.readFileSync(shot);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env["WRAPUP_LINT_SCREENSHOT"])
      fs.copyFileSync(shot, path.resolve(ROOT, process.env["WRAPUP_LINT_SCREENSHOT"]));
  });
});
