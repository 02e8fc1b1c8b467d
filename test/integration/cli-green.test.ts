/**
 * A green run means something was checked: globs leave out node_modules and what .gitignore
 * ignores (unless asked), a glob that matches nothing is an error, a configuration that turns
 * the whole suite off is said, and GitHub links without a token say what to set.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../github-server/server.js";
import { readDraft, readWrapup } from "../helpers/corpus.js";
import { lint, project, testEnv } from "../helpers/integration.js";

/** A draft wrap-up with findings (an event detail missing, a field left empty), and no configuration of its own. */
const broken = readDraft("2025-12.md");
/** `file:line rule` of each finding in the default report. */
const findings = (out: string): string[] =>
  [...out.matchAll(/^(\S+\.md):(\d+)(?::\d+)? (?:error|warning) (WU\d{3})\//gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`);
const files = (out: string): string[] => [...new Set(findings(out).map((f) => f.split(":")[0]!))].sort();

describe("what a glob lints", () => {
  test("node_modules and what .gitignore ignores are left out of a glob; named, they are linted", async () => {
    const dir = project({
      "docs/w.md": broken,
      "node_modules/some-package/README.md": broken,
      "docs/node_modules/nested/README.md": broken,
      "build/w.md": broken,
      ".gitignore": "build/\n",
    });
    const r = await lint(["**/*.md"], dir);
    expect(r.code, r.output).toBe(1);
    expect(files(r.stdout)).toEqual(["docs/w.md"]);
    expect(r.stdout).toContain("Linting: 1 file");
    // Asked for: a glob naming node_modules, a file named on the command line.
    const asked = await lint(["node_modules/some-package/*.md", "build/w.md"], dir);
    expect(files(asked.stdout)).toEqual(["build/w.md", "node_modules/some-package/README.md"]);
    // The configuration may lint what .gitignore ignores.
    fs.writeFileSync(
      path.join(dir, ".markdownlint-cli2.jsonc"),
      JSON.stringify({
        gitignore: false,
        customRules: ["wrapup-lint/markdownlint"],
        config: { default: false, wrapup: true },
      }),
    );
    expect(files((await lint(["**/*.md"], dir)).stdout)).toEqual(["build/w.md", "docs/w.md"]);
  });

  test("a glob that matches no file: exit 2, one line naming it", async () => {
    const dir = project({ "docs/w.md": readWrapup("2025-07.md") });
    const r = await lint(["docs/**/*.mdd"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^wrapup-lint: no file matches "docs\/\*\*\/\*\.mdd"/);
    // A missing file named on the command line is no match either.
    const missing = await lint(["docs/nope.md"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^wrapup-lint: no file matches "docs\/nope\.md"/);
  });
});

describe("a configuration that turns the suite off", () => {
  test('`.markdownlint.json` with "default": false: said once on stderr', async () => {
    const dir = project({
      "docs/w.md": broken,
      "docs/x.md": broken,
      ".markdownlint.json": JSON.stringify({ default: false }),
    });
    const r = await lint(["docs/*.md"], dir);
    expect(r.code, r.output).toBe(0);
    const said = r.stderr.split("\n").filter((l) => l.startsWith("wrapup-lint:"));
    expect(said).toEqual([
      'wrapup-lint: no wrapup-lint rule ran: .markdownlint.json turns them all off; add "wrapup": true to its rules (and keep "wrapup-lint/markdownlint" in "customRules")',
    ]);
    // With the suite on in it, nothing is said and the findings are there.
    fs.writeFileSync(path.join(dir, ".markdownlint.json"), JSON.stringify({ default: false, wrapup: true }));
    const on = await lint(["docs/*.md"], dir);
    expect(on.code).toBe(1);
    expect(on.stderr).toBe("");
  });

  test("one rule off is not the suite off", async () => {
    const dir = project({
      "docs/w.md": broken,
      ".markdownlint.json": JSON.stringify({ default: false, wrapup: true, WU003: false }),
    });
    const r = await lint(["docs/*.md"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(findings(r.stdout).some((f) => f.endsWith("WU002"))).toBe(true);
    expect(findings(r.stdout).some((f) => f.endsWith("WU003"))).toBe(false);
  });
});

describe("GitHub links without a token", () => {
  test("github.com: nothing is asked, one line on stderr says what to set, only when a file links GitHub", async () => {
    const dir = project({
      "notes.md": "# Notes\n\nSee [gardener#1](https://github.com/gardener/gardener/pull/1).\n",
      "plain.md": "# Plain\n\nNo links.\n",
    });
    // As a user's shell: not offline, no token, GitHub's own API.
    const env = testEnv({ WRAPUP_LINT_OFFLINE: undefined });
    const r = await lint(["*.md"], dir, env);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).not.toContain("WU007");
    expect(r.stderr.trim().split("\n")).toEqual([
      "wrapup-lint: GitHub links were not checked (WU007): no token; set GITHUB_TOKEN or GH_TOKEN (read access to public repositories is enough). Until then they are answered from the link cache only, as with --offline",
    ]);
    const plain = await lint(["plain.md"], dir, env);
    expect(plain.stderr).toBe("");
    // Offline on purpose: nothing to say.
    expect((await lint(["--offline", "*.md"], dir, env)).stderr).toBe("");
  });

  let github: FakeGitHub;
  beforeAll(async () => {
    // As GitHub's GraphQL API: 401 to a request without a token.
    github = await startFakeGitHub(
      { owners: [{ login: "gardener" }], repos: [{ owner: "gardener", name: "gardener" }] },
      { token: "secret" },
    );
  });
  afterAll(() => github.close());

  test("one line on what to set, not a refused token", async () => {
    const dir = project({
      "notes.md":
        "# Notes\n\nSee [gardener#1](https://github.com/gardener/gardener/pull/1) and [x](https://github.com/gardener/x).\n",
    });
    const env = (token?: string) =>
      testEnv({ WRAPUP_LINT_OFFLINE: "0", GITHUB_API_URL: github.apiUrl, GITHUB_TOKEN: token });
    const r = await lint(["notes.md"], dir, env());
    expect(r.code, r.output).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l.includes("WU007"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("no GitHub token: set GITHUB_TOKEN or GH_TOKEN");
    expect(r.output).not.toContain("refused");
    // A token GitHub refuses is said to be refused.
    const refused = await lint(["notes.md"], dir, env("wrong"));
    expect(refused.stdout).toContain("HTTP 401: the token was refused");
  });
});
