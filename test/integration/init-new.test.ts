/**
 * `wrapup-lint init` and `wrapup-lint new` as a user runs them: the built bin in a docs
 * repository of its own (the real Gardener pages among other docs; a second community's), then
 * lint with what init wrote. Bad input: one line and exit 2, nothing overwritten.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gardenerProfile } from "../../src/profile/gardener.js";
import { learn } from "../../src/profile/learn.js";
import type { ProfileFile } from "../../src/profile/types.js";
import { communityPages } from "../helpers/community.js";
import { CORPUS, corpusFiles, HACKATHONS, readWrapup, testCorpus, wrapups } from "../helpers/corpus.js";
import { BIN, lint, project, ROOT, runAsync, tempDir, testEnv, writeFiles } from "../helpers/integration.js";
import { fromLintError, fromMessage, runMarkdownlint, runRemark, OFFLINE_SUITE } from "../helpers/lint.js";

const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, "profiles", "gardener.json"), "utf8")) as ProfileFile;

/** The profile file init wrote, comments dropped. */
function written(file: string): Record<string, unknown> {
  return JSON.parse(
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("//"))
      .join("\n"),
  ) as Record<string, unknown>;
}

/** Both linters' findings on a file (its profile found above it), as `CODE line: message`. */
async function findings(file: string): Promise<string[]> {
  const text = fs.readFileSync(file, "utf8");
  const m = (await runMarkdownlint(text, OFFLINE_SUITE, file))
    .map(fromLintError)
    .map((r) => `${r.code} ${r.line}: ${r.message}`);
  const r = (await runRemark(text, OFFLINE_SUITE, file)).messages
    .map(fromMessage)
    .map((x) => `${x.code} ${x.line}: ${x.message}`);
  expect(r.sort(), "remark agrees with markdownlint").toEqual([...m].sort());
  return m;
}

describe("the bundled Gardener profile is what init learns from the published pages", () => {
  test("profiles/gardener.json, key for key (npm run profile writes it)", () => {
    expect(gardenerProfile(HACKATHONS)).toEqual(bundled);
  });

  testCorpus(
    "init over the whole docs site (1,072 pages) learns the same, wherever the pages stand",
    () => {
      const inputs = corpusFiles().map((f) => ({ path: f, text: fs.readFileSync(path.join(CORPUS, f), "utf8") }));
      const { profile, report } = learn(inputs);
      expect(report.wrapups).toEqual(
        wrapups()
          .map((w) => `community/hackathons/${w}`)
          .reverse(),
      );
      const { template: t1, name: _n1, ...rest } = { ...profile, name: "gardener" };
      const { template: t2, name: _n2, ...bundledRest } = bundled;
      expect(rest).toEqual(bundledRest);
      // The template is the same but for where the pages stand.
      expect({ ...t1, path: "{YYYY}-{MM}.md" }).toEqual(t2);
      expect(t1!.path).toBe("community/hackathons/{YYYY}-{MM}.md");
    },
    600_000,
  );
});

test("examples/hack-week: its profile is what init learns from its pages now, and they lint clean with it", async () => {
  const dir = path.join(ROOT, "examples", "hack-week");
  const pages = ["2025-07", "2025-12", "2026-05"].map((m) => `${m}_hack-week/README.md`);
  const { profile } = learn(pages.map((p) => ({ path: p, text: fs.readFileSync(path.join(dir, p), "utf8") })));
  const { $schema: _s, name, ...example } = written(path.join(dir, ".wrapup-lint.jsonc"));
  expect(name).toBe("hack-week");
  expect({ ...profile, name: undefined }).toEqual({ ...example, name: undefined });
  for (const page of pages) expect(await findings(path.join(dir, page)), page).toEqual([]);
}, 120_000);

