/**
 * Faults, through the real CLI: an unreadable file, a missing or broken config, a bad option,
 * an unwritable GitHub link cache (a path through a file, /dev/full, a directory the user cannot
 * write) and a full disk for the cache (a file size limit of 0, SIGXFSZ ignored, so that writes
 * fail with EFBIG as on a full disk): a clear one-line message, the right exit code, and the
 * findings of everything else exactly as without the fault.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readWrapup } from "../helpers/corpus.js";
import { startFakeGitHub, type FakeGitHub } from "../github-server/server.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "wrapup-lint.js");
const broken = fs.readFileSync(path.join(root, "fixtures", "heading-style-broken.md"), "utf8");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking this process (the fake GitHub answers from here). */
function run(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  wrap: string[] = [],
): Promise<Run> {
  const command = [...wrap, process.execPath, bin, ...args];
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", WRAPUP_LINT_OFFLINE: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `file:line rule` of each finding the default formatter printed (on stdout or stderr), sorted. */
const findings = (r: Run): string[] =>
  [...(r.stdout + "\n" + r.stderr).matchAll(/^(\S+\.md):(\d+)(?::\d+)? (?:error|warning) (WU\d{3})\//gm)]
    .map((m) => `${m[1]}:${m[2]} ${m[3]}`)
    .sort();

/** What wrapup-lint itself said on stderr (the default formatter prints findings there too). */
const messages = (r: Run): string[] => r.stderr.split("\n").filter((line) => line.startsWith("wrapup-lint:"));

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-faults-"));
  fs.chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules", "wrapup-lint"), "dir");
  return dir;
}

const isRoot = process.getuid?.() === 0;
const setpriv = spawnSync("setpriv", ["--version"]).status === 0;
/** As root, permissions do not stop reads or writes: run the CLI as `nobody` instead. */
const asNobody = isRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
const canDropPrivileges = !isRoot || setpriv;

beforeAll(() => {
  if (!fs.existsSync(path.join(root, "dist", "src", "cli", "tolerant-fs.js")))
    throw new Error("dist/ is stale or missing: run `npm run build`");
});

describe("an unreadable file", () => {
  test.skipIf(!canDropPrivileges)("is named on stderr, exit 2, the other files' findings unchanged", async () => {
    const dir = project({ "a.md": broken, "b.md": readWrapup("2023-11.md"), "secret.md": broken });
    fs.chmodSync(path.join(dir, "secret.md"), 0o000);
    const alone = await run(["a.md", "b.md"], dir, {}, asNobody);
    expect(alone.code, alone.stderr).toBe(1);
    const r = await run(["*.md"], dir, {}, asNobody);
    expect(r.code).toBe(2);
    expect(messages(r)).toEqual(["wrapup-lint: cannot read secret.md: EACCES: permission denied"]);
    expect(findings(r)).toEqual(findings(alone));
    expect(findings(r).length).toBeGreaterThan(3);
  });

  test("a dangling link or a directory named on the command line: named, exit 2, the rest linted", async () => {
    const dir = project({ "a.md": broken });
    fs.symlinkSync(path.join(dir, "nowhere.md"), path.join(dir, "dangling.md"));
    fs.mkdirSync(path.join(dir, "folder.md"));
    const alone = await run(["a.md"], dir);
    const r = await run([":a.md", ":dangling.md", ":folder.md"], dir);
    expect(r.code).toBe(2);
    const lines = messages(r).sort();
    expect(lines).toEqual([
      "wrapup-lint: cannot read dangling.md: ENOENT: no such file or directory",
      "wrapup-lint: cannot read folder.md: EISDIR: illegal operation on a directory",
    ]);
    expect(findings(r)).toEqual(findings(alone));
  });
});

describe("configuration faults", () => {
  test("a missing --config file: one line, exit 2", async () => {
    const dir = project({ "a.md": broken });
    const r = await run(["--config", "missing.jsonc", "a.md"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("missing.jsonc");
    expect(findings(r)).toEqual([]);
  });

  test("a broken config file: one line naming it, exit 2", async () => {
    const dir = project({ "a.md": broken, ".markdownlint-cli2.jsonc": '{ "config": { "default": false, ' });
    const r = await run(["a.md"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^wrapup-lint: .*markdownlint-cli2\.jsonc/);
  });

  test("a bad option: one line naming rule and option, exit 2", async () => {
    const dir = project({
      "a.md": readWrapup("2023-11.md"),
      ".markdownlint-cli2.jsonc": JSON.stringify({
        config: { default: false, WU004: { spelling: "sideways" } },
        customRules: ["wrapup-lint/markdownlint"],
      }),
    });
    const r = await run(["a.md"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('wrapup-lint: WU004/wrapup-field-label: option "spelling" must be boolean');
  });

  test("a profile file with an error: one line naming the file and the problem, exit 2", async () => {
    const cases: [string, string][] = [
      [
        '{ "name": "x", "fields": { "list": [{ "label": "Goal", "level": "sometimes" }] } }',
        'fields.list[0].level must be one of "required", "usual", "optional"',
      ],
      ['{ "name": "x", "colour": "green" }', 'the profile has an unknown key "colour"'],
      ['{ "name": "x", "wrapups": { "h1": "([" } }', "wrapups.h1 is not a valid regular expression"],
      ['// comments are fine\n{ "name": "x",, }', ".wrapup-lint.jsonc:2: not valid JSON (PropertyNameExpected)"],
      [
        '{ "name": "x", "frontMatter": { "schema": "missing.json" } }',
        'frontMatter.schema cannot be read from "missing.json": no such file',
      ],
    ];
    for (const [profile, says] of cases) {
      const dir = project({ "a.md": readWrapup("2023-11.md"), ".wrapup-lint.jsonc": profile.replace("\\n", "\n") });
      fs.mkdirSync(path.join(dir, ".git"));
      const r = await run(["a.md"], dir);
      expect(r.code, profile).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines, profile).toHaveLength(1);
      expect(lines[0], profile).toMatch(/^wrapup-lint: .*\.wrapup-lint\.jsonc/);
      expect(lines[0], profile).toContain(says);
    }
  }, 300_000);
});

describe("the GitHub link cache cannot be written", () => {
  let github: FakeGitHub;
  let dir: string;
  let baseline: Run;
  const page = (): string =>
    readWrapup("2023-11.md") +
    "\n## 🧪 Extra\n\n**Code:** [gardener/gardener#1](https://github.com/gardener/gardener/pull/1), [gardener/gardener#2](https://github.com/gardener/gardener/pull/2)\n";
  const online = (cacheDir: string) => ({
    WRAPUP_LINT_OFFLINE: undefined,
    GITHUB_API_URL: github.apiUrl,
    GITHUB_GRAPHQL_URL: undefined,
    GITHUB_TOKEN: "t",
    GH_TOKEN: undefined,
    WRAPUP_LINT_CACHE_DIR: cacheDir,
  });

  beforeAll(async () => {
    github = await startFakeGitHub({
      owners: [{ login: "gardener" }],
      repos: [{ owner: "gardener", name: "gardener", pulls: [1] }],
    });
    dir = project({ "w.md": page(), "b.md": broken });
    const good = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-cache-"));
    baseline = await run(["*.md"], dir, online(good));
    expect(fs.readdirSync(good).some((f) => f.endsWith(".json"))).toBe(true);
  });

  afterAll(async () => {
    await github?.close();
  });

  test("the baseline asks GitHub and finds the missing pull request", () => {
    expect(baseline.code).toBe(1);
    expect(findings(baseline)).toContain(`w.md:${page().split("\n").length - 1} WU007`);
    expect(messages(baseline)).toEqual([]);
  });

  const cases: [string, () => { cacheDir: string; wrap: string[] }][] = [
    ["a path through a regular file", () => ({ cacheDir: path.join(dir, "b.md", "cache"), wrap: [] })],
    ["a path under /dev/full", () => ({ cacheDir: "/dev/full/wrapup-lint", wrap: [] })],
    [
      "a directory the user may not write",
      () => {
        const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-ro-"));
        fs.chmodSync(cacheDir, 0o555);
        return { cacheDir, wrap: asNobody };
      },
    ],
    [
      "a full disk (writes fail with EFBIG)",
      () => ({
        cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-full-")),
        wrap: ["bash", "-c", 'trap "" XFSZ; ulimit -f 0; exec "$0" "$@"'],
      }),
    ],
  ];
  for (const [name, make] of cases) {
    test.skipIf(name.includes("may not write") && !canDropPrivileges)(
      `${name}: one line, the same findings and exit code`,
      async () => {
        const { cacheDir, wrap } = make();
        if (wrap === asNobody) fs.chmodSync(dir, 0o755);
        const r = await run(["*.md"], dir, online(cacheDir), wrap);
        expect(r.code, r.stderr).toBe(baseline.code);
        expect(findings(r)).toEqual(findings(baseline));
        expect(messages(r)).toHaveLength(1);
        expect(messages(r)[0]).toMatch(
          /^wrapup-lint: cannot write the GitHub link cache in .* \((ENOTDIR|EACCES|EFBIG|ENOSPC|EROFS)\); links will be checked again next run$/,
        );
        if (fs.existsSync(cacheDir) && fs.statSync(cacheDir).isDirectory()) {
          expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
        }
      },
    );
  }
});
