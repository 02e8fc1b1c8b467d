/**
 * The GitHub Action as the runner runs it: action.yml's `main` (the committed build, action/),
 * copied away from this repository as the runner checks an action out, run by Node in
 * GITHUB_WORKSPACE (a git repository whose HEAD is a pull request's merge commit), with the
 * pull_request event payload at GITHUB_EVENT_PATH, GITHUB_BASE_REF, GITHUB_OUTPUT /
 * GITHUB_STEP_SUMMARY files and each input as `INPUT_<NAME>` (hyphens kept, as the runner sets
 * them). The user's repository never installed anything: its `.markdownlint-cli2.jsonc` is the
 * README's, naming `wrapup-lint/markdownlint`. Checks which files were linted, the annotations
 * printed, the SARIF written, the outputs and the summary.
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, test } from "vitest";
import { readDraft, readWrapup } from "../helpers/corpus.js";
import { startFakeGitHub } from "../github-server/server.js";
import { worldFromModels } from "../github-server/world-from-links.js";
import { git, gitInit, ROOT, runAsync, tempDir, testEnv, writeFiles } from "../helpers/integration.js";
import { remarkModel } from "../helpers/models.js";

/** The action as the runner has it: action.yml and action/ checked out into a folder of its own. */
function checkedOutAction(): string {
  const dir = path.join(tempDir("wrapup-lint-actions-"), "wrapup-lint", "wrapup-lint", "v0");
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, "action.yml"), path.join(dir, "action.yml"));
  fs.cpSync(path.join(ROOT, "action"), path.join(dir, "action"), { recursive: true });
  return dir;
}
let ACTION = "";
let ENTRY = "";
/** The README's configuration for markdownlint-cli2. */
const README_CONFIG =
  '{\n  "customRules": ["wrapup-lint/markdownlint"],\n  "config": { "default": false, "wrapup": true }\n}\n';
const broken = fs.readFileSync(path.join(ROOT, "fixtures", "heading-style-broken.md"), "utf8");

interface PullRequest {
  repo: string;
  baseSha: string;
}

/** A repository with a pull request (topic into main, main moved on meanwhile), checked out at the merge commit as actions/checkout does. */
function pullRequestRepo(): PullRequest {
  const repo = tempDir("wrapup-lint-ws-");
  writeFiles(repo, {
    "README.md": "# Project\n",
    "docs/2025-07.md": readWrapup("2025-07.md"),
    "docs/unchanged.md": broken,
    "src/x.txt": "x\n",
    ".markdownlint-cli2.jsonc": README_CONFIG,
  });
  gitInit(repo);
  git(repo, "checkout", "-q", "-b", "topic");
  writeFiles(repo, {
    "docs/2025-12.md": readDraft("2025-12.md"),
    "docs/notes.md": "# Notes\n\nFine.\n",
    "src/x.txt": "y\n",
  });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "wrap-up");
  git(repo, "checkout", "-q", "main");
  writeFiles(repo, { "docs/main-change.md": broken });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "main moves on");
  const baseSha = git(repo, "rev-parse", "HEAD").trim();
  git(repo, "checkout", "-q", "--detach");
  git(repo, "merge", "-q", "--no-ff", "-m", "Merge topic into main", "topic");
  return { repo, baseSha };
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
}