describe("a Gardener docs repository: init, lint, new", { timeout: 600_000 }, () => {
  let repo: string;
  let init: Awaited<ReturnType<typeof lint>>;
  beforeAll(async () => {
    repo = tempDir("wrapup-lint-init-");
    fs.mkdirSync(path.join(repo, ".git"));
    writeFiles(repo, Object.fromEntries(wrapups().map((w) => [`community/hackathons/${w}`, readWrapup(w)])));
    writeFiles(repo, {
      "README.md": "# Gardener docs\n\n## Build\n\nRun hugo.\n",
      "docs/usage/shoot.md":
        "---\ntitle: Shoot\n---\n\n# Shoot\n\n## Create\n\n### Options\n\nSome.\n\n## Delete\n\n### Options\n\nNone.\n",
      "node_modules/pkg/README.md": "# Hack The Garden 01/2020 Wrap Up\n\n## 🚀 X\n\n**Problem Statement:** y\n",
    });
    init = await lint(["init"], repo);
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  test("init says what it learned, from how many pages, and what the pages then get", () => {
    expect(init.code, init.stderr).toBe(0);
    const lines = init.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "wrapup-lint init: read 14 Markdown files; 12 are wrap-ups (10 with project fields, newest community/hackathons/2026-05.md).",
    );
    expect(init.stdout).toContain(
      "  wrap-ups:      the H1 matches /\\bhack[\\s_-]*the[\\s_-]*garden\\b.*\\bwrap[\\s_-]*up\\b/i",
    );
    expect(init.stdout).toContain(
      "  event details: Date, Location, Organizer (required); Topics, Review Meeting Summary (usual); dates DD.MM.YYYY – DD.MM.YYYY",
    );
    expect(init.stdout).toContain(
      "  not learned:   `Next steps` (community/hackathons/2026-05.md:47) looks like a slip for `Next Steps`",
    );
    expect(init.stdout).toContain("wrote .wrapup-lint.jsonc");
    expect(lines[lines.length - 1]).toBe(
      "With it, the 12 wrap-ups get 7 findings (community/hackathons/2026-05.md 1, community/hackathons/2025-11.md 1, community/hackathons/2023-05.md 5; GitHub links not asked about here): run wrapup-lint on them to see each.",
    );
    expect(init.stderr).toBe("");
  });

  test("what it wrote is the bundled profile, but for where the pages stand", () => {
    const profile = written(path.join(repo, ".wrapup-lint.jsonc"));
    expect(profile["$schema"]).toBe(
      "https://github.com/wrapup-lint/wrapup-lint/blob/main/profiles/profile.schema.json",
    );
    expect(profile["name"]).toBe(path.basename(repo));
    const { $schema: _s, name: _n, template, ...rest } = profile as Record<string, Record<string, unknown>>;
    const {
      name: _b,
      template: bundledTemplate,
      ...bundledRest
    } = bundled as unknown as Record<string, Record<string, unknown>>;
    expect(rest).toEqual(bundledRest);
    expect({ ...template, path: "{YYYY}-{MM}.md" }).toEqual(bundledTemplate);
  });

  test("then wrapup-lint, from the root, reports what init said", async () => {
    const r = await lint(["community/hackathons/*.md"], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Summary: 7 issues in 3 files");
  });

  test("new writes the next wrap-up from the profile; it lints clean but for the fields left to fill", async () => {
    const r = await lint(["new", "2026-07"], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(
      `wrote community/hackathons/2026-07.md (profile ${path.basename(repo)}): fill in the event details and the project section; until then wrapup-lint reports each empty field and the project's title as the template wrote it.`,
    );
    const file = path.join(repo, "community", "hackathons", "2026-07.md");
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain('title: "July 2026"\nweight: -202607\n');
    expect(text).toContain("  from: content/community/hackathons/2026-07.md\n  to: 2026-07.md\n");
    expect(text).toContain(
      "# Hack The Garden 07/2026 Wrap Up\n\n- 🗓️ **Date:**\n- 📍 **Location:**\n- 👤 **Organizer:**\n- 📘 **Topics:**\n- 🎤 **Review Meeting Summary:**\n",
    );
    expect(text).toContain(
      "## 🚀 Project Title\n\n> **Tracking:**\n\n### Problem Statement\n\n### Achievements\n\n### Next Steps\n\n### Code & Pull Requests\n",
    );
    const found = await findings(file);
    expect(found.length).toBeGreaterThan(5);
    // The project's title as the template wrote it, once; the rest are the empty fields.
    const title = "WU005 25: Unexpected title `Project Title` from the page template, expected the project's own title";
    expect(found.filter((f) => f.startsWith("WU005"))).toEqual([title]);
    for (const f of found.filter((f) => f !== title))
      expect(f, "only the empty fields").toMatch(
        /^WU00[23] \d+: Unexpected empty `[^`]+` (item|field), expected a value$/,
      );
    // Every field and item the page leaves to fill is named.
    for (const label of [
      "Date",
      "Location",
      "Organizer",
      "Topics",
      "Tracking",
      "Problem Statement",
      "Achievements",
      "Next Steps",
      "Code & Pull Requests",
    ]) {
      expect(
        found.some((f) => f.includes(`empty \`${label}\``)),
        label,
      ).toBe(true);
    }
  });

  test("new does not overwrite: an existing page is one line and exit 2, unchanged", async () => {
    const file = path.join(repo, "community", "hackathons", "2026-05.md");
    const before = fs.readFileSync(file, "utf8");
    const r = await lint(["new", "2026-05"], repo);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "wrapup-lint: new: community/hackathons/2026-05.md exists; nothing written (--force replaces it)",
    );
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  test("init does not overwrite a profile: one line, exit 2, unchanged; --force replaces it", async () => {
    const file = path.join(repo, ".wrapup-lint.jsonc");
    const before = fs.readFileSync(file, "utf8");
    const r = await lint(["init"], repo);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("wrapup-lint: init: .wrapup-lint.jsonc exists; nothing written (--force replaces it)");
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    const forced = await lint(["init", "community", "--force"], repo);
    expect(forced.code, forced.stderr).toBe(0);
    // The pages under community/, the one `new` wrote among them.
    expect(forced.stdout).toContain("read 13 Markdown files; 13 are wrap-ups");
  });
});

