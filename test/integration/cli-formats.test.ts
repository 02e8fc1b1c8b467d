/**
 * The `wrapup-lint` CLI's report formats and options, run as a user runs them (the built bin in
 * a temporary project): each format's real output parsed, --output, --changed-since in a real
 * git repository, --offline against a local fake GitHub, progress on a terminal.
 */
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readDraft } from "../helpers/corpus.js";
import { git, gitInit, lint, project, ROOT, runAsync, tempDir, testEnv } from "../helpers/integration.js";
import { startFakeGitHub, type FakeGitHub } from "../github-server/server.js";

interface JsonResult {
  fileName: string;
  lineNumber: number;
  ruleNames: string[];
  ruleDescription: string;
  errorDetail: string | null;
  errorRange: [number, number] | null;
  fixInfo: unknown;
  severity: string;
}

const broken = fs.readFileSync(path.join(ROOT, "fixtures", "heading-style-broken.md"), "utf8");
const structureOnly = JSON.stringify({
  config: { default: false, WU002: true, WU003: true, WU004: true, WU005: true },
  customRules: ["wrapup-lint/markdownlint"],
});

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "dist", "src", "cli", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does)");
});

describe("--format", () => {
  const files = {
    "docs/2025-12.md": readDraft("2025-12.md"),
    "docs/w.md": broken,
    "docs/ok.md": "# Notes\n\nNothing.\n",
    ".markdownlint-cli2.jsonc": structureOnly,
  };
  let dir: string;
  let json: JsonResult[];

  beforeAll(async () => {
    dir = project(files);
    const r = await lint(["--format", "json", "docs/*.md"], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe("");
    json = JSON.parse(r.stdout) as JsonResult[];
  });

  test("json: markdownlint-cli2's JSON results on stdout, nothing else", () => {
    expect(json.length).toBeGreaterThan(10);
    expect(new Set(json.map((r) => r.fileName))).toEqual(new Set(["docs/2025-12.md", "docs/w.md"]));
    const event = json.find((r) => r.fileName === "docs/2025-12.md" && r.ruleNames[0] === "WU002")!;
    expect(event).toMatchObject({
      lineNumber: 19,
      ruleNames: ["WU002", "wrapup-event-details"],
      errorDetail: "Missing `Organizer` item in the event details list",
      severity: "error",
    });
    expect(json.some((r) => r.fileName === "docs/w.md" && r.fixInfo !== null)).toBe(true);
  });

  test("default: markdownlint-cli2's text report, the same findings, on stdout", async () => {
    const r = await lint(["docs/*.md"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("docs/"));
    expect(lines).toHaveLength(json.length);
    expect(lines).toContain(
      'docs/2025-12.md:19 error WU002/wrapup-event-details Event details list follows the H1 [Missing `Organizer` item in the event details list] [Context: "Organizer"]',
    );
    expect(r.stdout).toContain(`Summary: ${json.length} issues in 2 files`);
  });

  test("sarif: SARIF 2.1.0 with one result per finding, rules with help links", async () => {
    const r = await lint(["--format", "sarif", "docs/*.md"], dir);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; helpUri?: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn?: number };
            };
          }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0]!;
    expect(run.results).toHaveLength(json.length);
    expect(run.tool.driver.rules.map((rule) => rule.id).sort()).toEqual(
      [...new Set(json.map((j) => j.ruleNames[0]))].sort(),
    );
    expect(run.tool.driver.rules.every((rule) => rule.helpUri?.endsWith(".md"))).toBe(true);
    for (const [i, result] of run.results.entries()) {
      const location = result.locations[0]!.physicalLocation;
      expect([
        result.ruleId,
        location.artifactLocation.uri,
        location.region.startLine,
        location.region.startColumn,
      ]).toEqual([json[i]!.ruleNames[0], json[i]!.fileName, json[i]!.lineNumber, json[i]!.errorRange?.[0]]);
      expect(result.level).toBe("error");
    }
  });

  test("junit: a JUnit XML test suite, one failing test case per finding", async () => {
    const r = await lint(["--format", "junit", "docs/*.md"], dir);
    expect(r.code).toBe(1);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => name === "testcase",
    }).parse(r.stdout) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: { testcase: { classname: string; name: string; failure: { message: string; "#text": string } }[] };
      };
    };
    expect(Number(xml.testsuites.failures)).toBe(json.length);
    const cases = xml.testsuites.testsuite.testcase;
    expect(cases).toHaveLength(json.length);
    expect(cases[0]).toMatchObject({ classname: json[0]!.fileName, name: json[0]!.ruleNames.join("/") });
    expect(cases[0]!.failure["#text"]).toContain(`Line ${json[0]!.lineNumber}`);
    const clean = await lint(["--format", "junit", "docs/ok.md"], dir);
    expect(clean.code).toBe(0);
    const cleanXml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(clean.stdout) as {
      testsuites: { failures: string };
    };
    expect(Number(cleanXml.testsuites.failures)).toBe(0);
  });

  test("github: one workflow command per finding, with file, line, column and rule", async () => {
    const r = await lint(["--format", "github", "docs/*.md"], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(json.length);
    const command =
      /^::(error|warning) file=([^,]+),line=(\d+)(?:,col=(\d+))?(?:,endColumn=(\d+))?,title=(WU\d{3})::(.+)$/;
    for (const [i, line] of lines.entries()) {
      const m = command.exec(line);
      expect(m, line).not.toBeNull();
      const j = json[i]!;
      expect([m![1], m![2], Number(m![3]), m![4] ? Number(m![4]) : null, m![6]]).toEqual([
        j.severity,
        j.fileName,
        j.lineNumber,
        j.errorRange?.[0] ?? null,
        j.ruleNames[0],
      ]);
      if (j.errorRange && j.errorRange[1] > 1) expect(Number(m![5])).toBe(j.errorRange[0] + j.errorRange[1] - 1);
      expect(m![7]).toContain(j.errorDetail ?? j.ruleDescription);
    }
    expect(lines).toContain(
      "::error file=docs/2025-12.md,line=19,title=WU002::WU002/wrapup-event-details Event details list follows the H1: Missing `Organizer` item in the event details list",
    );
  });

  test("github: commas, colons and percent signs in a file name are escaped", async () => {
    const d = project({ "a,b:100%.md": readDraft("2025-12.md"), ".markdownlint-cli2.jsonc": structureOnly });
    const r = await lint(["--format", "github", "*.md"], d);
    expect(r.stdout.split("\n")[0]).toMatch(/^::error file=a%2Cb%3A100%25\.md,line=19,title=WU002::/);
  });

  test("--output FILE: the report goes to the file, nothing to stdout; the exit code stays", async () => {
    for (const format of ["json", "sarif", "junit", "github", "default"]) {
      const out = path.join(dir, "reports", `report.${format}`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const r = await lint(["--format", format, "--output", "reports/report." + format, "docs/*.md"], dir);
      expect(r.code, format).toBe(1);
      const text = fs.readFileSync(out, "utf8");
      if (format === "json") expect(JSON.parse(text)).toEqual(json);
      if (format === "sarif")
        expect((JSON.parse(text) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(json.length);
      if (format === "junit") expect(text).toContain(`failures="${json.length}"`);
      if (format === "github" || format === "default") expect(text.trim().split("\n")).toHaveLength(json.length);
      expect(r.stderr, format).toBe("");
      if (format !== "default") expect(r.stdout, format).toBe("");
    }
  });

  test("a file given by name is that file, even when its name looks like a glob (pre-commit, lint-staged)", async () => {
    const d = project({
      "notes[1].md": broken,
      "notes1.md": "# Clean\n",
      ".markdownlint-cli2.jsonc": JSON.stringify({ ...JSON.parse(structureOnly), globs: ["**/*.md"] }),
    });
    const r = await lint(["--format", "json", "notes[1].md"], d);
    expect(r.code, r.stderr).toBe(1);
    // Only the named file: not the configuration's globs, not what the name matches as a glob.
    expect(new Set((JSON.parse(r.stdout) as JsonResult[]).map((x) => x.fileName))).toEqual(new Set(["notes[1].md"]));
  });

  test("usage errors exit 2 with one line", async () => {
    for (const args of [
      ["--format", "xml", "x.md"],
      ["--format"],
      ["--output"],
      ["--output", "no/such/dir/r.json", "x.md"],
      ["--changed-since"],
    ]) {
      const r = await lint(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(/^wrapup-lint: /);
    }
  });
});

describe("--changed-since", () => {
  test("lints the Markdown files changed since the ref (committed or not) and untracked ones", async () => {
    const dir = project({
      "docs/old.md": broken,
      "docs/edited.md": "# Notes\n",
      "docs/committed.md": "# Notes\n",
      "src/x.txt": "x\n",
      ".markdownlint-cli2.jsonc": structureOnly,
    });
    const base = gitInit(dir);
    git(dir, "checkout", "-q", "-b", "topic");
    fs.writeFileSync(path.join(dir, "docs", "committed.md"), broken);
    git(dir, "commit", "-q", "-am", "change");
    fs.writeFileSync(path.join(dir, "docs", "edited.md"), broken);
    fs.writeFileSync(path.join(dir, "docs", "new.md"), broken);
    fs.writeFileSync(path.join(dir, "docs", "new.txt"), "not markdown\n");
    fs.writeFileSync(path.join(dir, "src", "x.txt"), "y\n");
    // A change on main after the branch point is not this branch's.
    git(dir, "stash", "-q", "-u");
    git(dir, "checkout", "-q", "main");
    fs.writeFileSync(path.join(dir, "docs", "main-only.md"), broken);
    git(dir, "add", "docs/main-only.md");
    git(dir, "commit", "-q", "-m", "main moves on");
    git(dir, "checkout", "-q", "topic");
    git(dir, "stash", "pop", "-q");

    const r = await lint(["--changed-since", "main", "--format", "json"], dir);
    expect(r.code, r.stderr).toBe(1);
    const files = new Set((JSON.parse(r.stdout) as JsonResult[]).map((x) => x.fileName));
    expect(files).toEqual(new Set(["docs/committed.md", "docs/edited.md", "docs/new.md"]));

    // GLOBs narrow the set.
    const narrowed = await lint(["--changed-since", base, "--format", "json", "docs/n*.md"], dir);
    expect(new Set((JSON.parse(narrowed.stdout) as JsonResult[]).map((x) => x.fileName))).toEqual(
      new Set(["docs/new.md"]),
    );

    // Nothing changed: exit 0.
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "all");
    const none = await lint(["--changed-since", "HEAD"], dir);
    expect(none.code, none.output).toBe(0);
    expect(none.stdout).toContain("no changed Markdown files");
  });

  test("a bad ref or no git repository: one line, exit 2", async () => {
    const dir = project({ "a.md": "# A\n" });
    const outside = await lint(["--changed-since", "main"], dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr.trim()).toMatch(/^wrapup-lint: --changed-since: not a git work tree/);
    gitInit(dir);
    for (const ref of ["no-such-branch", "--output=x", "HEAD~5"]) {
      const r = await lint([`--changed-since=${ref}`], dir);
      expect(r.code, ref).toBe(2);
      expect(r.stderr.trim(), ref).toBe(`wrapup-lint: --changed-since: unknown git revision "${ref}"`);
    }
  });
});

/** markdownlint-cli2's configuration that runs WU007 alone. */
const WU007_ALONE = JSON.stringify({
  config: { default: false, WU007: true },
  customRules: ["wrapup-lint/markdownlint"],
});

/** An environment whose link checks ask `server`, with a cache of their own. */
const askingEnv = (server: FakeGitHub): NodeJS.ProcessEnv =>
  testEnv({
    WRAPUP_LINT_OFFLINE: "0",
    GITHUB_API_URL: server.apiUrl,
    WRAPUP_LINT_CACHE_DIR: tempDir("wrapup-lint-cache-"),
  });

describe("--offline", () => {
  let server: FakeGitHub;
  beforeAll(async () => {
    server = await startFakeGitHub({
      owners: [{ login: "gardener" }],
      repos: [{ owner: "gardener", name: "gardener", pulls: [1] }],
    });
  });
  afterAll(async () => server.close());

  test("no request reaches GitHub with --offline; without it the link is checked", async () => {
    const doc = "# Hack The Garden 11/2025 Wrap Up\n\n* [Nowhere](https://github.com/gardener/nowhere)\n";
    const dir = project({
      "w.md": doc,
      ".markdownlint-cli2.jsonc": WU007_ALONE,
    });
    const env = () => askingEnv(server);
    const offline = await lint(["--offline", "--format", "json", "w.md"], dir, env());
    expect(offline.code, offline.stderr).toBe(0);
    expect(server.requests).toHaveLength(0);
    const online = await lint(["--format", "json", "w.md"], dir, env());
    expect(server.requests.length).toBeGreaterThan(0);
    expect(online.code, online.stderr).toBe(1);
    expect((JSON.parse(online.stdout) as JsonResult[]).map((r) => r.errorDetail)).toEqual([
      "Unexpected link to `gardener/nowhere`, expected a GitHub repository that exists (not found, or private)",
    ]);
  });
});

describe("progress", () => {
  test("the bin on a real terminal: a run waiting on GitHub shows files and links checked after a second; piped, nothing", async () => {
    const server = await startFakeGitHub({
      owners: [{ login: "gardener" }],
      repos: [{ owner: "gardener", name: "gardener" }],
    });
    try {
      server.setFault({ mode: "slow", delayMs: 2500 });
      const doc = (n: number) =>
        `# Hack The Garden 11/2025 Wrap Up\n\n* [Repo ${n}](https://github.com/gardener/repo-${n})\n`;
      const dir = project({
        ...Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`docs/w${i}.md`, doc(i)])),
        ".markdownlint-cli2.jsonc": WU007_ALONE,
      });
      const env = () => askingEnv(server);
      // util-linux script(1) gives the command a pseudo-terminal.
      const command = `"${process.execPath}" "${path.join(ROOT, "bin", "wrapup-lint.js")}" "docs/*.md"`;
      const tty = await runAsync("script", ["-qec", command, "/dev/null"], { cwd: dir, env: env() });
      expect(tty.code, tty.output).toBe(1);
      expect(tty.stdout).toMatch(/\r\x1b\[2Kwrapup-lint: \d\/3 files, 3 links checked/);
      const piped = await lint(["docs/*.md"], dir, env());
      expect(piped.code).toBe(1);
      expect(piped.stderr).not.toContain("links checked");
      expect(piped.stderr).not.toContain("\x1b[2K");
    } finally {
      await server.close();
    }
  });

  test("on a terminal, a run longer than the threshold shows files done on stderr, then clears it; not on a pipe", async () => {
    const { run } = (await import(
      path.join(ROOT, "dist", "src", "cli", "index.js")
    )) as typeof import("../../src/cli/index.js");
    const dir = project(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`docs/w${i}.md`, broken])));
    const lines: string[] = [];
    const tty: string[] = [];
    const pipe: string[] = [];
    const io = (sink: string[], isTTY: boolean) => ({
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      cwd: dir,
      progress: { isTTY, write: (t: string) => sink.push(t) },
      progressAfterMs: 0,
    });
    const previous = process.env["WRAPUP_LINT_OFFLINE"];
    process.env["WRAPUP_LINT_OFFLINE"] = "1";
    try {
      expect(await run(["docs/*.md"], io(tty, true))).toBe(1);
      expect(await run(["docs/*.md"], io(pipe, false))).toBe(1);
    } finally {
      if (previous === undefined) delete process.env["WRAPUP_LINT_OFFLINE"];
      else process.env["WRAPUP_LINT_OFFLINE"] = previous;
    }
    expect(
      tty.some((t) => /^\r\x1b\[2Kwrapup-lint: \d+(\/30)? files/.test(t)),
      JSON.stringify(tty),
    ).toBe(true);
    expect(tty.at(-1)).toBe("\r\x1b[2K");
    expect(pipe).toEqual([]);
  });
});