async function runAction(
  pr: PullRequest,
  inputs: Record<string, string> = {},
  push = false,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const runner = tempDir("wrapup-lint-runner-");
  const event = path.join(runner, "event.json");
  const head = git(pr.repo, "rev-parse", "HEAD").trim();
  const payload = push
    ? { ref: "refs/heads/main", before: pr.baseSha, after: head }
    : {
        action: "synchronize",
        number: 7,
        pull_request: {
          number: 7,
          base: { ref: "main", sha: pr.baseSha },
          head: { ref: "topic", sha: git(pr.repo, "rev-parse", "topic").trim() },
        },
      };
  fs.writeFileSync(event, JSON.stringify(payload));
  const outputs = path.join(runner, "output");
  const summary = path.join(runner, "summary");
  fs.writeFileSync(outputs, "");
  fs.writeFileSync(summary, "");
  const env = testEnv({
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: push ? "push" : "pull_request",
    GITHUB_EVENT_PATH: event,
    // The runner sets these for pull requests only (empty otherwise).
    GITHUB_BASE_REF: push ? "" : "main",
    GITHUB_HEAD_REF: push ? "" : "topic",
    GITHUB_WORKSPACE: pr.repo,
    GITHUB_OUTPUT: outputs,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: runner,
    ...extraEnv,
    // The runner's names: upper case, hyphens kept (INPUT_WORKING-DIRECTORY); action.yml's defaults when not given.
    ...Object.fromEntries(Object.entries({ ...DEFAULTS, ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });
  const r = await runAsync(ENTRY, [], { cwd: pr.repo, env });
  return {
    code: r.code,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: fs.readFileSync(outputs, "utf8"),
    summary: fs.readFileSync(summary, "utf8"),
  };
}

/** GITHUB_OUTPUT's `name=value` and `name<<DELIM … DELIM` entries. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (lines[i]!.includes("=")) {
      const at = lines[i]!.indexOf("=");
      out[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return out;
}

const annotation = /^::(error|warning) file=([^,]+),line=(\d+)(?:,col=\d+)?(?:,endColumn=\d+)?,title=(WU\d{3})::/;

let DEFAULTS: Record<string, string> = {};

beforeAll(() => {
  ACTION = checkedOutAction();
  const yml = parseYaml(fs.readFileSync(path.join(ACTION, "action.yml"), "utf8")) as {
    inputs: Record<string, { default?: string }>;
    runs: { main: string };
  };
  ENTRY = path.join(ACTION, yml.runs.main);
  // The runner passes every input, with its default (the token's is github.token: none here).
  DEFAULTS = Object.fromEntries(
    Object.entries(yml.inputs).map(([k, v]) => [k, k === "token" ? "" : (v.default ?? "")]),
  );
});

describe("GitHub Action entry point", () => {
  test("a pull request: only its changed Markdown files are linted, annotated, and written to SARIF", async () => {
    const pr = pullRequestRepo();
    const r = await runAction(pr, { "sarif-file": "reports/wrapup-lint.sarif" });
    expect(r.code, r.stderr).toBe(1);

    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations.length).toBe(4);
    expect(annotations.every((l) => annotation.test(l))).toBe(true);
    expect(new Set(annotations.map((l) => annotation.exec(l)![2]))).toEqual(new Set(["docs/2025-12.md"]));
    expect(annotations).toContain(
      "::error file=docs/2025-12.md,line=19,title=WU002::WU002/wrapup-event-details Event details list follows the H1: Missing `Organizer` item in the event details list",
    );

    const outputs = parseOutputs(r.outputs);
    expect(outputs["files"]!.split("\n")).toEqual(["docs/2025-12.md", "docs/notes.md"]);
    expect(outputs["findings"]).toBe("4");
    const sarifPath = path.join(pr.repo, "reports", "wrapup-lint.sarif");
    expect(outputs["sarif-file"]).toBe(sarifPath);

    const sarif = JSON.parse(fs.readFileSync(sarifPath, "utf8")) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(4);
    expect(
      results.map(
        (x) =>
          `${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}:${x.ruleId}`,
      ),
    ).toEqual(
      annotations.map((l) => {
        const m = annotation.exec(l)!;
        return `${m[2]}:${m[3]}:${m[4]}`;
      }),
    );

    expect(r.summary).toContain("### wrapup-lint");
    expect(r.summary).toContain(`Linted 2 changed Markdown files (since \`${pr.baseSha.slice(0, 12)}\`): 4 findings.`);
    expect(r.summary).toContain(
      "| docs/2025-12.md | 19 | WU002/wrapup-event-details | Missing `Organizer` item in the event details list |",
    );
  });

  test("working-directory and files narrow the set; paths stay relative to the repository; fail-on-findings false exits 0", async () => {
    const pr = pullRequestRepo();
    const r = await runAction(pr, { "working-directory": "docs", files: "2025-*.md", "fail-on-findings": "false" });
    expect(r.code, r.stderr).toBe(0);
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(4);
    expect(annotations.every((l) => annotation.exec(l)?.[2] === "docs/2025-12.md")).toBe(true);
    expect(parseOutputs(r.outputs)["files"]).toBe("docs/2025-12.md");
    const sarif = JSON.parse(fs.readFileSync(path.join(pr.repo, "wrapup-lint.sarif"), "utf8")) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(
      new Set(["docs/2025-12.md"]),
    );
  });

  test("the house conventions: a profile file the repository keeps, or the `profile` input", async () => {
    const hackWeek = path.join(ROOT, "examples", "hack-week");
    const slipped = fs
      .readFileSync(path.join(hackWeek, "2025-07_hack-week", "README.md"), "utf8")
      .replace("**Goal:**", "**Goals:**");
    const pr = pullRequestRepo();
    writeFiles(pr.repo, {
      "conventions/hack-week.jsonc": fs.readFileSync(path.join(hackWeek, ".wrapup-lint.jsonc"), "utf8"),
      "hack/README.md": slipped,
    });
    git(pr.repo, "add", "-A");
    git(pr.repo, "commit", "-q", "-m", "another community's wrap-up");
    const files = (r: ActionRun): Set<string> =>
      new Set(
        r.stdout
          .split("\n")
          .filter((l) => l.startsWith("::error"))
          .map((l) => annotation.exec(l)![2]!),
      );
    // Not found where it stands: the Gardener default, to which hack/README.md is no wrap-up.
    const plain = await runAction(pr);
    expect(files(plain)).toEqual(new Set(["docs/2025-12.md"]));
    // Named by the input: hack/README.md's slip is found; the Gardener draft is no wrap-up to this house.
    const named = await runAction(pr, { profile: "conventions/hack-week.jsonc" });
    expect(files(named)).toEqual(new Set(["hack/README.md"]));
    expect(named.stdout).toMatch(/::error file=hack\/README\.md,line=\d+,col=3,.*did you mean `Goal`\?/);
    // Kept at the root as `init` writes it: found without the input.
    fs.renameSync(path.join(pr.repo, "conventions", "hack-week.jsonc"), path.join(pr.repo, ".wrapup-lint.jsonc"));
    git(pr.repo, "add", "-A");
    git(pr.repo, "commit", "-q", "-m", "the profile at the root");
    expect(files(await runAction(pr))).toEqual(new Set(["hack/README.md"]));
  });

  test("a push: what the push changed (from the payload's `before`)", async () => {
    const pr = pullRequestRepo();
    // The merge lands on main: the push's `before` is main's previous head.
    const r = await runAction(pr, {}, true);
    expect(r.code, r.stderr).toBe(1);
    expect(parseOutputs(r.outputs)["files"]!.split("\n")).toEqual(["docs/2025-12.md", "docs/notes.md"]);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("::"))).toHaveLength(4);
  });

  test("GitHub links are checked with the `token` input; without one, one warning says what to set", async () => {
    const github = await startFakeGitHub(worldFromModels([remarkModel(readWrapup("2025-12.md"))]), {
      token: "ghs_actionToken",
    });
    try {
      const pr = pullRequestRepo();
      // A new page in the pull request's working tree links a repository that does not exist.
      writeFiles(pr.repo, { "docs/links.md": "# Links\n\nSee [nowhere](https://github.com/gardener/nowhere).\n" });
      const online = { WRAPUP_LINT_OFFLINE: "", GITHUB_API_URL: github.apiUrl };
      const r = await runAction(pr, { token: "ghs_actionToken" }, false, online);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(
        /^::error file=docs\/links\.md,line=3,.*title=WU007::.*Unexpected link to `gardener\/nowhere`, expected a GitHub repository that exists/m,
      );
      expect(github.requests.length).toBeGreaterThan(0);
      expect(github.requests.every((q) => q.authorization === "bearer ghs_actionToken")).toBe(true);
      expect(r.stdout + r.summary + fs.readFileSync(path.join(pr.repo, "wrapup-lint.sarif"), "utf8")).not.toContain(
        "ghs_actionToken",
      );
      const without = await runAction(pr, {}, false, online);
      const warnings = without.stdout.split("\n").filter((l) => l.includes("title=WU007"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^::warning .*no GitHub token: set GITHUB_TOKEN or GH_TOKEN/);
    } finally {
      await github.close();
    }
  });

  test("a configuration error is one annotation and exit 2", async () => {
    const pr = pullRequestRepo();
    fs.writeFileSync(
      path.join(pr.repo, ".markdownlint-cli2.jsonc"),
      JSON.stringify({
        config: { default: false, WU003: { order: "yes" } },
        customRules: ["wrapup-lint/markdownlint"],
      }),
    );
    const r = await runAction(pr);
    expect(r.code).toBe(2);
    expect(r.stdout.trim()).toBe(
      '::error title=wrapup-lint::WU003/wrapup-section-fields: option "order" must be boolean',
    );
  });

  test("action.yml: a JavaScript action on the runner's Node running the committed build, no steps, no setup-node", () => {
    const action = parseYaml(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, { value?: string }>;
      runs: { using: string; main: string; steps?: unknown };
    };
    expect(action.runs.using).toBe("node24");
    expect(action.runs.main).toBe("action/index.js");
    expect(action.runs.steps).toBeUndefined();
    expect(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8")).not.toContain("setup-node");
    expect(action.inputs["token"]!.default).toBe("${{ github.token }}");
    for (const output of Object.values(action.outputs)) expect(output.value).toBeUndefined();
    // Every input the entry point reads is declared (and no other).
    const source = fs.readFileSync(path.join(ROOT, "src", "action", "index.ts"), "utf8");
    const read = [...source.matchAll(/input\(env, "([\w-]+)"/g)].map((m) => m[1]).sort();
    expect(read).toEqual(Object.keys(action.inputs).sort());

    const workflow = parseYaml(fs.readFileSync(path.join(ROOT, ".github", "workflows", "wrapup-lint.yml"), "utf8")) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { if?: string; steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions["security-events"]).toBe("write");
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.if).toContain("github.repository !=");
    expect(
      job.steps.some(
        (s) =>
          s.uses?.startsWith("github/codeql-action/upload-sarif@") &&
          s.with?.["sarif_file"]?.includes("outputs.sarif-file"),
      ),
    ).toBe(true);
  });
});