describe("a second community: init learns its conventions, new writes its next page", { timeout: 600_000 }, () => {
  let repo: string;
  beforeAll(() => {
    repo = tempDir("wrapup-lint-community-");
    fs.mkdirSync(path.join(repo, ".git"));
    writeFiles(repo, communityPages());
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  test("init, then its pages lint clean", async () => {
    const r = await lint(["init", "--name", "hack-week"], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("With it, the 12 wrap-ups get no finding");
    const all = await lint(["**/*.md"], repo);
    expect(all.code, all.output).toBe(0);
    expect(all.stdout).toContain("Linting: 12 files");
  });

  test("markdownlint-cli2 and remark-cli, run as they are, read the same profile", async () => {
    // A slip of this house: `**Impact:**` where it writes `**Impact**:`; and `Goals` for `Goal`.
    const page = "2025-07_hack-week/README.md";
    const slipped = fs
      .readFileSync(path.join(repo, page), "utf8")
      .replace("**Impact**:", "**Impact:**")
      .replace("**Goal:**", "**Goals:**");
    const dir = project(
      {
        "hack/README.md": slipped,
        ".wrapup-lint.jsonc": fs.readFileSync(path.join(repo, ".wrapup-lint.jsonc"), "utf8"),
      },
      tempDir(),
    );
    fs.mkdirSync(path.join(dir, ".git"));
    writeFiles(dir, {
      ".markdownlint-cli2.jsonc": JSON.stringify({
        config: { default: false, wrapup: true, WU007: false },
        customRules: ["wrapup-lint/markdownlint"],
      }),
      ".remarkrc.mjs":
        'import preset, { plugins } from "wrapup-lint/remark";\nexport default { plugins: [preset, [plugins["wrapup-github-link-resolves"], false]] };\n',
    });
    const lines = slipped.split("\n");
    const at = (start: string): number => lines.findIndex((l) => l.startsWith(start)) + 1;
    const cli2 = await runAsync(
      path.join(ROOT, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"),
      ["hack/README.md"],
      { cwd: dir },
    );
    expect(cli2.code, cli2.output).toBe(1);
    expect(cli2.stderr).toContain(`hack/README.md:${at("**Goals:**")}:3 error WU003/wrapup-section-fields`);
    expect(cli2.stderr).toContain(`hack/README.md:${at("**Impact:**")}:1 error WU004/wrapup-field-label`);
    const remark = await runAsync(
      path.join(ROOT, "node_modules", "remark-cli", "cli.js"),
      ["hack/README.md", "--no-stdout", "--no-color", "--frail"],
      { cwd: dir },
    );
    expect(remark.code, remark.output).toBe(1);
    expect(remark.stderr).toContain(`${at("**Goals:**")}:3-${at("**Goals:**")}:8`);
    expect(remark.stderr).toMatch(
      new RegExp(`${at("**Impact:**")}:1-${at("**Impact:**")}:\\d+\\s+warning\\s+Unexpected label`),
    );
  });

  test("--profile names a profile for every file; a bundled one by its name; a missing one is one line, exit 2", async () => {
    const elsewhere = tempDir();
    writeFiles(elsewhere, {
      "README.md": fs
        .readFileSync(path.join(repo, "2025-07_hack-week", "README.md"), "utf8")
        .replace("**Goal:**", "**Goals:**"),
    });
    fs.mkdirSync(path.join(elsewhere, ".git"));
    // Without a profile it is no wrap-up (the Gardener H1 is another); with this house's, it is.
    expect((await lint(["README.md"], elsewhere)).code).toBe(0);
    const r = await lint(["--profile", path.join(repo, ".wrapup-lint.jsonc"), "README.md"], elsewhere);
    expect(r.code, r.output).toBe(1);
    expect(r.stdout).toMatch(/README\.md:\d+:3 error WU003\/wrapup-section-fields .*did you mean `Goal`\?/);
    expect((await lint(["--profile", "gardener", "README.md"], elsewhere)).code).toBe(0);
    const missing = await lint(["--profile", "nope.jsonc", "README.md"], elsewhere);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("wrapup-lint: --profile: no such file or bundled profile: nope.jsonc");
  });

  test("new writes the README of the next event's folder, without front matter", async () => {
    const r = await lint(["new", "2026-09"], repo);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(repo, "2026-09_hack-week", "README.md");
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith("# Open Source Hack Week 2026-09 Report\n\n- 🗓️ **When:**\n")).toBe(true);
    expect(text).toContain("### Goal\n\n");
    const found = await findings(file);
    expect(found.length).toBeGreaterThan(3);
    const title = "WU005 9: Unexpected title `Project Title` from the page template, expected the project's own title";
    expect(found.filter((f) => f.startsWith("WU005"))).toEqual([title]);
    for (const f of found.filter((f) => f !== title))
      expect(f).toMatch(/^WU00[23] \d+: Unexpected empty `[^`]+` (item|field), expected a value$/);
  });
});

describe("bad input: one line, exit 2, nothing written", { timeout: 300_000 }, () => {
  test("no wrap-ups under the folder", async () => {
    const dir = tempDir();
    writeFiles(dir, { "a.md": "# A\n\n## B\n\nText.\n", "b.md": "# B\n" });
    const r = await lint(["init"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "wrapup-lint: init: no wrap-ups found among 2 Markdown files under .: none has project sections (## …) that carry the same labelled fields (**Label:** or ### Label)",
    );
    expect(fs.existsSync(path.join(dir, ".wrapup-lint.jsonc"))).toBe(false);
  });

  test("no Markdown at all, a folder that is not there, a file that cannot be read", async () => {
    const dir = tempDir();
    expect((await lint(["init"], dir)).stderr.trim()).toBe("wrapup-lint: init: no Markdown files under .");
    expect((await lint(["init", "nowhere"], dir)).stderr.trim()).toBe("wrapup-lint: init: nowhere is not a folder");
    writeFiles(dir, { "2023-11.md": readWrapup("2023-11.md"), "secret.md": "# Secret\n" });
    fs.chmodSync(path.join(dir, "secret.md"), 0o000);
    fs.chmodSync(dir, 0o777);
    // Root reads any file: run as nobody then (the file mode is what makes it unreadable).
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = await runAsync(BIN, ["init"], { cwd: dir, env: { ...testEnv(), HOME: dir }, ...asNobody });
    expect(r.code, r.output).toBe(2);
    expect(r.stderr.trim()).toBe("wrapup-lint: init: cannot read secret.md: EACCES");
    expect(fs.existsSync(path.join(dir, ".wrapup-lint.jsonc"))).toBe(false);
  });

  test("new: not a month; a profile file with an error", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, ".git"));
    const r = await lint(["new", "2026-13"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('wrapup-lint: new: "2026-13" is not a month, expected YYYY-MM such as 2026-11');
    writeFiles(dir, { ".wrapup-lint.jsonc": '{ "name": "x", "fields": { "list": [{ "label": "Goal" }] } }' });
    const bad = await lint(["new", "2026-11"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      `wrapup-lint: ${path.join(fs.realpathSync(dir), ".wrapup-lint.jsonc")}: fields.list[0] needs "level"`,
    );
    expect(fs.readdirSync(dir).sort()).toEqual([".git", ".wrapup-lint.jsonc"]);
  });

  test("new without a profile file writes the bundled Gardener template in the working directory", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, ".git"));
    const r = await runAsync(BIN, ["new", "2026-12"], { cwd: dir, env: testEnv() });
    expect(r.code, r.stderr).toBe(0);
    const text = fs.readFileSync(path.join(dir, "2026-12.md"), "utf8");
    expect(text).toContain('title: "December 2026"\nweight: -202612\n');
    expect(text).toContain("# Hack The Garden 12/2026 Wrap Up\n");
  });
});
